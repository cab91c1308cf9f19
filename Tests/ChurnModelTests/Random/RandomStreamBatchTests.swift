import Testing
@testable import ChurnModel

/// The SIMD batch of leading uniforms gives exactly the scalar streams' numbers.
@Suite struct RandomStreamBatchTests {
    @Test(arguments: [1, 2, 3, 4])
    func leadingUniformsEqualOneStreamPerSubstream(perSubstream: Int) {
        for (seed, stream, first, count) in [(42 as UInt64, 0 as UInt64, 0 as UInt64, 64), (7, 1 << 40 | 3, 1_000, 13), (.max, 9, 4_294_967_290, 6)] {
            var output = [Double](repeating: -1, count: count * perSubstream)
            output.withUnsafeMutableBufferPointer {
                RandomStream.leadingUniforms(seed: seed, stream: stream, firstSubstream: first, perSubstream: perSubstream, into: $0)
            }
            let bySubstream = (0..<count).map { k in
                var scalar = RandomStream(seed: seed, stream: stream, substream: first + UInt64(k))
                return (0..<perSubstream).map { _ in scalar.nextUniform() }
            }
            // Value j of every substream, then value j + 1.
            let expected = (0..<perSubstream).flatMap { j in bySubstream.map { $0[j] } }
            #expect(output == expected, "seed \(seed), stream \(stream), first substream \(first)")
        }
    }
}
