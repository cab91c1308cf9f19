// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "churnsim",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ChurnModel", targets: ["ChurnModel"]),
        .executable(name: "churnsim", targets: ["churnsim"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CLapack",
            pkgConfig: "lapacke",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev", "liblapack-dev"])]
        ),
        .target(
            name: "ChurnModel",
            dependencies: [
                "CLapack",
                .product(name: "Yams", package: "Yams"),
                .product(name: "RealModule", package: "swift-numerics"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .executableTarget(
            name: "churnsim",
            dependencies: [
                "ChurnModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ChurnModelTests",
            dependencies: ["ChurnModel", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "churnsimTests",
            dependencies: ["churnsim"]
        ),
    ]
)
