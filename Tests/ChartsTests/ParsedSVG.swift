import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An SVG string parsed with Foundation's XML parser: whether it is well-formed,
/// and its elements with their attributes and text, in document order.
final class ParsedSVG: NSObject, XMLParserDelegate {
    struct Element {
        let name: String
        let attributes: [String: String]
        var text = ""
    }

    private(set) var elements: [Element] = []
    private(set) var error: String?
    private var open: [Int] = []

    init(_ svg: String) {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        if !parser.parse() {
            error = parser.parserError.map { "\($0)" } ?? "unknown XML error"
        }
    }

    var isWellFormed: Bool { error == nil }

    /// The elements called `name`.
    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    /// The text of every `<text>` element.
    var texts: [String] { all("text").map(\.text) }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String]) {
        open.append(elements.count)
        elements.append(Element(name: elementName, attributes: attributes))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let current = open.last { elements[current].text += string }
    }
}
