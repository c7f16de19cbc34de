// swift-tools-version: 6.0
import PackageDescription

/// Benchmarks for ppo-book, kept apart from the main package so that `swift test`
/// never builds them. Each executable prints a table and writes `results/<name>.json`.
let package = Package(
    name: "ppo-book-bench",
    dependencies: [
        .package(name: "ppo-book", path: ".."),
    ],
    targets: [
        .target(name: "BenchSupport"),
        .executableTarget(
            name: "engine-bench",
            dependencies: ["BenchSupport", .product(name: "BookKit", package: "ppo-book")]
        ),
        .executableTarget(
            name: "envs-bench",
            dependencies: ["BenchSupport", .product(name: "BookKit", package: "ppo-book")]
        ),
        .executableTarget(
            name: "agents-bench",
            dependencies: ["BenchSupport", .product(name: "BookKit", package: "ppo-book")]
        ),
    ],
    swiftLanguageModes: [.v5]
)
