import CFuzzerDriver
import Foundation

// `FUZZ_TARGET=scenario|csv FuzzInputs [libFuzzer flags] [corpus folders]`.
guard let name = ProcessInfo.processInfo.environment["FUZZ_TARGET"], let target = FuzzTarget(rawValue: name) else {
    let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
    FileHandle.standardError.write(Data("set FUZZ_TARGET to \(names)\n".utf8))
    exit(2)
}
nonisolated(unsafe) let selected = target
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
let status = LLVMFuzzerRunDriver(&argc, &argv) { bytes, count in
    selected.run(bytes.map { Data(bytes: $0, count: count) } ?? Data())
    return 0
}
exit(status)
