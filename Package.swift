// swift-tools-version: 6.0
import PackageDescription

/// ppo-book: Markdown notebooks whose Swift cells run against a built-in
/// reinforcement-learning engine, rendered to self-contained HTML pages.
///
/// The pipeline reads top to bottom in `Sources/`:
/// `Notebook` (parse) -> `Execution` (program, compile, run, cache) -> `Render` (HTML),
/// driven by the `ppo-book` command. Cells link against `BookKit`, a dynamic
/// library holding the engine (`RL`), the charts and the cell runtime.
/// The engine's numeric kernels are compiled for x86-64 processors with AVX2 and FMA
/// (Intel Haswell, 2013, and AMD Zen onwards), which doubles their vector width and
/// fuses multiply-adds; other architectures use the compiler's defaults.
#if arch(x86_64)
let vectorSettings: [SwiftSetting] = [.unsafeFlags(["-target-cpu", "haswell", "-Xcc", "-fno-math-errno", "-enforce-exclusivity=unchecked"])]
#else
let vectorSettings: [SwiftSetting] = []
#endif

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
