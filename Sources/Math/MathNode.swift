/// A formula as a tree of MathML Core layout elements, built by ``TeXParser`` and written
/// by ``MathMLWriter``.
indirect enum MathNode: Equatable {
    /// A variable or function name (`<mi>`). `upright` asks a single letter not to be italic.
    case identifier(String, upright: Bool = false)
    /// A number (`<mn>`).
    case number(String)
    /// An operator, relation, fence or separator (`<mo>`), with the attributes it needs.
    case `operator`(String, Operator = Operator())
    /// Ordinary text inside a formula (`<mtext>`).
    case text(String)
    /// Horizontal space of a CSS width such as `0.1667em` (`<mspace>`).
    case space(width: String)
    /// A group laid out as one unit (`<mrow>`).
    case row([MathNode])
    /// `numerator` over `denominator` (`<mfrac>`).
    case fraction(MathNode, MathNode)
    /// A square root (`<msqrt>`).
    case squareRoot(MathNode)
    /// Subscript and superscript beside the base (`<msub>`, `<msup>`, `<msubsup>`).
    case scripts(MathNode, sub: MathNode?, sup: MathNode?)
    /// Limits under and over the base (`<munder>`, `<mover>`, `<munderover>`); in inline
    /// math a movable-limits operator such as `∑` or `min` shows them as scripts instead.
    case limits(MathNode, under: MathNode?, over: MathNode?)
    /// An accent over the base (`<mover accent="true">`).
    case accent(MathNode, mark: String, stretchy: Bool)
    /// Rows of cells, as `aligned` lays them out: alternately right- and left-aligned columns.
    case aligned([[MathNode]])

    /// The attributes an `<mo>` may carry; `nil` leaves MathML Core's operator dictionary in charge.
    struct Operator: Equatable {
        var stretchy: Bool?
        var form: String?
        var movableLimits = false
        var lspace: String?
        var rspace: String?
    }

    /// Whether scripts attached to this node go under and over it (`∑`, `min`) rather than beside.
    var takesLimits: Bool {
        if case .operator(_, let attributes) = self { return attributes.movableLimits }
        return false
    }
}
