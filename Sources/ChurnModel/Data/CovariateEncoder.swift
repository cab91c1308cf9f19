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
}

/// The kept cells of one covariate column, as ``CovariateEncoder`` takes them.
enum CovariateCells {
    /// Every cell a finite number.
    case numbers([Double])
    /// The cells as text.
    case text([String])
}

/// Turns a CSV column into model columns: numeric, boolean, or categorical indicators
/// against a reference level (R's treatment contrasts).
enum CovariateEncoder {
    /// The most text levels a covariate may have unless the user asks for levels: more usually
    /// means an identifier, free text, or a numeric column with many mistyped cells.
    static let implicitLevelLimit = 50

    /// How `cells` of `column` enter the model: numbers as they are (unless `asLevels`), text
    /// that is all true/false or yes/no as 0/1, other text as indicators against `reference`
    /// (default: the first level in sorted order).
    /// - Parameter asLevels: the user asked for text levels (`--categorical`, `--reference`):
    ///   numbers are levels too, and any number of levels is allowed.
    /// - Throws: ``DataError/invalidTable(file:reason:)`` for an unknown reference level, a
    ///   single level, or more than ``implicitLevelLimit`` levels not asked for.
    static func encode(column: String, cells: CovariateCells, reference: String?, asLevels: Bool, file: String) throws -> EncodedCovariate {
        guard case .text(let texts) = cells else { return EncodedCovariate(column: column, kind: .numeric, names: [column]) }
        if !asLevels, texts.allSatisfy({ DecimalParsing.number($0)?.isFinite ?? false }) {
            return EncodedCovariate(column: column, kind: .numeric, names: [column])
        }
        if !asLevels, texts.allSatisfy({ booleanValue($0) != nil }) {
            return EncodedCovariate(column: column, kind: .boolean, names: [column])
        }
        let levels = Array(Set(texts)).sorted()
        guard asLevels || levels.count <= implicitLevelLimit else {
            throw DataError.invalidTable(
                file: file,
                reason: "covariate '\(column)' has \(levels.count) distinct text values; more than \(implicitLevelLimit) "
                    + "usually means an identifier or free text, so pass --categorical \(column) to use them as levels anyway")
        }
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
            column: column, kind: .categorical(levels: levels, reference: base), names: others.map { "\(column)=\($0)" })
    }

    /// Appends the model columns of `encoded`, computed from the `cells` it was encoded from,
    /// to the column-major `storage`.
    static func appendColumns(of encoded: EncodedCovariate, cells: CovariateCells, to storage: inout [Double]) {
        switch (encoded.kind, cells) {
        case (_, .numbers(let values)):
            storage.append(contentsOf: values)
        case (.numeric, .text(let texts)):
            storage.append(contentsOf: texts.lazy.map { DecimalParsing.number($0) ?? 0 })
        case (.boolean, .text(let texts)):
            storage.append(contentsOf: texts.lazy.map { booleanValue($0) ?? 0 })
        case (.categorical(let levels, let reference), .text(let texts)):
            for level in levels where level != reference {
                storage.append(contentsOf: texts.lazy.map { $0 == level ? 1 : 0 })
            }
        }
    }

    /// 1 for true/yes, 0 for false/no (any case), else nil.
    private static func booleanValue(_ cell: String) -> Double? {
        switch cell.lowercased() {
        case "true", "yes": 1
        case "false", "no": 0
        default: nil
        }
    }
}
