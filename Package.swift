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
        .library(name: "BookKit", type: .dynamic, targets: ["RL"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // MARK: The engine (Foundation only; linked into BookKit)
        .target(name: "SeededRandom"),
        .target(name: "Tensors", dependencies: ["SeededRandom"], swiftSettings: vectorSettings),
        .target(name: "RL", dependencies: ["SeededRandom", "Tensors"]),

        // MARK: The notebook pipeline
        .systemLibrary(
            name: "CCMarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),

        // MARK: Tests
        .testTarget(name: "SeededRandomTests", dependencies: ["SeededRandom"]),
        .testTarget(name: "TensorsTests", dependencies: ["Tensors", "SeededRandom"]),
    ],
    swiftLanguageModes: [.v5]
)
