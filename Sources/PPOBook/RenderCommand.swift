import ArgumentParser
import Execution
import Foundation
import Notebook
import Preview
import Render

/// `ppo-book render`: run a notebook's cells and write its page.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Run a notebook's Swift cells and write its HTML page.",
        discussion: """
            Writes OUTPUT/<name>.html, and for cells tagged id=NAME their figures as \
            OUTPUT/figures/<name>-NAME.svg with the plotted data beside them as .csv. \
            Results are cached: a session whose cells, engine, compiler, ppo-book, parameters and declared \
            inputs have not changed is not run again, and prose edits never run anything. Values wrapped in \
            cached("label") { ... } by a cell are reloaded while that cell and the ones before it are unchanged. \
            The summary says which sessions ran and why; `ppo-book cache` manages the cache folder.

            If a cell fails, the page with the errors in place is written as OUTPUT/<name>.failed.html, \
            the last good page is kept, and ppo-book exits with status 1.
            """
    )

    @Argument(help: ArgumentHelp("A notebook (.md file), or a folder whose .md files are all rendered.",
                                 valueName: "notebook.md | folder"))
    var input: String

    @Option(name: .shortAndLong, help: ArgumentHelp("The folder pages and figures are written to.", valueName: "dir"))
    var output = "output"

    @Flag(help: "Run every cell again, ignoring results cached by earlier renders.")
    var noCache = false

    @Option(help: ArgumentHelp("Where results are cached (default: $XDG_CACHE_HOME/ppo-book or ~/.cache/ppo-book).",
                               valueName: "dir"))
    var cacheDir: String?

    @Flag(help: "Compile cells with -O: slower to compile, faster for heavy loops written in cells themselves.")
    var optimize = false

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    @Flag(help: ArgumentHelp("Write what happens as JSON lines on standard output (for `ppo-book preview`).",
                             visibility: .hidden))
    var statusStream = false

    func validate() throws {
        _ = try Self.notebookPaths(in: input)
    }

    func run() throws {
        let notebooks = try Self.notebookPaths(in: input)
        let executable = Self.executablePath()
        let toolchain = try Toolchain.locate(besideExecutable: executable, optimize: optimize)
        let status = StatusLine(quiet: quiet)
        let cache = noCache ? nil : ResultCache(directory: cacheDir ?? ResultCache.defaultDirectory)
        let streams = statusStream
        let executor = NotebookExecutor(toolchain: toolchain, cache: cache, executable: executable) { activity in
            status.show(activity)
            if streams { RenderStatus(activity)?.send() }
        }
        var failures = 0
        // Shows a render's errors, and tells a driving program about them.
        func fail(_ messages: [String]) {
            messages.forEach { status.error($0) }
            if streams { RenderStatus(event: "failed", errors: messages).send() }
            failures += 1
        }
        for path in notebooks {
            let started = Date()
            do {
                let notebook = try NotebookParser().parse(contentsOf: path)
                let outcome = try executor.execute(notebook)
                let results = outcome.results
                status.finish(Self.summary(of: outcome))
                let page = PageRenderer(notebook: notebook, results: results).render()
                let writer = OutputWriter(directory: output, notebookName: notebook.name)
                let failed = notebook.cells.filter { results[$0.index]?.status == .failed }
                if failed.isEmpty {
                    try writer.write(page)
                    if streams { RenderStatus(event: "wrote", page: writer.pagePath).send() }
                    status.finish("wrote \(writer.pagePath) (\(page.figureFiles.count) figure files) in \(Self.seconds(since: started))")
                    if outcome.sessions.contains(where: { $0.reason != nil }) {
                        status.finish(Self.slowestCells(of: notebook, results: results))
                    }
                } else {
                    try writer.writeFailed(page)
                    fail(failed.flatMap { results[$0.index]!.errorMessages })
                    status.error("\(failed.count) cell(s) failed in \(path); the page with the errors in place is "
                        + "\(writer.failedPagePath), and the last good page was kept")
                }
            } catch let error as NotebookError {
                fail([error.description])
            } catch let error as ExecutionError {
                fail(["\(path): error: \(error.description)"])
            }
        }
        if failures > 0 { throw ExitCode.failure }
    }

    /// The notebook `input` names, or the notebooks of the folder it names.
    static func notebookPaths(in input: String) throws -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: input, isDirectory: &isFolder) else {
            throw ValidationError("'\(input)' does not exist: give a notebook (.md) or a folder of notebooks")
        }
        guard isFolder.boolValue else {
            guard input.hasSuffix(".md") else {
                throw ValidationError("'\(input)' is not a Markdown notebook: its name should end in .md")
            }
            return [input]
        }
        let folder = input.hasSuffix("/") ? String(input.dropLast()) : input
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".md") }.sorted()
        guard !names.isEmpty else { throw ValidationError("'\(input)' holds no notebooks (.md files)") }
        return names.map { "\(folder)/\($0)" }
    }

    /// Which sessions ran and why, and what `cached(...)` found.
    static func summary(of outcome: NotebookExecutor.Outcome) -> String {
        outcome.sessions.map { session in
            guard let reason = session.reason else { return "session '\(session.name)': reused from the cache" }
            return "session '\(session.name)': ran (\(reason)); memo: \(session.memoHits) hit(s), \(session.memoMisses) miss(es)"
        }.joined(separator: "\n")
    }

    /// The cells that took longest, for authors keeping a lesson fast.
    private static func slowestCells(of notebook: Notebook, results: [Int: CellResult]) -> String {
        let timed = notebook.cells.compactMap { cell in results[cell.index]?.seconds.map { (cell, $0) } }
        guard !timed.isEmpty else { return "no cell ran to its end" }
        let slowest = timed.sorted { $0.1 > $1.1 }.prefix(5).map { cell, seconds in
            String(format: "  %7.2f s  %@ [%@]", seconds, cell.fence.description, cell.anchor)
        }
        return (["slowest cells:"] + slowest).joined(separator: "\n")
    }

    static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    private static func seconds(since start: Date) -> String {
        String(format: "%.1f s", Date().timeIntervalSince(start))
    }
}
