import Foundation

/// How data values are spaced along an axis.
///
/// ```swift
/// var panel = Panel(xLabel: "environment steps", yLabel: "loss")
/// panel.yScale = .logarithmic
/// ```
public enum AxisScale: Equatable, Sendable {
    /// Equal differences take equal room.
    case linear
    /// Equal ratios take equal room (each power of ten the same height).
    /// Zero and negative values cannot be placed and are skipped like NaN.
    case logarithmic

    /// The value in the coordinate where the axis is uniform: itself, or its
    /// base-10 logarithm (NaN for values a logarithmic axis cannot show).
    func transform(_ value: Double) -> Double {
        switch self {
        case .linear: return value
        case .logarithmic: return value > 0 ? log10(value) : .nan
        }
    }
}
