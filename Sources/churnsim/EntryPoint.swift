import ArgumentParser
import ChurnModel
import Foundation

/// Runs the root command with churnsim's exit codes: 0 success, 1 failure, 2 bad input,
/// 130 interrupted.
@main
enum EntryPoint {
    static func main() {
        let interruptHandlers = handleInterrupts()
        defer { withExtendedLifetime(interruptHandlers) {} }
        BLASThreading.useCallingThreadOnly()
        do {
            var command = try Churnsim.parseAsRoot()
            try command.run()
        } catch let error as ExitCode {
            exit(error.rawValue)
        } catch {
            if let message = badInput(error) { fail(message, code: 2) }
            let code = Churnsim.exitCode(for: error)
            if code == .success { Churnsim.exit(withError: error) }
            if code == .validationFailure || error is ValidationError {
                // ArgumentParser's message already starts with "Error:" and ends with the usage.
                FileHandle.standardError.write(Data((Churnsim.fullMessage(for: error) + "\n").utf8))
                exit(2)
            }
            fail(String(describing: error), code: 1)
        }
    }

    /// The message of an error caused by the input (scenario, data, model file, shard parts),
    /// which exits with code 2; nil for other failures (e.g. an optimiser that did not converge).
    private static func badInput(_ error: any Error) -> String? {
        switch error {
        case let error as ScenarioError: error.description
        case let error as DataError: error.description
        case let error as EventTableError: error.description
        case let error as ShardMergeError: error.description
        case let error as FittedModelError: error.description
        case let error as StaffingError: error.description
        case let error as CoxModelError: error.description
        case let error as CausalEffectError: error.description
        case let error as AssessmentError: error.description
        case let error as SurvivalEstimationError: error.description
        case let error as ShiftedBetaGeometricError: error.description
        case let error as ParametricRegressionError:
            switch error {
            case .didNotConverge, .nonFiniteLikelihood, .singularInformation: nil
            default: error.description
            }
        default: nil
        }
    }

    /// On Ctrl-C (SIGINT) or SIGTERM: abandon report writes in progress (no partial report is
    /// left, a replaced report is restored) and exit with 130 (128 + SIGINT) or 143.
    private static func handleInterrupts() -> [any DispatchSourceSignal] {
        let sources = [SIGINT, SIGTERM].map { signalNumber in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                ReportDirectory.abandonWritesInProgress()
                FileHandle.standardError.write(Data("interrupted: no report was written\n".utf8))
                exit(128 + signalNumber)
            }
            source.resume()
            return source
        }
        return sources
    }

    private static func fail(_ message: String, code: Int32) -> Never {
        FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
        exit(code)
    }
}

