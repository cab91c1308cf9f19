import ArgumentParser
import ChurnModel

/// The `churnsim` root command.
struct Churnsim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "churnsim",
        abstract: "SaaS churn and revenue modelling: Monte Carlo portfolio projections and survival fits.",
        discussion: "Exit codes: 0 success, 1 failure, 2 bad input (arguments, scenario or data).",
        version: ChurnSimVersion.current,
        subcommands: [RunCommand.self, FitCommand.self, ValidateCommand.self, ExampleCommand.self, MergeCommand.self, StaffingCommand.self, SensitivityCommand.self, ScoreCommand.self, EffectCommand.self, AssessCommand.self]
    )
}
