import Glibc

/// Wall-clock and process CPU time of each phase of a `churnsim fit` run (reading the CSV, the estimation,
/// the model checks such as the proportional-hazards test, writing the report), for
/// `churnsim fit --timings` and the benchmarks, which compare the estimation alone with
/// the peers' in-process fit times.
public struct FitTimings: Sendable, CustomStringConvertible {
    /// Phase names with their wall-clock and process CPU seconds (all threads), in the order
    /// they ran. CPU time is the fairer measure on a machine shared with other work.
    public private(set) var phases: [(name: String, seconds: Double, cpuSeconds: Double)] = []

    /// No phases yet.
    public init() {}

    /// Runs `work`, recording its wall and CPU time under `name`.
    mutating func measure<T>(_ name: String, _ work: () throws -> T) rethrows -> T {
        let (wall, cpu) = (Self.seconds(CLOCK_MONOTONIC), Self.seconds(CLOCK_PROCESS_CPUTIME_ID))
        let result = try work()
        phases.append(
            (name, Self.seconds(CLOCK_MONOTONIC) - wall, Self.seconds(CLOCK_PROCESS_CPUTIME_ID) - cpu))
        return result
    }

    /// One line, e.g. `read 1.204 s (cpu 1.198 s), fit 0.187 s (cpu 0.185 s), …`.
    public var description: String {
        phases.map {
            "\($0.name) \(NumberFormatting.grouped($0.seconds, decimals: 3)) s (cpu \(NumberFormatting.grouped($0.cpuSeconds, decimals: 3)) s)"
        }.joined(separator: ", ")
    }

    private static func seconds(_ clock: clockid_t) -> Double {
        var now = timespec()
        clock_gettime(clock, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
    }
}
