#if canImport(Glibc)
    import Glibc
#endif

/// Advice to the kernel about how the memory of large arrays is used.
enum MemoryPages {
    /// Asks the kernel to back the whole 2 MiB-aligned stretches inside `buffer` with huge
    /// pages when they are first written (`madvise(MADV_HUGEPAGE)`, for transparent huge pages
    /// in `madvise` mode): a fresh array of tens of megabytes then costs a few dozen page
    /// faults instead of thousands. Call it before the memory is first touched. Elsewhere, or
    /// when the kernel declines, it does nothing.
    static func preferHugePages<T>(_ buffer: UnsafeMutableBufferPointer<T>) {
        #if canImport(Glibc)
            guard let base = buffer.baseAddress else { return }
            let huge: UInt = 2 << 20
            let start = UInt(bitPattern: base)
            let end = start + UInt(buffer.count * MemoryLayout<T>.stride)
            let first = (start + huge - 1) / huge * huge
            let last = end / huge * huge
            guard last > first, let pages = UnsafeMutableRawPointer(bitPattern: first) else { return }
            _ = madvise(pages, Int(last - first), MADV_HUGEPAGE)
        #endif
    }
}

extension Array where Element: BitwiseCopyable {
    /// `count` copies of `value`, in memory the kernel is asked to back with huge pages
    /// (``MemoryPages/preferHugePages(_:)``): for arrays of megabytes, whose first writes would
    /// otherwise fault in one 4 KiB page at a time.
    init(hugePagesRepeating value: Element, count: Int) {
        self.init(unsafeUninitializedCapacity: count) { buffer, initialized in
            MemoryPages.preferHugePages(buffer)
            buffer.initialize(repeating: value)
            initialized = count
        }
    }
}
