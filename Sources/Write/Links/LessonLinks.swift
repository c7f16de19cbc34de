import Foundation
import Notebook
import Render

/// Checks a notebook's links and images before it runs, and points them at what the output
/// will hold: a link to another lesson's notebook (`108.md#a-learned-baseline`) becomes a link
/// to its page (`108.html#a-learned-baseline`), and relative files (`img/x.svg`) are listed
/// for copying beside the page.
///
/// A link to a missing notebook, a missing anchor or a missing file is an error at the line
/// that writes it. Links with a scheme (`https:`, `mailto:`) and absolute paths are left alone.
public struct LessonLinks {
    /// A file the page refers to, to be copied into the output folder at the same relative path.
    public struct Attachment: Equatable, Sendable {
        /// Where it is.
        public var source: String
        /// Its path relative to the notebook's folder, which is also its path relative to the page.
        public var relativePath: String

        /// A file to copy.
        public init(source: String, relativePath: String) {
            self.source = source
            self.relativePath = relativePath
        }
    }

    /// The notebooks links may lead to: the course's lessons, or any notebook on disk.
    public enum Targets {
        /// Links may only lead to these notebooks (by standardized path), whose pages are in one folder.
        case lessons([String: Notebook])
        /// A standalone render: a linked notebook is read from disk to check its anchors.
        case anyNotebook
    }

    private let targets: Targets

    /// A checker for links that may lead to `targets`.
    public init(targets: Targets) {
        self.targets = targets
    }

    /// Checks every link of `notebook`, rewrites lesson links to pages, and returns the files
    /// to copy; or throws every problem found, each at its line.
    public func resolve(_ notebook: Notebook) throws -> [Attachment] {
        let folder = URL(fileURLWithPath: notebook.path).deletingLastPathComponent().standardizedFileURL
        let ownAnchors = PageAnchors(of: notebook).all
        var errors: [NotebookError] = []
        var attachments: [Attachment] = []
        for link in notebook.links {
            let destination = link.destination
            guard !destination.isEmpty, !Self.isExternal(destination) else { continue }
            let (file, fragment) = Self.split(destination)
            do {
                if file.isEmpty {
                    if let fragment, !ownAnchors.contains(fragment) {
                        throw NotebookError("the link '\(destination)' leads to no anchor of this page", at: link.location)
                    }
                } else if file.hasSuffix(".md") && link.kind == .link {
                    let target = try self.notebook(file, from: folder, at: link.location)
                    if let fragment, !PageAnchors(of: target).all.contains(fragment) {
                        throw NotebookError("the lesson '\(file)' has no anchor '#\(fragment)'", at: link.location)
                    }
                    link.node.setDestination(pagePath(of: target, linkedAs: file) + (fragment.map { "#\($0)" } ?? ""))
                } else {
                    let attachment = try self.attachment(file, from: folder, at: link.location)
                    if !attachments.contains(attachment) { attachments.append(attachment) }
                }
            } catch let error as NotebookError {
                errors.append(error)
            }
        }
        guard errors.isEmpty else { throw LinkErrors(errors: errors) }
        return attachments
    }

    private func notebook(_ file: String, from folder: URL, at location: SourceLocation) throws -> Notebook {
        let path = folder.appendingPathComponent(file).standardizedFileURL.path
        switch targets {
        case .lessons(let lessons):
            guard let lesson = lessons[path] else {
                let reason = FileManager.default.fileExists(atPath: path) ? "is not a lesson of this course" : "does not exist"
                throw NotebookError("the linked lesson '\(file)' \(reason)", at: location)
            }
            return lesson
        case .anyNotebook:
            guard FileManager.default.fileExists(atPath: path) else {
                throw NotebookError("the linked notebook '\(file)' does not exist", at: location)
            }
            return try NotebookParser().parse(contentsOf: path)
        }
    }

    /// Where the linked notebook's page is, from this page: beside it in a course, where the
    /// notebook is (with `.html` for `.md`) otherwise.
    private func pagePath(of target: Notebook, linkedAs file: String) -> String {
        switch targets {
        case .lessons: return "\(target.name).html"
        case .anyNotebook: return String(file.dropLast(3)) + ".html"
        }
    }

    private func attachment(_ file: String, from folder: URL, at location: SourceLocation) throws -> Attachment {
        let source = folder.appendingPathComponent(file).standardizedFileURL
        guard source.path.hasPrefix(folder.path + "/") else {
            throw NotebookError("'\(file)' is outside the notebook's folder, so it cannot be copied beside the page", at: location)
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isFolder) else {
            throw NotebookError("the linked file '\(file)' does not exist", at: location)
        }
        guard !isFolder.boolValue else { throw NotebookError("'\(file)' is a folder, not a file", at: location) }
        return Attachment(source: source.path, relativePath: String(source.path.dropFirst(folder.path.count + 1)))
    }

    /// Whether a destination leaves the output: it has a scheme (`https:`, `mailto:`) or is absolute.
    static func isExternal(_ destination: String) -> Bool {
        if destination.hasPrefix("/") { return true }
        guard let colon = destination.firstIndex(of: ":") else { return false }
        return !destination[..<colon].contains { "/#?".contains($0) }
    }

    /// The file part (percent-decoded, without a query) and the anchor of a relative destination.
    static func split(_ destination: String) -> (file: String, fragment: String?) {
        let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let path = parts[0].split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let file = String(path).removingPercentEncoding ?? String(path)
        let fragment = parts.count > 1 ? String(parts[1]).removingPercentEncoding ?? String(parts[1]) : nil
        return (file, fragment)
    }
}

/// The broken links of one notebook, each at its line.
public struct LinkErrors: Error, CustomStringConvertible {
    /// Every broken link found.
    public var errors: [NotebookError]
    /// One `file:line: error:` line per broken link.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
