/// How one covariate column entered the model.
public struct EncodedCovariate: Sendable, Equatable {
    /// The kind of column.
    public enum Kind: Sendable, Equatable {
        /// Numbers used as they are.
        case numeric
        /// true/false or yes/no, coded 1/0.
        case boolean
        /// Text levels, expanded to one indicator per level other than `reference`.
        case categorical(levels: [String], reference: String)
    }

    /// Column name in the CSV.
    public let column: String
    /// The kind of column.
    public let kind: Kind
    /// Model column names: the column itself, or `column=level` per indicator.
    public let names: [String]
    /// Model columns, one array of values per name.
    let columns: [[Double]]
}

/// Turns a CSV column into model columns: numeric, boolean, or categorical indicators
/// against a reference level (R's treatment contrasts).
enum CovariateEncoder {
    static func encode(column: String, cells: [String], reference: String?, file: String) throws -> EncodedCovariate {
        let numbers = cells.map { DecimalParsing.number($0) }
        if reference == nil, numbers.allSatisfy({ $0?.isFinite ?? false }) {
            return EncodedCovariate(column: column, kind: .numeric, names: [column], columns: [numbers.map { $0 ?? 0 }])
        }
        let lowered = cells.map { $0.lowercased() }
        let truthy: Set<String> = ["true", "yes"], falsy: Set<String> = ["false", "no"]
        if reference == nil, lowered.allSatisfy({ truthy.contains($0) || falsy.contains($0) }) {
            return EncodedCovariate(
                column: column, kind: .boolean, names: [column], columns: [lowered.map { truthy.contains($0) ? 1 : 0 }])
        }
        let levels = Array(Set(cells)).sorted()
        let base = reference ?? levels[0]
        guard levels.contains(base) else {
            throw DataError.invalidTable(
                file: file, reason: "--reference \(column)=\(base): no such level (levels: \(levels.joined(separator: ", ")))")
        }
        guard levels.count > 1 else {
            throw DataError.invalidTable(file: file, reason: "covariate '\(column)' has a single level '\(base)'; it cannot be estimated")
        }
        let others = levels.filter { $0 != base }
        return EncodedCovariate(
            column: column, kind: .categorical(levels: levels, reference: base), names: others.map { "\(column)=\($0)" },
            columns: others.map { level in cells.map { $0 == level ? 1 : 0 } })
    }
}
