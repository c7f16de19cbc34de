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

    /// How far the executor takes each session.
    public enum Mode: Sendable {
        /// Compile and run, reading results from the cache and storing new successful ones.
        case run
        /// Compile and run, reading results from the cache but writing nothing to it.
        case runWithoutStoring
        /// Only type-check (`swiftc -typecheck`): nothing runs, no cell has outputs.
        case typecheck
    }

    private let toolchain: Toolchain
    private let cache: ResultCache?
    private let mode: Mode
    private let report: @Sendable (Activity) -> Void

    /// Creates an executor.
    ///
    /// - Parameters:
    ///   - toolchain: the compiler and the engine library.
    ///   - cache: where results are kept between renders, or nil to always run.
    ///   - mode: whether to run, and whether to store what ran.
    ///   - report: called (from any thread) with what is happening.
    public init(toolchain: Toolchain, cache: ResultCache?, mode: Mode = .run,
                report: @escaping @Sendable (Activity) -> Void = { _ in }) {
        self.toolchain = toolchain
        self.cache = cache
        self.mode = mode
        self.report = report
    }

    /// Runs every cell and inline value of `notebook` and returns their results.
    ///
    /// Claims are held to their expected verdicts only with the default parameters: a draft
    /// (`-P`) shows a different verdict on the page without failing.
    public func execute(_ notebook: Notebook) throws -> NotebookResults {
        var results = NotebookResults()
        for cell in notebook.cells where !cell.runs {
            results.cells[cell.index] = CellResult(status: .shownOnly)
        }
        let fingerprint = try toolchain.fingerprint()
        let sessions = notebook.sessions
        let inputs = try notebook.frontMatter.inputs.map { input -> Data in
            let path = URL(fileURLWithPath: notebook.path).deletingLastPathComponent().appendingPathComponent(input).path
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ExecutionError("the input '\(input)' declared in \(notebook.path) cannot be read")
            }
            return data
        }
        let outcomes = SessionOutcomes(count: sessions.count)
        DispatchQueue.concurrentPerform(iterations: sessions.count) { index in
            outcomes.set(index, Result {
                try execute(sessions[index], of: notebook, fingerprint: fingerprint, inputs: inputs)
            })
        }
        for outcome in outcomes.all {
            results.merge(try outcome.get())
        }
        return results
    }

    private func execute(_ session: NotebookSession, of notebook: Notebook,
                         fingerprint: String, inputs: [Data]) throws -> NotebookResults {
        let notebookDirectory = URL(fileURLWithPath: notebook.path).deletingLastPathComponent().path
        let timeout = notebook.frontMatter.timeout ?? Self.defaultTimeout
        let source = GeneratedProgram(cells: session.cells, inlineValues: session.inlineValues,
                                      parameters: notebook.parameters, notebookPath: notebook.path).source
        let key = ResultCache.key(source: source, toolchainFingerprint: fingerprint, timeout: timeout,
                                  directory: notebookDirectory,
                                  parameters: notebook.parameters.map { "\($0.name)=\($0.value.swiftLiteral)" },
                                  inputs: inputs)
        if mode != .typecheck, let stored = cache?.results(for: key) {
            report(.cached(session: session.name))
            return stored
        }
        let workDirectory = try Self.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: workDirectory) }

        report(.compiling(session: session.name, cells: session.cells.count))
        let compileStart = Date()
        let compilation = try Compilation(session: session, parameters: notebook.parameters,
                                          notebookPath: notebook.path, toolchain: toolchain,
                                          directory: workDirectory, typecheckOnly: mode == .typecheck)
        report(.compiled(session: session.name, seconds: Date().timeIntervalSince(compileStart)))
        compilation.warnings.forEach { report(.warning($0)) }
        var results = compilation.settled
        if let binary = compilation.binary {
            report(.running(session: session.name))
            let runStart = Date()
            let run = try SessionRun(binary: binary, cells: compilation.compiledCells, values: compilation.compiledValues,
                                     notebookPath: notebook.path, directory: notebookDirectory, timeout: timeout,
                                     checksClaims: !notebook.isDraft) { cell, progress in
                report(.progress(cell: cell, report: progress))
            }
            report(.ran(session: session.name, seconds: Date().timeIntervalSince(runStart)))
            results.merge(run.results)
            // A cell that failed at run time stops the cells after it, including ones set aside at compile time.
            if let failed = session.cells.first(where: { run.results.cells[$0.index]?.status == .failed }) {
                for cell in session.cells where cell.index > failed.index && run.results.cells[cell.index] == nil {
                    results.cells[cell.index] = CellResult(status: .notRun)
                }
            }
        }
        if mode == .run, results.succeeded {
            cache?.store(results, for: key)
        }
        return results
    }

    private static func makeTemporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("ppo-book-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

/// The outcome of each session, written from the thread that ran it.
private final class SessionOutcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [Result<NotebookResults, Error>?]

    init(count: Int) { outcomes = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ outcome: Result<NotebookResults, Error>) {
        lock.withLock { outcomes[index] = outcome }
    }

    var all: [Result<NotebookResults, Error>] { lock.withLock { outcomes.map { $0! } } }
}
