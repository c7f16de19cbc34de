/// Paired x and y values: what a line or a set of points is drawn from.
///
/// ```swift
/// let smoothed = movingAverageCurve(rewards, window: 100)   // a Curve
/// fig.line(smoothed, label: "seed 0")
/// ```
public struct Curve: Equatable, Sendable {
    /// The x positions, one per point.
    public var x: [Double]
    /// The y values, one per point; non-finite values are gaps in a line.
    public var y: [Double]

    /// Creates a curve from paired positions and values of equal length.
    public init<X: Sequence, Y: Sequence>(x: X, y: Y)
    where X.Element: PlottableValue, Y.Element: PlottableValue {
        self.x = x.map(\.plotValue)
        self.y = y.map(\.plotValue)
        if self.x.count != self.y.count {
            fatalError("Curve: x has \(self.x.count) values but y has \(self.y.count); they must pair up one to one.")
        }
    }

    /// Creates a curve whose x positions are the indices 0, 1, 2, ... of `y`.
    public init<Y: Sequence>(y: Y) where Y.Element: PlottableValue {
        let values = y.map(\.plotValue)
        self.init(x: values.indices.map(Double.init), y: values)
    }
}
