/// Binary search in an ascending array without data-dependent branches (the comparison
/// picks the next half through a conditional move), which matters when it runs once per row
/// of a large table against unpredictable values.
enum SortedSearch {
    /// The number of leading entries of the ascending `values` for which `isBelow` holds;
    /// `isBelow` must hold for a prefix of `values` and fail for the rest.
    @inline(__always)
    static func count(in values: [Double], where isBelow: (Double) -> Bool) -> Int {
        values.withUnsafeBufferPointer { v in
            var length = v.count
            guard length > 0 else { return 0 }
            var base = 0
            while length > 1 {
                let half = length / 2
                base = isBelow(v[base + half - 1]) ? base + half : base
                length -= half
            }
            return base + (isBelow(v[base]) ? 1 : 0)
        }
    }
}
