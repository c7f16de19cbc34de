/// Finds a bracket or block comment that a cell opens and never closes (or closes without
/// opening), before the compiler sees it.
///
/// Cells are pasted one after another into a session's program, so an unclosed `{` or `/*`
/// would swallow the code ppo-book writes after the cell and the compiler would blame that
/// code. Checking each cell alone names the cell's own line instead. The scan knows Swift's
/// comments (nested block comments included) and string literals (multi-line, raw, and
/// interpolations), so brackets inside them do not count.
struct UnclosedDelimiter: Equatable {
    /// The 0-based line within the cell.
    var line: Int
    /// The 1-based column.
    var column: Int
    /// What is wrong, worded for the reader.
    var message: String

    /// The first delimiter problem in `code`, or nil when every bracket and comment is closed.
    static func first(in code: String) -> UnclosedDelimiter? {
        var scanner = Scanner(Array(code.unicodeScalars))
        return scanner.scanCode(until: nil)
    }

    private struct Scanner {
        let text: [Unicode.Scalar]
        var index = 0
        var line = 0
        var lineStart = 0

        init(_ text: [Unicode.Scalar]) { self.text = text }

        private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
            index + offset < text.count ? text[index + offset] : nil
        }

        private mutating func advance() {
            if text[index] == "\n" {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }

        private func problem(at position: (line: Int, column: Int), _ message: String) -> UnclosedDelimiter {
            UnclosedDelimiter(line: position.line, column: position.column, message: message)
        }

        private var position: (line: Int, column: Int) { (line, index - lineStart + 1) }

        /// Scans code until the closing bracket `closer` (consumed), or the end when nil.
        mutating func scanCode(until closer: Unicode.Scalar?) -> UnclosedDelimiter? {
            var open: [(scalar: Unicode.Scalar, at: (line: Int, column: Int))] = []
            let pairs: [Unicode.Scalar: Unicode.Scalar] = ["{": "}", "(": ")", "[": "]"]
            while let scalar = peek() {
                if scalar == "/" && peek(1) == "/" {
                    while let next = peek(), next != "\n" { advance() }
                } else if scalar == "/" && peek(1) == "*" {
                    if let problem = skipBlockComment() { return problem }
                } else if scalar == "\"" || (scalar == "#" && (peek(1) == "\"" || peek(1) == "#")) {
                    if let problem = skipString() { return problem }
                } else if pairs[scalar] != nil {
                    open.append((scalar, position))
                    advance()
                } else if scalar == "}" || scalar == ")" || scalar == "]" {
                    if let last = open.last {
                        guard pairs[last.scalar] == scalar else {
                            return problem(at: position, "this '\(scalar)' does not match the '\(last.scalar)' "
                                + "opened at line \(last.at.line + 1) of the cell")
                        }
                        open.removeLast()
                    } else if scalar == closer {
                        advance()
                        return nil
                    } else {
                        return problem(at: position, "this '\(scalar)' closes nothing this cell opened "
                            + "(a cell must close what it opens, and only that)")
                    }
                    advance()
                } else {
                    advance()
                }
            }
            if let last = open.last {
                return problem(at: last.at, "this '\(last.scalar)' is never closed in its cell "
                    + "(a cell must close what it opens)")
            }
            return nil
        }

        /// Skips a `/* ... */` comment, which may nest.
        private mutating func skipBlockComment() -> UnclosedDelimiter? {
            let start = position
            var depth = 0
            while let scalar = peek() {
                if scalar == "/" && peek(1) == "*" {
                    depth += 1
                    advance()
                } else if scalar == "*" && peek(1) == "/" {
                    depth -= 1
                    advance()
                    if depth == 0 {
                        advance()
                        return nil
                    }
                }
                advance()
            }
            return problem(at: start, "this '/*' comment is never closed in its cell")
        }

        /// Skips a string literal: `"..."`, `"""..."""`, or raw `#"..."#`, with interpolations.
        private mutating func skipString() -> UnclosedDelimiter? {
            let start = position
            var hashes = 0
            while peek() == "#" { hashes += 1; advance() }
            guard peek() == "\"" else { return nil }  // `#if`, `#selector`...: not a string
            let multiline = peek(1) == "\"" && peek(2) == "\""
            let quotes = multiline ? 3 : 1
            for _ in 0..<quotes { advance() }
            while let scalar = peek() {
                if scalar == "\n" && !multiline { return nil }  // the compiler reports it, at the cell's line
                // An escape is a backslash followed by as many `#` as the string opened with.
                if scalar == "\\" && (0..<hashes).allSatisfy({ peek($0 + 1) == "#" }) {
                    for _ in 0...hashes { advance() }
                    if peek() == "(" {
                        advance()
                        if let problem = scanCode(until: ")") { return problem }
                    } else if peek() != nil {
                        advance()
                    }
                    continue
                }
                if scalar == "\"" && (0..<quotes).allSatisfy({ peek($0) == "\"" })
                    && (0..<hashes).allSatisfy({ peek(quotes + $0) == "#" }) {
                    for _ in 0..<(quotes + hashes) { advance() }
                    return nil
                }
                advance()
            }
            return multiline ? problem(at: start, "this multi-line string is never closed in its cell") : nil
        }
    }
}
