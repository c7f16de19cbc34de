import CellEvents
import Execution
import Foundation
import Notebook
import Render

/// A notebook with its cells' results as an executed Jupyter notebook (nbformat 4.5): its
/// prose as Markdown cells, its Swift cells as code cells with stable ids (the `id=` tag, or
/// `cell-N` by position) and their outputs: printed text as streams, tables as HTML, figures as
/// `image/svg+xml` (reduced to the page's SVG allowlist), failures as errors.
public struct NotebookExport {
    private let notebook: Notebook
    private let results: [Int: CellResult]
    private let sourceLines: [Substring]

    /// An export of `notebook`, whose Markdown text is `source`, with its cells' `results`.
    public init(notebook: Notebook, source: String, results: [Int: CellResult]) {
        self.notebook = notebook
        self.results = results
        sourceLines = source.replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The `.ipynb` file's JSON text (keys sorted, so the same notebook gives the same bytes).
    public func json() throws -> String {
        let document: [String: Any] = [
            "nbformat": 4,
            "nbformat_minor": 5,
            "metadata": [
                "kernelspec": ["name": "swift", "display_name": "Swift", "language": "swift"],
                "language_info": ["name": "swift", "file_extension": ".swift"],
            ],
            "cells": cells(),
        ]
        let data = try JSONSerialization.data(withJSONObject: document,
                                              options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private func cells() -> [[String: Any]] {
        var cells: [[String: Any]] = []
        var markdownCount = 0
        var executionCount = 0
        var nextLine = 1
        func addMarkdown(upTo end: Int) {
            var lines = Array(sourceLines[min(nextLine - 1, sourceLines.count)..<min(max(end - 1, nextLine - 1), sourceLines.count)])
            if cells.isEmpty { lines = withoutFrontMatter(lines) }
            while lines.first?.allSatisfy(\.isWhitespace) == true { lines.removeFirst() }
            if cells.isEmpty, let title = notebook.frontMatter.title { lines = ["# \(title)", ""] + lines }
            while lines.last?.allSatisfy(\.isWhitespace) == true { lines.removeLast() }
            guard !lines.isEmpty else { return }
            markdownCount += 1
            cells.append(["cell_type": "markdown", "id": "markdown-\(markdownCount)", "metadata": [String: Any](),
                          "source": Self.sourceLines(lines.joined(separator: "\n"))])
        }
        for cell in notebook.cells {
            addMarkdown(upTo: cell.fence.line)
            let result = results[cell.index] ?? CellResult(status: .notRun)
            let ran = result.status != .notRun && result.status != .shownOnly
            if ran { executionCount += 1 }
            var metadata: [String: Any] = [:]
            if cell.options.hide { metadata["jupyter"] = ["source_hidden": true] }
            if cell.options.expectError { metadata["tags"] = ["raises-exception"] }
            cells.append([
                "cell_type": "code", "id": cell.anchor, "metadata": metadata,
                "execution_count": ran ? executionCount : NSNull(),
                "source": Self.sourceLines(cell.source),
                "outputs": result.outputs.map { output(for: $0, executionCount: executionCount) },
            ])
            let codeLines = cell.source.isEmpty ? 0 : cell.source.split(separator: "\n", omittingEmptySubsequences: false).count
            nextLine = cell.fence.line + codeLines + 2
        }
        addMarkdown(upTo: sourceLines.count + 1)
        return cells
    }

    private func output(for output: CellOutput, executionCount: Int) -> [String: Any] {
        switch output {
        case .text(let text):
            return ["output_type": "stream", "name": "stdout", "text": Self.sourceLines(text)]
        case .standardError(let text), .notice(let text):
            return ["output_type": "stream", "name": "stderr", "text": Self.sourceLines(text)]
        case .table(let table):
            return display(["text/html": Self.sourceLines(Self.html(table)), "text/plain": Self.sourceLines(Self.plain(table))])
        case .figure(let figure):
            var data: [String: Any] = ["text/plain": [figure.title ?? figure.caption ?? "Figure"]]
            if let svg = SVGSanitizer.sanitize(String(figure.svg.drop { $0.isWhitespace })) {
                data["image/svg+xml"] = Self.sourceLines(svg)
            }
            return display(data)
        case .claim(let claim):
            return display(["text/plain": [claim.plainText]])
        case .error(let message):
            let firstLine = message.split(separator: "\n").first.map(String.init) ?? message
            return ["output_type": "error", "ename": "Error", "evalue": firstLine,
                    "traceback": message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)]
        }
    }

    private func display(_ data: [String: Any]) -> [String: Any] {
        ["output_type": "display_data", "data": data, "metadata": [String: Any]()]
    }

    private func withoutFrontMatter(_ lines: [Substring]) -> [Substring] {
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---",
              let end = lines.dropFirst().firstIndex(where: { ["---", "..."].contains($0.trimmingCharacters(in: .whitespaces)) })
        else { return lines }
        return Array(lines[(end + 1)...])
    }

    /// Text as nbformat stores it: a list of lines, each but the last ending in a newline.
    private static func sourceLines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { "\($0)\n" }
        if let last = lines.last {
            lines[lines.count - 1] = String(last.dropLast())
            if lines[lines.count - 1].isEmpty { lines.removeLast() }
        }
        return lines
    }

    private static func html(_ table: TableOutput) -> String {
        var html = ["<table>"]
        if let caption = table.caption { html.append("<caption>\(HTML.escape(caption))</caption>") }
        html.append("<thead><tr>" + table.columns.map { "<th>\(HTML.escape($0))</th>" }.joined() + "</tr></thead>")
        html.append("<tbody>")
        html += table.rows.map { "<tr>" + $0.map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>" }
        html.append("</tbody></table>")
        return html.joined(separator: "\n")
    }

    private static func plain(_ table: TableOutput) -> String {
        ([table.columns] + table.rows).map { $0.joined(separator: "\t") }.joined(separator: "\n")
    }
}
