/// One thing drawn in a panel, in the order it was added (later marks on top).
enum Mark: Equatable, Sendable {
    /// A line through points; non-finite y values break it.
    case line(label: String?, curve: Curve)
    /// A shaded area between a lower and an upper edge.
    case band(label: String?, x: [Double], lower: [Double], upper: [Double])
    /// Unconnected points.
    case scatter(label: String?, curve: Curve)
    /// One series of bars, one bar (or a missing-value mark) per category.
    case bars(label: String?, values: [Double?], missingLabel: String)
    /// A labelled horizontal line across the plot at y = `value`.
    case horizontalRule(value: Double, label: String?)
    /// A labelled vertical line across the plot at x = `value`.
    case verticalRule(value: Double, label: String?)

    /// The series label, if this mark is a series with one.
    var seriesLabel: String? {
        switch self {
        case .line(let label, _), .band(let label, _, _, _), .scatter(let label, _), .bars(let label, _, _):
            return label
        case .horizontalRule, .verticalRule:
            return nil
        }
    }

    /// Whether this mark is a series (and so takes a colour and a legend entry).
    var isSeries: Bool {
        switch self {
        case .horizontalRule, .verticalRule: return false
        default: return true
        }
    }

    /// The x values this mark needs the axis to show (numeric panels only).
    var xExtent: [Double] {
        switch self {
        case .line(_, let curve), .scatter(_, let curve): return curve.x
        case .band(_, let x, _, _): return x
        case .verticalRule(let value, _): return [value]
        case .bars, .horizontalRule: return []
        }
    }

    /// The y values this mark needs the axis to show.
    var yExtent: [Double] {
        switch self {
        case .line(_, let curve), .scatter(_, let curve): return curve.y
        case .band(_, _, let lower, let upper): return lower + upper
        case .bars(_, let values, _): return values.compactMap { $0 } + [0]
        case .horizontalRule(let value, _): return [value]
        case .verticalRule: return []
        }
    }
}
