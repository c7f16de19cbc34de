import Notebook

/// The anchors a notebook's page has: ``PageRenderer`` gives its headings these, and links
/// into a page are checked against them before it is rendered.
public struct PageAnchors {
    /// A heading of the page and the anchor it gets.
    public struct Heading: Equatable, Sendable {
        /// Its anchor (`#anchor`).
        public var anchor: String
        /// Its text, without markup.
        public var text: String
    }

    /// The page's headings in order, each with its anchor.
    public let headings: [Heading]
    /// Every anchor on the page: cells' and headings'.
    public let all: Set<String>

    /// The anchors of `notebook`'s page.
    public init(of notebook: Notebook) {
        let cellAnchors = Set(notebook.cells.map(\.anchor))
        var slugger = HeadingSlugger(reserved: cellAnchors)
        var headings: [Heading] = []
        for case .prose(let block) in notebook.blocks where block.kind == .heading {
            headings.append(Heading(anchor: slugger.slug(for: block.plainText), text: block.plainText))
        }
        self.headings = headings
        all = cellAnchors.union(headings.map(\.anchor))
    }
}
