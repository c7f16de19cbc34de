import Math

/// Stands in for formulas while cmark-gfm parses the text, so Markdown never reads their
/// `_`, `*`, `\` or `|`, then puts the formulas back into what cmark-gfm produced.
///
/// Formula number `n` becomes the one private-use character `U+E000 + n`, which Markdown treats
/// as a letter. It takes 3 bytes, never more than the formula it replaces (`$x$` is the
/// shortest), so cmark-gfm's columns after it never run ahead of the file's. A formula over
/// several lines keeps its line breaks, each followed by `U+F8FF`, so line numbers stay the
/// file's and a paragraph around a display formula stays one paragraph.
enum MathPlaceholders {
    /// How many formulas one text may hold.
    static let capacity = Int(continuation.value - first.value)

    private static let first: Unicode.Scalar = "\u{E000}"
    private static let continuation: Unicode.Scalar = "\u{F8FF}"

    /// `text` with each of `spans` (in order, not overlapping, at most ``capacity``) replaced by its placeholder.
    static func protect(_ text: String, spans: [MathSpan]) -> String {
        let characters = Array(text)
        var result = ""
        var index = 0
        for (number, span) in spans.enumerated() {
            result += String(characters[index..<span.range.lowerBound])
            result.unicodeScalars.append(Unicode.Scalar(first.value + UInt32(number))!)
            for character in characters[span.range] where character == "\n" {
                result.append("\n")
                result.unicodeScalars.append(continuation)
            }
            index = span.range.upperBound
        }
        return result + String(characters[index...])
    }

    /// `text` (HTML or plain text from cmark-gfm) with each placeholder replaced by
    /// `replacement` of its formula. A softbreak may have turned a placeholder's line breaks into spaces.
    static func restore(_ text: String, formulas: [Formula], with replacement: (Formula) -> String) -> String {
        guard !formulas.isEmpty else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let number = Int(scalars[index].value) - Int(first.value)
            index += 1
            guard formulas.indices.contains(number) else {
                result.append(scalars[index - 1])
                continue
            }
            result.append(contentsOf: replacement(formulas[number]).unicodeScalars)
            for _ in 0..<formulas[number].tex.count(where: { $0 == "\n" }) {
                guard index + 1 < scalars.count, scalars[index] == "\n" || scalars[index] == " ",
                      scalars[index + 1] == continuation else { break }
                index += 2
            }
        }
        return String(result)
    }
}
