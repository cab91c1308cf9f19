import RealModule

/// Which columns of a current-customers CSV `churnsim score` reads.
public struct ScoringSpecification: Sendable, Equatable {
    /// Tenure so far, in months.
    public var tenure: String
    /// Monthly recurring revenue.
    public var mrr: String
    /// Account identifier, if any (else the row number is used).
    public var id: String?
    /// Stratum column for a stratified fit.
    public var stratum: String?
    /// Contract term in months: customers can leave only at renewals every `termMonths`.
    public var termMonths: Int
    /// Months per unit of the fitted model's time scale (1 when it was fitted in months).
    public var monthsPerUnit: Double
    /// Field separator of the file.
    public var delimiter: CSVDelimiter

    /// Creates a specification.
    public init(
        tenure: String, mrr: String, id: String? = nil, stratum: String? = nil, termMonths: Int = 1,
        monthsPerUnit: Double = 1, delimiter: CSVDelimiter = .auto
    ) {
        self.tenure = tenure
        self.mrr = mrr
        self.id = id
        self.stratum = stratum
        self.termMonths = termMonths
        self.monthsPerUnit = monthsPerUnit
        self.delimiter = delimiter
    }
}

/// One scored account.
public struct AccountScore: Sendable, Equatable {
    /// Account identifier (or `row N`).
    public var id: String
    /// Data row (1-based).
    public var row: Int
    /// Tenure so far, in months.
    public var tenureMonths: Double
    /// Monthly recurring revenue.
    public var mrr: Double
    /// Months from now to the next renewal.
    public var monthsToRenewal: Double
    /// P(the account does not renew at its next renewal | active now) = 1 − S(next)/S(now).
    public var probabilityNotRenewing: Double
    /// Expected ARR lost over the next 12 months: 12 × MRR × P(churn at a renewal within 12 months).
    public var expectedARRLost12Months: Double
}

/// Ranks current accounts by the fitted model's conditional churn probability.
///
/// Each account's covariates are encoded exactly as the history was (the fit file records
/// numeric, boolean and categorical columns with their levels and reference). An account
/// whose value the model never saw (an unknown level, a blank) gets its own row error and
/// the others are still scored. Probabilities come from the model's conditional survival:
/// 1 − exp(−(H(r) − H(t))) computed as −expm1, exact for small hazards.
public enum AccountScoring {
    /// Scores every row of the CSV at `path` with `fit` (read from `fitFile`).
    /// - Returns: the scores, highest probability first, and one error per rejected row.
    /// - Throws: ``DataError`` when the file or a required column is missing.
    public static func score(
        path: String, fit: FitSummary, fitFile: String, specification spec: ScoringSpecification
    ) throws -> (scores: [AccountScore], rowErrors: [DataError]) {
        let encodings = fit.covariateEncodings ?? []
        let slopes = fit.coefficients.filter { !["(Intercept)", "Log(scale)", "alpha", "beta"].contains($0.name) }
        if encodings.isEmpty, !slopes.isEmpty {
            throw FittedModelError.unreadable(
                file: fitFile, reason: "it has covariates but no covariate_encodings; refit it with this version of churnsim")
        }
        let columns = [spec.tenure, spec.mrr] + [spec.id, spec.stratum].compactMap { $0 } + encodings.map(\.column)
        let csv = try CSVColumns.read(path: path, columns: columns, delimiter: spec.delimiter)
        let reader = CellReader(csv: csv)
        var scores: [AccountScore] = [], errors: [DataError] = []
        for index in 0..<csv.rowCount {
            do {
                scores.append(try scoreRow(index, reader: reader, fit: fit, fitFile: fitFile, encodings: encodings, spec: spec))
            } catch let error as DataError {
                errors.append(error)
            } catch {
                let row = index + 1
                errors.append(.invalidTable(file: path, reason: "row \(row) (line \(csv.rowLines.line(ofRow: row))): \(error)"))
            }
        }
        return (scores.sorted { ($0.probabilityNotRenewing, $0.expectedARRLost12Months) > ($1.probabilityNotRenewing, $1.expectedARRLost12Months) }, errors)
    }

    private static func scoreRow(
        _ index: Int, reader: CellReader, fit: FitSummary, fitFile: String, encodings: [FitCovariateEncoding],
        spec: ScoringSpecification
    ) throws -> AccountScore {
        func cell(_ column: String) -> String { reader.csv.column(column)[index] }
        guard let tenure = Double(cell(spec.tenure)), tenure >= 0, tenure.isFinite else {
            throw reader.invalid(spec.tenure, index, expected: "a tenure in months ≥ 0")
        }
        guard let mrr = Double(cell(spec.mrr)), mrr >= 0, mrr.isFinite else {
            throw reader.invalid(spec.mrr, index, expected: "an MRR ≥ 0")
        }
        var covariates: [String: Double] = [:]
        for encoding in encodings {
            guard let values = encoding.modelValues(ofCell: cell(encoding.column)) else {
                throw reader.invalid(encoding.column, index, expected: encoding.expectedCell)
            }
            for (name, value) in zip(encoding.modelNames, values) { covariates[name] = value }
        }
        let model = try fit.survivalModel(covariates: covariates, stratum: spec.stratum.map(cell), file: fitFile)
        let term = Double(spec.termMonths)
        let next = term * ((tenure / term).rounded(.down) + 1)
        let lastWithinYear = term * ((tenure + 12) / term).rounded(.down)
        func churnProbability(until months: Double) -> Double {
            guard months > tenure else { return 0 }
            let start = model.cumulativeHazard(at: tenure / spec.monthsPerUnit)
            let end = model.cumulativeHazard(at: months / spec.monthsPerUnit)
            guard start.isFinite else { return 1 }
            return end.isFinite ? -Double.expMinusOne(-(end - start)) : 1
        }
        return AccountScore(
            id: spec.id.map(cell) ?? "row \(index + 1)", row: index + 1, tenureMonths: tenure, mrr: mrr,
            monthsToRenewal: next - tenure, probabilityNotRenewing: churnProbability(until: next),
            expectedARRLost12Months: 12 * mrr * churnProbability(until: lastWithinYear))
    }
}
