/// The accounts and propensity terms a comparison can use: a binary term (a level of a text
/// column, a yes/no column) whose accounts are all in one arm has no comparable accounts in the
/// other, so its accounts are left out, and terms left constant are dropped.
struct CommonSupport {
    /// Rows kept, ascending.
    let rows: [Int]
    /// Columns of the covariate matrix kept as propensity terms.
    let terms: [Int]
    /// One sentence per left-out group, naming it and its size.
    let warnings: [String]

    /// - Parameter referenceLevels: the reference level of each text column, to name the accounts
    ///   that have none of its `column=level` indicators.
    init(covariates: Matrix, names: [String], treated: [Bool], referenceLevels: [String: String]) {
        var kept = [Bool](repeating: true, count: covariates.rows)
        var warnings: [String] = []
        let groups = Self.groups(covariates: covariates, names: names, referenceLevels: referenceLevels)
        // Leaving one group out can leave another with one arm only: repeat until nothing changes.
        var changed = true
        while changed {
            changed = false
            for (label, members) in groups {
                let present = members.filter { kept[$0] }
                guard !present.isEmpty else { continue }
                let treatedMembers = present.count(where: { treated[$0] })
                guard treatedMembers == 0 || treatedMembers == present.count else { continue }
                for row in present { kept[row] = false }
                changed = true
                let all = treatedMembers == present.count
                warnings.append(
                    "\(all ? "every" : "no") account with \(label) is treated (\(present.count) accounts): there are no comparable "
                        + "\(all ? "controls" : "treated accounts"), so they are left out and the effect is for the other accounts")
            }
        }
        let rows = kept.indices.filter { kept[$0] }
        var terms = (0..<covariates.columns).filter { column in
            let first = covariates[rows.first ?? 0, column]
            return rows.contains { covariates[$0, column] != first }
        }
        // A text column whose reference level was left out: its indicators now add up to 1 on
        // every kept row, so the first one becomes the reference.
        for columns in Self.indicatorColumns(names: names).values {
            let varying = columns.filter(terms.contains)
            let referenceLeft = rows.contains { row in varying.allSatisfy { covariates[row, $0] == 0 } }
            if !referenceLeft, let first = varying.first { terms.removeAll { $0 == first } }
        }
        self.rows = rows
        self.terms = terms
        self.warnings = warnings
    }

    /// The `column=level` indicator columns of each text column, by column name.
    private static func indicatorColumns(names: [String]) -> [String: [Int]] {
        names.indices.reduce(into: [:]) { columns, index in
            if let equals = names[index].firstIndex(of: "=") { columns[String(names[index][..<equals]), default: []].append(index) }
        }
    }

    /// The groups of accounts a binary term defines, with a label: for each `column=level`
    /// indicator its level, plus the reference level (none of the column's indicators set); for
    /// any other 0/1 column its 1s and its 0s.
    private static func groups(covariates: Matrix, names: [String], referenceLevels: [String: String]) -> [(String, [Int])] {
        var groups: [(String, [Int])] = []
        for column in 0..<covariates.columns {
            let values = covariates.column(column)
            guard values.allSatisfy({ $0 == 0 || $0 == 1 }) else { continue }
            let ones = values.indices.filter { values[$0] == 1 }
            if names[column].contains("=") {
                groups.append((names[column].replacingOccurrences(of: "=", with: " = "), ones))
            } else {
                groups.append(("\(names[column]) = 1", ones))
                groups.append(("\(names[column]) = 0", values.indices.filter { values[$0] == 0 }))
            }
        }
        for (source, columns) in indicatorColumns(names: names).sorted(by: { $0.key < $1.key }) {
            let reference = (0..<covariates.rows).filter { row in columns.allSatisfy { covariates[row, $0] == 0 } }
            groups.append(("\(source) = \(referenceLevels[source] ?? "its reference level")", reference))
        }
        return groups
    }
}
