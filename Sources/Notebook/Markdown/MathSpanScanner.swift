/// A formula found in Markdown text: `$...$` inline or `$$...$$` display.
struct MathSpan: Equatable {
    /// The TeX between the dollars.
    var tex: String
    /// Whether it was written `$$...$$`.
    var isDisplay: Bool
    /// The 1-based line of the opening dollar.
    var line: Int
    /// Where the span, dollars included, lies in the scanned text (in characters).
    var range: Range<Int>
}

/// Finds the formulas in Markdown text by pandoc's dollar rules, before Markdown sees it:
///
/// - `$...$` is inline math when the opening `$` is not followed by a space and the closing
///   `$` is not preceded by one nor followed by a digit (so `$5 and $6` stays text);
/// - `$$...$$` is display math;
/// - `\$` is a literal dollar; nothing inside code spans, code blocks, HTML blocks, HTML
///   tags or link destinations is math; a formula never spans a blank line.
struct MathSpanScanner {
    private let characters: [Character]
    /// The line of each character (1-based).
    private let lineOf: [Int]
    /// Lines where no formula may be: blank lines, and lines that code or HTML blocks own.
    private let closedLines: Set<Int>

    /// Creates a scanner of `text`; `literalLines` are the lines of its code and HTML blocks.
    init(text: String, literalLines: Set<Int>) {
        characters = Array(text)
        var lineOf: [Int] = []
        lineOf.reserveCapacity(characters.count)
        var line = 1
        var blankLines: Set<Int> = []
        var lineIsBlank = true
        for character in characters {
            lineOf.append(line)
            if character == "\n" {
                if lineIsBlank { blankLines.insert(line) }
                line += 1
                lineIsBlank = true
            } else if !character.isWhitespace {
                lineIsBlank = false
            }
        }
        if lineIsBlank { blankLines.insert(line) }
        self.lineOf = lineOf
        closedLines = literalLines.union(blankLines)
    }

    /// Every formula, in order.
    func spans() -> [MathSpan] {
        var spans: [MathSpan] = []
        var index = 0
        while index < characters.count {
            if closedLines.contains(lineOf[index]) {
                index += 1
                continue
            }
            switch characters[index] {
            case "\\":
                index += isEscapable(index + 1) ? 2 : 1
            case "`":
                index = endOfCodeSpan(at: index)
            case "<" where index + 1 < characters.count && (characters[index + 1].isLetter || "/!?".contains(characters[index + 1])):
                index = (find(">", from: index + 1) ?? index) + 1
            case "]" where character(at: index + 1) == "(":
                index = endOfLinkDestination(at: index + 1)
            case "$":
                if let span = span(at: index) {
                    spans.append(span)
                    index = span.range.upperBound
                } else {
                    index += character(at: index + 1) == "$" ? 2 : 1
                }
            default:
                index += 1
            }
        }
        return spans
    }

    // MARK: Formulas

    private func span(at start: Int) -> MathSpan? {
        if character(at: start + 1) == "$" {
            guard let close = findDollar(from: start + 2, double: true), close > start + 2 else { return nil }
            return makeSpan(start, contentEnd: close, end: close + 2, display: true)
        }
        guard let first = character(at: start + 1), !first.isWhitespace,
              let close = findDollar(from: start + 1, double: false),
              !characters[close - 1].isWhitespace,
              !(character(at: close + 1).map { $0.isASCII && $0.isNumber } ?? false) else { return nil }
        return makeSpan(start, contentEnd: close, end: close + 1, display: false)
    }

    private func makeSpan(_ start: Int, contentEnd: Int, end: Int, display: Bool) -> MathSpan {
        let opening = display ? 2 : 1
        return MathSpan(tex: String(characters[(start + opening)..<contentEnd]), isDisplay: display,
                        line: lineOf[start], range: start..<end)
    }

    /// The next unescaped `$` (or `$$`) from `index`, within the paragraph.
    private func findDollar(from index: Int, double: Bool) -> Int? {
        var index = index
        while index < characters.count, !closedLines.contains(lineOf[index]) {
            switch characters[index] {
            case "\\":
                index += 2
            case "$" where !double || character(at: index + 1) == "$":
                return index
            default:
                index += 1
            }
        }
        return nil
    }

    // MARK: What is not math

    /// Past a code span opened by the backtick run at `start`, or past the run when nothing closes it.
    private func endOfCodeSpan(at start: Int) -> Int {
        let length = runLength(of: "`", at: start)
        var index = start + length
        while index < characters.count, !closedLines.contains(lineOf[index]) {
            if characters[index] == "`" {
                let run = runLength(of: "`", at: index)
                if run == length { return index + run }
                index += run
            } else {
                index += 1
            }
        }
        return start + length
    }

    /// Past the `(...)` of a link or image at `start`, nested parentheses included, or just past
    /// the `(` when nothing closes it.
    private func endOfLinkDestination(at start: Int) -> Int {
        var depth = 0
        var index = start
        while index < characters.count, !closedLines.contains(lineOf[index]) {
            switch characters[index] {
            case "\\": index += 1
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth == 0 { return index + 1 }
            default: break
            }
            index += 1
        }
        return start + 1
    }

    private func runLength(of character: Character, at start: Int) -> Int {
        var end = start
        while end < characters.count, characters[end] == character { end += 1 }
        return end - start
    }

    private func find(_ target: Character, from index: Int) -> Int? {
        var index = index
        while index < characters.count, !closedLines.contains(lineOf[index]) {
            if characters[index] == target { return index }
            index += 1
        }
        return nil
    }

    /// Whether a backslash before `index` escapes it (CommonMark escapes ASCII punctuation).
    private func isEscapable(_ index: Int) -> Bool {
        guard let character = character(at: index) else { return false }
        return character.isASCII && (character.isPunctuation || character.isSymbol)
    }

    private func character(at index: Int) -> Character? {
        index < characters.count ? characters[index] : nil
    }
}
