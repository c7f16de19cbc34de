import Foundation

/// A temporary folder with a notebook `n.md`, an output folder `out/`, and a folder `tmp/`
/// that ppo-book and its cell programs use as TMPDIR, so a test can see what they leave.
struct Workspace {
    let root: String
    var notebook: String { root + "/n.md" }
    var output: String { root + "/out" }
    var temporaryFolder: String { root + "/tmp" }

    /// Marks every process a render starts (through the environment they inherit).
    private var marker: String { "PPO_BOOK_TEST_WORKSPACE=\(root)" }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("ppo-book-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/tmp", withIntermediateDirectories: true)
    }

    struct Run {
        let status: Int32
        let errors: String
        let pagePath: String
        func page() throws -> String { try String(contentsOfFile: pagePath, encoding: .utf8) }
    }

    func render(_ text: String, cache: Bool = false, arguments: [String] = [],
                binary: String = Workspace.binary) throws -> Run {
        try text.write(toFile: notebook, atomically: true, encoding: .utf8)
        return try renderFile("n.md", cache: cache, arguments: arguments, binary: binary)
    }

    /// Renders `text` with `--no-cache` into `fresh/`, beside the cached renders' output.
    func renderUncached(_ text: String) throws -> Run {
        try text.write(toFile: notebook, atomically: true, encoding: .utf8)
        let result = try run(["render", "n.md", "--output", "fresh", "--no-cache"])
        return Run(status: result.status, errors: result.errors, pagePath: root + "/fresh/n.html")
    }

    /// Renders the notebook at `path` (relative to the workspace, or absolute) into `out/`.
    func renderFile(_ path: String, cache: Bool = false, arguments: [String] = [],
                    binary: String = Workspace.binary) throws -> Run {
        try startRender(path, cache: cache, arguments: arguments, binary: binary)()
    }

    /// Starts rendering the notebook at `path`; the function returned waits for the end.
    func startRender(_ path: String, cache: Bool = false, arguments: [String] = [],
                     binary: String = Workspace.binary) throws -> () -> Run {
        let (process, errors) = try start(path, cache: cache, arguments: arguments, binary: binary)
        let collected = CollectedOutput(nil, errors.fileHandleForReading)
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return { [output] in
            let (_, text) = collected.wait()
            process.waitUntilExit()
            return Run(status: process.terminationStatus, errors: text, pagePath: output + "/\(name).html")
        }
    }

    /// Starts a render of `path` and returns at once; standard error goes to the returned pipe.
    func start(_ path: String, cache: Bool = false, arguments: [String] = [],
               binary: String = Workspace.binary) throws -> (Process, Pipe) {
        let (process, _, errors) = try launch(["render", path, "--output", "out"]
            + (cache ? ["--cache-dir", root + "/cache"] : ["--no-cache"]) + arguments,
            binary: binary, capturingOutput: false)
        return (process, errors)
    }

    /// Starts `ppo-book check` of `path` and returns at once; standard error goes to the returned pipe.
    func startCheck(_ path: String) throws -> (Process, Pipe) {
        let (process, _, errors) = try launch(["check", path, "--cache-dir", root + "/cache"],
                                              binary: Self.binary, capturingOutput: false)
        return (process, errors)
    }

    /// Runs ppo-book with `arguments` in the workspace and waits for it.
    func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let (process, output, errors) = try launch(arguments, binary: Self.binary, capturingOutput: true)
        let (out, err) = CollectedOutput(output?.fileHandleForReading, errors.fileHandleForReading).wait()
        process.waitUntilExit()
        return (process.terminationStatus, out, err)
    }

    /// Starts ppo-book with `arguments` in the workspace, with the workspace's TMPDIR and
    /// marker; standard error, and standard output when `capturingOutput`, go to pipes.
    private func launch(_ arguments: [String], binary: String,
                        capturingOutput: Bool) throws -> (Process, output: Pipe?, errors: Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = temporaryFolder
        environment["PPO_BOOK_TEST_WORKSPACE"] = root
        process.environment = environment
        let output = capturingOutput ? Pipe() : nil
        let errors = Pipe()
        if let output { process.standardOutput = output }
        process.standardError = errors
        try process.run()
        return (process, output, errors)
    }

    /// A copy of the built command with its engine library and modules, in the workspace.
    func copyOfTheCommand() throws -> String {
        let install = root + "/install"
        let built = URL(fileURLWithPath: Self.binary).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: install, withIntermediateDirectories: true)
        for item in ["ppo-book", "libBookKit.so", "Modules"] {
            try FileManager.default.copyItem(atPath: "\(built)/\(item)", toPath: "\(install)/\(item)")
        }
        return install
    }

    /// The processes a render of this workspace started that are still alive (not zombies),
    /// after giving killed ones a moment to go.
    func leftoverProcesses() -> [String] {
        var alive: [String] = []
        for _ in 0..<20 {
            alive = Self.livingProcesses().filter { pid in
                guard let environ = FileManager.default.contents(atPath: "/proc/\(pid)/environ") else { return false }
                return environ.split(separator: 0).contains { String(decoding: $0, as: UTF8.self) == marker }
            }
            if alive.isEmpty { break }
            usleep(100_000)
        }
        return alive
    }

    /// What is left in the workspace's TMPDIR.
    func temporaryFolderContents() -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: temporaryFolder)) ?? []
    }

    private static func livingProcesses() -> [String] {
        let pids = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).filter { Int($0) != nil }
        return pids.filter { pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.range(of: ") ", options: .backwards) else { return false }
            return !stat[close.upperBound...].hasPrefix("Z") && pid != String(getpid())
        }
    }

    static var binary: String {
        if let explicit = ProcessInfo.processInfo.environment["PPO_BOOK_BINARY"] { return explicit }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent(".build/release/ppo-book").path
    }
}

/// Reads a child's standard output and error to their ends on threads of their own, so
/// that neither pipe fills up while the other is read.
final class CollectedOutput: @unchecked Sendable {
    private let group = DispatchGroup()
    private var output = Data(), errors = Data()

    /// Starts reading `outputHandle` (if any) and `errorHandle`.
    init(_ outputHandle: FileHandle?, _ errorHandle: FileHandle) {
        group.enter()
        group.enter()
        DispatchQueue.global().async { self.output = outputHandle?.readDataToEndOfFile() ?? Data(); self.group.leave() }
        DispatchQueue.global().async { self.errors = errorHandle.readDataToEndOfFile(); self.group.leave() }
    }

    /// Both texts, once both pipes have closed.
    func wait() -> (output: String, errors: String) {
        group.wait()
        return (String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self))
    }
}
