import CellEvents
import Execution
import Foundation
import Notebook
import Render

/// The course's search index, written at build time as a small script that the search page
/// loads: for each section of each lesson (the text before its first heading, then one per
/// heading), the heading and the words a reader might look for: prose, table and figure
/// captions. Code is left out.
public struct SearchIndex: Encodable {
    /// A lesson: its page and title.
    public struct Lesson: Encodable, Equatable {
        /// The page's name (`109` for `109.html`).
        public var name: String
        /// The lesson's title.
        public var title: String

        /// A lesson.
        public init(name: String, title: String) {
            self.name = name
            self.title = title
        }
    }

    /// A section of a lesson.
    public struct Section: Encodable, Equatable {
        /// The lesson's position in ``SearchIndex/lessons``.
        public var lesson: Int
        /// The heading's anchor (empty for the top of the page).
        public var anchor: String
        /// The heading's text (the lesson's title for the top of the page).
        public var heading: String
        /// The section's prose and captions, whitespace collapsed.
        public var text: String

        /// A section.
        public init(lesson: Int, anchor: String, heading: String, text: String) {
            self.lesson = lesson
            self.anchor = anchor
            self.heading = heading
            self.text = text
        }
    }

    /// The lessons, in reading order.
    public private(set) var lessons: [Lesson] = []
    /// Every section, lesson by lesson.
    public private(set) var sections: [Section] = []

    /// An empty index.
    public init() {}

    /// Adds `notebook`'s sections, with the captions of its cells' `results`.
    public mutating func add(_ notebook: Notebook, results: [Int: CellResult]) {
        let lesson = lessons.count
        lessons.append(Lesson(name: notebook.name, title: notebook.title))
        var headings = PageAnchors(of: notebook).headings.makeIterator()
        var current = Section(lesson: lesson, anchor: "", heading: notebook.title, text: "")
        var words: [String] = []
        func add(_ text: String?) {
            guard let text else { return }
            let collapsed = text.split { $0.isWhitespace }.joined(separator: " ")
            if !collapsed.isEmpty && words.last != collapsed { words.append(collapsed) }
        }
        func close() {
            current.text = words.joined(separator: " ")
            if !current.text.isEmpty || !current.anchor.isEmpty { sections.append(current) }
            words = []
        }
        for block in notebook.blocks {
            switch block {
            case .prose(let prose) where prose.kind == .heading:
                guard let heading = headings.next() else { continue }
                close()
                current = Section(lesson: lesson, anchor: heading.anchor, heading: heading.text, text: "")
            case .prose(let prose):
                add(Self.words(of: prose))
            case .cell(let cell):
                add(cell.options.caption)
                for output in results[cell.index]?.outputs ?? [] {
                    switch output {
                    case .figure(let figure): add(figure.title); add(figure.caption)
                    case .table(let table): add(table.caption)
                    default: break
                    }
                }
            }
        }
        close()
    }

    /// The text a reader sees in a block, with a space between its paragraphs, list items and
    /// table cells (``MarkdownBlock/plainText`` runs them together); code and raw HTML left out.
    private static func words(of block: MarkdownBlock) -> String {
        switch block.kind {
        case .paragraph, .heading, .tableCell: return block.plainText
        case .codeBlock, .htmlBlock: return ""
        default: return block.children.map(words).joined(separator: " ")
        }
    }

    /// The script the search page loads: the index as JSON, assigned to `ppoBookSearch`.
    public var script: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
        return "// The course's search index, written by ppo-book.\nvar ppoBookSearch = \(json);\n"
    }
}
