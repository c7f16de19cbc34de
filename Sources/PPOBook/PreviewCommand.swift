import ArgumentParser
import Dispatch
import Foundation
import Preview

/// `ppo-book preview`: serve a notebook's page, or a course's site, and render again on every save.
struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Serve a notebook's page, or a course's site, on 127.0.0.1 and render again whenever a file is saved.",
        discussion: """
            Renders the notebook, or the folder as a course site (index, lessons with their navigation, \\
            search), as `render` does, into the same output folder, and serves the pages at \\
            http://127.0.0.1:PORT/. The notebooks, the files their front matter declares as inputs, the \\
            course's course.yml and the folder's list of notebooks are watched: a save renders again (a \\
            save during a render restarts it; in a course, lessons that did not change come from the cache), \\
            and the open page reloads once the render has ended, keeping its scroll position. \\
            While a render runs the page shows the running cell and its progress; when one fails it shows \\
            the errors above the last good page. Press Ctrl-C to stop.
            """
    )

    @Argument(help: ArgumentHelp("A notebook (.md file), or a folder of notebooks.", valueName: "notebook.md | folder"))
    var input: String

    @Option(help: "The port to listen on, on 127.0.0.1 (0 picks a free one).")
    var port: UInt16 = 8109

    @Option(name: .shortAndLong, help: ArgumentHelp("The folder pages and figures are written to.", valueName: "dir"))
    var output = "output"

    @Option(help: ArgumentHelp("Where results are cached (as for render).", valueName: "dir"))
    var cacheDir: String?

    @Flag(help: "Compile cells with -O (as for render).")
    var optimize = false

    func validate() throws {
        _ = try NotebookArguments.notebookPaths(in: input)
    }

    func run() throws {
        var renderArguments: [String] = []
        if let cacheDir { renderArguments += ["--cache-dir", cacheDir] }
        if optimize { renderArguments.append("--optimize") }
        var isFolder: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: input, isDirectory: &isFolder)
        let server = try PreviewServer(input: input, isCourse: isFolder.boolValue, outputDirectory: output,
                                       port: port, executable: NotebookArguments.executablePath(),
                                       renderArguments: renderArguments)
        let started = DispatchSemaphore(value: 0)
        let outcome = StartOutcome()
        Task {
            do { outcome.port = try await server.start() } catch { outcome.error = error }
            started.signal()
        }
        started.wait()
        if let error = outcome.error { throw error }
        print("serving http://127.0.0.1:\(outcome.port)/ (Ctrl-C to stop)")
        fflush(stdout)

        var sources: [DispatchSourceSignal] = []
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                Task {
                    await server.stop()
                    Foundation.exit(130)
                }
            }
            source.resume()
            sources.append(source)
        }
        withExtendedLifetime(sources) { dispatchMain() }
    }
}

/// What starting the server came to, handed from its task to the command.
private final class StartOutcome: @unchecked Sendable {
    var port: UInt16 = 0
    var error: (any Error)?
}
