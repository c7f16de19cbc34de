import Math

extension MarkdownDocument {
    /// Parses a notebook's Markdown with its `$...$` and `$$...$$` formulas typeset as MathML
    /// (see ``MathSpanScanner`` for what counts as a formula).
    ///
    /// - Throws: a ``NotebookError`` at the formula's line in `path` when it leaves the TeX subset.
    convenience init(typesettingMathIn text: String, path: String) throws {
        let spans = MathSpanScanner(text: text, literalLines: MarkdownDocument(text: text).literalLines).spans()
        if spans.count > MathPlaceholders.capacity {
            throw NotebookError("more than \(MathPlaceholders.capacity) formulas: split the notebook",
                                at: SourceLocation(file: path, line: spans[MathPlaceholders.capacity].line))
        }
        let formulas = try spans.map { span in
            do {
                return try Formula(tex: span.tex, display: span.isDisplay)
            } catch let error as MathError {
                let line = span.line + span.tex.prefix(error.offset).count { $0 == "\n" }
                throw NotebookError("in the formula \(Self.quoted(span)): \(error.message)",
                                    at: SourceLocation(file: path, line: line))
            }
        }
        self.init(text: MathPlaceholders.protect(text, spans: spans), formulas: formulas)
    }

    /// The formula as written, shortened to one line when it is long.
    private static func quoted(_ span: MathSpan) -> String {
        let dollars = span.isDisplay ? "$$" : "$"
        let oneLine = span.tex.split(whereSeparator: \.isNewline).joined(separator: " ")
        let shown = oneLine.count > 40 ? oneLine.prefix(40) + "…" : Substring(oneLine)
        return dollars + shown + dollars
    }
}
