import Foundation
import Notebook
import Testing
import Write

@Suite struct LessonLinksTests {
    let folder: TemporaryFolder
    let lessons: [String: Notebook]

    init() throws {
        folder = try TemporaryFolder(files: [
            "a.md": "# A\n\n## Clipping the ratio\n\n```swift id=curve\nprint(1)\n```\n",
            "b.md": "# B\n",
            "img/plot.svg": "<svg/>",
            "notes.md": "# Not a lesson\n",
        ])
        var lessons: [String: Notebook] = [:]
        for name in ["a", "b"] {
            let path = "\(folder.path)/\(name).md"
            lessons[URL(fileURLWithPath: path).standardizedFileURL.path] = try NotebookParser().parse(contentsOf: path)
        }
        self.lessons = lessons
    }

    func notebook(_ text: String) throws -> Notebook {
        try NotebookParser().parse(text, path: "\(folder.path)/b.md")
    }

    @Test func lessonLinksBecomePageLinksAndFilesAreListed() throws {
        let notebook = try notebook("""
            # B

            See [the clip](a.md#clipping-the-ratio), [its cell](a.md#curve), [A](a.md),
            [here](#b), [the web](https://example.org/x.md) and ![a plot](img/plot.svg "Plot").
            """)
        let attachments = try LessonLinks(targets: .lessons(lessons)).resolve(notebook)
        #expect(attachments == [LessonLinks.Attachment(source: "\(folder.path)/img/plot.svg", relativePath: "img/plot.svg")])
        let html = notebook.blocks.compactMap { if case .prose(let block) = $0 { block.html } else { nil } }.joined()
        #expect(html.contains(#"href="a.html#clipping-the-ratio""#))
        #expect(html.contains(#"href="a.html#curve""#))
        #expect(html.contains(#"href="a.html""#))
        #expect(html.contains(#"href="https://example.org/x.md""#))
        #expect(html.contains(#"src="img/plot.svg""#))
    }

    @Test func brokenLinksAreErrorsAtTheirLines() throws {
        let notebook = try notebook("""
            # B

            A [missing lesson](gone.md) and
            a [missing anchor](a.md#no-such-part),
            a [missing image](img/none.png) below:

            - in a list, [a page anchor](#nowhere)
            - and [a notebook outside the course](notes.md)
            """)
        #expect {
            try LessonLinks(targets: .lessons(lessons)).resolve(notebook)
        } throws: { error in
            let lines = (error as? LinkErrors)?.errors.map { "\($0.location.line): \($0.message)" } ?? []
            return lines == [
                "3: the linked lesson 'gone.md' does not exist",
                "4: the lesson 'a.md' has no anchor '#no-such-part'",
                "5: the linked file 'img/none.png' does not exist",
                "7: the link '#nowhere' leads to no anchor of this page",
                "8: the linked lesson 'notes.md' is not a lesson of this course",
            ]
        }
    }

    @Test func filesOutsideTheNotebookFolderAreRefused() throws {
        let notebook = try notebook("# B\n\n![x](../elsewhere.svg)\n")
        #expect(throws: LinkErrors.self) { try LessonLinks(targets: .lessons(lessons)).resolve(notebook) }
    }

    @Test func aStandaloneNotebookChecksLinkedNotebooksOnDisk() throws {
        let good = try notebook("# B\n\n[notes](notes.md#not-a-lesson)\n")
        #expect(try LessonLinks(targets: .anyNotebook).resolve(good).isEmpty)
        let bad = try notebook("# B\n\n[notes](notes.md#later)\n")
        #expect(throws: LinkErrors.self) { try LessonLinks(targets: .anyNotebook).resolve(bad) }
    }
}
