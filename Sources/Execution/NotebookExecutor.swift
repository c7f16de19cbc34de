import CellEvents
import Foundation
import Notebook

/// Runs a notebook's cells: each session compiled as one program and run as a child
/// process, sessions side by side, results taken from the cache where nothing changed.
public struct NotebookExecutor: Sendable {
    /// Something worth telling the user while cells run.
    public enum Activity: Sendable {
        /// A session runs, for the reason given (which cell changed, or what else did).
        case starting(session: String, reason: String)
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
        /// A cell began to run.
        case cellStarted(Cell)
        /// A cell reported progress.
        case progress(cell: Cell, report: ProgressReport)
        /// The compiler warned about a cell.
        case warning(Diagnostic)
    }

    /// What became of a notebook's cells, inline values and sessions.
    public struct Outcome: Sendable {
        /// Each cell's and inline value's result, by notebook index.
        public var results: NotebookResults
        /// Each session, in order of first appearance.
        public var sessions: [SessionSummary]
    }

    /// How one session was settled, for the terminal summary.
    public struct SessionSummary: Sendable {
        /// The session's name.
        public var name: String
        /// Why it ran, or nil when its results came from the cache.
        public var reason: String?
        /// How many `cached(...)` calls found their value.
        public var memoHits = 0
        /// How many `cached(...)` calls computed theirs.
        public var memoMisses = 0
    }

    /// ppo-book's version; with its executable's bytes, part of every cache key.
    public static let version = "0.1.0"

    /// The time limit of a cell that sets none, when the front matter sets none either.
    public static let defaultTimeout: Double = 600

    /// How far the executor takes each session.
    public enum Mode: Sendable {
        /// Compile and run, reading results and memoised values from the cache and storing new ones.
        case run
        /// Compile and run, reading results and memoised values from the cache but writing
        /// nothing to it (`ppo-book check`).
        case runWithoutStoring
        /// Only type-check (`swiftc -typecheck`): nothing runs, no cell has outputs.
        case typecheck
    }

    private let toolchain: Toolchain
    private let cache: ResultCache?
    private let executable: String
    private let mode: Mode
    private let limits: RunLimits
    private let report: @Sendable (Activity) -> Void

    /// Creates an executor.
    ///
    /// - Parameters:
    ///   - toolchain: the compiler and the engine library.
    ///   - cache: where results and memoised values are kept between renders, or nil to always run.
    ///   - executable: the running ppo-book executable, whose bytes are part of every key.
    ///   - mode: whether to run, and whether to store what ran.
    ///   - limits: the memory, compile-time and output limits of cell programs.
    ///   - report: called (from any thread) with what is happening.
    public init(toolchain: Toolchain, cache: ResultCache?, executable: String, mode: Mode = .run,
                limits: RunLimits = RunLimits(), report: @escaping @Sendable (Activity) -> Void = { _ in }) {
        self.toolchain = toolchain
        self.cache = cache
        self.executable = executable
        self.mode = mode
        self.limits = limits
        self.report = report
    }

    /// Runs every cell and inline value of `notebook`, or takes their results from the cache.
    ///
    /// Claims are held to their expected verdicts only with the default parameters: a draft
    /// (`-P`) shows a different verdict on the page without failing.
    public func execute(_ notebook: Notebook) throws -> Outcome {
        var results = NotebookResults()
        for cell in notebook.cells where !cell.runs {
            results.cells[cell.index] = CellResult(status: .shownOnly)
        }
        let context = try keyContext(for: notebook)
        let sessions = notebook.sessions
        let record = cache.map { RenderRecord.load(for: notebook.path, in: $0) } ?? RenderRecord()
        let outcomes = SessionOutcomes(count: sessions.count)
        DispatchQueue.concurrentPerform(iterations: sessions.count) { index in
            outcomes.set(index, Result {
                try execute(sessions[index], of: notebook, context: context, record: record)
            })
        }
        var summaries: [SessionSummary] = []
        var newRecord = RenderRecord()
        for (session, outcome) in zip(sessions, outcomes.all) {
            let (sessionResults, summary) = try outcome.get()
            results.merge(sessionResults)
            summaries.append(summary)
            let keys = SessionKeys(cells: session.cells, values: Self.positionedValues(of: session), context: context)
            newRecord.sessions[session.name] = .init(context: context, cells: keys.cells, session: keys.session)
        }
        if let cache, mode == .run { newRecord.save(for: notebook.path, in: cache) }
        return Outcome(results: results, sessions: summaries)
    }

    /// What besides the cells the notebook's results depend on.
    private func keyContext(for notebook: Notebook) throws -> KeyContext {
        // Remembered file digests are written as they are learnt: only a storing run may keep them.
        let facts = mode == .run ? cache?.facts ?? FileFacts(directory: nil) : FileFacts(directory: nil)
        let inputs = try DeclaredInputs(of: notebook)
        var tool = SHA256(), parameterHash = SHA256(), settings = SHA256()
        tool.update(Self.version)
        tool.update(facts.digest(of: executable) ?? "unknown executable")
        for parameter in notebook.parameters.sorted(by: { $0.name < $1.name }) {
            parameterHash.update(parameter.name)
            parameterHash.update(parameter.value.swiftLiteral)
        }
        settings.update(String(notebook.frontMatter.timeout ?? Self.defaultTimeout))
        settings.update(inputs.directory)
        return KeyContext(toolchain: try toolchain.fingerprint(facts: facts), ppoBook: tool.hexDigest(),
                          parameters: parameterHash.hexDigest(), inputs: try inputs.digest(),
                          settings: settings.hexDigest())
    }

    private func execute(_ session: NotebookSession, of notebook: Notebook, context: KeyContext,
                         record: RenderRecord) throws -> (NotebookResults, SessionSummary) {
        let values = Self.positionedValues(of: session)
        let keys = SessionKeys(cells: session.cells, values: values, context: context)
        let placement = ResultPlacement(cells: session.cells, values: session.inlineValues, notebookPath: notebook.path)
        if mode != .typecheck, let stored = cache?.results(for: keys.session) {
            report(.cached(session: session.name))
            return (placement.place(stored), SessionSummary(name: session.name))
        }
        let reason = cache == nil ? "caching is off" : record.reason(session: session, keys: keys, context: context)
        if mode != .typecheck { report(.starting(session: session.name, reason: reason)) }
        let workDirectory = try Cleanup.shared.makeTemporaryFolder()
        defer { Cleanup.shared.remove(workDirectory) }
        let cells = CellFile.positioned(session.cells)

        report(.compiling(session: session.name, cells: cells.count))
        let compileStart = Date()
        let compilation: Compilation
        do {
            compilation = try Compilation(cells: cells, values: values, parameters: notebook.parameters,
                                          toolchain: toolchain, directory: workDirectory, limit: limits.compileSeconds,
                                          typecheckOnly: mode == .typecheck)
        } catch let error as ExecutionError {
            throw ExecutionError(placement.place(error.description))
        }
        report(.compiled(session: session.name, seconds: Date().timeIntervalSince(compileStart)))
        compilation.warnings.forEach { report(.warning(placement.place($0))) }
        var results = compilation.settled
        var summary = SessionSummary(name: session.name, reason: reason)
        if let binary = compilation.binary {
            report(.running(session: session.name))
            let memoLog = "\(workDirectory)/memo.log"
            let runStart = Date()
            let run = try SessionRun(binary: binary, cells: compilation.compiledCells, values: compilation.compiledValues,
                                     directory: URL(fileURLWithPath: notebook.path).deletingLastPathComponent().path,
                                     extraEnvironment: memoEnvironment(keys: keys, log: memoLog),
                                     timeout: notebook.frontMatter.timeout ?? Self.defaultTimeout, limits: limits,
                                     checksClaims: !notebook.isDraft,
                                     onCellStart: { report(.cellStarted(session.cells[$0.index])) },
                                     onProgress: { report(.progress(cell: session.cells[$0.index], report: $1)) })
            report(.ran(session: session.name, seconds: Date().timeIntervalSince(runStart)))
            results.merge(run.results)
            // A cell that failed at run time stops the cells after it, including ones set aside at compile time.
            if let failed = cells.first(where: { run.results.cells[$0.index]?.status == .failed }) {
                for cell in cells where cell.index > failed.index && run.results.cells[cell.index] == nil {
                    results.cells[cell.index] = CellResult(status: .notRun)
                }
            }
            let log = (try? String(contentsOfFile: memoLog, encoding: .utf8)) ?? ""
            for line in log.split(separator: "\n") {
                if line.hasPrefix("hit\t") { summary.memoHits += 1 } else if line.hasPrefix("miss\t") { summary.memoMisses += 1 }
            }
        }
        if mode == .run, results.succeeded {
            cache?.store(results, for: keys.session)
        }
        return (placement.place(results), summary)
    }

    /// The session's inline values as its program places them, among its cells.
    private static func positionedValues(of session: NotebookSession) -> [PositionedValue] {
        InlineValueFile.positioned(session.inlineValues, among: session.cells)
    }

    /// The variables that let `cached(...)` in the cells find and key their values (and, when
    /// the executor stores nothing, only read them).
    private func memoEnvironment(keys: SessionKeys, log: String) -> [String: String] {
        guard let cache else { return [:] }
        return [
            CellSessionEnvironment.memoDirectory: cache.memoDirectory,
            CellSessionEnvironment.cellKeys: keys.cells.joined(separator: ","),
            CellSessionEnvironment.memoLog: log,
            CellSessionEnvironment.memoReadOnly: mode == .run ? "" : "1",
        ]
    }
}

/// The outcome of each session, written from the thread that ran it.
private final class SessionOutcomes: @unchecked Sendable {
    typealias Outcome = Result<(NotebookResults, NotebookExecutor.SessionSummary), Error>
    private let lock = NSLock()
    private var outcomes: [Outcome?]

    init(count: Int) { outcomes = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ outcome: Outcome) {
        lock.withLock { outcomes[index] = outcome }
    }

    var all: [Outcome] { lock.withLock { outcomes.map { $0! } } }
}
