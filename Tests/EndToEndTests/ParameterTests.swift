import Foundation
import Testing

/// `params:` and `-P`, rendered by the built `ppo-book`.
@Suite struct ParameterRenderTests {
    let notebook = """
        ---
        params:
          seedCount: 3
          rate: 0.5
        ---
        # Parameters

        ```swift id=curve
        print("seeds \\(seedCount), rate \\(rate)")
        var figure = Figure(title: "F", xLabel: "x", yLabel: "y")
        figure.line(x: [0, 1], y: [0, Double(seedCount)], label: "l")
        show(figure)
        claim("three seeds", seedCount == 3, evidence: ["seeds": seedCount])
        ```

        Ran with `{swift} seedCount` seeds.
        """

    @Test func cellsSeeTheDefaultsAndTheOverrides() throws {
        let workspace = try Workspace()
        let real = try workspace.render(notebook)
        #expect(real.status == 0, "\(real.errors)")
        #expect(try real.page().contains("seeds 3, rate 0.5"))
        #expect(try !real.page().contains("Draft."))

        let draft = try workspace.render(notebook, arguments: ["-P", "seedCount=1", "-P", "rate=0.25"])
        // A claim that differs in a draft is a warning, not a failure.
        #expect(draft.status == 0, "\(draft.errors)")
        #expect(draft.errors.contains("n.md:13: warning: the claim \"three seeds\" does not hold"))
        let pages = try FileManager.default.contentsOfDirectory(atPath: workspace.output).filter { $0.hasPrefix("n.draft-") }
        #expect(pages.count == 1)
        let page = try String(contentsOfFile: workspace.output + "/" + pages[0], encoding: .utf8)
        #expect(page.contains("seeds 1, rate 0.25"))
        #expect(page.contains("<code>seedCount = 1</code> (default 3)"))
        #expect(page.contains("Ran with <span class=\"inline-value\">1</span> seeds."))
        // The draft's figure has a suffix; the real page and figure are untouched.
        let suffix = String(pages[0].dropFirst("n".count).dropLast(".html".count))
        let figures = try FileManager.default.contentsOfDirectory(atPath: workspace.output + "/figures").sorted()
        #expect(figures == ["n-curve.csv", "n-curve.svg", "n-curve\(suffix).csv", "n-curve\(suffix).svg"].sorted())
        #expect(try real.page() == String(contentsOfFile: workspace.output + "/n.html", encoding: .utf8))
    }

    @Test func parametersArePartOfTheCacheKey() throws {
        let workspace = try Workspace()
        _ = try workspace.render(notebook, cache: true)
        let draft = try workspace.render(notebook, cache: true, arguments: ["-P", "seedCount=2"])
        #expect(!draft.errors.contains("results from the cache"))
        let again = try workspace.render(notebook, cache: true)
        #expect(again.errors.contains("results from the cache"))
        #expect(try again.page().contains("seeds 3, rate 0.5"))
    }

    @Test func anUnknownParameterIsAnError() throws {
        let workspace = try Workspace()
        let run = try workspace.render(notebook, arguments: ["-P", "seeds=1"])
        #expect(run.status == 1)
        #expect(run.errors.contains("n.md:1: error: unknown parameter 'seeds' in -P seeds=1; the notebook declares seedCount (Int), rate (Double)"))
        #expect(!FileManager.default.fileExists(atPath: workspace.output))
    }

    @Test func parametersAreGivenToOneNotebookNotAFolder() throws {
        let workspace = try Workspace()
        try notebook.write(toFile: workspace.notebook, atomically: true, encoding: .utf8)
        let run = try workspace.run(["render", ".", "-P", "seedCount=1", "--no-cache"])
        #expect(run.status != 0)
        #expect(run.errors.contains("-P sets the parameters of one notebook: give its .md file, not a folder"))
    }

    @Test func aValueOfTheWrongTypeIsAnError() throws {
        let run = try Workspace().render(notebook, arguments: ["-P", "seedCount=one"])
        #expect(run.status == 1)
        #expect(run.errors.contains("n.md:3: error: -P seedCount=one: 'one' is not an Int"))
    }
}
