import CCMarkGFM

/// What a cmark-gfm node is: CommonMark's block and inline types and the GFM extensions'.
///
/// This is the one place that reads cmark-gfm's node types; everything above the Markdown
/// layer compares these cases.
public enum MarkdownNodeKind: Equatable, Sendable {
    // Blocks
    case document, blockQuote, list, item, codeBlock, htmlBlock, customBlock, paragraph, heading
    case thematicBreak, footnoteDefinition
    // Inlines
    case text, softBreak, lineBreak, code, htmlInline, customInline, emphasis, strong, link, image
    case footnoteReference
    // GFM extensions
    case table, tableRow, tableCell, strikethrough
    /// A type this list does not know, by cmark-gfm's name for it.
    case other(String)

    /// The kind of `node`.
    init(of node: OpaquePointer) {
        let type = cmark_node_get_type(node)
        if let core = Self.core[type.rawValue] {
            self = core
        } else if let extensionKind = Self.extensions.first(where: { $0.type == type })?.kind {
            self = extensionKind
        } else {
            self = .other(String(cString: cmark_node_get_type_string(node)))
        }
    }

    private static let core: [UInt32: MarkdownNodeKind] = [
        CMARK_NODE_DOCUMENT.rawValue: .document, CMARK_NODE_BLOCK_QUOTE.rawValue: .blockQuote,
        CMARK_NODE_LIST.rawValue: .list, CMARK_NODE_ITEM.rawValue: .item,
        CMARK_NODE_CODE_BLOCK.rawValue: .codeBlock, CMARK_NODE_HTML_BLOCK.rawValue: .htmlBlock,
        CMARK_NODE_CUSTOM_BLOCK.rawValue: .customBlock, CMARK_NODE_PARAGRAPH.rawValue: .paragraph,
        CMARK_NODE_HEADING.rawValue: .heading, CMARK_NODE_THEMATIC_BREAK.rawValue: .thematicBreak,
        CMARK_NODE_FOOTNOTE_DEFINITION.rawValue: .footnoteDefinition,
        CMARK_NODE_TEXT.rawValue: .text, CMARK_NODE_SOFTBREAK.rawValue: .softBreak,
        CMARK_NODE_LINEBREAK.rawValue: .lineBreak, CMARK_NODE_CODE.rawValue: .code,
        CMARK_NODE_HTML_INLINE.rawValue: .htmlInline, CMARK_NODE_CUSTOM_INLINE.rawValue: .customInline,
        CMARK_NODE_EMPH.rawValue: .emphasis, CMARK_NODE_STRONG.rawValue: .strong,
        CMARK_NODE_LINK.rawValue: .link, CMARK_NODE_IMAGE.rawValue: .image,
        CMARK_NODE_FOOTNOTE_REFERENCE.rawValue: .footnoteReference,
    ]

    /// The extensions' types are numbered when they are registered, so they are read at run time.
    private static var extensions: [(type: cmark_node_type, kind: MarkdownNodeKind)] {
        [(CMARK_NODE_TABLE, .table), (CMARK_NODE_TABLE_ROW, .tableRow),
         (CMARK_NODE_TABLE_CELL, .tableCell), (CMARK_NODE_STRIKETHROUGH, .strikethrough)]
    }
}
