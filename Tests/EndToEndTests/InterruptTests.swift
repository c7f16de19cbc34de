import Foundation
import Testing

/// Ctrl-C or SIGTERM during a render, and a render killed outright.
@Suite struct InterruptTests {
    /// A notebook whose cell forks a child, writes both process ids to `pids.txt`, and runs forever.
    static let endless = """
        # Endless

        ```swift
        let child = fork()
        if child == 0 { while true { sleep(1) } }
        try! "\\(getpid()) \\(child)".write(toFile: "pids.txt", atomically: true, encoding: .utf8)
        while true { sleep(1) }
        ```
        """

    static let good = "# Good\n\n```swift id=plot\nvar f = Figure(title: \"T\")\nf.line(x: [0, 1], y: [1, 2], label: \"a\")\nshow(f)\n```\n"

    /// Renders a good page, starts a render of the endless notebook (of `input`: the notebook,
    /// or `.`, the workspace as a course), waits until its cell runs, and sends `signal`;
    /// returns the workspace, the good page's bytes and the second render's end.
    func interrupt(with signal: Int32, input: String = "n.md") throws -> (Workspace, Data, Data, Int32, String) {
        let workspace = try Workspace()
        #expect(try workspace.render(Self.good).status == 0)
        let page = try Data(contentsOf: URL(fileURLWithPath: workspace.output + "/n.html"))
        let figure = try Data(contentsOf: URL(fileURLWithPath: workspace.output + "/figures/n-plot.svg"))
        try Self.endless.write(toFile: workspace.notebook, atomically: true, encoding: .utf8)
        let (process, errors) = try workspace.start(input)
        let (status, text) = Self.signalOnceTheCellRuns(process, errors, in: workspace, signal: signal)
        return (workspace, page, figure, status, text)
    }

    /// Waits until the endless cell has written its process ids, sends `signal` to `process`,
    /// and returns its exit status and what it wrote to `errors`.
    static func signalOnceTheCellRuns(_ process: Process, _ errors: Pipe, in workspace: Workspace,
                                      signal: Int32) -> (Int32, String) {
        let pids = workspace.root + "/pids.txt"
        for _ in 0..<600 where !FileManager.default.fileExists(atPath: pids) { usleep(100_000) }
        #expect(FileManager.default.fileExists(atPath: pids), "the cell started")
        kill(process.processIdentifier, signal)
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func anInterruptStopsEverythingAndKeepsThePreviousPage(signal: Int32) throws {
        let (workspace, page, figure, status, errors) = try interrupt(with: signal)
        #expect(status == 130, "\(errors)")
        #expect(errors.contains("interrupted"))
        #expect(workspace.leftoverProcesses().isEmpty, "left running: \(workspace.leftoverProcesses())")
        #expect(workspace.temporaryFolderContents().isEmpty, "left behind: \(workspace.temporaryFolderContents())")
        #expect(try Data(contentsOf: URL(fileURLWithPath: workspace.output + "/n.html")) == page)
        #expect(try Data(contentsOf: URL(fileURLWithPath: workspace.output + "/figures/n-plot.svg")) == figure)
        #expect(!FileManager.default.fileExists(atPath: workspace.output + "/n.failed.html"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: workspace.output).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    /// A course build (a folder, lessons rendered in parallel) is stopped the same way.
    @Test func anInterruptStopsACourseBuild() throws {
        let (workspace, page, _, status, errors) = try interrupt(with: SIGTERM, input: ".")
        #expect(status == 130, "\(errors)")
        #expect(workspace.leftoverProcesses().isEmpty, "left running: \(workspace.leftoverProcesses())")
        #expect(workspace.temporaryFolderContents().isEmpty, "left behind: \(workspace.temporaryFolderContents())")
        #expect(try Data(contentsOf: URL(fileURLWithPath: workspace.output + "/n.html")) == page)
        #expect(!FileManager.default.fileExists(atPath: workspace.output + "/index.html"))
    }

    /// `ppo-book check` is stopped the same way, and still writes nothing.
    @Test func anInterruptStopsACheck() throws {
        let workspace = try Workspace()
        try Self.endless.write(toFile: workspace.notebook, atomically: true, encoding: .utf8)
        let (process, errors) = try workspace.startCheck("n.md")
        let (status, text) = Self.signalOnceTheCellRuns(process, errors, in: workspace, signal: SIGINT)
        #expect(status == 130, "\(text)")
        #expect(text.contains("interrupted") && text.contains("nothing was written"), "\(text)")
        #expect(!text.contains("failure"), "an interrupt is not reported as the notebook's failure: \(text)")
        #expect(workspace.leftoverProcesses().isEmpty, "left running: \(workspace.leftoverProcesses())")
        #expect(workspace.temporaryFolderContents().isEmpty, "left behind: \(workspace.temporaryFolderContents())")
        #expect(!FileManager.default.fileExists(atPath: workspace.output))
    }

    /// SIGKILL cannot be handled: the cell program and its forks die with ppo-book through
    /// PR_SET_PDEATHSIG, and the previous page is intact.
    @Test func aKilledRenderTakesItsCellsWithIt() throws {
        let (workspace, page, _, _, _) = try interrupt(with: SIGKILL)
        #expect(workspace.leftoverProcesses().isEmpty, "left running: \(workspace.leftoverProcesses())")
        #expect(try Data(contentsOf: URL(fileURLWithPath: workspace.output + "/n.html")) == page)
        // The next render removes the temporary folder the killed one could not.
        #expect(try workspace.render(Self.good).status == 0)
        #expect(workspace.temporaryFolderContents().isEmpty, "left behind: \(workspace.temporaryFolderContents())")
    }
}
