import Notebook
import Testing

/// `$...$` and `$$...$$` in prose: found by pandoc's rules, kept from Markdown, typeset as MathML.
@Suite struct MathInProseTests {
    let parser = NotebookParser()

    func html(_ markdown: String) throws -> String {
        try parser.parse(markdown, path: "n.md").blocks.map { block -> String in
            if case .prose(let prose) = block { prose.html } else { "" }
        }.joined()
    }

    func mathCount(_ html: String) -> Int {
        html.components(separatedBy: "<math").count - 1
    }

    @Test func emphasisNeverReachesIntoMath() throws {
        let page = try html("Sum $a_t + b_t$ and $a_*b_*$ and $x_1 * y_2$, then *really*.\n")
        #expect(mathCount(page) == 3)
        #expect(page.contains("<msub><mi>a</mi><mi>t</mi></msub><mo>+</mo><msub><mi>b</mi><mi>t</mi></msub>"))
        #expect(page.contains("<msub><mi>a</mi><mo>∗</mo></msub><msub><mi>b</mi><mo>∗</mo></msub>"))
        #expect(page.components(separatedBy: "<em>").count == 2)
        #expect(page.contains("<em>really</em>"))
    }

    @Test func dollarAmountsAreNotMath() throws {
        #expect(mathCount(try html("It costs $5 and $6 today.\n")) == 0)
        #expect(mathCount(try html("From $20,000 to $30,000.\n")) == 0)
        #expect(mathCount(try html("A closing dollar before a digit: $x$5.\n")) == 0)
        #expect(mathCount(try html("A space after the opening one: $ x$.\n")) == 0)
        #expect(mathCount(try html("A space before the closing one: $x $.\n")) == 0)
        #expect(mathCount(try html("Escaped: \\$x\\$ and \\$5.\n")) == 0)
        #expect(try html("Escaped: \\$x$ costs.\n").contains("Escaped: $x$ costs."))
        #expect(mathCount(try html("Prices $5 and $6, then math $y$.\n")) == 1)
    }

    @Test func codeIsNeverMath() throws {
        let page = try html("""
            Code `$x$` and ``a `$y$` b`` stay.

            ```text
            $z$
            ```

                $indented$

            <div>$raw$</div>

            A [link $x$](https://example.org/$a$/(b)) and <https://example.org/$c$>.
            """)
        #expect(mathCount(page) == 1)
        #expect(page.contains("<a href=\"https://example.org/$a$/(b)\">link <math><semantics><mi>x</mi>"))
        #expect(page.contains("<a href=\"https://example.org/$c$\">"))
        #expect(page.contains("<code>$x$</code>"))
        #expect(page.contains("$z$"))
        #expect(page.contains("$indented$"))
        #expect(page.contains("<div>$raw$</div>"))
    }

    @Test func displayMathKeepsLineNumbersAndItsParagraph() throws {
        let notebook = try parser.parse("""
            The loss is
            $$
            \\begin{aligned}
            a &= b \\\\
            c &= d
            \\end{aligned}
            $$
            for each $t$.

            ```swift
            print(1)
            ```
            """, path: "n.md")
        #expect(notebook.cells[0].fence.line == 10)
        guard case .prose(let paragraph) = notebook.blocks[0] else { Issue.record("no prose"); return }
        #expect(paragraph.kind == .paragraph)
        #expect(paragraph.html.hasPrefix("<p>The loss is\n<math display=\"block\"><semantics><mtable"))
        #expect(paragraph.html.contains("</math>\nfor each <math><semantics><mi>t</mi>"))
        #expect(!paragraph.html.unicodeScalars.contains { (0xE000...0xF8FF).contains($0.value) })
        #expect(paragraph.plainText == "The loss is a=b; c=d for each t.")
    }

    @Test func mathInTablesAndHeadings() throws {
        let notebook = try parser.parse("# The ratio $r_t(\\theta)$\n\n| a | b |\n|---|---|\n| $\\pi(a | s)$ | x |\n", path: "n.md")
        #expect(notebook.title == "The ratio r_t(θ)")
        guard case .prose(let table) = notebook.blocks[1] else { Issue.record("no table"); return }
        #expect(table.kind == .table)
        #expect(table.html.contains("<td><math><semantics><mrow><mi>π</mi>"))
        #expect(table.html.components(separatedBy: "<td").count == 3)
    }

    @Test func anUnsupportedCommandNamesItsLine() {
        #expect(throws: NotebookError(#"in the formula $x \foo y$: unsupported TeX command \foo"#,
                                      at: SourceLocation(file: "lessons/a.md", line: 3))) {
            try parser.parse("# A\n\nSee $x \\foo y$.\n", path: "lessons/a.md")
        }
        #expect(throws: NotebookError(#"in the formula $$\begin{aligned} a &= b \\ c &= \bogus \e…$$: unsupported TeX command \bogus"#,
                                      at: SourceLocation(file: "lessons/a.md", line: 5))) {
            try parser.parse("Text\n$$\n\\begin{aligned}\na &= b \\\\\nc &= \\bogus\n\\end{aligned}\n$$\n", path: "lessons/a.md")
        }
    }
}
