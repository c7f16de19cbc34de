import Foundation
import Testing

@Suite struct IsolationAndNamesTests {
    /// An `expect-error` cell runs in a forked copy of the session, after `parallelMap` has
    /// already run threads in the program; the copy can run `parallelMap` itself.
    @Test func anIsolatedCellCanUseParallelMapAfterTheSessionDid() throws {
        let run = try Workspace().render("""
            # Fork after threads

            ```swift
            let doubled = parallelMap(seeds: [0, 1, 2, 3]) { $0 * 2 }
            print("before: \\(doubled)")
            ```

            ```swift expect-error=trap
            let draws = parallelMap(seeds: [0, 1, 2, 3]) { _ in Tensor.randn([2]).scalars.count }
            print("in the copy: \\(draws)")
            let empty: [Int] = []
            print(empty[1])
            ```

            ```swift
            print("after: \\(parallelMap(seeds: [5, 6]) { $0 + 1 })")
            ```
            """)
        #expect(run.status == 0, "\(run.errors)")
        let page = try run.page()
        #expect(page.contains("before: [0, 2, 4, 6]"))
        #expect(page.contains("in the copy: [2, 2, 2, 2]"))
        #expect(page.contains("n.md:12:12: error: Index out of range"))
        #expect(page.contains("after: [6, 7]"))
    }

    /// A notebook named with spaces, quotes and non-ASCII letters gets its page, its figure
    /// files, and links that lead to them.
    @Test func awkwardNotebookNamesGiveWorkingLinks() throws {
        let workspace = try Workspace()
        let name = #"my "first" leçon #1"#
        try "# Names\n\n```swift id=plot\nvar f = Figure(title: \"T\")\nf.line(x: [0, 1], y: [1, 2], label: \"a\")\nshow(f)\n```\n"
            .write(toFile: "\(workspace.root)/\(name).md", atomically: true, encoding: .utf8)
        let run = try workspace.renderFile("\(name).md")
        #expect(run.status == 0, "\(run.errors)")
        let page = try run.page()
        let link = "figures/my%20%22first%22%20le%C3%A7on%20%231-plot.svg"
        #expect(page.contains("href=\"\(link)\""))
        let target = URL(string: link, relativeTo: URL(fileURLWithPath: workspace.output + "/"))!
        #expect(FileManager.default.fileExists(atPath: target.path), "\(target.path)")
    }

    /// Ids name files, so only plain names are allowed: none can lead out of the output folder.
    @Test func idsCannotLeadOutOfTheOutputFolder() throws {
        let workspace = try Workspace()
        let run = try workspace.render("# Ids\n\n```swift id=../../escape\nprint(1)\n```\n")
        #expect(run.status == 1)
        #expect(run.errors.contains("n.md:3: error: 'id=../../escape' is not a name"))
        #expect(!FileManager.default.fileExists(atPath: workspace.root + "/escape.svg"))
    }
}
