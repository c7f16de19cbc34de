/// Builds SVG markup line by line: attributes keep the order given and every
/// value and text is escaped, so the output is well-formed and byte-stable.
struct SVGWriter {
    /// An attribute name and its unescaped value.
    typealias Attribute = (name: String, value: String)

    private(set) var text = ""
    private var depth = 0

    /// Opens an element that will hold children.
    mutating func open(_ name: String, _ attributes: [Attribute] = []) {
        line("<\(name)\(Self.render(attributes))>")
        depth += 1
    }

    /// Closes the innermost open element.
    mutating func close(_ name: String) {
        depth -= 1
        line("</\(name)>")
    }

    /// Writes an element with no children.
    mutating func empty(_ name: String, _ attributes: [Attribute] = []) {
        line("<\(name)\(Self.render(attributes))/>")
    }

    /// Writes an element holding only (escaped) text.
    mutating func element(_ name: String, _ attributes: [Attribute] = [], text content: String) {
        line("<\(name)\(Self.render(attributes))>\(XMLText.escaped(content))</\(name)>")
    }

    /// Writes a `<text>` element of several `<tspan>` lines on one output line,
    /// so no whitespace between the lines becomes part of the drawn text.
    mutating func text(_ attributes: [Attribute], lines: [(attributes: [Attribute], text: String)]) {
        let spans = lines.map { "<tspan\(Self.render($0.attributes))>\(XMLText.escaped($0.text))</tspan>" }.joined()
        line("<text\(Self.render(attributes))>\(spans)</text>")
    }

    /// Writes pre-built markup as is; used for the style sheet, whose text has no markup characters.
    mutating func raw(_ markup: String) {
        line(markup)
    }

    private mutating func line(_ content: String) {
        text += String(repeating: " ", count: depth) + content + "\n"
    }

    private static func render(_ attributes: [Attribute]) -> String {
        attributes.map { " \($0.name)=\"\(XMLText.escaped($0.value))\"" }.joined()
    }
}
