/// Dense ranks of a column of numbers (equal values share a rank; ranks are 0, 1, 2, … in
/// ascending value order), computed with a least-significant-digit radix sort of the values'
/// order-preserving bit patterns: O(n) passes over the data instead of a comparison sort's
/// O(n log n) and one binary search per value. Concordance and risk-set ordering need a rank
/// per row of tables with millions of rows.
struct DenseRanks {
    /// The rank of each value, in input order.
    let ranks: [Int]
    /// The number of distinct values (the largest rank + 1).
    let distinctCount: Int

    /// Ranks `values`, which must not be NaN; −0 and +0 share a rank.
    init(_ values: [Double]) {
        let n = values.count
        var keys = values.map { Self.key($0) }
        var rows = Array(0..<n)
        var scratchKeys = keys
        var scratchRows = rows
        let digitBits = 11
        let buckets = 1 << digitBits
        var shift = 0
        while shift < 64 {
            var counts = [Int](repeating: 0, count: buckets + 1)
            for key in keys { counts[Int((key >> UInt64(shift)) & UInt64(buckets - 1)) + 1] += 1 }
            if counts[1...].contains(n) {  // every key has this digit: the pass would not move anything
                shift += digitBits
                continue
            }
            for b in 1...buckets { counts[b] += counts[b - 1] }
            for k in 0..<n {
                let digit = Int((keys[k] >> UInt64(shift)) & UInt64(buckets - 1))
                scratchKeys[counts[digit]] = keys[k]
                scratchRows[counts[digit]] = rows[k]
                counts[digit] += 1
            }
            swap(&keys, &scratchKeys)
            swap(&rows, &scratchRows)
            shift += digitBits
        }
        var ranks = [Int](repeating: 0, count: n)
        var rank = -1
        for k in 0..<n {
            if k == 0 || keys[k] != keys[k - 1] { rank += 1 }
            ranks[rows[k]] = rank
        }
        self.ranks = ranks
        distinctCount = rank + 1
    }

    /// An unsigned integer whose order is the order of the finite or infinite `value`.
    private static func key(_ value: Double) -> UInt64 {
        let bits = (value == 0 ? 0.0 : value).bitPattern
        return bits & (1 << 63) == 0 ? bits | (1 << 63) : ~bits
    }
}
