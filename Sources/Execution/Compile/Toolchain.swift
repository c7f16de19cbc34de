import CellEvents
import Foundation

/// The compiler and the engine library that cell programs are built with.
///
/// The library (`libBookKit.so` and its `Modules/` folder) is looked for beside the
/// running `ppo-book` executable, never in the current directory, so the command works
/// from anywhere on notebooks anywhere.
public struct Toolchain: Sendable {
    /// The `swiftc` executable.
    public var compiler: String
    /// The folder holding `libBookKit.so` and `Modules/`.
    public var libraryDirectory: String
    /// Whether cell programs are optimised (`-O`) rather than built for speed of compiling (`-Onone`).
    public var optimize: Bool

    /// The library cells link against.
    public static let libraryName = "BookKit"
    /// The modules every cell program imports, so cells need no import lines of their own.
    public static let importedModules = ["Foundation", "RL", "Charts", "BookRuntime"]

    /// Every module of the library, whose interfaces cell programs may inline code from.
    static let libraryModules = ["SeededRandom", "SeriesStatistics", "Tensors", "Environments", "Agents", "RL",
                                 "Charts", "CellEvents", "BookRuntime"]

    /// Creates a toolchain from explicit parts.
    public init(compiler: String, libraryDirectory: String, optimize: Bool = false) {
        self.compiler = compiler
        self.libraryDirectory = libraryDirectory
        self.optimize = optimize
    }

    /// Finds `swiftc` (the `SWIFTC` environment variable, else the `PATH`) and the library
    /// beside `executable`.
    public static func locate(besideExecutable executable: String, optimize: Bool = false) throws -> Toolchain {
        let directory = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent().path
        let library = "\(directory)/lib\(libraryName).so"
        guard FileManager.default.fileExists(atPath: library),
              FileManager.default.fileExists(atPath: "\(directory)/Modules/RL.swiftmodule") else {
            throw ExecutionError("""
                the engine library lib\(libraryName).so and its Modules/ folder were not found beside ppo-book \
                (in \(directory)); build them with `make` (or `swift build -c release --product \(libraryName)`)
                """)
        }
        return Toolchain(compiler: try findCompiler(), libraryDirectory: directory, optimize: optimize)
    }

    /// The `swiftc` arguments that compile `source` into `binary` against the library.
    func arguments(source: String, binary: String) -> [String] {
        [
            source, "-o", binary,
            optimize ? "-O" : "-Onone", "-g",
            "-swift-version", "5", "-module-name", "Cells", "-diagnostic-style=llvm",
            "-I", "\(libraryDirectory)/Modules",
            "-L", libraryDirectory, "-l\(Self.libraryName)",
            "-Xlinker", "-rpath", "-Xlinker", libraryDirectory,
        ]
    }

    /// The `swiftc` arguments that only type-check `source` against the library (seconds, no binary).
    func typecheckArguments(source: String) -> [String] {
        [
            source, "-typecheck",
            "-swift-version", "5", "-module-name", "Cells", "-diagnostic-style=llvm",
            "-I", "\(libraryDirectory)/Modules",
        ]
    }

    /// What identifies this toolchain for the cache: the compiler's version, the flags, and
    /// the bytes of the library and of every module interface cells compile against (which
    /// hold what was inlined into cell programs). `facts` remembers the slow parts.
    func fingerprint(facts: FileFacts) throws -> String {
        var hash = SHA256()
        let version = try facts.fact("version", about: compiler) {
            // The compiler driver leaves an empty folder in TMPDIR when it only prints its version.
            let scratch = try Cleanup.shared.makeTemporaryFolder()
            defer { Cleanup.shared.remove(scratch) }
            var environment = ProcessInfo.processInfo.environment
            environment["TMPDIR"] = scratch
            return try ChildProcess.run(compiler, ["-version"], environment: environment).output
        }
        hash.update(version)
        hash.update(arguments(source: "", binary: "").joined(separator: " "))
        let files = ["lib\(Self.libraryName).so"] + Self.libraryModules.map { "Modules/\($0).swiftmodule" }
        for file in files {
            hash.update(file)
            hash.update(facts.digest(of: "\(libraryDirectory)/\(file)") ?? "missing")
        }
        return hash.hexDigest()
    }

    private static func findCompiler() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["SWIFTC"], !explicit.isEmpty { return explicit }
        for directory in (environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(directory)/swiftc"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw ExecutionError("swiftc was not found on the PATH; install the Swift toolchain or set SWIFTC")
    }
}
