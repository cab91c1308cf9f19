/// Wall-clock time of each phase of a `churnsim fit` run (reading the CSV, the estimation,
/// the model checks such as the proportional-hazards test, writing the report), for
/// `churnsim fit --timings` and the benchmarks, which compare the estimation alone with
/// the peers' in-process fit times.
public struct FitTimings: Sendable, CustomStringConvertible {
    /// Phase names and their durations in seconds, in the order they ran.
    public private(set) var phases: [(name: String, seconds: Double)] = []

    /// No phases yet.
    public init() {}

    /// Runs `work`, recording its wall time under `name`.
    mutating func measure<T>(_ name: String, _ work: () throws -> T) rethrows -> T {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try work()
        let elapsed = clock.now - start
        phases.append((name, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18))
        return result
    }

    /// One line, e.g. `read 1.204 s, fit 0.187 s, checks 0.091 s, report 0.032 s`.
    public var description: String {
        phases.map { "\($0.name) \(String(format: "%.3f", $0.seconds)) s" }.joined(separator: ", ")
    }
}
