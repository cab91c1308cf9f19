import Foundation

/// Why a staffing sweep cannot run.
public enum StaffingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The scenario has no `customer_success` section to sweep.
    case noCustomerSuccess(file: String)
    /// No segment has named CSMs (all tech-touch), so there is no ratio to sweep.
    case noSegmentWithCSMs(file: String)
    /// No coverage of the segment (tech-touch included, when tried) keeps the whole team
    /// within the cap.
    case noFeasibleCoverage(segment: String, cap: StaffingCap, otherSegmentsHeadcount: Int)

    /// A message naming the file and what it needs.
    public var description: String {
        switch self {
        case .noCustomerSuccess(let file):
            "\(file): staffing needs a customer_success section (csm_cost_annual, coverage, effect)"
        case .noSegmentWithCSMs(let file):
            "\(file): every segment is tech_touch in customer_success.coverage; give a segment accounts per CSM to sweep"
        case .noFeasibleCoverage(let segment, let cap, let others):
            "\(segment): no coverage tried keeps the CS team within \(cap.label) (the other segments already need "
                + "\(others) CSMs); raise the limit, add heavier ratios or tech-touch to the grid, or cover fewer segments"
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
    /// Coverages to try instead of the scenario's grid, if set.
    public var grid: StaffingGrid?
    /// Limits that replace the scenario's `budget_annual` / `max_headcount` where set.
    public var cap: StaffingCap

    /// Describes a staffing sweep.
    public init(
        scenarioFile: String, paths: Int? = nil, threads: Int, outputDirectory: String? = nil, grid: StaffingGrid? = nil,
        cap: StaffingCap = .none
    ) {
        self.scenarioFile = scenarioFile
        self.paths = paths
        self.threads = threads
        self.outputDirectory = outputDirectory
        self.grid = grid
        self.cap = cap
    }

    /// Loads the scenario, sweeps each CSM-covered segment over `grid`, the scenario's grid or
    /// the standard 10–200 accounts in 20 steps, within the cap (these options over the
    /// scenario's), and writes the report atomically.
    /// - Throws: ``ScenarioError`` or ``StaffingError`` for bad input or when no coverage
    ///   fits the cap (nothing is written).
    /// - Returns: the sweep, the folder written and the scenario's warnings (also in the report).
    public func execute() throws -> (sweep: StaffingSweep, directory: URL, warnings: [ScenarioProblem]) {
        let loaded = try LoadedScenario(contentsOf: scenarioFile, paths: paths)
        let scenario = loaded.scenario
        guard let cs = scenario.customerSuccess else { throw StaffingError.noCustomerSuccess(file: scenarioFile) }
        guard cs.coverage.contains(where: { if case .accountsPerCSM = $0 { true } else { false } }) else {
            throw StaffingError.noSegmentWithCSMs(file: scenarioFile)
        }
        let cap = (scenario.staffing?.cap ?? .none).overridden(by: cap)
        let sweep = try StaffingSweep(
            scenario: scenario, customerSuccess: cs, grid: grid ?? scenario.staffing?.grid ?? .standard, cap: cap,
            paths: paths, threads: threads)
        let directory = URL(
            fileURLWithPath: outputDirectory ?? "Reports/\(ScenarioRun.slug(scenario.name))-staffing")
        let model = StaffingReport.model(
            sweep: sweep, scenario: scenario, scenarioFile: scenarioFile, paths: paths ?? scenario.paths,
            warnings: loaded.warnings.map(\.description))
        try ReportDirectory.write(try StaffingReport.files(sweep: sweep, model: model), to: directory)
        return (sweep, directory, loaded.warnings)
    }
}
