import RealModule

/// A synthetic but realistic customer history with known true churn drivers, for examples,
/// demonstrations and recovery tests of the fitters.
///
/// Each customer belongs to a segment, joined on a date in the `yearsOfHistory` before
/// the as-of date, and carries covariates standing for the churn drivers practitioners
/// name (DOMAIN.md): disconnection (`sponsor_change`), disengagement (`login_trend`,
/// `seat_utilisation`), service trouble (`support_tickets`) and Customer Success coverage
/// (`csm_assigned`). Lifetimes follow a proportional-hazards Weibull model,
/// h(t | x) = (ρ/λ_s)(t/λ_s)^(ρ−1) · exp(xᵀβ), with the true β in ``trueCoefficients``;
/// customers still active at the as-of date are censored there.
public struct SyntheticHistory: Sendable {
    /// One generated customer.
    public struct Customer: Sendable, Equatable {
        /// Identifier `C000001`, …
        public let id: String
        /// `SMB`, `Mid-market` or `Enterprise`.
        public let segment: String
        /// Start date.
        public let start: CalendarDate
        /// Churn date, nil while active at the as-of date.
        public let end: CalendarDate?
        /// Months observed (to churn or to the as-of date).
        public let tenureMonths: Double
        /// Monthly recurring revenue.
        public let mrr: Double
        /// Covariate values in ``SyntheticHistory/covariateNames`` order.
        public let covariates: [Double]
    }

    /// Names of the covariates, in coefficient order.
    public static let covariateNames = ["sponsor_change", "login_trend", "seat_utilisation", "support_tickets", "csm_assigned"]
    /// True log hazard ratios: a sponsor change doubles the hazard, rising logins and fuller
    /// seats lower it, each support ticket raises it 8%, a named CSM lowers it 30%.
    public static let trueCoefficients = [0.7, -0.8, -1.2, 0.08, -0.35]
    /// Weibull shape ρ of the baseline hazard (< 1: churn risk falls with tenure).
    public static let weibullShape = 0.9
    /// Weibull scale λ (months) of the baseline per segment.
    public static let weibullScales = ["SMB": 20.0, "Mid-market": 45.0, "Enterprise": 90.0]

    /// The customers, in id order.
    public let customers: [Customer]
    /// The date at which active customers are censored.
    public let asOf: CalendarDate

    /// Generates `count` customers deterministically from `seed`.
    public init(count: Int, seed: UInt64, asOf: CalendarDate, yearsOfHistory: Int = 4) {
        self.asOf = asOf
        let segments = [("SMB", 0.7, 500.0), ("Mid-market", 0.25, 2500.0), ("Enterprise", 0.05, 15000.0)]
        customers = (0..<count).map { index in
            var stream = RandomStream(seed: seed, stream: 0, substream: UInt64(index))
            let pick = stream.nextUniform()
            let (segment, _, medianMRR) = pick < 0.7 ? segments[0] : (pick < 0.95 ? segments[1] : segments[2])
            let csmShare: Double = ["SMB": 0.15, "Mid-market": 0.8, "Enterprise": 1.0][segment] ?? 0
            let covariates: [Double] = [
                stream.nextUniform() < 0.15 ? 1 : 0,
                stream.normal(mean: 0, standardDeviation: 0.3),
                stream.beta(5, 3),
                Double(stream.poisson(mean: 2)),
                stream.nextUniform() < csmShare ? 1 : 0,
            ]
            let risk = Double.exp(zip(covariates, Self.trueCoefficients).reduce(0) { $0 + $1.0 * $1.1 })
            let scale = Self.weibullScales[segment] ?? 20
            // Inversion: H(t) = (t/λ)^ρ · risk = E  ⇒  t = λ (E / risk)^(1/ρ).
            let lifetime = scale * Double.pow(-Double.log(stream.nextUniform()) / risk, 1 / Self.weibullShape)
            let joinedDaysAgo = 1 + Int(stream.nextUniform() * Double(365 * yearsOfHistory))
            let start = CalendarDate(daysSinceEpoch: asOf.daysSinceEpoch - joinedDaysAgo)
            let observedDays = Double(joinedDaysAgo)
            let lifetimeDays = (lifetime * CalendarDate.daysPerMonth).rounded(.up)
            let churned = lifetimeDays < observedDays
            let end = churned ? CalendarDate(daysSinceEpoch: start.daysSinceEpoch + Int(lifetimeDays)) : nil
            let days = churned ? lifetimeDays : observedDays
            return Customer(
                id: "C" + String(repeating: "0", count: max(0, 6 - String(index + 1).count)) + String(index + 1),
                segment: segment, start: start, end: end, tenureMonths: days / CalendarDate.daysPerMonth,
                mrr: (medianMRR * Double.exp(0.4 * stream.standardNormal())).rounded(),
                covariates: covariates)
        }
    }

    /// The history as CSV text: id, segment, dates, tenure, churn flag, MRR and covariates.
    public var csv: String {
        var lines = [(["customer_id", "segment", "start_date", "end_date", "tenure_months", "churned", "mrr"]
            + Self.covariateNames).joined(separator: ",")]
        for customer in customers {
            let flags = customer.covariates.enumerated().map { index, value -> String in
                switch index {
                case 0, 4: value == 1 ? "yes" : "no"
                case 3: String(Int(value))
                default: String((value * 10_000).rounded() / 10_000)
                }
            }
            lines.append(([customer.id, customer.segment, customer.start.description, customer.end?.description ?? "",
                           String((customer.tenureMonths * 1000).rounded() / 1000), customer.end == nil ? "0" : "1",
                           String(Int(customer.mrr))] + flags).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension CalendarDate {
    /// The date `daysSinceEpoch` days after 1970-01-01.
    public init(daysSinceEpoch: Int) {
        self.daysSinceEpoch = daysSinceEpoch
    }
}

extension SyntheticHistory {
    /// The generating model as YAML: true coefficients, baseline shape and scales, seed.
    public func truthYAML(seed: UInt64) -> String {
        var lines = [
            "# True model behind history.csv (churnsim example): proportional-hazards Weibull,",
            "# h(t | x) = (shape/scale)(t/scale)^(shape-1) exp(x'beta), t in months, baseline scale per segment.",
            "seed: \(seed)", "as_of: \(asOf)", "customers: \(customers.count)", "weibull_shape: \(Self.weibullShape)",
            "weibull_scale_months:",
        ]
        lines += Self.weibullScales.keys.sorted().map { "  \($0): \(Self.weibullScales[$0] ?? 0)" }
        lines.append("coefficients:")
        lines += zip(Self.covariateNames, Self.trueCoefficients).map { "  \($0): \($1)" }
        return lines.joined(separator: "\n") + "\n"
    }
}
