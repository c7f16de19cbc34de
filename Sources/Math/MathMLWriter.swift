/// Writes a ``MathNode`` tree as MathML Core markup.
enum MathMLWriter {
    /// The markup of `node`, with every text escaped.
    static func markup(_ node: MathNode) -> String {
        switch node {
        case .identifier(let name, let upright):
            let variant = upright && name.count == 1 ? " mathvariant=\"normal\"" : ""
            return "<mi\(variant)>\(escape(name))</mi>"
        case .number(let digits):
            return "<mn>\(digits)</mn>"
        case .operator(let symbol, let attributes):
            return "<mo\(operatorAttributes(attributes))>\(escape(symbol))</mo>"
        case .text(let text):
            return "<mtext>\(escape(keepingEdgeSpaces(text)))</mtext>"
        case .space(let width):
            return "<mspace width=\"\(width)\"></mspace>"
        case .row(let nodes):
            return "<mrow>\(nodes.map(markup).joined())</mrow>"
        case .fraction(let numerator, let denominator):
            return "<mfrac>\(markup(numerator))\(markup(denominator))</mfrac>"
        case .squareRoot(let radicand):
            return "<msqrt>\(markup(radicand))</msqrt>"
        case .scripts(let base, let sub, let sup):
            return pair(base, sub, sup, names: ("msub", "msup", "msubsup"))
        case .limits(let base, let under, let over):
            return pair(base, under, over, names: ("munder", "mover", "munderover"))
        case .accent(let base, let mark, let stretchy):
            return "<mover accent=\"true\">\(markup(base))<mo stretchy=\"\(stretchy)\">\(escape(mark))</mo></mover>"
        case .aligned(let rows):
            let body = rows.map { cells in "<mtr>" + cells.map { "<mtd>\(markup($0))</mtd>" }.joined() + "</mtr>" }
            return "<mtable class=\"tex-aligned\" displaystyle=\"true\">\(body.joined())</mtable>"
        }
    }

    /// A base with a lower and an upper part, either of which may be missing.
    private static func pair(_ base: MathNode, _ lower: MathNode?, _ upper: MathNode?,
                             names: (lower: String, upper: String, both: String)) -> String {
        switch (lower, upper) {
        case (let lower?, let upper?): return "<\(names.both)>\(markup(base))\(markup(lower))\(markup(upper))</\(names.both)>"
        case (let lower?, nil): return "<\(names.lower)>\(markup(base))\(markup(lower))</\(names.lower)>"
        case (nil, let upper?): return "<\(names.upper)>\(markup(base))\(markup(upper))</\(names.upper)>"
        case (nil, nil): return markup(base)
        }
    }

    private static func operatorAttributes(_ attributes: MathNode.Operator) -> String {
        var text = ""
        if let stretchy = attributes.stretchy { text += " stretchy=\"\(stretchy)\"" }
        if let form = attributes.form { text += " form=\"\(form)\"" }
        if attributes.movableLimits { text += " movablelimits=\"true\"" }
        if let lspace = attributes.lspace { text += " lspace=\"\(lspace)\"" }
        if let rspace = attributes.rspace { text += " rspace=\"\(rspace)\"" }
        return text
    }

    /// `\text{ subject to }` keeps its outer spaces: MathML would trim them.
    private static func keepingEdgeSpaces(_ text: String) -> String {
        var characters = Array(text)
        for index in characters.indices.reversed() where characters[index] == " " {
            let isLeading = characters[..<index].allSatisfy { $0 == " " || $0 == "\u{A0}" }
            let isTrailing = characters[(index + 1)...].allSatisfy { $0 == " " || $0 == "\u{A0}" }
            if isLeading || isTrailing { characters[index] = "\u{A0}" }
        }
        return String(characters)
    }

    /// `text` with `&`, `<` and `>` replaced by entities.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.append(character)
            }
        }
        return result
    }
}
