import Foundation

/// Turns a notebook's Markdown into a ``Notebook``: front matter, prose blocks and cells.
///
/// A fenced code block whose info string starts with the word `swift` is a cell; the
/// words after it are tags (see ``CellTagParser``). Other code blocks are prose.
public struct NotebookParser {
    /// Creates a parser.
    public init() {}

    /// Reads and parses the notebook at `path`.
    public func parse(contentsOf path: String) throws -> Notebook {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "does not exist"
            throw NotebookError("the notebook \(reason)", at: SourceLocation(file: path, line: 1))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw NotebookError("the notebook is not UTF-8 text", at: SourceLocation(file: path, line: 1))
        }
        return try parse(text, path: path)
    }

    /// Parses `text`; `path` names the notebook in messages and output files.
    public func parse(_ text: String, path: String) throws -> Notebook {
        // CommonMark ends a line at LF, CR or CR LF; LF alone keeps cmark-gfm's line numbers ours.
        let text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let frontMatterLines = FrontMatter.lineCount(in: text)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var frontMatter = FrontMatter()
        if frontMatterLines > 0 {
            let yaml = lines[1..<(frontMatterLines - 1)].joined(separator: "\n")
            frontMatter = try FrontMatter.parse(yaml, at: SourceLocation(file: path, line: 1))
        }
        // Blank out the front matter so cmark-gfm's line numbers stay those of the file.
        let markdown = String(repeating: "\n", count: frontMatterLines)
            + lines.dropFirst(frontMatterLines).joined(separator: "\n")
        let document = try MarkdownDocument(typesettingMathIn: markdown, path: path)
        try rejectUnclosedFence(in: document, lines: lines, path: path)
        let finder = InlineValueFinder(lines: lines, path: path)
        let (blocks, inlineValues) = try notebookBlocks(of: document, path: path, finder: finder)
        return Notebook(path: path, frontMatter: frontMatter, document: document, blocks: blocks,
                        inlineValues: inlineValues)
    }

    private func notebookBlocks(of document: MarkdownDocument, path: String,
                                finder: InlineValueFinder) throws -> ([NotebookBlock], [InlineValue]) {
        var blocks: [NotebookBlock] = []
        var inlineValues: [InlineValue] = []
        var anchors: [String: SourceLocation] = [:]
        var session = CellOptions.defaultSession
        for block in document.blocks {
            let fence = SourceLocation(file: path, line: block.startLine)
            guard block.kind == .codeBlock, block.isFenced, let tags = Self.swiftTags(in: block.fenceInfo) else {
                try rejectNestedCells(in: block, path: path)
                inlineValues += try finder.values(in: block, blockIndex: blocks.count, firstIndex: inlineValues.count,
                                                  session: session)
                blocks.append(.prose(block))
                continue
            }
            let options = try CellTagParser(location: fence).parse(tags)
            let cell = Cell(index: blocks.count { if case .cell = $0 { true } else { false } },
                            options: options, source: Self.withoutTrailingNewline(block.literal), fence: fence)
            if let earlier = anchors[cell.anchor] {
                throw NotebookError("the id '\(cell.anchor)' is already used by the cell at \(earlier)", at: fence)
            }
            anchors[cell.anchor] = fence
            if cell.runs { session = cell.options.session }
            blocks.append(.cell(cell))
        }
        return (blocks, inlineValues)
    }

    /// A fence left open runs to the end of the file in CommonMark, swallowing everything
    /// after it; that is almost always a slip, so it is an error at the opening fence.
    private func rejectUnclosedFence(in document: MarkdownDocument, lines: [Substring], path: String) throws {
        guard let last = document.blocks.last, last.kind == .codeBlock, last.isFenced,
              (1...lines.count).contains(last.startLine) else { return }
        let opening = lines[last.startLine - 1].drop { $0 == " " }
        guard let fenceCharacter = opening.first else { return }
        let fence = opening.prefix { $0 == fenceCharacter }
        let closingLine = last.endLine > last.startLine && last.endLine <= lines.count ? lines[last.endLine - 1] : ""
        let closing = closingLine.drop { $0 == " " }
        let closes = closingLine.count - closing.count <= 3
            && closing.prefix { $0 == fenceCharacter }.count >= fence.count
            && closing.drop { $0 == fenceCharacter }.allSatisfy(\.isWhitespace)
        guard !closes else { return }
        throw NotebookError("this code fence is never closed, so it would run to the end of the file; "
            + "add a line with \(fence) after the code", at: SourceLocation(file: path, line: last.startLine))
    }

    /// A `swift` fence inside a list or quote would silently not run: say so instead.
    private func rejectNestedCells(in block: MarkdownBlock, path: String) throws {
        for inner in block.descendants where inner.kind == .codeBlock && inner.isFenced {
            if Self.swiftTags(in: inner.fenceInfo) != nil {
                throw NotebookError(
                    "a swift cell must stand at the top level of the notebook, not inside a list or quote",
                    at: SourceLocation(file: path, line: inner.startLine))
            }
        }
    }

    /// The tags of a `swift` info string, or nil when the block is in another language.
    static func swiftTags(in info: String) -> String? {
        let trimmed = info.drop(while: \.isWhitespace)
        guard trimmed.hasPrefix("swift") else { return nil }
        let rest = trimmed.dropFirst("swift".count)
        guard rest.isEmpty || rest.first!.isWhitespace else { return nil }
        return String(rest)
    }

    private static func withoutTrailingNewline(_ code: String) -> String {
        code.hasSuffix("\n") ? String(code.dropLast()) : code
    }
}
