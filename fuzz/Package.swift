// swift-tools-version: 6.0
import PackageDescription

/// A libFuzzer target for ppo-book's notebook parser, cell-tag grammar and figure sanitiser,
/// kept apart from the main package so that `swift test` never builds it. `make fuzz` builds it
/// with `-sanitize=fuzzer` (coverage for every module it uses) and runs it for a bounded time.
let package = Package(
    name: "ppo-book-fuzz",
    dependencies: [
        .package(name: "ppo-book", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "notebook-fuzzer",
            dependencies: [.product(name: "BookPipeline", package: "ppo-book")]
        ),
    ],
    swiftLanguageModes: [.v5]
)
