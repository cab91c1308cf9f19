/// `results.json` of `churnsim staffing` (snake_case keys, explicit nulls): the cap, and per
/// segment every coverage tried with its numbers, the best one and the range within 1%.
extension StaffingSweep: Encodable {
    private enum Keys: String, CodingKey { case budgetAnnual, maxHeadcount, segments }

    /// Writes the cap and the segments.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(cap.budgetAnnual, forKey: .budgetAnnual)
        try container.encode(cap.maxHeadcount, forKey: .maxHeadcount)
        try container.encode(segments, forKey: .segments)
    }
}

extension StaffingSweep.SegmentSweep: Encodable {
    private enum Keys: String, CodingKey { case name, points, bestAccountsPerCsm, nearBestFrom, nearBestTo }

    /// Writes the points; `best_accounts_per_csm` is null when tech-touch is best.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(name, forKey: .name)
        try container.encode(points, forKey: .points)
        try container.encode(best.coverage.accountsPerCSM, forKey: .bestAccountsPerCsm)
        try container.encode(nearBestRange?.lowerBound, forKey: .nearBestFrom)
        try container.encode(nearBestRange?.upperBound, forKey: .nearBestTo)
    }
}

extension StaffingSweep.Point: Encodable {
    private enum Keys: String, CodingKey {
        case accountsPerCsm, hazardRatio, headcount, teamHeadcount, feasible, costNetPresentValue, survival12
        case netRevenueRetention12, netValue, shareOfPathsBest
    }

    /// Writes the point; `accounts_per_csm` is null for tech-touch.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(coverage.accountsPerCSM, forKey: .accountsPerCsm)
        try container.encode(hazardRatio, forKey: .hazardRatio)
        try container.encode(headcount, forKey: .headcount)
        try container.encode(teamHeadcount, forKey: .teamHeadcount)
        try container.encode(isFeasible, forKey: .feasible)
        try container.encode(costNetPresentValue, forKey: .costNetPresentValue)
        try container.encode(survival12, forKey: .survival12)
        try container.encode(netRevenueRetention12, forKey: .netRevenueRetention12)
        try container.encode(netValue, forKey: .netValue)
        try container.encode(shareOfPathsBest, forKey: .shareOfPathsBest)
    }
}
