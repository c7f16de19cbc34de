import CellEvents
import Execution
import Notebook

/// What the course's index and navigation say about a lesson.
public struct LessonSummary: Sendable {
    /// The notebook's name; its page is `<name>.html`.
    public var name: String
    /// The lesson's title.
    public var title: String
    /// Its front matter's description.
    public var description: String?
    /// How many figures its cells showed (0 before it has run).
    public var figureCount: Int
    /// A reading time in minutes, from its prose and code at 200 words a minute.
    public var readingMinutes: Int

    /// The summary of `notebook`, with its cells' `results` when it has run.
    public init(notebook: Notebook, results: [Int: CellResult] = [:]) {
        name = notebook.name
        title = notebook.title
        description = notebook.frontMatter.description
        figureCount = results.values.reduce(0) { count, result in
            count + result.outputs.count { if case .figure = $0 { true } else { false } }
        }
        var words = 0
        for block in notebook.blocks {
            switch block {
            case .prose(let prose): words += Self.wordCount(prose.plainText)
            case .cell(let cell) where !cell.options.hide: words += Self.wordCount(cell.source)
            case .cell: break
            }
        }
        readingMinutes = max(1, (words + 199) / 200)
    }

    /// A summary for a lesson that could not be read: its name stands for its title.
    public init(name: String) {
        self.name = name
        title = name
        figureCount = 0
        readingMinutes = 1
    }

    private static func wordCount(_ text: String) -> Int {
        text.split { $0.isWhitespace }.count
    }
}
