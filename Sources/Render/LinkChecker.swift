import Foundation
import Notebook

/// Finds the links in a notebook's prose that lead nowhere: `#anchor`s that name no heading or
/// cell of the page, and relative paths to files that do not exist beside the notebook.
/// Links with a scheme (`https:`, `mailto:`) are not followed: a check makes no network requests.
public struct LinkChecker {
    private let notebook: Notebook

    /// Creates a checker for `notebook`.
    public init(notebook: Notebook) {
        self.notebook = notebook
    }

    /// Every broken link, at its line.
    public func brokenLinks() -> [NotebookError] {
        let anchors = pageAnchors()
        let folder = URL(fileURLWithPath: notebook.path).deletingLastPathComponent()
        var errors: [NotebookError] = []
        for case .prose(let block) in notebook.blocks {
            for node in block.descendants where node.kind == .link || node.kind == .image {
                let url = node.url
                let location = SourceLocation(file: notebook.path, line: node.startLine > 0 ? node.startLine : block.startLine)
                if url.hasPrefix("#") {
                    let anchor = String(url.dropFirst())
                    if !anchors.contains(anchor) {
                        errors.append(NotebookError("the link '\(url)' names no heading or cell of this page", at: location))
                    }
                } else if !url.isEmpty, !Self.hasScheme(url) {
                    let file = String(url.prefix { $0 != "#" && $0 != "?" }).removingPercentEncoding ?? url
                    let path = file.hasPrefix("/") ? file : folder.appendingPathComponent(file).path
                    if !file.isEmpty, !FileManager.default.fileExists(atPath: path) {
                        errors.append(NotebookError("the link '\(url)' leads to a file that does not exist", at: location))
                    }
                }
            }
        }
        return errors
    }

    /// The anchors the rendered page has: every cell's, and every heading's slug.
    private func pageAnchors() -> Set<String> {
        var slugger = HeadingSlugger(reserved: Set(notebook.cells.map(\.anchor)))
        var anchors = Set(notebook.cells.map(\.anchor))
        for case .prose(let block) in notebook.blocks where block.kind == .heading {
            anchors.insert(slugger.slug(for: block.plainText))
        }
        return anchors
    }

    private static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
    }
}
