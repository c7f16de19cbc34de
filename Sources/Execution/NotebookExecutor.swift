import CellEvents
import Foundation
import Notebook

/// Runs a notebook's cells: each session compiled as one program and run as a child
/// process, sessions side by side, results taken from the cache where nothing changed.
public struct NotebookExecutor: Sendable {
    /// Something worth telling the user while cells run.
    public enum Activity: Sendable {
        /// A session's program is being compiled.
        case compiling(session: String, cells: Int)
        /// A session's program compiled, in this many seconds.
        case compiled(session: String, seconds: Double)
        /// A session's program is running.
        case running(session: String)
        /// A session's program ended, after running this many seconds.
        case ran(session: String, seconds: Double)
        /// A session's results came from the cache.
        case cached(session: String)
        /// A cell reported progress.
        case progress(cell: Cell, report: ProgressReport)
        /// The compiler warned about a cell.
        case warning(Diagnostic)
    }

    /// The time limit of a cell that sets none, when the front matter sets none either.
    public static let defaultTimeout: Double = 600

    private let toolchain: Toolchain
    private let cache: ResultCache?
    private let limits: RunLimits
    private let report: @Sendable (Activity) -> Void

    /// Creates an executor.
    ///
    /// - Parameters:
    ///   - toolchain: the compiler and the engine library.
    ///   - cache: where results are kept between renders, or nil to always run.
    ///   - limits: the memory, compile-time and output limits of cell programs.
    ///   - report: called (from any thread) with what is happening.
    public init(toolchain: Toolchain, cache: ResultCache?, limits: RunLimits = RunLimits(),
                report: @escaping @Sendable (Activity) -> Void = { _ in }) {
        self.toolchain = toolchain
        self.cache = cache
        self.limits = limits
        self.report = report
    }

    /// Runs every cell of `notebook` and returns each cell's result, by cell index.
    public func execute(_ notebook: Notebook) throws -> [Int: CellResult] {
        var results: [Int: CellResult] = [:]
        for cell in notebook.cells where !cell.runs {
            results[cell.index] = CellResult(status: .shownOnly)
        }
        let fingerprint = try toolchain.fingerprint()
        let sessions = notebook.sessions
        let outcomes = SessionOutcomes(count: sessions.count)
        DispatchQueue.concurrentPerform(iterations: sessions.count) { index in
            outcomes.set(index, Result {
                try execute(sessions[index], of: notebook, fingerprint: fingerprint)
            })
        }
        for outcome in outcomes.all {
            results.merge(try outcome.get()) { first, _ in first }
        }
        return results
    }

    private func execute(_ session: NotebookSession, of notebook: Notebook,
                         fingerprint: String) throws -> [Int: CellResult] {
        let notebookDirectory = URL(fileURLWithPath: notebook.path).deletingLastPathComponent().path
        let timeout = notebook.frontMatter.timeout ?? Self.defaultTimeout
        let source = GeneratedProgram(cells: session.cells, notebookPath: notebook.path).source
        let key = ResultCache.key(source: source, toolchainFingerprint: fingerprint, timeout: timeout,
                                  directory: notebookDirectory)
        if let stored = cache?.results(for: key) {
            report(.cached(session: session.name))
            return stored
        }
        let workDirectory = try Cleanup.shared.makeTemporaryFolder()
        defer { Cleanup.shared.remove(workDirectory) }

        report(.compiling(session: session.name, cells: session.cells.count))
        let compileStart = Date()
        let compilation = try Compilation(cells: session.cells, notebookPath: notebook.path,
                                          toolchain: toolchain, directory: workDirectory,
                                          limit: limits.compileSeconds)
        report(.compiled(session: session.name, seconds: Date().timeIntervalSince(compileStart)))
        compilation.warnings.forEach { report(.warning($0)) }
        var results = compilation.settled
        if let binary = compilation.binary {
            report(.running(session: session.name))
            let runStart = Date()
            let run = try SessionRun(binary: binary, cells: compilation.compiledCells, notebookPath: notebook.path,
                                     directory: notebookDirectory, timeout: timeout,
                                     limits: limits) { cell, progress in
                report(.progress(cell: cell, report: progress))
            }
            report(.ran(session: session.name, seconds: Date().timeIntervalSince(runStart)))
            results.merge(run.results) { first, _ in first }
            // A cell that failed at run time stops the cells after it, including ones set aside at compile time.
            if let failed = session.cells.first(where: { run.results[$0.index]?.status == .failed }) {
                for cell in session.cells where cell.index > failed.index && run.results[cell.index] == nil {
                    results[cell.index] = CellResult(status: .notRun)
                }
            }
        }
        if results.values.allSatisfy({ $0.status == .succeeded || $0.status == .failedAsExpected }) {
            cache?.store(results, for: key)
        }
        return results
    }
}

/// The outcome of each session, written from the thread that ran it.
private final class SessionOutcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [Result<[Int: CellResult], Error>?]

    init(count: Int) { outcomes = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ outcome: Result<[Int: CellResult], Error>) {
        lock.withLock { outcomes[index] = outcome }
    }

    var all: [Result<[Int: CellResult], Error>] { lock.withLock { outcomes.map { $0! } } }
}
