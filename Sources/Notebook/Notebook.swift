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
    /// The `` `{swift} expression` `` values in the prose, in order.
    public var inlineValues: [InlineValue]

    /// Creates a notebook from its parts.
    public init(path: String, frontMatter: FrontMatter, document: MarkdownDocument, blocks: [NotebookBlock],
                inlineValues: [InlineValue] = []) {
        self.path = path
        self.frontMatter = frontMatter
        self.document = document
        self.blocks = blocks
        self.inlineValues = inlineValues
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

    /// The cells that run and the inline values, grouped into sessions (one program each), in order
    /// of first appearance.
    public var sessions: [NotebookSession] {
        var order: [String] = []
        var cellsBySession: [String: [Cell]] = [:]
        for cell in cells where cell.runs {
            if cellsBySession[cell.options.session] == nil { order.append(cell.options.session) }
            cellsBySession[cell.options.session, default: []].append(cell)
        }
        let valuesBySession = Dictionary(grouping: inlineValues, by: \.session)
        order += valuesBySession.keys.filter { cellsBySession[$0] == nil }.sorted()
        return order.map {
            NotebookSession(name: $0, cells: cellsBySession[$0] ?? [], inlineValues: valuesBySession[$0] ?? [])
        }
    }

    /// The parameters the cells see in this render (the defaults unless overridden).
    public var parameters: [NotebookParameter] { frontMatter.parameters }

    /// Whether any parameter differs from its default: the render is a draft.
    public var isDraft: Bool { parameters.contains(where: \.isOverridden) }

    /// The notebook with parameters set from `overrides` (name to value as text, as given to `-P`).
    ///
    /// An unknown name, or a value that is not of the parameter's type, is an error.
    public func overriding(_ overrides: [(name: String, value: String)]) throws -> Notebook {
        var result = self
        let place = SourceLocation(file: path, line: 1)
        for (name, text) in overrides {
            guard let index = result.frontMatter.parameters.firstIndex(where: { $0.name == name }) else {
                let declared = parameters.map { "\($0.name) (\($0.value.typeName))" }.joined(separator: ", ")
                throw NotebookError("unknown parameter '\(name)' in -P \(name)=\(text); "
                    + (declared.isEmpty ? "the notebook declares none under params:" : "the notebook declares \(declared)"),
                    at: place)
            }
            let parameter = result.frontMatter.parameters[index]
            guard let value = parameter.defaultValue.parsingSameType(text) else {
                throw NotebookError("-P \(name)=\(text): '\(text)' is not \(parameter.defaultValue.typeName == "Int" ? "an" : "a") \(parameter.defaultValue.typeName), "
                    + "the type of the parameter's default (\(parameter.defaultValue))", at: parameter.location)
            }
            result.frontMatter.parameters[index].value = value
        }
        return result
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
    /// Its inline values, in notebook order.
    public var inlineValues: [InlineValue] = []
}
