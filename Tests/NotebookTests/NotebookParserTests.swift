import Notebook
import Testing

@Suite struct NotebookParserTests {
    let parser = NotebookParser()

    @Test func cellsProseAndOtherLanguagesAreToldApart() throws {
        let notebook = try parser.parse("""
            # Lesson

            Text.

            ```swift
            let a = 1
            ```

            ```python
            print("shown, not run")
            ```

            ```swiftui
            not swift
            ```

            ```swift session=other id=second
            print(a)
            ```
            """, path: "notebooks/lesson.md")
        #expect(notebook.cells.count == 2)
        #expect(notebook.cells[0].source == "let a = 1")
        #expect(notebook.cells[0].fence == SourceLocation(file: "notebooks/lesson.md", line: 5))
        #expect(notebook.cells[0].firstCodeLine == 6)
        #expect(notebook.cells[1].anchor == "second")
        #expect(notebook.cells[1].index == 1)
        #expect(notebook.sessions.map(\.name) == ["main", "other"])
        #expect(notebook.title == "Lesson")
        #expect(notebook.name == "lesson")
    }

    @Test func frontMatterKeepsLineNumbersAndSetsTheTitle() throws {
        let notebook = try parser.parse("""
            ---
            title: "Policy gradients"
            author: [Ada, Grace]
            timeout: 120
            level: 2
            ---
            # Heading

            ```swift
            print(1)
            ```
            """, path: "n.md")
        #expect(notebook.title == "Policy gradients")
        #expect(notebook.frontMatter.author == "Ada, Grace")
        #expect(notebook.frontMatter.timeout == 120)
        #expect(notebook.frontMatter.fields["level"] == "2")
        #expect(notebook.cells[0].fence.line == 9)
    }

    @Test func badFrontMatterNamesItsLine() {
        #expect {
            try parser.parse("---\ntitle: ok\nauthor: [unclosed\n---\n# x\n", path: "n.md")
        } throws: { error in
            let error = error as! NotebookError
            return error.message.hasPrefix("front matter is not valid YAML") && error.location.line >= 3
        }
        #expect {
            try parser.parse("---\ntimeout: -3\n---\n", path: "n.md")
        } throws: { error in
            (error as! NotebookError).location.line == 2
        }
    }

    @Test func nestedSwiftCellsAreRejected() {
        #expect {
            try parser.parse("- item\n\n  ```swift\n  print(1)\n  ```\n", path: "n.md")
        } throws: { error in
            let error = error as! NotebookError
            return error.location.line == 3 && error.message.contains("top level")
        }
    }

    @Test func duplicateIdsAreRejected() {
        #expect {
            try parser.parse("```swift id=a\n1\n```\n\n```swift id=a\n2\n```\n", path: "n.md")
        } throws: { error in
            let error = error as! NotebookError
            return error.location.line == 5 && error.message.contains("n.md:1")
        }
    }

    @Test func missingFileIsAnError() {
        #expect(throws: NotebookError.self) { try parser.parse(contentsOf: "/nonexistent/notebook.md") }
    }

    @Test func gfmExtensionsAreOn() throws {
        let notebook = try parser.parse("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~ and https://example.org\n", path: "n.md")
        let html = notebook.document.blocks.map(\.html).joined()
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>gone</del>"))
        #expect(html.contains("<a href=\"https://example.org\">"))
    }
}

/// Inputs the fuzzer found, kept as tests.
@Suite struct FuzzFindingsTests {
    /// cmark-gfm ends lines at a lone CR too; the parser once split on LF only, so its line
    /// numbers ran short and the unclosed-fence check read past its lines and crashed.
    @Test func aLoneCarriageReturnEndsALine() throws {
        #expect {
            try NotebookParser().parse("a\r```swift\rprint(1)\r", path: "cr.md")
        } throws: { ($0 as? NotebookError)?.description.hasPrefix("cr.md:2: error: this code fence is never closed") == true }
        let notebook = try NotebookParser().parse("# T\r\r```swift\rprint(1)\r```\r", path: "cr.md")
        #expect(notebook.cells.map(\.fence.line) == [3])
        #expect(notebook.cells.map(\.source) == ["print(1)"])
    }
}
