import Testing
@testable import ChurnModel

/// `MemoryPages.discard` drops only the whole pages inside the buffer it is given.
@Suite struct MemoryPagesTests {
    @Test func discardKeepsThePartialPagesAtEitherEnd() {
        var values = [Double](repeating: 1, count: 20_000)  // 160 kB: many 4 kB pages
        values.withUnsafeMutableBufferPointer { buffer in
            MemoryPages.discard(UnsafeMutableBufferPointer(rebasing: buffer[100..<19_900]))
        }
        // Outside the range nothing changes; inside, the partial pages at its ends (at most
        // one page, 512 values, each) keep their values.
        #expect(values[0..<100].allSatisfy { $0 == 1 })
        #expect(values[19_900...].allSatisfy { $0 == 1 })
        #if os(Linux)
            // Discarded anonymous pages read back as zero on Linux.
            let zeros = values[100..<19_900].filter { $0 == 0 }.count
            #expect(zeros >= 19_800 - 2 * 512)
            #expect(values[100..<19_900].allSatisfy { $0 == 0 || $0 == 1 })
        #endif
    }
}
