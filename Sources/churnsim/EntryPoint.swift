import ArgumentParser
import ChurnModel
import Foundation

/// Runs the root command with churnsim's exit codes: 0 success, 1 failure, 2 bad input.
@main
enum EntryPoint {
    static func main() {
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

    private static func fail(_ message: String, code: Int32) -> Never {
        FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
        exit(code)
    }
}
