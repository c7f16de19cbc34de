import Foundation
import Testing

/// Inline `{swift}` values and claims, rendered by the built `ppo-book`.
@Suite struct InlineValueAndClaimTests {
    @Test func inlineValuesShowTheirValueFormattedInPlace() throws {
        let run = try Workspace().render("""
            # Values

            Before any cell: `{swift} 2 + 3`.

            ```swift
            let finals = [449.25, 376.75, 173.0]
            let mean = finals.reduce(0, +) / Double(finals.count)
            ```

            Mean `{swift} mean, digits: 1`, default `{swift} mean`, list `{swift} finals, digits: 0`,
            grouped `{swift} 200000, grouped: true`, negative `{swift} -1.5`, text `{swift} "<b>&"`.
            """)
        #expect(run.status == 0, "\(run.errors)")
        let page = try run.page()
        #expect(page.contains("Before any cell: <span class=\"inline-value\">5</span>."))
        #expect(page.contains("Mean <span class=\"inline-value\">333.0</span>"))
        #expect(page.contains("default <span class=\"inline-value\">333</span>"))
        #expect(page.contains("list <span class=\"inline-value\">449, 377 and 173</span>"))
        #expect(page.contains("grouped <span class=\"inline-value\">200,000</span>"))
        #expect(page.contains("negative <span class=\"inline-value\">−1.5</span>"))
        #expect(page.contains("text <span class=\"inline-value\">&lt;b&gt;&amp;</span>"))
        #expect(!page.contains("{swift}"))
    }

    @Test func anUnknownNameInAnInlineValueIsAnErrorAtItsLineAndColumn() throws {
        let workspace = try Workspace()
        let run = try workspace.render("""
            # Error

            ```swift
            let finals = [1.0]
            ```

            The mean is `{swift} finalz.count`.

            ```swift
            print("after")
            ```
            """)
        #expect(run.status == 1)
        #expect(run.errors.contains("n.md:7:22: error: cannot find 'finalz' in scope"))
        // The excerpt quotes the prose line, not the generated program.
        #expect(run.errors.contains("The mean is `{swift} finalz.count`."))
        let failed = try String(contentsOfFile: workspace.output + "/n.failed.html", encoding: .utf8)
        #expect(failed.contains("Not run: an earlier cell of this session failed."))
    }

    @Test func aTypeErrorInAnInlineValueIsACompileError() throws {
        let run = try Workspace().render("# E\n\n```swift\nlet name = \"x\"\n```\n\nIt is `{swift} name, digits: 2`.\n")
        #expect(run.status == 1)
        #expect(run.errors.contains("n.md:7:"))
        #expect(run.errors.contains("error:"))
    }

    @Test func inlineValuesAreCachedWithTheirSession() throws {
        let workspace = try Workspace()
        let text = "# C\n\n```swift\nlet n = 6 * 7\n```\n\nThe answer is `{swift} n`.\n"
        let first = try workspace.render(text, cache: true)
        #expect(first.status == 0, "\(first.errors)")
        let again = try workspace.render(text, cache: true)
        #expect(again.errors.contains("results from the cache"))
        #expect(try again.page() == first.page())
        #expect(try again.page().contains("The answer is <span class=\"inline-value\">42</span>."))
        // Prose added above moves the value: nothing runs, and it is shown in its place.
        let moved = try workspace.render(text.replacingOccurrences(of: "# C\n", with: "# C\n\nA new paragraph.\n"), cache: true)
        #expect(moved.errors.contains("results from the cache"))
        #expect(try moved.page().contains("The answer is <span class=\"inline-value\">42</span>."))
        // Editing the inline expression is a change to the session: it runs again.
        let edited = try workspace.render(text.replacingOccurrences(of: "{swift} n`", with: "{swift} n + 1`"), cache: true)
        #expect(!edited.errors.contains("results from the cache"))
        #expect(try edited.page().contains(">43</span>"))
    }

    @Test func claimsShowTheirMarkAndEvidence() throws {
        let run = try Workspace().render("""
            # Claims

            ```swift
            let baseline = 120, plain = 180
            claim("the baseline is sooner", baseline < plain, evidence: ["baseline": baseline, "plain": plain])
            claim("PPO holds 500", false, expected: false, evidence: ["seeds holding": [0, 1]])
            ```

            Inline: `{swift} claim("plain is later", plain > baseline)`.
            """)
        #expect(run.status == 0, "\(run.errors)")
        let page = try run.page()
        #expect(page.contains("✓ holds</span> the baseline is sooner"))
        #expect(page.contains("<dt>baseline</dt><dd>120</dd>"))
        #expect(page.contains("✗ does not hold</span> PPO holds 500"))
        #expect(page.contains("<dt>seeds holding</dt><dd>0, 1</dd>"))
        #expect(page.contains("<span class=\"claim claim-holds\">plain is later <span class=\"claim-mark\""))
        #expect(!page.contains("claim-differs\">"))
    }

    @Test func aFlippedClaimFailsTheRenderNamingItsLineAndNumbers() throws {
        let workspace = try Workspace()
        let run = try workspace.render("""
            # Flipped

            ```swift
            let baseline = 200, plain = 180
            claim("the baseline is sooner", baseline < plain, evidence: ["baseline": baseline, "plain": plain])
            print("the cell ran")
            ```
            """)
        #expect(run.status == 1)
        #expect(run.errors.contains(
            "n.md:5: error: the claim \"the baseline is sooner\" does not hold, but it was expected to hold (baseline: 200; plain: 180)"))
        let failed = try String(contentsOfFile: workspace.output + "/n.failed.html", encoding: .utf8)
        #expect(failed.contains("claim-differs"))
    }

    @Test func aFlippedInlineClaimFailsTheRenderAtItsProseLine() throws {
        let run = try Workspace().render("# F\n\n```swift\nlet x = 1\n```\n\nSo `{swift} claim(\"x is big\", x > 5, evidence: [\"x\": x])`.\n")
        #expect(run.status == 1)
        #expect(run.errors.contains("n.md:7: error: the claim \"x is big\" does not hold, but it was expected to hold (x: 1)"))
    }
}
