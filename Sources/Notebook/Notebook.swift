/// A parsed notebook: front matter, prose and cells, in the order they appear.
public struct Notebook {
    /// The notebook's path as the user gave it; messages name it.
    public var path: String
    /// The YAML front matter (empty when there is none).
    public var frontMatter: FrontMatter
    /// The parsed Markdown; prose blocks render from it.
    public var document: MarkdownDocument
    /// The top-level blocks in order.
    public var blocks: [NotebookBlock]

    /// Creates a notebook from its parts.
    public init(path: String, frontMatter: FrontMatter, document: MarkdownDocument, blocks: [NotebookBlock]) {
        self.path = path
        self.frontMatter = frontMatter
        self.document = document
        self.blocks = blocks
    }

    /// The file name without its folder and `.md` extension; output files are named after it.
    public var name: String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return file.hasSuffix(".md") ? String(file.dropLast(3)) : file
    }

    /// Every cell, in order.
    public var cells: [Cell] {
        blocks.compactMap { if case .cell(let cell) = $0 { cell } else { nil } }
    }

    /// The page title: the front matter's, else the first heading's text, else the file name.
    public var title: String {
        if let title = frontMatter.title { return title }
        for case .prose(let block) in blocks where block.kind == .heading {
            return block.plainText
        }
        return name
    }

    /// The cells that run, grouped into sessions (one program each), in order of first appearance.
    public var sessions: [NotebookSession] {
        var order: [String] = []
        var cellsBySession: [String: [Cell]] = [:]
        for cell in cells where cell.runs {
            if cellsBySession[cell.options.session] == nil { order.append(cell.options.session) }
            cellsBySession[cell.options.session, default: []].append(cell)
        }
        return order.map { NotebookSession(name: $0, cells: cellsBySession[$0]!) }
    }
}

/// One top-level piece of a notebook.
public enum NotebookBlock {
    /// Markdown rendered as it is: paragraphs, headings, lists, tables, code in other languages.
    case prose(MarkdownBlock)
    /// A `swift` code cell.
    case cell(Cell)
}

/// The cells of one session: compiled together as one program, run in order, sharing state.
public struct NotebookSession: Sendable {
    /// The session's name (`main` unless cells say `session=NAME`).
    public var name: String
    /// Its cells, in notebook order.
    public var cells: [Cell]
}
