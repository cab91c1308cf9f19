import Foundation

/// Why a staffing sweep cannot run.
public enum StaffingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The scenario has no `customer_success` section to sweep.
    case noCustomerSuccess(file: String)
    /// No segment has named CSMs (all tech-touch), so there is no ratio to sweep.
    case noSegmentWithCSMs(file: String)

    /// A message naming the file and what it needs.
    public var description: String {
        switch self {
        case .noCustomerSuccess(let file):
            "\(file): staffing needs a customer_success section (csm_cost_annual, coverage, effect)"
        case .noSegmentWithCSMs(let file):
            "\(file): every segment is tech_touch in customer_success.coverage; give a segment accounts per CSM to sweep"
        }
    }
}

/// The library entry point of `churnsim staffing`: scenario → sweep of accounts per CSM → report.
public struct StaffingRun: Sendable {
    /// Path of the scenario file.
    public var scenarioFile: String
    /// Paths per grid point instead of the scenario's, if set.
    public var paths: Int?
    /// Worker threads.
    public var threads: Int
    /// Report folder; defaults to `Reports/<scenario-slug>-staffing`.
    public var outputDirectory: String?

    /// Describes a staffing sweep.
    public init(scenarioFile: String, paths: Int? = nil, threads: Int, outputDirectory: String? = nil) {
        self.scenarioFile = scenarioFile
        self.paths = paths
        self.threads = threads
        self.outputDirectory = outputDirectory
    }

    /// Loads the scenario, sweeps each CSM-covered segment over the scenario's grid (or the
    /// standard 10–200 accounts in 20 steps) and writes the report atomically.
    /// - Throws: ``ScenarioError`` or ``StaffingError`` for bad input (nothing is written).
    public func execute() throws -> (sweep: StaffingSweep, directory: URL) {
        let scenario = try ScenarioLoader.load(contentsOf: scenarioFile)
        guard let cs = scenario.customerSuccess else { throw StaffingError.noCustomerSuccess(file: scenarioFile) }
        guard cs.coverage.contains(where: { if case .accountsPerCSM = $0 { true } else { false } }) else {
            throw StaffingError.noSegmentWithCSMs(file: scenarioFile)
        }
        let sweep = try StaffingSweep(
            scenario: scenario, customerSuccess: cs, grid: scenario.staffing ?? .standard, paths: paths, threads: threads)
        let directory = URL(
            fileURLWithPath: outputDirectory ?? "Reports/\(ScenarioRun.slug(scenario.name))-staffing")
        let model = StaffingReport.model(
            sweep: sweep, scenario: scenario, scenarioFile: scenarioFile, paths: paths ?? scenario.paths)
        try ReportDirectory.write(try StaffingReport.files(model: model), to: directory)
        return (sweep, directory)
    }
}
