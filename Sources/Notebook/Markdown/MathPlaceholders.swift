import Math

/// Stands in for formulas while cmark-gfm parses the text, so Markdown never reads their
/// `_`, `*`, `\` or `|`, then puts the formulas back into what cmark-gfm produced.
///
/// A placeholder is `U+E000`, the formula's number, `U+E001`: private-use characters that
/// Markdown treats as letters. A formula over several lines keeps its line breaks, each
/// followed by `U+E002`, so cmark-gfm's line numbers stay the file's and a paragraph
/// around a display formula stays one paragraph.
enum MathPlaceholders {
    private static let open: Character = "\u{E000}"
    private static let close: Character = "\u{E001}"
    private static let continuation: Character = "\u{E002}"

    /// `text` with each of `spans` (in order, not overlapping) replaced by its placeholder.
    static func protect(_ text: String, spans: [MathSpan]) -> String {
        let characters = Array(text)
        var result = ""
        var index = 0
        for (number, span) in spans.enumerated() {
            result += String(characters[index..<span.range.lowerBound])
            result.append(open)
            result += String(number)
            for character in characters[span.range] where character == "\n" {
                result.append("\n")
                result.append(continuation)
            }
            result.append(close)
            index = span.range.upperBound
        }
        return result + String(characters[index...])
    }

    /// `text` (HTML or plain text from cmark-gfm) with each placeholder replaced by
    /// `replacement` of its formula. A softbreak may have turned a placeholder's line breaks into spaces.
    static func restore(_ text: String, formulas: [Formula], with replacement: (Formula) -> String) -> String {
        guard !formulas.isEmpty, text.contains(open) else { return text }
        var result = ""
        var rest = Substring(text)
        while let start = rest.firstIndex(of: open) {
            result += rest[..<start]
            guard let end = rest[start...].firstIndex(of: close),
                  let number = Int(rest[rest.index(after: start)..<end].prefix { $0.isNumber }),
                  formulas.indices.contains(number) else {
                result.append(open)
                rest = rest[rest.index(after: start)...]
                continue
            }
            result += replacement(formulas[number])
            rest = rest[rest.index(after: end)...]
        }
        return result + rest
    }
}
