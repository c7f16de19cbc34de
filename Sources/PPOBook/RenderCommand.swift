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

            With -P, the page and figures of a draft get a .draft-XXXXXXXX suffix naming the parameter \
            values, so a draft never overwrites the real page, and the page states the values it ran with.
            """
    )

    @OptionGroup var notebooks: NotebookArguments

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

    func run() throws {
        let paths = try notebooks.notebookPaths()
        let executable = NotebookArguments.executablePath()
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
        for path in paths {
            let started = Date()
            do {
                let notebook = try notebooks.notebook(at: path)
                let outcome = try executor.execute(notebook)
                let results = outcome.results
                status.finish(Self.summary(of: outcome))
                let page = PageRenderer(notebook: notebook, results: results.cells,
                                        inlineValues: results.inlineValues).render()
                let writer = OutputWriter(directory: output,
                                          notebookName: notebook.name + PageRenderer.fileSuffix(for: notebook))
                if results.succeeded {
                    try writer.write(page)
                    if streams { RenderStatus(event: "wrote", page: writer.pagePath).send() }
                    status.finish("wrote \(writer.pagePath) (\(page.figureFiles.count) figure files) in \(Self.seconds(since: started))")
                    if outcome.sessions.contains(where: { $0.reason != nil }) {
                        status.finish(Self.slowestCells(of: notebook, results: results.cells))
                    }
                    Self.differingClaims(in: results).forEach { status.error($0) }
                } else {
                    try writer.writeFailed(page)
                    fail(results.errorMessages)
                    status.error("\(results.errorMessages.count) error(s) in \(path); the page with the errors in place is "
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

    /// In a draft, the claims whose verdict differs from the expected one (they do not fail a draft).
    private static func differingClaims(in results: NotebookResults) -> [String] {
        let claims = results.cells.keys.sorted().flatMap { index in
            results.cells[index]!.outputs.compactMap { if case .claim(let claim) = $0 { claim } else { nil } }
        } + results.inlineValues.keys.sorted().compactMap { results.inlineValues[$0]!.claim }
        return claims.filter { !$0.isAsExpected }.map { $0.mismatchMessage(severity: "warning") + " (a draft: not a failure)" }
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

    private static func seconds(since start: Date) -> String {
        String(format: "%.1f s", Date().timeIntervalSince(start))
    }
}
