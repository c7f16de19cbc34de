import Foundation
import Testing

/// `ppo-book check`: what it verifies, its exit codes, and that it writes nothing.
@Suite struct CheckCommandTests {
    let good = """
        # Good

        See [the cell](#first) and [the section](#good).

        ```swift id=first
        let x = cached("two") { 2 }
        claim("x is even", x % 2 == 0)
        ```

        ```swift expect-error
        let y: Int = "text"
        ```

        Value `{swift} x`.
        """

    func check(_ text: String, _ arguments: [String] = []) throws -> (Workspace.Run, Workspace) {
        let workspace = try Workspace()
        try text.write(toFile: workspace.notebook, atomically: true, encoding: .utf8)
        let result = try workspace.run(["check", "n.md", "--cache-dir", workspace.root + "/cache"] + arguments)
        return (Workspace.Run(status: result.status, errors: result.errors, pagePath: workspace.output + "/n.html"), workspace)
    }

    @Test func aGoodNotebookPassesAndNothingIsWritten() throws {
        let (run, workspace) = try check(good)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors.contains("checked 1 notebook(s): no failures"))
        #expect(try Self.everything(in: workspace) == ["n.md", "tmp"])
    }

    @Test func everyFailureIsListedWithItsLine() throws {
        let text = good.replacingOccurrences(of: "x % 2 == 0", with: "x % 2 == 1")
            .replacingOccurrences(of: "(#good)", with: "(#gone)")
            .replacingOccurrences(of: "let y: Int = \"text\"", with: "let y: Int = 1")
        let (run, _) = try check(text)
        #expect(run.status == 1)
        #expect(run.errors.contains("n.md:3: error: the link '#gone' leads to no anchor of this page"))
        #expect(run.errors.contains("n.md:7: error: the claim \"x is even\" does not hold"))
        #expect(run.errors.contains("n.md:10: error: this cell is marked expect-error, but it ran without an error"))
        #expect(run.errors.contains("3 failure(s)"))
    }

    @Test func noRunOnlyTypeChecks() throws {
        // The flipped claim is not seen (nothing runs); the expected compile error is accepted.
        let flipped = good.replacingOccurrences(of: "x % 2 == 0", with: "x % 2 == 1")
        let (passing, _) = try check(flipped, ["--no-run"])
        #expect(passing.status == 0, "\(passing.errors)")
        #expect(passing.errors.contains("type-checked 1 notebook(s): no failures"))
        #expect(!passing.errors.contains("running session"))

        let broken = good.replacingOccurrences(of: "Value `{swift} x`", with: "Value `{swift} z`")
        let (failing, workspace) = try check(broken, ["--no-run"])
        #expect(failing.status == 1)
        #expect(failing.errors.contains("n.md:14:16: error: cannot find 'z' in scope"))
        #expect(try Self.everything(in: workspace) == ["n.md", "tmp"])
    }

    @Test func aNotebookThatDoesNotParseFailsTheCheck() throws {
        let (run, _) = try check("# Bad\n\n```swift timeout=never\nprint(1)\n```\n")
        #expect(run.status == 1)
        #expect(run.errors.contains("n.md:3: error: 'timeout=never' is not a number of seconds"))
    }

    /// Every file and folder in the workspace, its temporary folder's contents included, sorted.
    static func everything(in workspace: Workspace) throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: workspace.root).sorted()
    }
}
