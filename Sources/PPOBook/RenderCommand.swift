import ArgumentParser
import Execution
import Foundation
import Notebook
import Render

/// `ppo-book render`: run a notebook's cells and write its page.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Run a notebook's Swift cells and write its HTML page.",
        discussion: """
            Writes OUTPUT/<name>.html, and for cells tagged id=NAME their figures as \
            OUTPUT/figures/<name>-NAME.svg with the plotted data beside them as .csv. \
            Results are cached: a cell session that has not changed (nor the engine, nor the compiler) \
            is not run again.

            If a cell fails, the page with the errors in place is written as OUTPUT/<name>.failed.html, \
            the last good page is kept, and ppo-book exits with status 1.

            Ctrl-C or SIGTERM stops the running cells (and anything they started), keeps the previous \
            pages, and exits with status 130.
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

    @Option(help: ArgumentHelp("Stop a session's program when it uses more memory than this (default: half the machine's).",
                               valueName: "MB"))
    var memoryLimit: Int?

    @Option(help: ArgumentHelp("Stop compiling a session after this many seconds.", valueName: "seconds"))
    var compileTimeout: Double = RunLimits.defaultCompileSeconds

    func validate() throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: input, isDirectory: &isFolder) else {
            throw ValidationError("'\(input)' does not exist: give a notebook (.md) or a folder of notebooks")
        }
        if !isFolder.boolValue && !input.hasSuffix(".md") {
            throw ValidationError("'\(input)' is not a Markdown notebook: its name should end in .md")
        }
        if let memoryLimit, memoryLimit <= 0 { throw ValidationError("--memory-limit must be a positive number of MB") }
        if !(compileTimeout > 0) { throw ValidationError("--compile-timeout must be a positive number of seconds") }
    }

    func run() throws {
        let notebooks = try notebookPaths()
        let toolchain = try Toolchain.locate(besideExecutable: Self.executablePath(), optimize: optimize)
        let status = StatusLine(quiet: quiet)
        Interrupts.install { status.error($0) }
        let cache = noCache ? nil : ResultCache(directory: cacheDir ?? ResultCache.defaultDirectory)
        let limits = RunLimits(memoryBytes: memoryLimit.map { $0 << 20 } ?? RunLimits.defaultMemoryBytes,
                               compileSeconds: compileTimeout)
        let executor = NotebookExecutor(toolchain: toolchain, cache: cache, limits: limits) { status.show($0) }
        var failures = 0
        for path in notebooks {
            let started = Date()
            do {
                let notebook = try NotebookParser().parse(contentsOf: path)
                let results = try executor.execute(notebook)
                Interrupts.waitIfInterrupted()
                let page = PageRenderer(notebook: notebook, results: results).render()
                let writer = OutputWriter(directory: output, notebookName: notebook.name)
                let failed = notebook.cells.filter { results[$0.index]?.status == .failed }
                for cell in notebook.cells {
                    for case .notice(let text) in results[cell.index]?.outputs ?? [] {
                        status.error("\(cell.fence) [\(cell.anchor)]: \(text)")
                    }
                }
                if failed.isEmpty {
                    try writer.write(page)
                    status.finish("wrote \(writer.pagePath) (\(page.figureFiles.count) figure files) in \(Self.seconds(since: started))")
                    status.finish(Self.slowestCells(of: notebook, results: results))
                } else {
                    try writer.writeFailed(page)
                    for cell in failed { results[cell.index]!.errorMessages.forEach { status.error($0) } }
                    status.error("\(failed.count) cell(s) failed in \(path); the page with the errors in place is "
                        + "\(writer.failedPagePath), and the last good page was kept")
                    failures += 1
                }
            } catch let error as NotebookError {
                Interrupts.waitIfInterrupted()
                status.error(error.description)
                failures += 1
            } catch let error as ExecutionError {
                Interrupts.waitIfInterrupted()
                status.error("\(path): error: \(error.description)")
                failures += 1
            } catch {
                Interrupts.waitIfInterrupted()  // a write refused because of an interrupt
                throw error
            }
        }
        Interrupts.waitIfInterrupted()
        if failures > 0 { throw ExitCode.failure }
    }

    private func notebookPaths() throws -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: input, isDirectory: &isFolder), isFolder.boolValue else {
            return [input]
        }
        let folder = input.hasSuffix("/") ? String(input.dropLast()) : input
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".md") }.sorted()
        guard !names.isEmpty else { throw ValidationError("'\(input)' holds no notebooks (.md files)") }
        return names.map { "\(folder)/\($0)" }
    }

    /// The cells that took longest, for authors keeping a lesson fast.
    private static func slowestCells(of notebook: Notebook, results: [Int: CellResult]) -> String {
        let timed = notebook.cells.compactMap { cell in results[cell.index]?.seconds.map { (cell, $0) } }
        guard !timed.isEmpty else { return "no cell ran (all results from the cache)" }
        let slowest = timed.sorted { $0.1 > $1.1 }.prefix(5).map { cell, seconds in
            String(format: "  %7.2f s  %@ [%@]", seconds, cell.fence.description, cell.anchor)
        }
        return (["slowest cells:"] + slowest).joined(separator: "\n")
    }

    /// The running `ppo-book`, whose folder holds the engine library.
    static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    private static func seconds(since start: Date) -> String {
        String(format: "%.1f s", Date().timeIntervalSince(start))
    }
}
