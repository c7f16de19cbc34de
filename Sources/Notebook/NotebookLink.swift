/// A link or an image in a notebook's prose, with the line it is written on.
public struct NotebookLink {
    /// Whether the link shows an image (`![](x.svg)`) or leads somewhere (`[text](x.md)`).
    public enum Kind: Sendable {
        case link, image
    }

    /// A link or an image.
    public var kind: Kind
    /// The node; ``MarkdownBlock/setDestination(_:)`` changes where the rendered link points.
    public var node: MarkdownBlock
    /// Where the link is written.
    public var location: SourceLocation

    /// Where it points, as written.
    public var destination: String { node.destination }
}

extension Notebook {
    /// Every link and image in the prose, in order (links inside code are text, not links).
    public var links: [NotebookLink] {
        var links: [NotebookLink] = []
        for case .prose(let block) in blocks {
            for node in [block] + block.descendants {
                let kind: NotebookLink.Kind
                switch node.kind {
                case .link: kind = .link
                case .image: kind = .image
                default: continue
                }
                let line = node.startLine > 0 ? node.startLine : block.startLine
                links.append(NotebookLink(kind: kind, node: node, location: SourceLocation(file: path, line: line)))
            }
        }
        return links
    }
}
