/// Weighted risk-set sums at one event time of one stratum, with centred covariates x and
/// relative risks rᵢ = exp(ηᵢ): S0 = Σ w r, S1 = Σ w r x, S2 = Σ w r x xᵀ over the risk set,
/// and the same sums (D0, D1, D2) over the rows with an event at that time.
struct RiskSetSums: Sendable {
    let p: Int
    let secondMoments: Bool
    var s0 = 0.0
    var s1: [Double]
    var s2: [Double]
    var d0 = 0.0
    var d1: [Double]
    var d2: [Double]
    /// Σ w over the event rows, and their unweighted count.
    var deathWeight = 0.0
    var deathCount = 0

    init(p: Int, secondMoments: Bool) {
        self.p = p
        self.secondMoments = secondMoments
        s1 = [Double](repeating: 0, count: p)
        d1 = s1
        s2 = secondMoments ? [Double](repeating: 0, count: p * p) : []
        d2 = s2
    }

    /// Adds (`sign` = 1) or removes (−1) row `i` from the risk-set sums.
    mutating func update(_ design: CoxDesign, row i: Int, risk: Double, sign: Double) {
        let wr = sign * design.weight[i] * risk
        s0 += wr
        let base = i * p
        for j in 0..<p { s1[j] += wr * design.x[base + j] }
        guard secondMoments else { return }
        for j in 0..<p {
            let a = wr * design.x[base + j]
            for k in 0...j { s2[j * p + k] += a * design.x[base + k] }
        }
    }

    /// Starts a new event time's death sums.
    mutating func resetDeaths() {
        d0 = 0
        deathWeight = 0
        deathCount = 0
        for j in 0..<p { d1[j] = 0 }
        if secondMoments { for j in 0..<(p * p) { d2[j] = 0 } }
    }

    /// Adds row `i` to the death sums.
    mutating func addDeath(_ design: CoxDesign, row i: Int, risk: Double) {
        let w = design.weight[i]
        let wr = w * risk
        deathWeight += w
        deathCount += 1
        d0 += wr
        let base = i * p
        for j in 0..<p { d1[j] += wr * design.x[base + j] }
        guard secondMoments else { return }
        for j in 0..<p {
            let a = wr * design.x[base + j]
            for k in 0...j { d2[j * p + k] += a * design.x[base + k] }
        }
    }
}

extension CoxDesign {
    /// Walks one stratum's distinct event times from the last to the first, keeping the
    /// risk-set sums up to date by adding rows as the walk reaches their stop time and
    /// removing them once it reaches their entry time, and calls `body` at each event time
    /// with the time, the rows that have an event then, and the sums.
    ///
    /// - Complexity: O(n·p²) with second moments, O(n·p) without.
    func forEachEventTime(
        in stratum: Stratum, risk: [Double], secondMoments: Bool,
        _ body: (_ time: Double, _ deaths: [Int], _ sums: RiskSetSums) -> Void
    ) {
        var sums = RiskSetSums(p: covariateCount, secondMoments: secondMoments)
        var deaths: [Int] = []
        let rows = stratum.byStop
        var k = 0
        var e = 0
        while k < rows.count {
            let time = stop[rows[k]]
            deaths.removeAll(keepingCapacity: true)
            sums.resetDeaths()
            while k < rows.count, stop[rows[k]] == time {
                let i = rows[k]
                sums.update(self, row: i, risk: risk[i], sign: 1)
                if event[i] {
                    deaths.append(i)
                    sums.addDeath(self, row: i, risk: risk[i])
                }
                k += 1
            }
            guard !deaths.isEmpty else { continue }
            if let entry {
                // Rows entering at or after `time` are not at risk at `time`; they were
                // added already, as their stop time is later.
                while e < stratum.byEntry.count, entry[stratum.byEntry[e]] >= time {
                    sums.update(self, row: stratum.byEntry[e], risk: risk[stratum.byEntry[e]], sign: -1)
                    e += 1
                }
            }
            body(time, deaths, sums)
        }
    }
}
