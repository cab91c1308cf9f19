import ArgumentParser
import ChurnModel
import Foundation

/// `churnsim staffing SCENARIO`: sweep accounts per CSM and find the value-maximising ratio.
struct StaffingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staffing",
        abstract: "Sweep accounts per CSM for each segment with CSMs and report the value-maximising coverage.",
        discussion: """
            Uses the scenario's customer_success section and its staffing grid (default 10–200 in 20 steps), \
            or --ratios / --ratio-range. --budget and --max-headcount (or staffing.budget_annual and \
            staffing.max_headcount) limit the whole CS team; ratios over the limit are marked infeasible.
            """)

    @Argument(help: "Scenario file (YAML) with a customer_success section.")
    var scenario: String

    @OptionGroup var options: RepeatedRunOptions

    @Option(
        help: "Accounts per CSM to try, comma-separated; add tech-touch to try it too (e.g. 50,100,150,tech-touch).",
        transform: { try Self.grid($0, isRange: false) })
    var ratios: StaffingGrid?

    @Option(
        name: .customLong("ratio-range"), help: "Accounts per CSM to try as FROM:TO:STEP (e.g. 50:300:25), plus tech-touch.",
        transform: { try Self.grid($0, isRange: true) })
    var ratioRange: StaffingGrid?

    @Option(help: "Most the whole CS team may cost a year (currency), overriding staffing.budget_annual.")
    var budget: Double?

    @Option(name: .customLong("max-headcount"), help: "Most CSMs the whole team may have, overriding staffing.max_headcount.")
    var maxHeadcount: Int?

    func validate() throws {
        if ratios != nil, ratioRange != nil { throw ValidationError("give --ratios or --ratio-range, not both") }
        if let budget, !(budget >= 0 && budget.isFinite) { throw ValidationError("--budget must be an amount ≥ 0") }
        if let maxHeadcount, maxHeadcount < 0 { throw ValidationError("--max-headcount must be at least 0") }
    }

    func run() throws {
        let (sweep, directory, warnings) = try StaffingRun(
            scenarioFile: scenario, paths: options.paths, threads: options.threads, outputDirectory: options.output,
            grid: ratios ?? ratioRange, cap: StaffingCap(budgetAnnual: budget, maxHeadcount: maxHeadcount)
        ).execute()
        for warning in warnings { FileHandle.standardError.write(Data("\(warning)\n".utf8)) }
        for segment in sweep.segments {
            print(
                "\(segment.name): best coverage \(segment.best.coverage.label) (\(segment.best.headcount) CSMs; "
                    + "best on \(String(format: "%.1f", 100 * segment.best.shareOfPathsBest))% of paths)")
        }
        if sweep.cap.isLimiting { print("Within \(sweep.cap.label) for the whole CS team.") }
        print("Report written to \(directory.path)/")
    }

    /// The grid of a `--ratio-range` (`isRange`) or `--ratios` argument; a bad one is a usage error.
    private static func grid(_ text: String, isRange: Bool) throws -> StaffingGrid {
        do {
            return isRange ? try StaffingGrid(range: text) : try StaffingGrid(list: text)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
