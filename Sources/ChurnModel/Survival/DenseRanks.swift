/// Dense ranks of a column of numbers (equal values share a rank; ranks are 0, 1, 2, … in
/// ascending value order), computed without a comparison sort of the column: concordance and
/// risk-set ordering need a rank per row of tables with millions of rows.
///
/// Columns with few distinct values (e.g. durations in whole months) are ranked through a small
/// open-addressing hash table of the distinct values, which stays in cache: two passes over
/// the column and a sort of the distinct values only. Other columns are ranked with a
/// least-significant-digit radix sort of the values' order-preserving bit patterns.
struct DenseRanks {
    /// The rank of each value, in input order.
    let ranks: [Int]
    /// The number of distinct values (the largest rank + 1).
    let distinctCount: Int
    /// The input positions in ascending value order, when the radix sort produced them.
    private let sortedPositions: [Int]?
    /// Distinct values beyond which the hash table gives way to the radix sort.
    private static let hashedDistinctLimit = 4_096

    /// Ranks `values`, which must not be NaN; −0 and +0 share a rank.
    init(_ values: [Double]) {
        if let hashed = Self.hashedRanks(values) {
            (ranks, distinctCount, sortedPositions) = (hashed.ranks, hashed.distinctCount, nil)
        } else {
            let sorted = Self.radixRanks(values)
            (ranks, distinctCount, sortedPositions) = (sorted.ranks, sorted.distinctCount, sorted.positions)
        }
    }

    /// The input positions in ascending value order; equal values keep their input order.
    func ascending() -> [Int] {
        sortedPositions ?? CountingSort.positions(ranks.count, buckets: distinctCount) { ranks[$0] }
    }

    /// Ranks through a hash table of the distinct keys, or `nil` when there are more than
    /// ``hashedDistinctLimit`` of them.
    private static func hashedRanks(_ values: [Double]) -> (ranks: [Int], distinctCount: Int)? {
        let bits = 13  // 8,192 slots: at most half full
        let mask = (1 << bits) - 1
        var slots = [UInt64](repeating: 0, count: 1 << bits)  // 0 is no key: key(x) ≠ 0 for non-NaN x
        var ranks = [Int](repeating: 0, count: values.count)
        var distinct = 0
        // First each value's slot, then (below) each slot's rank in its place.
        let complete = slots.withUnsafeMutableBufferPointer { slots in
            ranks.withUnsafeMutableBufferPointer { ranks in
                for (position, value) in values.enumerated() {
                    let key = Self.orderKey(value)
                    var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
                    while slots[i] != key {
                        if slots[i] == 0 {
                            distinct += 1
                            if distinct > hashedDistinctLimit { return false }
                            slots[i] = key
                            break
                        }
                        i = (i + 1) & mask
                    }
                    ranks[position] = i
                }
                return true
            }
        }
        guard complete else { return nil }
        var rankOfSlot = [Int](repeating: 0, count: 1 << bits)
        let occupied = slots.indices.filter { slots[$0] != 0 }.sorted { slots[$0] < slots[$1] }
        for (rank, i) in occupied.enumerated() { rankOfSlot[i] = rank }
        ranks.withUnsafeMutableBufferPointer { ranks in
            for position in ranks.indices { ranks[position] = rankOfSlot[ranks[position]] }
        }
        return (ranks, distinct)
    }

    /// Ranks and sorted positions from an LSD radix sort.
    private static func radixRanks(_ values: [Double]) -> (ranks: [Int], distinctCount: Int, positions: [Int]) {
        let n = values.count
        var keys = values.map { Self.orderKey($0) }
        var rows = Array(0..<n)
        var scratchKeys = keys
        var scratchRows = rows
        let digitBits = 11
        let buckets = 1 << digitBits
        let mask = UInt64(buckets - 1)
        let passes = (64 + digitBits - 1) / digitBits
        // Every digit's histogram in one read of the keys; a digit that all keys share needs no pass.
        var histograms = [Int](repeating: 0, count: passes * buckets)
        keys.withUnsafeBufferPointer { keys in
            histograms.withUnsafeMutableBufferPointer { counts in
                for key in keys {
                    for pass in 0..<passes {
                        counts[pass * buckets + Int((key >> UInt64(pass * digitBits)) & mask)] += 1
                    }
                }
            }
        }
        for pass in 0..<passes {
            let shift = UInt64(pass * digitBits)
            var starts = [Int](repeating: 0, count: buckets)
            var sum = 0
            var distinctDigits = 0
            for b in 0..<buckets {
                let count = histograms[pass * buckets + b]
                if count > 0 { distinctDigits += 1 }
                starts[b] = sum
                sum += count
            }
            if distinctDigits <= 1 { continue }
            Self.scatter(keys, rows, by: shift, mask: mask, starts: &starts, into: &scratchKeys, &scratchRows)
            swap(&keys, &scratchKeys)
            swap(&rows, &scratchRows)
        }
        var ranks = [Int](repeating: 0, count: n)
        var rank = -1
        for k in 0..<n {
            if k == 0 || keys[k] != keys[k - 1] { rank += 1 }
            ranks[rows[k]] = rank
        }
        return (ranks, rank + 1, rows)
    }

    /// One stable counting-sort pass: moves each key (and its row) to the next free slot of its
    /// digit's bucket, whose first slots are `starts`.
    private static func scatter(
        _ keys: [UInt64], _ rows: [Int], by shift: UInt64, mask: UInt64, starts: inout [Int],
        into outKeys: inout [UInt64], _ outRows: inout [Int]
    ) {
        keys.withUnsafeBufferPointer { keys in
            rows.withUnsafeBufferPointer { rows in
                outKeys.withUnsafeMutableBufferPointer { outKeys in
                    outRows.withUnsafeMutableBufferPointer { outRows in
                        starts.withUnsafeMutableBufferPointer { starts in
                            for k in keys.indices {
                                let digit = Int((keys[k] >> shift) & mask)
                                let slot = starts[digit]
                                outKeys[slot] = keys[k]
                                outRows[slot] = rows[k]
                                starts[digit] = slot + 1
                            }
                        }
                    }
                }
            }
        }
    }

    /// An unsigned integer whose order is the order of the finite or infinite `value` (−0 and
    /// +0 share a key).
    @inline(__always)
    static func orderKey(_ value: Double) -> UInt64 {
        let bits = (value == 0 ? 0.0 : value).bitPattern
        return bits & (1 << 63) == 0 ? bits | (1 << 63) : ~bits
    }
}
