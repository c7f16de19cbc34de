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

    func render(_ text: String, cache: Bool = false, arguments: [String] = []) throws -> Run {
        try text.write(toFile: notebook, atomically: true, encoding: .utf8)
        return try renderFile("n.md", cache: cache, arguments: arguments)
    }

    /// Renders the notebook at `path` (relative to the workspace, or absolute) into `out/`.
    func renderFile(_ path: String, cache: Bool = false, arguments: [String] = []) throws -> Run {
        let (process, errors) = try start(path, cache: cache, arguments: arguments)
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return Run(status: process.terminationStatus, errors: String(decoding: data, as: UTF8.self),
                   pagePath: output + "/\(name).html")
    }

    /// Starts a render of `path` and returns at once; standard error goes to the returned pipe.
    func start(_ path: String, cache: Bool = false, arguments: [String] = []) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["render", path, "--output", "out"]
            + (cache ? ["--cache-dir", root + "/cache"] : ["--no-cache"]) + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = temporaryFolder
        environment["PPO_BOOK_TEST_WORKSPACE"] = root
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        return (process, errors)
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
