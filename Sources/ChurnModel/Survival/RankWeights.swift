/// A Fenwick (binary indexed) tree of weights over ranks (risk-score ranks or time levels), with
/// the weight at each rank kept alongside so that a split costs one prefix query.
struct RankWeights {
    private var tree: [Double]
    private var atRank: [Double]
    private(set) var total = 0.0

    init(count: Int) {
        tree = [Double](repeating: 0, count: count + 1)
        atRank = [Double](repeating: 0, count: count)
    }

    mutating func add(_ weight: Double, at rank: Int) {
        total += weight
        atRank[rank] += weight
        var i = rank + 1
        while i < tree.count {
            tree[i] += weight
            i += i & -i
        }
    }

    /// Σ weights at ranks < `rank`.
    func below(_ rank: Int) -> Double {
        var sum = 0.0
        var i = rank
        while i > 0 {
            sum += tree[i]
            i -= i & -i
        }
        return sum
    }

    /// (below, equal, above) weights relative to `rank`.
    func split(_ rank: Int) -> (below: Double, equal: Double, above: Double) {
        let lower = below(rank)
        let equal = atRank[rank]
        return (lower, equal, total - lower - equal)
    }
}
