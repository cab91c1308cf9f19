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

    /// Runs `work`, recording its wall and CPU time under `name`; a phase measured in several
    /// parts (the Cox fit finishes after its proportional-hazards check) adds up under its
    /// first position.
    mutating func measure<T>(_ name: String, _ work: () throws -> T) rethrows -> T {
        let start = Self.now()
        defer { record(name, since: start) }
        return try work()
    }

    /// ``measure(_:_:)`` for work that takes `value` over, so the work can free it (a copy
    /// captured by a closure would keep it alive).
    mutating func measure<Value, T>(
        _ name: String, handingOver value: consuming Value, _ work: (consuming Value) throws -> T
    ) rethrows -> T {
        let start = Self.now()
        defer { record(name, since: start) }
        return try work(consume value)
    }

    private mutating func record(_ name: String, since start: (wall: Double, cpu: Double)) {
        let end = Self.now()
        let (seconds, cpuSeconds) = (end.wall - start.wall, end.cpu - start.cpu)
        if let index = phases.firstIndex(where: { $0.name == name }) {
            phases[index].seconds += seconds
            phases[index].cpuSeconds += cpuSeconds
        } else {
            phases.append((name, seconds, cpuSeconds))
        }
    }

    private static func now() -> (wall: Double, cpu: Double) {
        (seconds(CLOCK_MONOTONIC), seconds(CLOCK_PROCESS_CPUTIME_ID))
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
