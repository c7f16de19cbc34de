import Foundation
import Testing

/// Runs a cell starts early for a later cell, with `cachedInBackground` in a function of that
/// later cell: the value is keyed by the later cell (the one whose code it is), so editing that
/// cell trains afresh, while editing a cell after it reloads the value.
@Suite struct EarlyStartCachingTests {
    static let notebook = """
        # Early

        ```swift
        func note(_ text: String) {
            let handle = FileHandle(forWritingAtPath: "runs.log")!
            handle.seekToEndOfFile()
            handle.write((text + "\\n").data(using: .utf8)!)
        }
        let tripledStart = startTripled()
        print("started")
        ```

        ```swift
        func startTripled() -> BackgroundRun<[Int]> {
            cachedInBackground("tripled") { () -> [Int] in note("tripled computed"); return (1...3).map { $0 * 3 } }
        }
        print("tripled", tripledStart.value)
        ```

        ```swift
        print("after")
        ```
        """

    private func workspace() throws -> Workspace {
        let workspace = try Workspace()
        _ = FileManager.default.createFile(atPath: workspace.root + "/runs.log", contents: nil)
        return workspace
    }

    private func runsLog(_ workspace: Workspace) throws -> [String] {
        let text = try String(contentsOfFile: workspace.root + "/runs.log", encoding: .utf8)
        try "".write(toFile: workspace.root + "/runs.log", atomically: true, encoding: .utf8)
        return text.split(separator: "\n").map(String.init)
    }

    @Test func editingTheCellThatHoldsTheCodeTrainsAfresh() throws {
        let workspace = try workspace()
        let first = try workspace.render(Self.notebook, cache: true)
        #expect(first.status == 0, "\(first.errors)")
        #expect(try first.page().contains("tripled [3, 6, 9]"))
        #expect(try runsLog(workspace) == ["tripled computed"])

        let edited = Self.notebook.replacingOccurrences(of: "$0 * 3", with: "$0 * 4")
        let run = try workspace.render(edited, cache: true)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors.contains("memo: 0 hit(s), 1 miss(es)"))
        #expect(try runsLog(workspace) == ["tripled computed"])
        #expect(try run.page().contains("tripled [4, 8, 12]"))
        #expect(try run.page() == workspace.renderUncached(edited).page())
    }

    @Test func editingALaterCellReloadsTheValue() throws {
        let workspace = try workspace()
        #expect(try workspace.render(Self.notebook, cache: true).status == 0)
        _ = try runsLog(workspace)

        let edited = Self.notebook.replacingOccurrences(of: "print(\"after\")", with: "print(\"later\")")
        let run = try workspace.render(edited, cache: true)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors.contains("memo: 1 hit(s), 0 miss(es)"))
        #expect(try runsLog(workspace).isEmpty)
        #expect(try run.page().contains("tripled [3, 6, 9]"))
    }
}
