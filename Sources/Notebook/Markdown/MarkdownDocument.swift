import CCMarkGFM
import Foundation
import Math

/// A Markdown text parsed by cmark-gfm with the GitHub extensions switched on
/// (tables, strikethrough, autolinks, the tag filter and task lists).
///
/// This is the only place that owns cmark-gfm memory: the document frees its tree
/// when it goes away, and its blocks are valid for as long as it lives.
public final class MarkdownDocument {
    /// The GFM extensions attached to every parse and render.
    public static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    private let parser: OpaquePointer
    private let root: OpaquePointer
    /// The formulas that placeholders in the parsed text stand for (see ``MathPlaceholders``).
    private let formulas: [Formula]

    /// Parses `text`, in which `formulas` have been replaced by placeholders. Raw HTML in the
    /// text is kept (authors own their prose), with GFM's tag filter disarming `<script>`,
    /// `<iframe>` and the other tags it lists.
    init(text: String, formulas: [Formula]) {
        cmark_gfm_core_extensions_ensure_registered()
        let parser = cmark_parser_new(Self.options)!
        for name in Self.extensionNames {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        text.utf8CString.withUnsafeBufferPointer { bytes in
            cmark_parser_feed(parser, bytes.baseAddress, bytes.count - 1)
        }
        self.parser = parser
        root = cmark_parser_finish(parser)
        self.formulas = formulas
    }

    /// Parses `text` as it is: a `$` is only a dollar.
    public convenience init(text: String) {
        self.init(text: text, formulas: [])
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    /// The top-level blocks of the document, in order.
    public var blocks: [MarkdownBlock] {
        MarkdownBlock(node: root, document: self).children
    }

    /// The lines that code blocks and HTML blocks own, where Markdown is not read.
    var literalLines: Set<Int> {
        var lines: Set<Int> = []
        for block in MarkdownBlock(node: root, document: self).descendants
        where block.kind == .codeBlock || block.kind == .htmlBlock {
            lines.formUnion(block.startLine...max(block.startLine, block.endLine))
        }
        return lines
    }

    /// `text` with the placeholders of formulas replaced by `replacement` of each.
    func restoringFormulas(in text: String, with replacement: (Formula) -> String) -> String {
        MathPlaceholders.restore(text, formulas: formulas, with: replacement)
    }

    /// The HTML of one block (and everything inside it).
    func html(of node: OpaquePointer) -> String {
        guard let rendered = cmark_render_html(node, Self.options, cmark_parser_get_syntax_extensions(parser)) else {
            return ""
        }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    private static let options = CMARK_OPT_UNSAFE | CMARK_OPT_GITHUB_PRE_LANG
}
