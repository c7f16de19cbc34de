import Foundation
import Testing

/// The cache as an author meets it: what a render compiles and runs again after each kind
/// of edit, what `cached(...)` reloads, and that nothing stale or damaged is ever used.
/// Cells append to `runs.log` in the notebook's folder, so the tests see what really ran.
@Suite struct CachingTests {
    /// Two sessions; the first cell memoises a value, the second reads a declared input.
    static let notebook = """
        ---
        inputs: [data.txt]
        ---
        # Cached

        Some prose.

        ```swift
        func note(_ text: String) {
            let handle = FileHandle(forWritingAtPath: "runs.log")!
            handle.seekToEndOfFile()
            handle.write((text + "\\n").data(using: .utf8)!)
        }
        let squares = cached("squares") { () -> [Int] in note("squares computed"); return (1...4).map { $0 * $0 } }
        print("squares", squares)
        ```

        ```swift
        let doubled = cached("doubled") { () -> [Int] in note("doubled computed"); return squares.map { $0 * 2 } }
        print("doubled", doubled, try! String(contentsOfFile: "data.txt", encoding: .utf8))
        ```

        ```swift session=other
        print("the other session")
        ```

        ```swift expect-error
        let broken: Int = "not a number"
        ```
        """

    private func workspace() throws -> Workspace {
        let workspace = try Workspace()
        try "first".write(toFile: workspace.root + "/data.txt", atomically: true, encoding: .utf8)
        FileManager.default.createFile(atPath: workspace.root + "/runs.log", contents: nil)
        return workspace
    }

    private func runsLog(_ workspace: Workspace) throws -> [String] {
        let text = try String(contentsOfFile: workspace.root + "/runs.log", encoding: .utf8)
        try "".write(toFile: workspace.root + "/runs.log", atomically: true, encoding: .utf8)
        return text.split(separator: "\n").map(String.init)
    }

    @Test func aProseEditCompilesAndRunsNothingAndPlacesErrorsAnew() throws {
        let workspace = try workspace()
        let first = try workspace.render(Self.notebook, cache: true)
        #expect(first.status == 0, "\(first.errors)")
        #expect(try first.page().contains("n.md:28:19: error"))
        _ = try runsLog(workspace)

        let moved = Self.notebook.replacingOccurrences(of: "Some prose.", with: "Some prose.\n\nThree\nmore\nlines.")
        let second = try workspace.render(moved, cache: true)
        #expect(second.status == 0, "\(second.errors)")
        #expect(!second.errors.contains("compiling"))
        #expect(second.errors.contains("session 'main': reused from the cache"))
        #expect(second.errors.contains("session 'other': reused from the cache"))
        #expect(try runsLog(workspace).isEmpty)
        // The expected compile error moved down four lines with its cell.
        #expect(try second.page().contains("n.md:32:19: error"))
        #expect(try second.page() == workspace.renderUncached(moved).page())
    }

    @Test func aCellEditRerunsFromThatCellAndReloadsEarlierValues() throws {
        let workspace = try workspace()
        #expect(try workspace.render(Self.notebook, cache: true).status == 0)
        #expect(try runsLog(workspace) == ["squares computed", "doubled computed"])

        let edited = Self.notebook.replacingOccurrences(of: "$0 * 2", with: "$0 * 3")
        let run = try workspace.render(edited, cache: true)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors.contains("session 'main': ran (the cell at n.md:18 [cell-2] changed"))
        #expect(run.errors.contains("memo: 1 hit(s), 1 miss(es)"))
        #expect(run.errors.contains("session 'other': reused from the cache"))
        // The edited cell's value is computed afresh (a miss); the earlier cell's is reloaded.
        #expect(try runsLog(workspace) == ["doubled computed"])
        #expect(try run.page().contains("doubled [3, 12, 27, 48]"))
        #expect(try run.page() == workspace.renderUncached(edited).page())
    }

    @Test func anEditInAnotherSessionRerunsOnlyThatSession() throws {
        let workspace = try workspace()
        #expect(try workspace.render(Self.notebook, cache: true).status == 0)
        _ = try runsLog(workspace)
        let run = try workspace.render(Self.notebook.replacingOccurrences(of: "the other session", with: "edited"),
                                       cache: true)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors.contains("session 'main': reused from the cache"))
        #expect(run.errors.contains("session 'other': ran (the cell at n.md:23 [cell-3] changed"))
        #expect(try runsLog(workspace).isEmpty)
    }

    @Test func aChangedDeclaredInputOrCompilerFlagRerunsEverything() throws {
        let workspace = try workspace()
        #expect(try workspace.render(Self.notebook, cache: true).status == 0)
        _ = try runsLog(workspace)

        try "second".write(toFile: workspace.root + "/data.txt", atomically: true, encoding: .utf8)
        let afterInput = try workspace.render(Self.notebook, cache: true)
        #expect(afterInput.errors.contains("session 'main': ran (a declared input changed)"))
        #expect(try afterInput.page().contains("second"))
        #expect(try runsLog(workspace) == ["squares computed", "doubled computed"])

        let optimized = try workspace.render(Self.notebook, cache: true, arguments: ["--optimize"])
        #expect(optimized.errors.contains("session 'main': ran (the engine or the compiler changed)"))
        #expect(try runsLog(workspace) == ["squares computed", "doubled computed"])
    }

    @Test func aRebuiltEngineRerunsEverything() throws {
        let workspace = try workspace()
        let install = try workspace.copyOfTheCommand()
        #expect(try workspace.render(Self.notebook, cache: true, binary: install + "/ppo-book").status == 0)
        _ = try runsLog(workspace)
        // Bytes added at the end of the library change it without breaking it, as a rebuild would.
        let library = FileHandle(forWritingAtPath: install + "/libBookKit.so")!
        library.seekToEndOfFile()
        library.write(Data([0]))
        try library.close()
        let run = try workspace.render(Self.notebook, cache: true, binary: install + "/ppo-book")
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors.contains("session 'main': ran (the engine or the compiler changed)"))
        #expect(try runsLog(workspace) == ["squares computed", "doubled computed"])
    }

    @Test func damagedOrForeignCacheEntriesAreIgnored() throws {
        let workspace = try workspace()
        let good = try workspace.render(Self.notebook, cache: true)
        #expect(good.status == 0)
        _ = try runsLog(workspace)
        let cache = workspace.root + "/cache"
        var damaged = 0
        for folder in ["results", "memo"] {
            for (index, name) in try FileManager.default.contentsOfDirectory(atPath: "\(cache)/\(folder)").enumerated() {
                let path = "\(cache)/\(folder)/\(name)"
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                // Truncated, or whole but written for another key.
                let replacement = index % 2 == 0 ? data.prefix(data.count / 2)
                    : Data(String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\"key\":\"", with: "\"key\":\"0").utf8)
                try replacement.write(to: URL(fileURLWithPath: path))
                damaged += 1
            }
        }
        #expect(damaged >= 3)
        let run = try workspace.render(Self.notebook, cache: true)
        #expect(run.status == 0, "\(run.errors)")
        #expect(try runsLog(workspace) == ["squares computed", "doubled computed"])
        #expect(try run.page() == good.page())
    }

    @Test func twoRendersOfOneNotebookAtOnceBothSucceed() throws {
        let workspace = try workspace()
        try Self.notebook.write(toFile: workspace.notebook, atomically: true, encoding: .utf8)
        let runs = try (0..<2).map { _ in try workspace.startRender("n.md", cache: true) }
        for run in runs {
            let result = run()
            #expect(result.status == 0, "\(result.errors)")
        }
        let again = try workspace.renderFile("n.md", cache: true)
        #expect(again.errors.contains("session 'main': reused from the cache"), "\(again.errors)")
        #expect(try again.page() == workspace.renderUncached(Self.notebook).page())
    }

    @Test func theCacheCommandListsPrunesAndClears() throws {
        let workspace = try workspace()
        #expect(try workspace.render(Self.notebook, cache: true).status == 0)
        let cache = workspace.root + "/cache"
        let list = try workspace.run(["cache", "list", "--cache-dir", cache])
        #expect(list.status == 0)
        #expect(list.output.contains("results\t") && list.output.contains("memo\t"))
        let prune = try workspace.run(["cache", "prune", "--max-size", "1K", "--cache-dir", cache])
        #expect(prune.status == 0)
        let sizes = try FileManager.default.subpathsOfDirectory(atPath: cache).compactMap { path -> Int? in
            let attributes = try FileManager.default.attributesOfItem(atPath: "\(cache)/\(path)")
            return attributes[.type] as? FileAttributeType == .typeRegular ? attributes[.size] as? Int : nil
        }
        #expect(sizes.reduce(0, +) <= 1024)
        let clear = try workspace.run(["cache", "clear", "--cache-dir", cache])
        #expect(clear.output.contains("removed"))
        #expect(try workspace.run(["cache", "list", "--cache-dir", cache]).output.contains("0 entries"))
        #expect(try workspace.run(["cache", "prune", "--max-size", "lots", "--cache-dir", cache]).status != 0)
    }
}
