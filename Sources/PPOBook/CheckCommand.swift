import ArgumentParser
import Execution
import Foundation
import Notebook
import Write

/// `ppo-book check`: everything a render verifies, for a course's CI, without writing anything.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check notebooks: parse, compile, run, and verify claims, expect-error cells and links.",
        discussion: """
            Runs each notebook as render does (reusing results cached by earlier renders) and checks that \\
            every cell ends as it should, every claim has its expected verdict, every expect-error cell fails, \\
            and every link to an anchor or a file leads somewhere. Writes nothing: no page, no figure, no cache \\
            entry. Prints every failure as file:line and exits with status 1 if there is any.

            --no-run only parses, type-checks the cells and inline values (swiftc -typecheck) and checks the \\
            links: seconds, not minutes.
            """
    )

    @OptionGroup var notebooks: NotebookArguments

    @Flag(help: "Only type-check the cells and inline values; run nothing.")
    var noRun = false

    @Option(help: ArgumentHelp("Where cached results are read from (default: $XDG_CACHE_HOME/ppo-book or ~/.cache/ppo-book).",
                               valueName: "dir"))
    var cacheDir: String?

    @Flag(name: .shortAndLong, help: "Print only failures.")
    var quiet = false

    func run() throws {
        let paths = try notebooks.notebookPaths()
        let executable = NotebookArguments.executablePath()
        let toolchain = try Toolchain.locate(besideExecutable: executable)
        let status = StatusLine(quiet: quiet)
        Interrupts.install(outcome: "nothing was written") { status.error($0) }
        let cache = ResultCache(directory: cacheDir ?? ResultCache.defaultDirectory)
        let executor = NotebookExecutor(toolchain: toolchain, cache: cache, executable: executable,
                                        mode: noRun ? .typecheck : .runWithoutStoring) {
            status.show($0)
        }
        var failures: [String] = []
        for path in paths {
            do {
                let notebook = try notebooks.notebook(at: path)
                do {
                    _ = try LessonLinks(targets: .anyNotebook).resolve(notebook)
                } catch let error as LinkErrors {
                    failures += error.errors.map(\.description)
                }
                let results = try executor.execute(notebook).results
                Interrupts.waitIfInterrupted()  // cells an interrupt stopped are not the notebook's failures
                failures += results.errorMessages
            } catch let error as NotebookError {
                failures.append(error.description)
            } catch let error as ExecutionError {
                failures.append("\(path): error: \(error.description)")
            }
        }
        failures.forEach { status.error($0) }
        let what = noRun ? "type-checked" : "checked"
        if failures.isEmpty {
            status.finish("\(what) \(paths.count) notebook(s): no failures")
        } else {
            status.error("\(what) \(paths.count) notebook(s): \(failures.count) failure(s)")
            throw ExitCode.failure
        }
    }
}
