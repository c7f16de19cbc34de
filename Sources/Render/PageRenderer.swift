import CellEvents
import Execution
import Notebook

/// Renders a notebook and its cells' results into one self-contained HTML page:
/// inline CSS and SVG, no scripts, no network requests, light and dark, screen and print.
public struct PageRenderer {
    /// The page, and the figure files of `id=` cells to write beside it.
    public struct Page {
        /// The complete HTML document.
        public var html: String
        /// Figures of `id=` cells, to be written under the output folder.
        public var figureFiles: [FigureFile]
        /// The content of the page's `<main>` element, for documents that gather several pages.
        public var main: String
    }

    private let notebook: Notebook
    private let results: [Int: CellResult]
    private let inlineResults: [Int: InlineValueResult]
    private let surroundings: PageSurroundings
    private let highlighter = SwiftHighlighter()

    /// Creates a renderer for `notebook` with its cells' `results` (by cell index) and its inline
    /// values' results (by inline value index), placed in `surroundings` (a course's navigation;
    /// none for a standalone page).
    public init(notebook: Notebook, results: [Int: CellResult], inlineValues: [Int: InlineValueResult] = [:],
                surroundings: PageSurroundings = PageSurroundings()) {
        self.notebook = notebook
        self.results = results
        self.inlineResults = inlineValues
        self.surroundings = surroundings
    }

    /// What the files of a draft (a render whose parameters are not the defaults) add to their
    /// names, so a draft never overwrites the real page and figures: `.draft-` and 8 hex digits
    /// naming the parameter values; empty for the defaults.
    public static func fileSuffix(for notebook: Notebook) -> String {
        guard notebook.isDraft else { return "" }
        var hash = SHA256()
        for parameter in notebook.parameters { hash.update("\(parameter.name)=\(parameter.value.swiftLiteral)\n") }
        return ".draft-" + hash.hexDigest().prefix(8)
    }

    /// Renders the page.
    public func render() -> Page {
        var headingAnchors = PageAnchors(of: notebook).headings.map(\.anchor).makeIterator()
        var body: [String] = []
        var contents: [(level: Int, anchor: String, text: String)] = []
        var figureFiles: [FigureFile] = []
        var figureCount = 0
        var titleShown = notebook.frontMatter.title != nil
        let valuesByBlock = Dictionary(grouping: notebook.inlineValues, by: \.blockIndex)
        let suffix = Self.fileSuffix(for: notebook)

        for (blockIndex, block) in notebook.blocks.enumerated() {
            let withValues = { (html: String) in
                InlineValueHTML.substitute(in: html, values: valuesByBlock[blockIndex] ?? [], results: inlineResults)
            }
            switch block {
            case .prose(let prose) where prose.kind == .heading:
                let anchor = headingAnchors.next()!
                let isTitle = !titleShown && prose.headingLevel == 1
                titleShown = titleShown || isTitle
                if !isTitle && prose.headingLevel <= 3 {
                    contents.append((prose.headingLevel, anchor, prose.plainText))
                }
                body.append(withValues(heading(prose, anchor: anchor, isTitle: isTitle)))
            case .prose(let prose):
                body.append(withValues(prose.html))
            case .cell(let cell):
                let figures = results[cell.index]?.outputs.compactMap { output -> FigureOutput? in
                    if case .figure(let figure) = output { figure } else { nil }
                } ?? []
                let files = cell.options.id.map {
                    FigureFile.files(notebook: notebook.name, id: $0, figures: figures, suffix: suffix)
                } ?? []
                figureFiles += files
                body.append(self.cell(cell, files: files, figureCount: &figureCount))
            }
        }
        let main = body.joined(separator: "\n")
        return Page(html: document(body: main, contents: contents), figureFiles: figureFiles, main: main)
    }

    // MARK: Page frame

    private func document(body: String, contents: [(level: Int, anchor: String, text: String)]) -> String {
        let front = notebook.frontMatter
        var head = HTML.documentOpening(title: notebook.title, description: front.description)
        if let author = front.author {
            head.append("<meta name=\"author\" content=\"\(HTML.escape(author))\">")
        }
        head += ["<style>", Stylesheet.css] + (surroundings.style.isEmpty ? [] : [surroundings.style])
            + ["</style>", "</head>", "<body>"] + (surroundings.top.isEmpty ? [] : [surroundings.top])
        var header: [String] = []
        if let title = front.title {
            header.append("<header class=\"page-header\">")
            header.append("<h1 class=\"page-title\">\(HTML.escape(title))</h1>")
            if let author = front.author { header.append("<p class=\"page-author\">\(HTML.escape(author))</p>") }
            header.append("</header>")
        }
        let footer = "<footer class=\"page-footer\">Rendered with ppo-book from <code>\(HTML.escape(notebook.name)).md</code>.</footer>"
        let end: [String] = [surroundings.afterMain, footer, surroundings.bottom].filter { !$0.isEmpty }
        let lines: [String] = head + header + draftNotice() + tableOfContents(contents) + ["<main>", body, "</main>"] + end
        return (lines + ["</body>", "</html>", ""]).joined(separator: "\n")
    }

    /// In a draft, the parameter values the page was rendered with, beside their defaults.
    private func draftNotice() -> [String] {
        guard notebook.isDraft else { return [] }
        let values = notebook.parameters.map { parameter in
            "<code>\(HTML.escape(parameter.name)) = \(HTML.escape(parameter.value.description))</code>"
                + (parameter.isOverridden ? " (default \(HTML.escape(parameter.defaultValue.description)))" : "")
        }
        return ["<p class=\"draft-notice\" role=\"note\"><strong>Draft.</strong> This page was rendered with "
            + "parameters other than the notebook's defaults: \(values.joined(separator: ", ")). Its numbers, figures "
            + "and verdicts are not the lesson's.</p>"]
    }

    /// A two-level contents list: the top heading level found, and everything deeper under it.
    private func tableOfContents(_ contents: [(level: Int, anchor: String, text: String)]) -> [String] {
        guard contents.count >= 2 else { return [] }
        let top = contents.map(\.level).min()!
        var lines = ["<nav class=\"toc\" aria-label=\"Contents\">", "<details open>", "<summary>Contents</summary>", "<ol>"]
        var itemOpen = false, sublistOpen = false
        for entry in contents {
            let link = "<li><a href=\"#\(entry.anchor)\">\(HTML.escape(entry.text))</a>"
            if entry.level == top {
                if sublistOpen { lines.append("</ol>"); sublistOpen = false }
                if itemOpen { lines.append("</li>") }
                lines.append(link)
                itemOpen = true
            } else {
                if !itemOpen { lines.append("<li>"); itemOpen = true }
                if !sublistOpen { lines.append("<ol>"); sublistOpen = true }
                lines.append(link + "</li>")
            }
        }
        if sublistOpen { lines.append("</ol>") }
        if itemOpen { lines.append("</li>") }
        return lines + ["</ol>", "</details>", "</nav>"]
    }

    private func heading(_ block: MarkdownBlock, anchor: String, isTitle: Bool) -> String {
        let level = block.headingLevel
        var html = block.html.trimmingSuffixNewline
        let opening = "<h\(level)"
        html = opening + " id=\"\(anchor)\"" + (isTitle ? " class=\"page-title\"" : "") + html.dropFirst(opening.count)
        let closing = "</h\(level)>"
        if !isTitle, html.hasSuffix(closing) {
            html = html.dropLast(closing.count)
                + " <a class=\"anchor\" href=\"#\(anchor)\" aria-label=\"Link to this section\">#</a>" + closing
        }
        return html
    }

    // MARK: Cells

    private func cell(_ cell: Cell, files: [FigureFile], figureCount: inout Int) -> String {
        let result = results[cell.index] ?? CellResult(status: .notRun)
        var classes = ["cell", "cell-\(result.status.rawValue)"]
        if cell.options.hide { classes.append("cell-hidden-code") }
        var html = ["<section class=\"\(classes.joined(separator: " "))\" id=\"\(cell.anchor)\">"]
        if !cell.options.hide {
            html.append("<div class=\"cell-code\">")
            html.append("<a class=\"cell-label\" href=\"#\(cell.anchor)\">\(cellLabel(cell, result))</a>")
            html.append("<pre><code class=\"language-swift\">\(highlighter.html(cell.source))</code></pre>")
            html.append("</div>")
        }
        let outputs = self.outputs(result.outputs, cell: cell, files: files, figureCount: &figureCount)
        if !outputs.isEmpty {
            html.append("<div class=\"cell-outputs\">")
            html += outputs
            html.append("</div>")
        }
        if result.status == .notRun {
            html.append("<p class=\"cell-note\">Not run: an earlier cell of this session failed.</p>")
        }
        html.append("</section>")
        return html.joined(separator: "\n")
    }

    private func cellLabel(_ cell: Cell, _ result: CellResult) -> String {
        switch result.status {
        case .shownOnly: return "not run"
        case .failedAsExpected: return "[\(cell.index + 1)] fails, as intended"
        case .failed: return "[\(cell.index + 1)] failed"
        case .notRun: return "[\(cell.index + 1)] not run"
        case .succeeded: return "[\(cell.index + 1)]"
        }
    }

    private func outputs(_ outputs: [CellOutput], cell: Cell, files: [FigureFile], figureCount: inout Int) -> [String] {
        var html: [String] = []
        var figureIndex = 0
        for output in outputs {
            switch output {
            case .text(let text):
                let visible = TerminalText.visible(text).trimmingSuffixNewline
                if !visible.isEmpty { html.append("<pre class=\"output-text\">\(HTML.escape(visible))</pre>") }
            case .standardError(let text):
                let visible = TerminalText.visible(text).trimmingSuffixNewline
                if !visible.isEmpty { html.append("<pre class=\"output-stderr\">\(HTML.escape(visible))</pre>") }
            case .notice(let text):
                html.append("<pre class=\"output-stderr output-notice\">\(HTML.escape(text))</pre>")
            case .error(let message):
                let kind = cell.options.expectError ? "output-error output-error-expected" : "output-error"
                html.append("<pre class=\"\(kind)\" role=\"alert\">\(HTML.escape(message))</pre>")
            case .table(let table):
                html.append(self.table(table))
            case .claim(let claim):
                html.append(ClaimHTML.block(claim))
            case .figure(let figure):
                figureCount += 1
                let file = figureIndex < files.count ? files[figureIndex] : nil
                figureIndex += 1
                html.append(self.figure(figure, number: figureCount, caption: figure.caption ?? cell.options.caption,
                                        file: file))
            }
        }
        return html
    }

    private func table(_ table: TableOutput) -> String {
        let numeric = table.columns.indices.map { column in
            table.rows.allSatisfy { row in column < row.count && Self.looksNumeric(row[column]) }
        }
        var html = ["<div class=\"output-table\"><table>"]
        if let caption = table.caption { html.append("<caption>\(HTML.escape(caption))</caption>") }
        html.append("<thead><tr>" + table.columns.enumerated().map { index, name in
            "<th\(numeric[index] ? " class=\"number\"" : "")>\(HTML.escape(name))</th>"
        }.joined() + "</tr></thead>")
        html.append("<tbody>")
        for row in table.rows {
            html.append("<tr>" + row.enumerated().map { index, value in
                "<td\(index < numeric.count && numeric[index] ? " class=\"number\"" : "")>\(HTML.escape(value))</td>"
            }.joined() + "</tr>")
        }
        html.append("</tbody></table></div>")
        return html.joined(separator: "\n")
    }

    private func figure(_ figure: FigureOutput, number: Int, caption: String?, file: FigureFile?) -> String {
        guard let svg = InlineSVG.prepare(figure.svg, prefix: "fig\(number)") else {
            return "<pre class=\"output-error\" role=\"alert\">This figure was left out: its SVG could not be read as a drawing.</pre>"
        }
        var html = ["<figure class=\"output-figure\">", svg]
        var captionParts: [String] = []
        if let caption { captionParts.append(HTML.escape(caption)) }
        if let file {
            captionParts.append("<span class=\"figure-files\"><a href=\"\(HTML.link(toPath: file.basePath + ".svg"))\">SVG</a> · "
                + "<a href=\"\(HTML.link(toPath: file.basePath + ".csv"))\">data (CSV)</a></span>")
        }
        if !captionParts.isEmpty {
            html.append("<figcaption>\(captionParts.joined(separator: " "))</figcaption>")
        }
        html.append("</figure>")
        return html.joined(separator: "\n")
    }

    private static func looksNumeric(_ text: String) -> Bool {
        let trimmed = text.trimmingSuffixNewline
        return !trimmed.isEmpty && (Double(trimmed) != nil || trimmed.allSatisfy { "0123456789.,+-−±% e".contains($0) })
    }
}

private extension String {
    var trimmingSuffixNewline: String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
