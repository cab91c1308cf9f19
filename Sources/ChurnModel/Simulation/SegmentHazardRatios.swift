/// The factor on every customer's churn hazard, per segment, for one run: fixed, or drawn
/// once per path (an uncertain effect carried as parameter uncertainty).
///
/// A drawn set is a function of one standard-normal number per path, taken from the path's
/// own substream ``substream`` of the run's seed. It therefore depends only on (seed, path):
/// results do not change with thread count or sharding, and plans that differ only in their
/// ratios (with and without CS, or two staffing ratios) see the same draw on each path.
public struct SegmentHazardRatios: Sendable, ExpressibleByArrayLiteral {
    /// The ratios at the central value of the draw (z = 0); the ratios themselves when fixed.
    public let central: [Double]
    /// The ratios on a path as a function of its standard-normal draw; nil when fixed.
    private let drawn: (@Sendable (_ standardNormal: Double) -> [Double])?

    /// The substream of a path that holds its draw: 2³¹, far from the customers' substreams
    /// 0, 1, … and from the path-level substreams counted down from 2³² − 1.
    public static let substream = UInt64(1) << 31

    /// Fixed ratios, one per segment, each > 0.
    public init(_ ratios: [Double]) {
        central = ratios
        drawn = nil
    }

    /// Fixed ratios written as a list literal, one per segment.
    public init(arrayLiteral ratios: Double...) {
        self.init(ratios)
    }

    /// Ratios drawn per path: `ratios(z)` with z ~ Normal(0, 1) from the path's substream.
    /// `ratios` must return one positive, finite ratio per segment for every z.
    public init(drawnPerPath ratios: @escaping @Sendable (_ standardNormal: Double) -> [Double]) {
        central = ratios(0)
        drawn = ratios
    }

    /// All ratios 1 (the scenario's churn as written) for `segments` segments.
    public static func none(segments: Int) -> SegmentHazardRatios {
        SegmentHazardRatios(Array(repeating: 1, count: segments))
    }

    /// Whether the ratios change from path to path.
    public var isDrawnPerPath: Bool { drawn != nil }

    /// The ratios on `path` of a run seeded with `seed`.
    public func ratios(onPath path: Int, seed: UInt64) -> [Double] {
        guard let drawn else { return central }
        var stream = RandomStream(seed: seed, stream: UInt64(path), substream: Self.substream)
        return drawn(stream.standardNormal())
    }
}
