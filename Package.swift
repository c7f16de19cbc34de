// swift-tools-version: 6.0
import PackageDescription

/// How the engine's numeric code (`Tensors`) is compiled on x86-64:
/// - `-target-cpu haswell`: AVX2 and FMA (Intel since 2013, AMD since Zen), which
///   doubles the vector width of the matrix kernels and fuses their multiply-adds;
/// - `-fno-math-errno`: lets a vector's square root be one instruction instead of a
///   library call per lane (the engine never reads `errno`);
/// - `-enforce-exclusivity=unchecked`: drops the run-time exclusivity bookkeeping on
///   every tensor buffer access, which costs more than the arithmetic in small ops.
/// Other architectures use the compiler's defaults.
#if arch(x86_64)
let vectorSettings: [SwiftSetting] = [
    .unsafeFlags(["-target-cpu", "haswell", "-Xcc", "-fno-math-errno", "-enforce-exclusivity=unchecked"]),
]
#else
let vectorSettings: [SwiftSetting] = []
#endif

/// How the environments are compiled: `-D_GNU_SOURCE` makes glibc's `math.h` declare
/// `sincos` (one call for the cosine and sine of an angle, same bits as the two calls);
/// on x86-64, `-target-cpu haswell` (as for `Tensors`) makes a fused multiply-add, which
/// `pythonSquare` uses to find a product's rounding error, one instruction instead of a
/// library call. Swift never fuses a separate multiply and add, so the physics keeps its bits.
#if arch(x86_64)
let environmentSettings: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-D_GNU_SOURCE", "-target-cpu", "haswell"])]
#else
let environmentSettings: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-D_GNU_SOURCE"])]
#endif

/// ppo-book: Markdown notebooks whose Swift cells run against a built-in
/// reinforcement-learning engine, rendered to self-contained HTML pages.
///
/// The pipeline reads top to bottom in `Sources/`:
/// `Notebook` (parse) -> `Execution` (program, compile, run, cache) -> `Render` (HTML)
/// -> `Write` (the course site, PDF, .ipynb), driven by the `ppo-book` command; `Preview` serves
/// pages and renders them again on save. Cells link against `BookKit`, a dynamic library holding
/// the engine (`RL`), the charts and the cell runtime.
let package = Package(
    name: "ppo-book",
    products: [
        .executable(name: "ppo-book", targets: ["PPOBook"]),
        .library(name: "BookKit", type: .dynamic, targets: ["RL", "Charts", "BookRuntime"]),
        // The notebook parser and the page renderer, for tools built beside ppo-book (the fuzzer in fuzz/).
        .library(name: "BookPipeline", targets: ["Notebook", "Render"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // MARK: The engine (Foundation only; linked into BookKit)
        .target(name: "SeededRandom"),
        .target(name: "SeriesStatistics"),
        .target(name: "Tensors", dependencies: ["SeededRandom"], swiftSettings: vectorSettings),
        .target(name: "Environments", dependencies: ["SeededRandom"], swiftSettings: environmentSettings),
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
        // The TeX math subset -> MathML Core (Foundation only).
        .target(name: "Math"),
        .target(name: "Notebook", dependencies: ["CCMarkGFM", "Math", .product(name: "Yams", package: "Yams")]),
        .target(name: "Execution", dependencies: ["Notebook", "CellEvents"]),
        .target(name: "Render", dependencies: ["Notebook", "Execution", "CellEvents"]),
        .target(name: "Write", dependencies: [
            "Notebook", "Execution", "Render", "CellEvents", .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "Preview", dependencies: ["Notebook", "Execution", "CellEvents", "Write", .product(name: "FlyingFox", package: "FlyingFox")]),
        .executableTarget(name: "PPOBook", dependencies: [
            "Notebook", "Execution", "Render", "Write", "CellEvents", "Preview",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // MARK: Tests
        .testTarget(name: "SeededRandomTests", dependencies: ["SeededRandom"]),
        .testTarget(name: "SeriesStatisticsTests", dependencies: ["SeriesStatistics"]),
        .testTarget(name: "AgentsTests", dependencies: ["Agents"]),
        .testTarget(name: "MathTests", dependencies: ["Math"]),
        // Reads notebooks/109.md through #filePath.
        .testTarget(name: "NotebookTests", dependencies: ["Notebook"]),
        .testTarget(name: "CellEventsTests", dependencies: ["CellEvents"]),
        .testTarget(name: "ExecutionTests", dependencies: ["Execution"]),
        .testTarget(name: "RenderTests", dependencies: ["Render", "Execution", "Notebook", "CellEvents"]),
        .testTarget(name: "WriteTests", dependencies: ["Write", "Render", "Execution", "Notebook", "CellEvents"]),
        // Reads its corpus of bad notebooks from BadNotebooks/ through #filePath.
        .testTarget(name: "EndToEndTests", exclude: ["BadNotebooks"]),
        .testTarget(name: "TensorsTests", dependencies: ["Tensors", "SeededRandom"]),
        // Reads its reference trajectories from Fixtures/ through #filePath.
        .testTarget(name: "EnvironmentsTests", dependencies: ["Environments", "SeededRandom"], exclude: ["Fixtures"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts"]),
    ],
    swiftLanguageModes: [.v5]
)
