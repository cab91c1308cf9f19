import ArgumentParser
import ChurnModel
import Foundation

/// Runs the root command with churnsim's exit codes: 0 success, 1 failure, 2 bad input.
@main
enum EntryPoint {
    static func main() {
        let interruptHandlers = handleInterrupts()
        defer { withExtendedLifetime(interruptHandlers) {} }
        do {
            var command = try Churnsim.parseAsRoot()
            try command.run()
        } catch let error as ScenarioError {
            fail(error.description, code: 2)
        } catch let error as DataError {
            fail(error.description, code: 2)
        } catch let error as EventTableError {
            fail(error.description, code: 2)
        } catch let error as ShardMergeError {
            fail(error.description, code: 2)
        } catch let error as FittedModelError {
            fail(error.description, code: 2)
        } catch let error as ExitCode {
            exit(error.rawValue)
        } catch {
            let code = Churnsim.exitCode(for: error)
            if code == .success {
                Churnsim.exit(withError: error)
            }
            let isUsage = code == .validationFailure || error is ValidationError
            fail(Churnsim.fullMessage(for: error), code: isUsage ? 2 : 1)
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

