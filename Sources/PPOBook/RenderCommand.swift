import ArgumentParser
import Execution
import Foundation
import Notebook
import Preview
import Render
import Write

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

            A folder is a course, ordered by its course.yml (else by name): each page gets the course's \
            sidebar, breadcrumb and previous/next links, and OUTPUT/index.html and a search page are \
            written. Links to other notebooks and their anchors are checked, and linked files copied.

            With -P (for one notebook), the page and figures of a draft get a .draft-XXXXXXXX suffix naming \
            the parameter values, so a draft never overwrites the real page, and the page states the values \
            it ran with.

            Ctrl-C or SIGTERM stops the running cells (and anything they started), keeps the previous \
            pages, and exits with status 130.
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

    @Option(help: ArgumentHelp("What to write besides the HTML pages: pdf (printed by headless Chromium; "
                               + "a course also gets course.pdf), ipynb (the executed notebook). Repeatable.",
                               valueName: "html|pdf|ipynb"))
    var to: [OutputFormat] = [.html]

    @Option(help: ArgumentHelp("How many lessons of a folder render at once (default: the number of cores).",
                               valueName: "n"))
    var jobs: Int?

    @Flag(help: "List every cell that ran with its time, not only the five slowest.")
    var cellTimes = false

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    @Option(help: ArgumentHelp("Stop a session's program when it uses more memory than this (default: half the machine's).",
                               valueName: "MB"))
    var memoryLimit: Int?

    @Option(help: ArgumentHelp("Stop compiling a session after this many seconds.", valueName: "seconds"))
    var compileTimeout: Double = RunLimits.defaultCompileSeconds

    @Flag(help: ArgumentHelp("Write what happens as JSON lines on standard output (for `ppo-book preview`).",
                             visibility: .hidden))
    var statusStream = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let memoryLimit, memoryLimit <= 0 { throw ValidationError("--memory-limit must be a positive number of MB") }
        if !(compileTimeout > 0) { throw ValidationError("--compile-timeout must be a positive number of seconds") }
    }

    func run() throws {
        let status = StatusLine(quiet: quiet)
        Interrupts.install { status.error($0) }
        let formats = Set(to)
        let chromium = formats.contains(.pdf) ? try Self.chromium(status) : nil
        let executable = NotebookArguments.executablePath()
        let toolchain = try Toolchain.locate(besideExecutable: executable, optimize: optimize)
        let cache = noCache ? nil : ResultCache(directory: cacheDir ?? ResultCache.defaultDirectory)
        let streams = statusStream
        let limits = RunLimits(memoryBytes: memoryLimit.map { $0 << 20 } ?? RunLimits.defaultMemoryBytes,
                               compileSeconds: compileTimeout)
        let executor = NotebookExecutor(toolchain: toolchain, cache: cache, executable: executable,
                                        limits: limits) { activity in
            status.show(activity)
            if streams { RenderStatus(activity)?.send() }
        }
        func lessonBuild(_ links: LessonLinks, _ surroundings: ((LessonNavigation.Downloads) -> PageSurroundings)?) -> LessonBuild {
            LessonBuild(executor: executor, links: links, output: output, formats: formats, chromium: chromium,
                        status: status, streamsStatus: streams, listsEveryCellTime: cellTimes,
                        surroundings: surroundings)
        }
        if notebooks.isFolder {
            let course = try reportingNotebookErrors(status) { try CourseLoader().load(folder: notebooks.input) }
            let build = CourseBuild(course: course, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                                    output: output, formats: formats, chromium: chromium, status: status,
                                    lessonBuild: lessonBuild)
            let succeeded = build.run()
            Interrupts.waitIfInterrupted()
            guard succeeded else { throw ExitCode.failure }
        } else {
            let build = lessonBuild(LessonLinks(targets: .anyNotebook), nil)
            let notebook = try reportingNotebookErrors(status) { try notebooks.notebook(at: notebooks.input) }
            let outcome = build.run(notebook)
            Interrupts.waitIfInterrupted()
            guard case .written = outcome else { throw ExitCode.failure }
        }
    }

    /// What `body` returns; a notebook error is printed (and streamed), and the command ends with status 1.
    private func reportingNotebookErrors<Value>(_ status: StatusLine, _ body: () throws -> Value) throws -> Value {
        do {
            return try body()
        } catch let error as NotebookError {
            status.error(error.description)
            if statusStream { RenderStatus(event: "failed", errors: [error.description]).send() }
            throw ExitCode.failure
        }
    }

    /// Chromium, checked before anything runs; its absence is an error naming the package.
    private static func chromium(_ status: StatusLine) throws -> Chromium {
        do {
            return try Chromium.locate()
        } catch let error as Chromium.Failure {
            status.error("error: \(error.description)")
            throw ExitCode.failure
        }
    }
}
