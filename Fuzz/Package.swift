// swift-tools-version: 6.0
// Coverage-guided fuzzing of churnsim's input readers with libFuzzer; run through scripts/fuzz.sh.
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder, whatever the checkout is called.
let mainPackage = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "churnsim-fuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "CFuzzerDriver"),
        .executableTarget(
            name: "FuzzInputs",
            dependencies: ["CFuzzerDriver", .product(name: "ChurnModel", package: mainPackage)]
        ),
    ]
)
