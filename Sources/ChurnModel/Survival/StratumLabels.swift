/// The strata of a table: their labels in sorted order (as R orders factor levels) and each
/// row's index into them.
struct StratumLabels {
    let labels: [String]
    let index: [Int]

    init(_ rowLabels: [String]) {
        labels = Array(Set(rowLabels)).sorted()
        let slot = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        index = rowLabels.map { slot[$0]! }
    }

    /// Each stratum's label and rows (by `order`), or one unlabelled group of `order` when the
    /// table has no strata.
    static func groups(_ strata: StratumLabels?, order: [Int]) -> [(label: String?, rows: [Int])] {
        guard let strata else { return [(nil, order)] }
        let parts = TimeOrder.split(order, by: strata.index, groupCount: strata.labels.count)
        return zip(strata.labels, parts).map { ($0, $1) }
    }
}
