// swift-tools-version: 6.0
import PackageDescription

/// ppo-book: Markdown notebooks whose Swift cells run against a built-in
/// reinforcement-learning engine, rendered to self-contained HTML pages.
///
/// The pipeline reads top to bottom in `Sources/`:
/// `Notebook` (parse) -> `Execution` (program, compile, run, cache) -> `Render` (HTML),
/// driven by the `ppo-book` command. Cells link against `BookKit`, a dynamic
/// library holding the engine (`RL`), the charts and the cell runtime.
let package = Package(
    name: "ppo-book",
    products: [
        .executable(name: "ppo-book", targets: ["PPOBook"]),
        .library(name: "BookKit", type: .dynamic, targets: ["RL", "Charts", "BookRuntime"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // MARK: The engine (Foundation only; linked into BookKit)
        .target(name: "SeededRandom"),
        .target(name: "SeriesStatistics"),
        .target(name: "Tensors", dependencies: ["SeededRandom"]),
        .target(name: "Environments", dependencies: ["SeededRandom"]),
        .target(name: "Agents", dependencies: ["SeededRandom", "SeriesStatistics", "Tensors", "Environments"]),
        .target(name: "RL", dependencies: ["SeededRandom", "SeriesStatistics", "Tensors", "Environments", "Agents"]),

        // MARK: What cells call (linked into BookKit), and the events it sends to ppo-book
        .target(name: "CellEvents"),
        .target(name: "BookRuntime", dependencies: ["RL", "Charts", "CellEvents"]),

        // MARK: The charts (Foundation only; linked into BookKit)
        .target(name: "Charts", dependencies: ["SeriesStatistics"]),

        // MARK: The notebook pipeline
        .systemLibrary(
            name: "CCMarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "Notebook", dependencies: ["CCMarkGFM", .product(name: "Yams", package: "Yams")]),
        .target(name: "Execution", dependencies: ["Notebook", "CellEvents"]),
        .target(name: "Render", dependencies: ["Notebook", "Execution", "CellEvents"]),
        .executableTarget(name: "PPOBook", dependencies: [
            "Notebook", "Execution", "Render",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // MARK: Tests
        .testTarget(name: "SeededRandomTests", dependencies: ["SeededRandom"]),
        .testTarget(name: "SeriesStatisticsTests", dependencies: ["SeriesStatistics"]),
        .testTarget(name: "AgentsTests", dependencies: ["Agents"]),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook"]),
        .testTarget(name: "CellEventsTests", dependencies: ["CellEvents"]),
        .testTarget(name: "ExecutionTests", dependencies: ["Execution"]),
        .testTarget(name: "RenderTests", dependencies: ["Render", "Execution", "Notebook", "CellEvents"]),
        .testTarget(name: "EndToEndTests"),
        .testTarget(name: "TensorsTests", dependencies: ["Tensors", "SeededRandom"]),
        // Reads its reference trajectories from Fixtures/ through #filePath.
        .testTarget(name: "EnvironmentsTests", dependencies: ["Environments", "SeededRandom"], exclude: ["Fixtures"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts"]),
    ],
    swiftLanguageModes: [.v5]
)
