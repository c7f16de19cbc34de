import CCMarkGFM

/// One node of a parsed ``MarkdownDocument``: a typed, read-only view of a cmark-gfm node.
///
/// A block is only valid while its document lives; it keeps the document alive.
public struct MarkdownBlock {
    let node: OpaquePointer
    let document: MarkdownDocument

    /// What the node is: a paragraph, a heading, a code block, a table, a text...
    public var kind: MarkdownNodeKind {
        MarkdownNodeKind(of: node)
    }

    /// The first line of the block in the source text (1-based). For a fenced code
    /// block this is the opening fence, so its first code line is `startLine + 1`.
    public var startLine: Int { Int(cmark_node_get_start_line(node)) }

    /// The last line of the block in the source text (1-based).
    public var endLine: Int { Int(cmark_node_get_end_line(node)) }

    /// For a code block: whether it is fenced (as opposed to indented).
    public var isFenced: Bool {
        var length: Int32 = 0, offset: Int32 = 0
        var character: CChar = 0
        return cmark_node_get_fenced(node, &length, &offset, &character) != 0
    }

    /// For a fenced code block: the whole rest of the opening fence line.
    public var fenceInfo: String {
        cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
    }

    /// The literal content of a code block, text or inline code node.
    public var literal: String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    /// For a link or an image: where it points, as written.
    public var destination: String {
        cmark_node_get_url(node).map { String(cString: $0) } ?? ""
    }

    /// Points a link or an image somewhere else, for the HTML rendered afterwards
    /// (such as a link to another lesson's notebook turned into a link to its page).
    public func setDestination(_ destination: String) {
        _ = cmark_node_set_url(node, destination)
    }

    /// For a heading: its level, 1 to 6.
    public var headingLevel: Int { Int(cmark_node_get_heading_level(node)) }

    /// The blocks (or inlines) directly inside this one.
    public var children: [MarkdownBlock] {
        var result: [MarkdownBlock] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(MarkdownBlock(node: current, document: document))
            child = cmark_node_next(current)
        }
        return result
    }

    /// Every node inside this one, depth first, this one excluded.
    public var descendants: [MarkdownBlock] {
        children.flatMap { [$0] + $0.descendants }
    }

    /// The text a reader sees, without markup: the literals of text and code inside, and
    /// formulas as plain symbols.
    public var plainText: String {
        document.restoringFormulas(in: rawText) { $0.plainText }
    }

    private var rawText: String {
        switch kind {
        case .text, .code: return literal
        case .softBreak, .lineBreak: return " "
        default: return children.map(\.rawText).joined()
        }
    }

    /// The block rendered to HTML by cmark-gfm, with its formulas as MathML.
    public var html: String {
        document.restoringFormulas(in: document.html(of: node)) { $0.mathML }
    }
}
