// swift-tools-version: 6.0
import PackageDescription

/// Benchmarks for ppo-book's engine, kept apart from the main package so that
/// `swift build` and `swift test` there never compile them. Run them with
/// `make bench-<name>` from the repository root (release mode).
let package = Package(
    name: "ppo-book-bench",
    dependencies: [
        .package(name: "ppo-book", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "envs-bench",
            dependencies: [.product(name: "BookKit", package: "ppo-book")]
        ),
    ],
    swiftLanguageModes: [.v5]
)
