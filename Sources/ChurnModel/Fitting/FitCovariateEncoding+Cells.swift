extension FitCovariateEncoding {
    /// The model columns of this covariate: the column itself, or `column=level` for each
    /// level other than the reference.
    public var modelNames: [String] {
        guard kind == "categorical" else { return [column] }
        return (levels ?? []).filter { $0 != reference }.map { "\(column)=\($0)" }
    }

    /// The values of ``modelNames`` for one cell of new data, encoded as the history was
    /// (a number; true/false or yes/no as 1/0; a level as its indicators); nil when the
    /// model never saw such a value (not a number, an unknown level).
    public func modelValues(ofCell cell: String) -> [Double]? {
        switch kind {
        case "numeric":
            guard let number = Double(cell), number.isFinite else { return nil }
            return [number]
        case "boolean":
            switch cell.lowercased() {
            case "true", "yes": return [1]
            case "false", "no": return [0]
            default: return nil
            }
        default:
            let levels = levels ?? []
            guard levels.contains(cell) else { return nil }
            return levels.filter { $0 != reference }.map { $0 == cell ? 1 : 0 }
        }
    }

    /// What a valid cell of this covariate looks like, for messages.
    public var expectedCell: String {
        switch kind {
        case "numeric": "a number"
        case "boolean": "true/false or yes/no"
        default: "a level the model was fitted with (\((levels ?? []).joined(separator: ", ")))"
        }
    }
}
