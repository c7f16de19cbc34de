import Notebook
import Testing

@Suite struct InlineValueTests {
    let parser = NotebookParser()

    @Test func inlineValuesAreFoundWithTheirLineColumnAndSession() throws {
        let notebook = try parser.parse("""
            # Values

            First `{swift} 1 + 1` and `plain code`.

            ```swift session=other
            let x = 2
            ```

            | a | b |
            |---|---|
            | é `{swift} x, digits: 1` | 2 |
            """, path: "n.md")
        #expect(notebook.inlineValues.count == 2)
        let first = notebook.inlineValues[0], second = notebook.inlineValues[1]
        #expect(first.expression == "1 + 1")
        #expect(first.place == "n.md:3:16")
        #expect(first.session == "main")
        #expect(second.expression == "x, digits: 1")
        // Columns count UTF-8 bytes, as the compiler does: "| é `{swift} " is 14 bytes.
        #expect(second.place == "n.md:11:15")
        #expect(second.session == "other")
        #expect(notebook.sessions.map(\.name) == ["other", "main"])
        #expect(notebook.sessions[1].inlineValues.map(\.index) == [0])
    }

    @Test func aFormulaBeforeAnInlineValueLeavesItsColumnAlone() throws {
        let notebook = try parser.parse(#"With $\frac{\pi_\theta}{\pi_\text{old}}$ it is `{swift} ratio, digits: 2`."#, path: "n.md")
        #expect(notebook.inlineValues.map(\.expression) == ["ratio, digits: 2"])
        #expect(notebook.inlineValues.map(\.place) == ["n.md:1:57"])
    }

    @Test func anInlineValueMustStayOnOneLine() {
        #expect(throws: NotebookError("an inline `{swift} ...` value must be written on one line",
                                      at: SourceLocation(file: "n.md", line: 1))) {
            try parser.parse("Text `{swift} 1 +\n2` more.", path: "n.md")
        }
    }

    @Test func theMarkerAloneOrWithoutASpaceIsJustCode() throws {
        let notebook = try parser.parse("Write `{swift}` then an expression, not `{swift}x`.", path: "n.md")
        #expect(notebook.inlineValues.isEmpty)
    }
}
