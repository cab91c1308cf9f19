/// The draws of a batch of consecutive customers of one segment on one path.
///
/// Buffers are allocated once per segment and path and reused for every batch.
struct CustomerBatch {
    /// The customers' leading uniforms (at most three each), value by value: every customer's
    /// first, then every customer's second, …
    private var uniforms: [Double]
    private var revenueUniforms: [Double]
    private var costUniforms: [Double]
    private var lifetimeUniforms: [Double]
    /// Monthly recurring revenue of each customer.
    private(set) var revenue: [Double]
    /// Acquisition cost of each customer.
    private(set) var acquisitionCost: [Double]
    /// Lifetime in months of each customer; nil when the customer never churns.
    private(set) var lifetime: [Int?]

    init(capacity: Int) {
        uniforms = Array(repeating: 0.5, count: 3 * capacity)
        revenueUniforms = Array(repeating: 0.5, count: capacity)
        costUniforms = revenueUniforms
        lifetimeUniforms = revenueUniforms
        revenue = Array(repeating: 0, count: capacity)
        acquisitionCost = revenue
        lifetime = Array(repeating: nil, count: capacity)
    }

    /// Draws customers `firstSubstream ..< firstSubstream + count` (substreams of stream
    /// `path`): each customer's uniforms in its law order (MRR, CAC, lifetime), then the
    /// transforms, one tight loop per law.
    mutating func draw(
        _ segmentPlan: SimulationPlan.SegmentPlan, lifetime lifetimeLaw: LifetimeSampler, count: Int, seed: UInt64,
        path: UInt64, firstSubstream: UInt64
    ) {
        let revenueLaw = segmentPlan.revenue
        let costLaw = segmentPlan.acquisitionCost
        let drawsRevenue = revenueLaw.drawsUniform
        let drawsCost = costLaw.drawsUniform
        let drawsLifetime = lifetimeLaw.drawsUniform
        let perCustomer = [drawsRevenue, drawsCost, drawsLifetime].filter { $0 }.count
        drawLeadingUniforms(perCustomer: perCustomer, count: count, seed: seed, path: path, firstSubstream: firstSubstream)
        var position = 0
        if drawsRevenue {
            for k in 0..<count { revenueUniforms[k] = uniforms[position * count + k] }
            position += 1
        }
        if drawsCost {
            for k in 0..<count { costUniforms[k] = uniforms[position * count + k] }
            position += 1
        }
        if drawsLifetime {
            for k in 0..<count { lifetimeUniforms[k] = uniforms[position * count + k] }
        }
        Self.fill(&revenue, law: revenueLaw, fromUniforms: revenueUniforms, count: count)
        Self.fill(&acquisitionCost, law: costLaw, fromUniforms: costUniforms, count: count)
        lifetimeLaw.fill(&lifetime, fromUniforms: lifetimeUniforms, count: count)
    }

    /// The first `count` values of `law` for the first `count` of `uniforms`, into `values`.
    private static func fill(
        _ values: inout [Double], law: ValueDistribution.Sampler, fromUniforms uniforms: [Double], count: Int
    ) {
        values.withUnsafeMutableBufferPointer { values in
            uniforms.withUnsafeBufferPointer { uniforms in
                law.fill(UnsafeMutableBufferPointer(rebasing: values[..<count]), fromUniforms: UnsafeBufferPointer(rebasing: uniforms[..<count]))
            }
        }
    }

    /// Fills ``uniforms`` with the first `perCustomer` uniforms of each customer's stream
    /// (``RandomStream/leadingUniforms(seed:stream:firstSubstream:perSubstream:into:)``).
    private mutating func drawLeadingUniforms(perCustomer: Int, count: Int, seed: UInt64, path: UInt64, firstSubstream: UInt64) {
        guard perCustomer > 0 else { return }
        uniforms.withUnsafeMutableBufferPointer { buffer in
            RandomStream.leadingUniforms(
                seed: seed, stream: path, firstSubstream: firstSubstream, perSubstream: perCustomer,
                into: UnsafeMutableBufferPointer(rebasing: buffer[..<(count * perCustomer)]))
        }
    }

    /// Takes book customers `first ..< first + count` (substreams from `firstSubstream`):
    /// their MRR from the book, no CAC (it was paid when they were won), and a lifetime
    /// conditional on their tenure, from the segment's hazard or, with a regression, from
    /// their own covariates.
    mutating func draw(
        _ book: BookPlan, laws: SimulationPlan.SegmentPathLaws, first: Int, count: Int, seed: UInt64, path: UInt64,
        firstSubstream: UInt64
    ) {
        if book.regression != nil || laws.lifetime.drawsUniform {
            drawLeadingUniforms(perCustomer: 1, count: count, seed: seed, path: path, firstSubstream: firstSubstream)
            for k in 0..<count { lifetimeUniforms[k] = uniforms[k] }
        }
        for k in 0..<count {
            let customer = first + k
            revenue[k] = book.revenue[customer]
            acquisitionCost[k] = 0
            var law = laws.lifetime
            if let (model, design) = book.regression {
                let eta = model.linearPredictor(design: design, customer: customer, parameters: laws.coefficients)
                law = law.replacingHazard(
                    model.hazard(
                        parameters: laws.coefficients, linearPredictor: eta, monthsPerUnit: book.monthsPerUnit,
                        hazardRatio: laws.hazardRatio))
            }
            lifetime[k] = law.residualMonths(fromUniform: lifetimeUniforms[k], tenure: book.tenureMonths[customer])
        }
    }
}

/// Running totals of one segment on one path, fed batch by batch in customer order.
struct SegmentAccumulator {
    let horizonMonths: Int
    var netPresentValue = 0.0
    var acquisitionCost = 0.0
    var lifetimeMonths = 0.0
    var restrictedLifetimeMonths = 0
    var survivors: [Int]
    /// Change of active starting MRR at the end of each month 0 … horizon + 1.
    var revenueChanges: [Double]
    /// Change of the number of active customers at the end of each month 0 … horizon + 1.
    var customerChanges: [Int]
    private var profits: [Double] = []
    /// Flat economics: each batch customer's payback month if within the horizon, else 0.
    private var paybacksWithinHorizon: [Int] = []

    init(horizonMonths: Int, checkpoints: Int) {
        self.horizonMonths = horizonMonths
        survivors = Array(repeating: 0, count: checkpoints)
        revenueChanges = Array(repeating: 0, count: horizonMonths + 2)
        customerChanges = Array(repeating: 0, count: horizonMonths + 2)
    }

    /// Adds the first `count` customers of `batch`, in order; their profits go to the
    /// distributions' sketch as one batch (see ``QuantileSketch/add(contentsOf:)``).
    ///
    /// The per-month tables are written through buffer pointers for the whole batch, so the
    /// customer loop holds no uniqueness or bounds checks; sums still run in customer order.
    mutating func record(
        _ batch: CustomerBatch, count: Int, grossMargin: Double, economics: SegmentEconomics,
        distributions: inout CustomerDistributions
    ) {
        let horizon = horizonMonths
        if profits.count != count { profits = Array(repeating: 0, count: count) }
        if economics.isFlat { fillPaybacksWithinHorizon(batch, count: count, grossMargin: grossMargin) }
        let paybacksWithinHorizon = self.paybacksWithinHorizon
        var netPresentValue = self.netPresentValue, acquisitionCost = self.acquisitionCost
        var lifetimeMonths = self.lifetimeMonths, restrictedLifetimeMonths = self.restrictedLifetimeMonths
        var neverPaidBack = 0
        withUnsafeBuffers(paybackCounts: &distributions.paybackCounts) { revenueChanges, customerChanges, survivors, profits, paybackCounts in
            let checkpoints = SimulationPlan.survivalCheckpoints
            for k in 0..<count {
                let mrr = batch.revenue[k]
                let cac = batch.acquisitionCost[k]
                let lifetime = batch.lifetime[k]
                let activeMonths = min(lifetime ?? horizon, horizon)
                let grossProfit = mrr * grossMargin
                let profit = economics.profit(monthlyGrossProfit: grossProfit, activeMonths: activeMonths, acquisitionCost: cac)
                netPresentValue += profit
                acquisitionCost += cac
                profits[k] = profit
                if let lifetime {
                    lifetimeMonths += Double(lifetime)
                    for index in checkpoints.indices { survivors[index] &+= lifetime > checkpoints[index] ? 1 : 0 }
                } else {
                    lifetimeMonths += .infinity
                    for index in survivors.indices { survivors[index] += 1 }
                }
                restrictedLifetimeMonths += activeMonths
                // Active at the end of months 0 … lifetime − 1 (ARR counts customers who will pay next month).
                let end = min(lifetime ?? horizon + 1, horizon + 1)
                revenueChanges[0] += mrr
                revenueChanges[end] -= mrr
                customerChanges[0] += 1
                customerChanges[end] -= 1
                // Without a branch: a customer never paid back adds 0 to month 1's count.
                let month: Int
                if economics.isFlat {
                    let withinHorizon = paybacksWithinHorizon[k]
                    month = withinHorizon <= activeMonths ? withinHorizon : 0
                } else {
                    month = economics.paybackMonthOrZero(
                        monthlyGrossProfit: grossProfit, acquisitionCost: cac, activeMonths: activeMonths)
                }
                let paidBack = month > 0 ? 1 : 0
                paybackCounts[max(month, 1) - 1] &+= paidBack
                neverPaidBack &+= 1 - paidBack
            }
        }
        self.netPresentValue = netPresentValue
        self.acquisitionCost = acquisitionCost
        self.lifetimeMonths = lifetimeMonths
        self.restrictedLifetimeMonths = restrictedLifetimeMonths
        distributions.neverPaidBack += neverPaidBack
        distributions.profit.add(contentsOf: profits)
    }

    /// Flat economics' payback months of the first `count` customers of `batch` within the
    /// horizon (0 beyond it), into ``paybacksWithinHorizon``, in a loop of their own that
    /// vectorizes (``CustomerEconomics/paybackMonthOrZero(acquisitionCost:monthlyGrossProfit:withinMonths:)``
    /// has no branches): a customer's payback is then this month when it is within its
    /// active months, a single select.
    private mutating func fillPaybacksWithinHorizon(_ batch: CustomerBatch, count: Int, grossMargin: Double) {
        if paybacksWithinHorizon.count != count { paybacksWithinHorizon = Array(repeating: 0, count: count) }
        let horizon = horizonMonths
        paybacksWithinHorizon.withUnsafeMutableBufferPointer { paybacks in
            batch.revenue.withUnsafeBufferPointer { revenue in
                batch.acquisitionCost.withUnsafeBufferPointer { acquisitionCost in
                    for k in 0..<count {
                        paybacks[k] = CustomerEconomics.paybackMonthOrZero(
                            acquisitionCost: acquisitionCost[k], monthlyGrossProfit: revenue[k] * grossMargin, withinMonths: horizon)
                    }
                }
            }
        }
    }

    /// `body` with mutable buffers over the month tables, the survivor counts, the batch's
    /// profits and `paybackCounts`.
    private mutating func withUnsafeBuffers(
        paybackCounts: inout [Int],
        _ body: (
            UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Int>, UnsafeMutableBufferPointer<Int>,
            UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Int>
        ) -> Void
    ) {
        revenueChanges.withUnsafeMutableBufferPointer { revenue in
            customerChanges.withUnsafeMutableBufferPointer { customers in
                survivors.withUnsafeMutableBufferPointer { survivors in
                    profits.withUnsafeMutableBufferPointer { profits in
                        paybackCounts.withUnsafeMutableBufferPointer { payback in
                            body(revenue, customers, survivors, profits, payback)
                        }
                    }
                }
            }
        }
    }
}
