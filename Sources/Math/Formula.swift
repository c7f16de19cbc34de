/// One formula written in the TeX math subset, checked and ready to write as MathML Core.
///
/// ```swift
/// let ratio = try Formula(tex: #"r_t(\theta) = \frac{\pi_\theta}{\pi_{\theta_\text{old}}}"#, display: false)
/// ratio.mathML   // <math><semantics><mrow><msub><mi>r</mi><mi>t</mi></msub>...</semantics></math>
/// ```
public struct Formula: Equatable {
    /// The TeX source, as written between the dollars.
    public let tex: String
    /// Whether the formula is set apart on its own line (`$$...$$`) rather than in the text (`$...$`).
    public let isDisplay: Bool
    private let root: MathNode

    /// Parses `tex`; throws a ``MathError`` when it leaves the supported subset.
    public init(tex: String, display: Bool) throws {
        var parser = TeXParser(tex)
        root = try parser.parse()
        self.tex = tex
        isDisplay = display
    }

    /// The `<math>` element: deterministic, with the TeX source kept as its annotation.
    public var mathML: String {
        let display = isDisplay ? " display=\"block\"" : ""
        return "<math\(display)><semantics>\(MathMLWriter.markup(root))"
            + "<annotation encoding=\"application/x-tex\">\(MathMLWriter.escape(tex))</annotation></semantics></math>"
    }

    /// What the formula reads as in plain text, for places that cannot hold markup (a contents list).
    public var plainText: String {
        root.plainText
    }
}

extension MathNode {
    /// The symbols and words of the formula in order, without layout.
    var plainText: String {
        switch self {
        case .identifier(let text, _), .number(let text), .text(let text):
            return text
        case .operator(let symbol, _):
            return symbol == "\u{2061}" ? "" : symbol
        case .space:
            return " "
        case .row(let nodes):
            return nodes.map(\.plainText).joined()
        case .fraction(let numerator, let denominator):
            return numerator.plainText + "/" + denominator.plainText
        case .squareRoot(let radicand):
            return "√" + radicand.plainText
        case .scripts(let base, let lower, let upper), .limits(let base, let lower, let upper):
            return base.plainText + (lower.map { "_" + $0.plainText } ?? "") + (upper.map { "^" + $0.plainText } ?? "")
        case .accent(let base, _, _):
            return base.plainText
        case .aligned(let rows):
            return rows.map { $0.map(\.plainText).joined() }.joined(separator: "; ")
        }
    }
}
