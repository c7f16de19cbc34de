import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `ppo-book preview` as an author uses it: it serves the page, renders again on a save and
/// has the page reload, shows a failed render's errors over the last good page, and stops on Ctrl-C.
@Suite struct PreviewTests {
    @Test func servesReloadsAfterAnEditShowsErrorsAndStops() throws {
        let workspace = try Workspace()
        try "# Preview\n\nFirst version.\n\n```swift\nprint(\"cell output\")\n```\n"
            .write(toFile: workspace.notebook, atomically: true, encoding: .utf8)
        let preview = try PreviewProcess(workspace: workspace)
        defer { preview.kill() }

        let first = try preview.state(after: -1) { $0.pageVersion >= 1 }
        let page = try preview.get("/n.html")
        #expect(page.contains("First version.") && page.contains("cell output"))
        #expect(page.contains("<script>") && page.contains("/_preview/state"))
        let written = try String(contentsOfFile: workspace.output + "/n.html", encoding: .utf8)
        #expect(!written.contains("<script"), "the written page stays script-free")

        try "# Preview\n\nSecond version.\n\n```swift\nprint(\"cell output\")\n```\n"
            .write(toFile: workspace.notebook, atomically: true, encoding: .utf8)
        let second = try preview.state(after: first.serial) { $0.pageVersion > first.pageVersion && !$0.rendering }
        #expect(try preview.get("/n.html").contains("Second version."))

        try "# Preview\n\nThird version.\n\n```swift\nlet empty: [Int] = []\nprint(empty[1])\n```\n"
            .write(toFile: workspace.notebook, atomically: true, encoding: .utf8)
        let failed = try preview.state(after: second.serial) { !$0.errors.isEmpty && !$0.rendering }
        #expect(failed.errors.contains { $0.contains("n.md:7:") }, "\(failed.errors)")
        #expect(failed.pageVersion == second.pageVersion)
        #expect(try preview.get("/n.html").contains("Second version."), "the last good page stays under the banner")

        #expect(preview.interrupt() == 130)
    }

    @Test func aSaveDuringARenderRestartsIt() throws {
        let workspace = try Workspace()
        let slow = "# Slow\n\n```swift\nfor step in 1...600 { progress(step, of: 600, \"step\"); usleep(50_000) }\n"
            + "print(\"slow version finished\")\n```\n"
        try slow.write(toFile: workspace.notebook, atomically: true, encoding: .utf8)
        let preview = try PreviewProcess(workspace: workspace)
        defer { preview.kill() }
        let running = try preview.state(after: -1) { $0.rendering && $0.cell != nil }
        #expect(running.cell == "n.md:3 [cell-1]")
        #expect(workspace.renderProcesses().count == 1)

        try "# Fast\n\n```swift\nprint(\"fast version\")\n```\n"
            .write(toFile: workspace.notebook, atomically: true, encoding: .utf8)
        let done = try preview.state(after: running.serial) { $0.pageVersion >= 1 && !$0.rendering }
        let page = try preview.get("/n.html")
        #expect(page.contains("fast version") && !page.contains("slow version"))
        #expect(done.errors.isEmpty)
        #expect(workspace.renderProcesses().isEmpty, "the stopped render is gone")
        #expect(preview.interrupt() == 130)
    }
}

extension PreviewTests {
    /// A folder previewed as a course: the site is served with the script in every page, and a
    /// save in one lesson updates the navigation of the others; a new notebook joins the site.
    @Test func aFolderIsPreviewedAsTheCourseSite() throws {
        let workspace = try Workspace()
        let course = workspace.root + "/course"
        try FileManager.default.createDirectory(atPath: course, withIntermediateDirectories: true)
        func lesson(_ name: String, _ title: String) throws {
            try "# \(title)\n\nText of \(name).\n\n```swift\nprint(\"\(name) ran\")\n```\n"
                .write(toFile: "\(course)/\(name).md", atomically: true, encoding: .utf8)
        }
        try lesson("a", "Alpha lesson")
        try lesson("b", "Beta lesson")
        let preview = try PreviewProcess(workspace: workspace, input: "course")
        defer { preview.kill() }

        let first = try preview.state(after: -1) { $0.pageVersion >= 1 && !$0.rendering }
        let index = try preview.get("/")
        #expect(index.contains("Alpha lesson") && index.contains("Beta lesson"), "the course index is the home page")
        #expect(index.contains("/_preview/state"))
        let alpha = try preview.get("/a.html")
        #expect(alpha.contains("a ran") && alpha.contains("href=\"b.html\"") && alpha.contains("/_preview/state"))
        #expect(try preview.get("/search-index.js").contains("Beta lesson"))

        try lesson("b", "Renamed beta")
        let renamed = try preview.state(after: first.serial) { $0.pageVersion > first.pageVersion && !$0.rendering }
        #expect(renamed.errors.isEmpty, "\(renamed.errors)")
        #expect(try preview.get("/a.html").contains("Renamed beta"), "the other lesson's navigation follows the edit")

        try lesson("c", "Gamma lesson")
        _ = try preview.state(after: renamed.serial) { $0.pageVersion > renamed.pageVersion && !$0.rendering }
        #expect(try preview.get("/index.html").contains("Gamma lesson"), "a new notebook joins the site")
        #expect(try preview.get("/c.html").contains("c ran"))
        #expect(preview.interrupt() == 130)
    }
}

extension Workspace {
    /// The ids of `ppo-book render` processes working on this workspace's cache.
    func renderProcesses() -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { entry in
            guard Int(entry) != nil,
                  let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { return false }
            let arguments = String(decoding: data, as: UTF8.self).split(separator: "\0").map(String.init)
            return arguments.contains("render") && arguments.contains(root + "/cache")
        }
    }
}

/// A `ppo-book preview` of the workspace's notebook on a free port.
private final class PreviewProcess {
    struct State: Decodable {
        var serial: Int
        var pageVersion: Int
        var rendering: Bool
        var cell: String?
        var errors: [String]
    }

    private let process = Process()
    private let port: Int

    init(workspace: Workspace, input: String = "n.md") throws {
        process.executableURL = URL(fileURLWithPath: Workspace.binary)
        process.arguments = ["preview", input, "--port", "0", "--output", "out", "--cache-dir", workspace.root + "/cache"]
        process.currentDirectoryURL = URL(fileURLWithPath: workspace.root)
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        var text = ""
        while !text.contains("\n") {
            let data = output.fileHandleForReading.availableData
            guard !data.isEmpty else { break }
            text += String(decoding: data, as: UTF8.self)
        }
        guard let range = text.range(of: "http://127.0.0.1:"),
              let port = Int(text[range.upperBound...].prefix { $0.isNumber }) else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "no address in \(text)"])
        }
        self.port = port
    }

    /// The body of `path` on the server.
    func get(_ path: String) throws -> String {
        let semaphore = DispatchSemaphore(value: 0)
        let box = Box()
        URLSession.shared.dataTask(with: URL(string: "http://127.0.0.1:\(port)\(path)")!) { data, _, error in
            box.data = data
            box.error = error
            semaphore.signal()
        }.resume()
        semaphore.wait()
        if let error = box.error { throw error }
        return String(decoding: box.data ?? Data(), as: UTF8.self)
    }

    /// Long-polls the render's state until `condition` holds (for at most three minutes).
    func state(after serial: Int, until condition: (State) -> Bool) throws -> State {
        var since = serial
        let deadline = Date() + 180
        while Date() < deadline {
            let state = try JSONDecoder().decode(State.self, from: Data(get("/_preview/state?since=\(since)").utf8))
            if condition(state) { return state }
            since = state.serial
        }
        throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "the preview never reached the state"])
    }

    /// Sends Ctrl-C's signal and returns the exit status (or -1 if it did not end within ten seconds).
    func interrupt() -> Int32 {
        Foundation.kill(process.processIdentifier, SIGINT)
        let deadline = Date() + 10
        while process.isRunning && Date() < deadline { usleep(50_000) }
        return process.isRunning ? -1 : process.terminationStatus
    }

    func kill() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
    }

    private final class Box: @unchecked Sendable {
        var data: Data?
        var error: (any Error)?
    }
}
