import Dispatch

/// Weighted risk-set sums at one event time of one stratum, with centred covariates x and
/// relative risks rᵢ = exp(ηᵢ): S0 = Σ w r, S1 = Σ w r x, S2 = Σ w r x xᵀ over the risk set,
/// and the same sums (D0, D1, D2) over the rows with an event at that time.
///
/// S2 and D2 hold their lower triangles only (`s2[j * p + k]`, k ≤ j). Second moments are
/// the O(n·p²) part of a Cox fit, so rows joining the risk set are scaled by √(w r) and
/// queued, and the queue is folded into S2 with one BLAS `dsyrk` when it fills up or an event
/// time needs S2 (rows of one time join together, so large tied groups cost a few BLAS calls).
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
    /// Scaled rows √(w r)·xᵢ not yet in S2 (censored rows) or D2 (event rows), row-major.
    private var queued: [Double] = []
    private var queuedDeaths: [Double] = []
    /// Rows queued before a flush into S2.
    private static let queueRows = 256

    init(p: Int, secondMoments: Bool) {
        self.p = p
        self.secondMoments = secondMoments
        s1 = [Double](repeating: 0, count: p)
        d1 = s1
        s2 = secondMoments ? [Double](repeating: 0, count: p * p) : []
        d2 = s2
        if secondMoments { queued.reserveCapacity(Self.queueRows * p) }
    }

    /// Adds row `i` to the risk-set sums, and to the death sums when it has an event now.
    mutating func join(_ design: CoxDesign, row i: Int, risk: Double, dies: Bool) {
        let w = design.weight[i]
        let wr = w * risk
        s0 += wr
        if dies {
            deathWeight += w
            deathCount += 1
            d0 += wr
        }
        let p = p
        design.x.withUnsafeBufferPointer { x in
            let row = UnsafeBufferPointer(rebasing: x[(i * p)..<((i + 1) * p)])
            Self.add(wr, row, to: &s1)
            if dies { Self.add(wr, row, to: &d1) }
            guard secondMoments else { return }
            if dies {
                Self.queue(row, scaledBy: wr.squareRoot(), on: &queuedDeaths)
            } else {
                Self.queue(row, scaledBy: wr.squareRoot(), on: &queued)
                if queued.count >= Self.queueRows * p { flushQueued() }
            }
        }
    }

    /// sums += a·row.
    private static func add(_ a: Double, _ row: UnsafeBufferPointer<Double>, to sums: inout [Double]) {
        sums.withUnsafeMutableBufferPointer { sums in
            for j in sums.indices { sums[j] += a * row[j] }
        }
    }

    /// Appends scale·row to a queue of rows.
    private static func queue(_ row: UnsafeBufferPointer<Double>, scaledBy scale: Double, on rows: inout [Double]) {
        let start = rows.count
        rows.append(contentsOf: row)
        rows.withUnsafeMutableBufferPointer { rows in
            for j in start..<rows.count { rows[j] *= scale }
        }
    }

    /// Removes row `i` from the risk-set sums (a row whose entry time the walk has reached).
    mutating func leave(_ design: CoxDesign, row i: Int, risk: Double) {
        let wr = design.weight[i] * risk
        s0 -= wr
        let base = i * p
        for j in 0..<p { s1[j] -= wr * design.x[base + j] }
        guard secondMoments else { return }
        for j in 0..<p {
            let a = wr * design.x[base + j]
            for k in 0...j { s2[j * p + k] -= a * design.x[base + k] }
        }
    }

    /// Starts a new event time's death sums.
    mutating func resetDeaths() {
        d0 = 0
        deathWeight = 0
        deathCount = 0
        for j in 0..<p { d1[j] = 0 }
    }

    /// Folds the queued rows into S2, and the queued event rows into D2 (replacing it) and S2,
    /// so that both are complete for the current event time.
    mutating func completeSecondMoments() {
        guard secondMoments else { return }
        flushQueued()
        let deaths = queuedDeaths.count / Swift.max(p, 1)
        if deaths == 0 {
            for j in 0..<(p * p) { d2[j] = 0 }
            return
        }
        queuedDeaths.withUnsafeBufferPointer { rows in
            d2.withUnsafeMutableBufferPointer { lower in
                RowMajorKernels.addGram(
                    of: rows.baseAddress!, rows: deaths, columns: p, into: lower.baseAddress!, beta: 0)
            }
        }
        for j in 0..<p { for k in 0...j { s2[j * p + k] += d2[j * p + k] } }
        queuedDeaths.removeAll(keepingCapacity: true)
    }

    private mutating func flushQueued() {
        let rows = queued.count / Swift.max(p, 1)
        guard rows > 0 else { return }
        queued.withUnsafeBufferPointer { block in
            s2.withUnsafeMutableBufferPointer { lower in
                RowMajorKernels.addGram(
                    of: block.baseAddress!, rows: rows, columns: p, into: lower.baseAddress!, beta: 1)
            }
        }
        queued.removeAll(keepingCapacity: true)
    }
}

extension RiskSetSums {
    /// Adds the risk-set sums S0, S1, S2 of `other` (rows of another part of the walk); the death
    /// sums stay as they are.
    mutating func addRiskSet(of other: RiskSetSums) {
        s0 += other.s0
        for j in 0..<p { s1[j] += other.s1[j] }
        for j in s2.indices { s2[j] += other.s2[j] }
    }
}

/// The event times of the later part of a split walk, recorded on another thread with sums
/// over that part's rows only (see ``CoxDesign/forEachEventTime(in:risk:secondMoments:_:)``).
private final class EventTimeRecorder: @unchecked Sendable {
    let design: CoxDesign
    let rows: Range<Int>
    let risk: [Double]
    let secondMoments: Bool
    /// Each event time of `rows` with its rows that have an event and the part's sums.
    private(set) var snapshots: [(time: Double, deaths: Range<Int>, sums: RiskSetSums)] = []

    init(design: CoxDesign, rows: Range<Int>, risk: [Double], secondMoments: Bool) {
        self.design = design
        self.rows = rows
        self.risk = risk
        self.secondMoments = secondMoments
    }

    func record() {
        _ = design.walk(rows, entering: nil, risk: risk, secondMoments: secondMoments) {
            snapshots.append(($0, $1, $2))
        }
    }
}

extension CoxDesign {
    /// Rows per part below which a walk is not split.
    private static let minimumSplitRows = 25_000

    /// Walks one stratum's distinct event times from the last to the first, keeping the
    /// risk-set sums up to date by adding rows as the walk reaches their stop time and
    /// removing them once it reaches their entry time, and calls `body` at each event time
    /// with the time, the rows that have an event then (contiguous: a stratum's rows are
    /// stored by decreasing stop time, events first), and the sums.
    ///
    /// A large right-censored stratum is walked in two parts at once: the later part's rows
    /// are summed on another thread, each event time's sums recorded, and once the earlier
    /// part is done its totals are added to every recorded time before `body` sees it.
    /// `body` is still called on the calling thread, once per event time, in walk order. The
    /// split point depends on the data only (the first new time after the middle row), so
    /// the sums, rounded the same way on any machine, do not depend on the number of cores.
    /// The split is skipped when the later part has so many event times that their recorded
    /// sums would outweigh its rows.
    ///
    /// - Complexity: O(n·p²) with second moments, O(n·p) without.
    func forEachEventTime(
        in stratum: Stratum, risk: [Double], secondMoments: Bool,
        _ body: (_ time: Double, _ deaths: Range<Int>, _ sums: RiskSetSums) -> Void
    ) {
        guard entry == nil, let split = splitPoint(of: stratum.rows, secondMoments: secondMoments) else {
            _ = walk(stratum.rows, entering: stratum, risk: risk, secondMoments: secondMoments, body)
            return
        }
        let later = EventTimeRecorder(
            design: self, rows: split..<stratum.rows.upperBound, risk: risk, secondMoments: secondMoments)
        let recorded = DispatchGroup()
        DispatchQueue.global().async(group: recorded) { later.record() }
        let earlier = walk(stratum.rows.lowerBound..<split, entering: nil, risk: risk, secondMoments: secondMoments, body)
        recorded.wait()
        for (time, deaths, partial) in later.snapshots {
            var sums = partial
            sums.addRiskSet(of: earlier)
            body(time, deaths, sums)
        }
    }

    /// Where to split a walk over `rows` in two, or `nil` to walk them in one go.
    private func splitPoint(of rows: Range<Int>, secondMoments: Bool) -> Int? {
        guard rows.count >= 2 * Self.minimumSplitRows else { return nil }
        var split = rows.lowerBound + rows.count / 2
        while split < rows.upperBound, stop[split] == stop[split - 1] { split += 1 }
        guard rows.upperBound - split >= Self.minimumSplitRows else { return nil }
        var eventTimes = 0
        var k = split
        while k < rows.upperBound {
            if event[k] { eventTimes += 1 }
            let time = stop[k]
            while k < rows.upperBound, stop[k] == time { k += 1 }
        }
        let recordSize = 4 + 2 * covariateCount + (secondMoments ? 2 * covariateCount * covariateCount : 0)
        return eventTimes * recordSize <= (rows.upperBound - split) * covariateCount ? split : nil
    }

    /// The walk over `rows` (part of a stratum) from zero sums, removing the rows of
    /// `entering`'s entry order as their entry times are reached; returns the final sums.
    fileprivate func walk(
        _ rows: Range<Int>, entering stratum: Stratum?, risk: [Double], secondMoments: Bool,
        _ body: (_ time: Double, _ deaths: Range<Int>, _ sums: RiskSetSums) -> Void
    ) -> RiskSetSums {
        var sums = RiskSetSums(p: covariateCount, secondMoments: secondMoments)
        var k = rows.lowerBound
        var e = 0
        while k < rows.upperBound {
            let time = stop[k]
            sums.resetDeaths()
            let first = k
            while k < rows.upperBound, stop[k] == time {
                sums.join(self, row: k, risk: risk[k], dies: event[k])
                k += 1
            }
            let deaths = first..<(first + sums.deathCount)
            guard !deaths.isEmpty else { continue }
            if let entry, let stratum {
                // Rows entering at or after `time` are not at risk at `time`; they were
                // added already, as their stop time is later.
                while e < stratum.byEntry.count, entry[stratum.byEntry[e]] >= time {
                    sums.leave(self, row: stratum.byEntry[e], risk: risk[stratum.byEntry[e]])
                    e += 1
                }
            }
            sums.completeSecondMoments()
            body(time, deaths, sums)
        }
        sums.completeSecondMoments()
        return sums
    }
}
