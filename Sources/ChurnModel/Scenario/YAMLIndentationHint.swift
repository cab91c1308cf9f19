/// A plain-words hint for a YAML syntax error caused by indentation, the usual cause of
/// libyaml's "did not find expected key" and "mapping values are not allowed in this context".
///
/// YAML nests by indentation: the keys of one mapping (and the dashes of one list) must start
/// in exactly the same column, with spaces only. The hint compares the failing line's
/// indentation with the lines it could belong to (the line just above and every less-indented
/// line that opens a block around it) and names them.
enum YAMLIndentationHint {
    /// The hint for a parser error on 1-based `line` of `text`, or nil when that line's
    /// indentation matches a block above it (the error has another cause).
    static func hint(text: String, line: Int) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return nil }
        let failing = lines[line - 1]
        let leading = failing.prefix { $0 == " " || $0 == "\t" }
        if leading.contains("\t") {
            return "line \(line) is indented with a tab; YAML indentation must be spaces"
        }
        let indentation = leading.count
        var candidates: [(line: Int, indentation: Int)] = []
        var narrowest = Int.max
        for index in stride(from: line - 2, through: 0, by: -1) {
            let text = lines[index]
            let content = text.drop { $0 == " " }
            if content.isEmpty || content.hasPrefix("#") { continue }
            let level = text.count - content.count
            if candidates.isEmpty || level < narrowest {
                candidates.append((index + 1, level))
                narrowest = min(narrowest, level)
            }
            if level == 0 { break }
        }
        guard !candidates.isEmpty, !candidates.contains(where: { $0.indentation == indentation }) else { return nil }
        let above = candidates.map { "\($0.indentation) (line \($0.line))" }
        let list = above.count == 1 ? above[0] : above.dropLast().joined(separator: ", ") + " or " + above[above.count - 1]
        return "line \(line) is indented \(indentation) space\(indentation == 1 ? "" : "s"), but the lines above it "
            + "are indented \(list); the keys of one mapping must line up exactly"
    }
}
