/// Keeps only what a chart needs from an SVG drawing, by allowlist: known drawing elements
/// and presentation attributes, links only to ids inside the drawing, and style sheets
/// without imports or outside addresses. Anything else is dropped, with the whole subtree
/// of a dropped element; comments and processing instructions go too.
///
/// An allowed tag whose attributes are all allowed is copied byte for byte, so a clean
/// drawing comes out unchanged. A drawing that cannot be read (unbalanced tags, a DOCTYPE
/// or CDATA section, no `<svg>` root) is refused as a whole.
public enum SVGSanitizer {
    /// `svg` with everything outside the allowlist removed, or nil when it cannot be read.
    public static func sanitize(_ svg: String) -> String? {
        var reader = Reader(Array(svg.unicodeScalars))
        var output = String.UnicodeScalarView()
        var open: [String] = []
        var skipDepth = 0
        while let token = reader.next() {
            switch token {
            case .invalid:
                return nil
            case .ignored:
                continue
            case .text(let text):
                if skipDepth == 0 && !open.isEmpty { output += text }
            case .start(let name, let attributes, let selfClosing, let raw):
                if open.isEmpty && skipDepth == 0 && name != "svg" { return nil }
                if skipDepth > 0 || !allowedElements.contains(name) {
                    if !selfClosing { skipDepth += 1 }
                    continue
                }
                let kept = attributes.filter(isAllowed)
                output += kept.count == attributes.count
                    ? raw
                    : ("<" + name + kept.map { " \($0.raw)" }.joined() + (selfClosing ? "/>" : ">")).unicodeScalars
                if !selfClosing {
                    open.append(name)
                } else if open.isEmpty {
                    return finished(output, rest: reader.remaining)  // an empty drawing, `<svg .../>`
                }
            case .end(let name, let raw):
                if skipDepth > 0 {
                    skipDepth -= 1
                    continue
                }
                guard open.last == name else { return nil }
                open.removeLast()
                output += raw
                if open.isEmpty { return finished(output, rest: reader.remaining) }
            }
        }
        return nil
    }

    /// The sanitised drawing once its root has closed: whitespace after the root (a final
    /// newline) is kept, anything else goes; nil when its style sheets are not safe.
    private static func finished(_ output: String.UnicodeScalarView, rest: String.UnicodeScalarView) -> String? {
        var output = output
        if rest.allSatisfy(\.properties.isWhitespace) { output += rest }
        return isSafeStyle(in: output) ? String(output) : nil
    }

    /// Elements a chart may draw with.
    static let allowedElements: Set<String> = [
        "svg", "g", "defs", "title", "desc", "style", "path", "rect", "circle", "ellipse", "line", "polyline",
        "polygon", "text", "tspan", "clipPath", "pattern", "linearGradient", "radialGradient", "stop", "marker",
        "mask", "symbol", "use",
    ]

    /// Attributes that only describe geometry, paint, text and accessibility.
    static let allowedAttributes: Set<String> = [
        "xmlns", "id", "class", "viewBox", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r",
        "rx", "ry", "dx", "dy", "d", "points", "transform", "fill", "fill-opacity", "fill-rule", "stroke",
        "stroke-width", "stroke-opacity", "stroke-dasharray", "stroke-dashoffset", "stroke-linecap",
        "stroke-linejoin", "stroke-miterlimit", "opacity", "color", "font-family", "font-size", "font-weight",
        "font-style", "text-anchor", "dominant-baseline", "clip-path", "clip-rule", "mask", "marker-start",
        "marker-mid", "marker-end", "role", "aria-labelledby", "aria-describedby", "aria-label", "aria-hidden",
        "patternUnits", "patternTransform", "patternContentUnits", "gradientUnits", "gradientTransform", "offset",
        "stop-color", "stop-opacity", "preserveAspectRatio", "markerWidth", "markerHeight", "refX", "refY",
        "orient", "markerUnits", "paint-order", "vector-effect", "shape-rendering", "letter-spacing",
        "text-decoration", "visibility", "display", "href", "xlink:href", "focusable", "xmlns:xlink",
    ]

    /// An attribute is kept when its name is allowed and its value, with entities decoded,
    /// points nowhere outside the drawing.
    private static func isAllowed(_ attribute: Reader.Attribute) -> Bool {
        guard allowedAttributes.contains(attribute.name) else { return false }
        let value = String(String.UnicodeScalarView(decodeEntities(attribute.value).filter {
            !$0.properties.isWhitespace && $0.value >= 0x20
        })).lowercased()
        switch attribute.name {
        case "href", "xlink:href": return value.hasPrefix("#")
        case "xmlns": return value == "http://www.w3.org/2000/svg"
        case "xmlns:xlink": return value == "http://www.w3.org/1999/xlink"
        default: return onlyLocalReferences(value)
        }
    }

    /// Every `url(...)` in `text` names an id in the drawing, and nothing names a scheme.
    private static func onlyLocalReferences(_ text: String) -> Bool {
        var rest = Substring(text)
        while let start = rest.range(of: "url(") {
            rest = rest[start.upperBound...].drop { $0 == "'" || $0 == "\"" }
            guard rest.first == "#" else { return false }
        }
        return !text.contains("javascript:") && !text.contains("data:") && !text.contains("expression(")
    }

    /// Style sheets may not import, load from outside, or hide anything behind escapes.
    private static func isSafeStyle(in svg: String.UnicodeScalarView) -> Bool {
        let text = String(svg)
        var rest = Substring(text)
        while let start = rest.range(of: "<style") {
            guard let end = rest[start.upperBound...].range(of: "</style>") else { return false }
            let sheet = rest[start.upperBound..<end.lowerBound].lowercased()
            if sheet.contains("@import") || sheet.contains("\\") || sheet.contains("&")
                || !onlyLocalReferences(sheet) { return false }
            rest = rest[end.upperBound...]
        }
        return true
    }

    /// `&#58;`, `&#x3a;`, `&colon;`-style references decoded enough to see what a value says.
    private static func decodeEntities(_ text: String) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "&", let semicolon = scalars[index...].prefix(12).firstIndex(of: ";") else {
                result.append(scalars[index])
                index += 1
                continue
            }
            let name = String(String.UnicodeScalarView(scalars[(index + 1)..<semicolon]))
            let named: [String: Unicode.Scalar] = ["colon": ":", "lt": "<", "gt": ">", "amp": "&", "quot": "\"",
                                                   "apos": "'", "sol": "/", "lpar": "(", "rpar": ")", "num": "#",
                                                   "tab": "\t", "newline": "\n"]
            var decoded: Unicode.Scalar?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
            } else if name.hasPrefix("#") {
                decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init)
            } else {
                decoded = named[name.lowercased()]
            }
            if let decoded {
                result.append(decoded)
                index = semicolon + 1
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return result
    }
}

/// Splits SVG text into tags and text.
private struct Reader {
    struct Attribute {
        var name: String
        var value: String
        var raw: String
    }

    enum Token {
        case start(name: String, attributes: [Attribute], selfClosing: Bool, raw: String.UnicodeScalarView)
        case end(name: String, raw: String.UnicodeScalarView)
        case text(String.UnicodeScalarView)
        case ignored
        case invalid
    }

    let text: [Unicode.Scalar]
    var index = 0

    init(_ text: [Unicode.Scalar]) { self.text = text }

    private func starts(with prefix: String, at position: Int) -> Bool {
        let scalars = Array(prefix.unicodeScalars)
        return position + scalars.count <= text.count && Array(text[position..<(position + scalars.count)]) == scalars
    }

    private func find(_ needle: String, from position: Int) -> Int? {
        var position = position
        while position < text.count {
            if starts(with: needle, at: position) { return position }
            position += 1
        }
        return nil
    }

    /// The text not read yet.
    var remaining: String.UnicodeScalarView { slice(index, text.count) }

    private func slice(_ start: Int, _ end: Int) -> String.UnicodeScalarView {
        String.UnicodeScalarView(text[start..<end])
    }

    mutating func next() -> Token? {
        guard index < text.count else { return nil }
        let start = index
        guard text[index] == "<" else {
            let end = text[index...].firstIndex(of: "<") ?? text.count
            index = end
            return .text(slice(start, end))
        }
        if starts(with: "<!--", at: index) {
            guard let end = find("-->", from: index + 4) else { return .invalid }
            index = end + 3
            return .ignored
        }
        if starts(with: "<?", at: index) {
            guard let end = find("?>", from: index + 2) else { return .invalid }
            index = end + 2
            return .ignored
        }
        if starts(with: "<!", at: index) { return .invalid }  // DOCTYPE (entities) or CDATA
        if starts(with: "</", at: index) {
            guard let end = text[index...].firstIndex(of: ">") else { return .invalid }
            index = end + 1
            let name = String(String.UnicodeScalarView(text[(start + 2)..<end])).trimmingWhitespace
            return .end(name: name, raw: slice(start, index))
        }
        return startTag()
    }

    private mutating func startTag() -> Token {
        let start = index
        index += 1
        let name = readName()
        guard !name.isEmpty else { return .invalid }
        var attributes: [Attribute] = []
        while index < text.count {
            skipWhitespace()
            guard index < text.count else { break }
            if text[index] == ">" {
                index += 1
                return .start(name: name, attributes: attributes, selfClosing: false, raw: slice(start, index))
            }
            if starts(with: "/>", at: index) {
                index += 2
                return .start(name: name, attributes: attributes, selfClosing: true, raw: slice(start, index))
            }
            let attributeStart = index
            let attributeName = readName()
            guard !attributeName.isEmpty else { return .invalid }
            skipWhitespace()
            var value = ""
            if index < text.count && text[index] == "=" {
                index += 1
                skipWhitespace()
                guard index < text.count else { return .invalid }
                let quote = text[index]
                if quote == "\"" || quote == "'" {
                    guard let end = text[(index + 1)...].firstIndex(of: quote) else { return .invalid }
                    value = String(slice(index + 1, end))
                    index = end + 1
                } else {
                    let end = text[index...].firstIndex { $0.properties.isWhitespace || $0 == ">" } ?? text.count
                    value = String(slice(index, end))
                    index = end
                }
            }
            attributes.append(Attribute(name: attributeName, value: value,
                                        raw: String(slice(attributeStart, index))))
        }
        return .invalid
    }

    private mutating func readName() -> String {
        let start = index
        while index < text.count, !text[index].properties.isWhitespace,
              !["=", ">", "/", "<", "\"", "'"].contains(text[index]) {
            index += 1
        }
        return String(slice(start, index))
    }

    private mutating func skipWhitespace() {
        while index < text.count && text[index].properties.isWhitespace { index += 1 }
    }
}

private extension String {
    var trimmingWhitespace: String {
        String(unicodeScalars.drop { $0.properties.isWhitespace }.reversed().drop { $0.properties.isWhitespace }.reversed()
            .map(Character.init))
    }
}
