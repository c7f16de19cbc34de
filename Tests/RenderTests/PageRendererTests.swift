import CellEvents
import Execution
import Notebook
import Render
import Testing

@Suite struct PageRendererTests {
    let notebook = try! NotebookParser().parse("""
        ---
        title: Escaping & friends
        ---
        ## First part

        ```swift id=plot caption="Returns <per> episode"
        print("<script>alert(1)</script>")
        ```

        ### Detail

        ```swift hide
        secret()
        ```

        ## Second part

        ```swift expect-error
        boom()
        ```
        """, path: "lessons/demo.md")

    let figure = FigureOutput(
        svg: #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" aria-labelledby="t"><title id="t">T</title><clipPath id="c"><rect/></clipPath><g clip-path="url(#c)"/></svg>"#,
        csv: "x,y\n1,2\n", title: "T")

    func render(_ results: [Int: CellResult]) -> PageRenderer.Page {
        PageRenderer(notebook: notebook, results: results).render()
    }

    var results: [Int: CellResult] {
        [
            0: CellResult(status: .succeeded, outputs: [
                .text("<script>alert(1)</script>\n"),
                .table(TableOutput(columns: ["a<b"], rows: [["x&y"]])),
                .figure(figure),
            ]),
            1: CellResult(status: .succeeded, outputs: [.text("hidden code, shown output\n")]),
            2: CellResult(status: .failedAsExpected, outputs: [.error("demo.md:18:1: error: cannot find 'boom' <in> scope")]),
        ]
    }

    @Test func everythingACellProducesIsEscaped() {
        let html = render(results).html
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<script"))
        #expect(html.contains("<th>a&lt;b</th>"))
        #expect(html.contains("<td>x&amp;y</td>"))
        #expect(html.contains("cannot find &#39;boom&#39; &lt;in&gt; scope"))
        #expect(html.contains("<title>Escaping &amp; friends</title>"))
        #expect(html.contains("Returns &lt;per&gt; episode"))
    }

    @Test func figuresAreInlinedWithPageUniqueIdsAndFiles() {
        let page = render(results)
        #expect(page.html.contains(#"<title id="fig1-t">"#))
        #expect(page.html.contains(#"aria-labelledby="fig1-t""#))
        #expect(page.html.contains("url(#fig1-c)"))
        #expect(page.figureFiles.map(\.basePath) == ["figures/demo-plot"])
        #expect(page.html.contains(#"<a href="figures/demo-plot.svg">SVG</a>"#))
    }

    @Test func scriptIsTakenOutOfFigures() {
        var bad = results
        bad[0] = CellResult(status: .succeeded, outputs: [.figure(FigureOutput(svg: "<svg><script>x()</script></svg>", csv: ""))])
        let html = render(bad).html
        #expect(!html.contains("x()"))
        #expect(!html.contains("<script"))
    }

    @Test func unreadableFiguresAreLeftOut() {
        var bad = results
        bad[0] = CellResult(status: .succeeded, outputs: [.figure(FigureOutput(svg: "<svg><g></svg>", csv: ""))])
        #expect(render(bad).html.contains("This figure was left out"))
    }

    @Test func headingsGetAnchorsAndAContentsList() {
        let html = render(results).html
        #expect(html.contains(#"<h2 id="first-part">"#))
        #expect(html.contains(#"<h3 id="detail">"#))
        #expect(html.contains(#"<nav class="toc""#))
        #expect(html.contains(##"<a href="#second-part">Second part</a>"##))
        #expect(html.contains(#"<section class="cell cell-succeeded" id="plot">"#))
    }

    @Test func hiddenCellsShowOutputButNoCode() {
        let html = render(results).html
        #expect(!html.contains("secret()"))
        #expect(html.contains("hidden code, shown output"))
    }

    @Test func cellsThatDidNotRunSaySo() {
        var partial = results
        partial[2] = CellResult(status: .notRun)
        #expect(render(partial).html.contains("Not run: an earlier cell of this session failed."))
    }

    @Test func claimsAndInlineValuesAreEscaped() throws {
        var withClaim = results
        let claim = ClaimOutput(statement: "<b>bold</b> & true", holds: false, expected: true,
                                evidence: [.init(name: "a<b", value: "1 & 2")], file: "lessons/demo.md", line: 7)
        withClaim[0] = CellResult(status: .failed, outputs: [.claim(claim)])
        let html = render(withClaim).html
        #expect(html.contains("✗ does not hold</span> &lt;b&gt;bold&lt;/b&gt; &amp; true"))
        #expect(html.contains("<dt>a&lt;b</dt><dd>1 &amp; 2</dd>"))
        #expect(html.contains("The lesson expected this claim to hold"))

        let prose = try NotebookParser().parse("# V\n\nAfter `{swift}`, it is `{swift} x` and `{swift} y`.\n", path: "v.md")
        let page = PageRenderer(notebook: prose, results: [:], inlineValues: [
            0: InlineValueResult(status: .evaluated, text: "<i>&"),
            1: InlineValueResult(status: .notRun),
        ]).render().html
        #expect(page.contains("After <code>{swift}</code>, it is <span class=\"inline-value\">&lt;i&gt;&amp;</span> and "
            + "<code class=\"inline-value-missing\">y</code>."))
    }

    @Test func renderingIsDeterministic() {
        #expect(render(results).html == render(results).html)
    }

    @Test func pageIsSelfContained() {
        let html = render(results).html
        #expect(!html.contains("http://") || html.components(separatedBy: "http://").count == 2) // only the SVG namespace
        #expect(!html.contains("<link"))
        #expect(html.contains("prefers-color-scheme: dark"))
        #expect(html.contains("@media print"))
    }
}

@Suite struct MathOnThePageTests {
    @Test func formulasInHeadingsAndProseBecomeMathML() throws {
        let notebook = try NotebookParser().parse("""
            # Lesson

            ## The ratio $r_t(\\theta)$

            Text with $\\hat{A}_t$.

            ## GAE
            """, path: "m.md")
        let html = PageRenderer(notebook: notebook, results: [:]).render().html
        #expect(html.contains(#"<h2 id="the-ratio-r-t-θ">The ratio <math><semantics>"#))
        #expect(html.contains(##"<a href="#the-ratio-r-t-θ">The ratio r_t(θ)</a>"##))
        #expect(html.contains("<p>Text with <math><semantics><msub><mover accent=\"true\"><mi>A</mi>"))
        #expect(html.contains(".tex-aligned mtd"))
        #expect(!html.contains("<script"))
    }
}
