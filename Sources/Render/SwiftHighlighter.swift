/// Colours Swift source for the page: keywords, types, strings, numbers, comments and attributes,
/// each wrapped in a `<span class="...">`, everything else escaped as it is.
struct SwiftHighlighter {
    private static let keywords: Set<String> = [
        "actor", "as", "associatedtype", "async", "await", "break", "case", "catch", "class", "continue",
        "default", "defer", "deinit", "do", "else", "enum", "extension", "fallthrough", "false", "fileprivate",
        "for", "func", "guard", "if", "import", "in", "init", "inout", "internal", "is", "let", "mutating", "nil",
        "nonisolated", "open", "operator", "private", "protocol", "public", "repeat", "rethrows", "return",
        "self", "Self", "some", "any", "static", "struct", "subscript", "super", "switch", "throw", "throws",
        "true", "try", "typealias", "var", "where", "while", "lazy", "weak", "override", "final", "convenience",
    ]

    /// The highlighted HTML of `source`.
    func html(_ source: String) -> String {
        let characters = Array(source.unicodeScalars)
        var html = ""
        var index = 0
        while index < characters.count {
            let (end, kind) = token(at: index, in: characters)
            var text = ""
            text.unicodeScalars.append(contentsOf: characters[index..<end])
            let escaped = HTML.escape(text)
            html += kind.map { "<span class=\"\($0)\">\(escaped)</span>" } ?? escaped
            index = end
        }
        return html
    }

    /// The end of the token starting at `start`, and its class (nil for plain text).
    private func token(at start: Int, in text: [Unicode.Scalar]) -> (Int, String?) {
        let first = text[start]
        let next = start + 1 < text.count ? text[start + 1] : " "
        if first == "/" && next == "/" {
            return (text[start...].firstIndex(of: "\n") ?? text.count, "comment")
        }
        if first == "/" && next == "*" {
            return (blockCommentEnd(from: start, in: text), "comment")
        }
        if first == "\"" {
            return (stringEnd(from: start, in: text), "string")
        }
        if first == "@" && start + 1 < text.count && isIdentifierStart(next) {
            return (identifierEnd(from: start + 1, in: text), "attribute")
        }
        if first.properties.numericType != nil || (first == "." && next.properties.numericType != nil && start > 0
            && !isIdentifierPart(text[start - 1])) {
            var end = start + 1
            while end < text.count, isIdentifierPart(text[end]) || text[end] == "."
                && end + 1 < text.count && text[end + 1].properties.numericType != nil { end += 1 }
            return (end, "number")
        }
        if isIdentifierStart(first) {
            let end = identifierEnd(from: start, in: text)
            let word = String(String.UnicodeScalarView(text[start..<end]))
            if Self.keywords.contains(word) { return (end, "keyword") }
            if first.properties.isUppercase { return (end, "type") }
            return (end, nil)
        }
        return (start + 1, nil)
    }

    private func blockCommentEnd(from start: Int, in text: [Unicode.Scalar]) -> Int {
        var depth = 0
        var index = start
        while index + 1 < text.count {
            if text[index] == "/" && text[index + 1] == "*" { depth += 1; index += 2; continue }
            if text[index] == "*" && text[index + 1] == "/" {
                depth -= 1
                index += 2
                if depth == 0 { return index }
                continue
            }
            index += 1
        }
        return text.count
    }

    private func stringEnd(from start: Int, in text: [Unicode.Scalar]) -> Int {
        let isMultiline = start + 2 < text.count && text[start + 1] == "\"" && text[start + 2] == "\""
        var index = start + (isMultiline ? 3 : 1)
        while index < text.count {
            if text[index] == "\\" { index += 2; continue }
            if !isMultiline && text[index] == "\n" { return index }
            if text[index] == "\"" {
                if !isMultiline { return index + 1 }
                if index + 2 < text.count && text[index + 1] == "\"" && text[index + 2] == "\"" { return index + 3 }
            }
            index += 1
        }
        return text.count
    }

    private func identifierEnd(from start: Int, in text: [Unicode.Scalar]) -> Int {
        var end = start
        while end < text.count, isIdentifierPart(text[end]) { end += 1 }
        return end
    }

    private func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic
    }

    private func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
        isIdentifierStart(scalar) || scalar.properties.numericType != nil
    }
}
