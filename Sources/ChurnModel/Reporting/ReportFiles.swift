import Dispatch
import Foundation

/// The files every report writes, from one ``ReportModel``, rendered at once on the
/// available cores.
enum ReportFiles {
    /// Makes one or more files of a report (a machine-readable summary, say).
    typealias Job = @Sendable () throws -> [(name: String, contents: Data)]

    /// The files of `leading` (in order), then `report.html`, `report.xlsx`, `summary.md` and one
    /// CSV per table. Every file is rendered independently of the others and they are rendered
    /// concurrently, so a run's serial tail is shorter and the contents do not depend on the
    /// number of threads.
    /// - Throws: the first error in job order (a workbook, ZIP or encoding error).
    static func rendered(_ model: ReportModel, after leading: [Job] = []) throws -> [(name: String, contents: Data)] {
        let jobs: [Job] = leading + [
            { [(name: "report.html", contents: Data(HTMLRenderer.render(model).utf8))] },
            { [(name: "report.xlsx", contents: try XLSXWriter.workbook(model.tables))] },
            {
                [(name: "summary.md", contents: Data(MarkdownRenderer.render(model).utf8))]
                    + model.tables.map { (name: "\($0.name).csv", contents: Data(CSVRenderer.render($0).utf8)) }
            },
        ]
        let results = JobResults(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            results.store(Result { try jobs[index]() }, at: index)
        }
        return try results.all().flatMap { try $0.get() }
    }

    /// A machine-readable summary as JSON: snake_case keys, pretty-printed, keys sorted (so the
    /// file is the same byte for byte for the same numbers).
    static func json(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(value)
    }
}

/// The outcome of each job, stored under a lock by whichever thread ran it.
private final class JobResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<[(name: String, contents: Data)], any Error>?]

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func store(_ result: Result<[(name: String, contents: Data)], any Error>, at index: Int) {
        lock.lock()
        defer { lock.unlock() }
        results[index] = result
    }

    /// Every job's outcome, in job order (all jobs have run).
    func all() -> [Result<[(name: String, contents: Data)], any Error>] {
        lock.lock()
        defer { lock.unlock() }
        return results.map { $0! }
    }
}
