/// One plot area with its own axes: lines, bands, points and reference lines
/// over a numeric x axis, or grouped bars over categories.
///
/// Several panels side by side make a ``Figure``:
///
/// ```swift
/// var plain = Panel(title: "REINFORCE", xLabel: "episode", yLabel: "return")
/// plain.line(movingAverageCurve(rewards, window: 100), label: "seed 0")
/// plain.horizontalLine(at: 195, label: "solved (195)")
/// var baseline = Panel(title: "with baseline", xLabel: "episode")
/// baseline.line(movingAverageCurve(rewardsB, window: 100), label: "seed 0")
/// let fig = Figure(title: "Three seeds", panels: [plain, baseline], sharesYAxis: true)
/// ```
public struct Panel: Equatable, Sendable {
    /// The heading above the plot area.
    public var title: String?
    /// The x axis title.
    public var xLabel: String?
    /// The y axis title.
    public var yLabel: String?
    /// A fixed x range; nil lets the data choose a range ending on nice ticks.
    public var xRange: ClosedRange<Double>?
    /// A fixed y range; nil lets the data choose a range ending on nice ticks.
    public var yRange: ClosedRange<Double>?
    /// How x values are spaced: linearly (the default) or logarithmically.
    public var xScale: AxisScale = .linear
    /// How y values are spaced: linearly (the default) or logarithmically.
    /// Bars need a linear y axis, since they grow from zero.
    public var yScale: AxisScale = .linear
    /// The bar categories, once bars have been added.
    public private(set) var categories: [String]?
    /// What is drawn, in order.
    private(set) var marks: [Mark] = []

    /// Creates an empty panel.
    public init(title: String? = nil, xLabel: String? = nil, yLabel: String? = nil,
                xRange: ClosedRange<Double>? = nil, yRange: ClosedRange<Double>? = nil,
                xScale: AxisScale = .linear, yScale: AxisScale = .linear) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xRange = xRange
        self.yRange = yRange
        self.xScale = xScale
        self.yScale = yScale
    }

    /// Whether this panel draws bars over categories.
    var isCategorical: Bool { categories != nil }

    /// Adds a line through (x, y); non-finite y values break the line.
    public mutating func line<X: Sequence, Y: Sequence>(x: X, y: Y, label: String? = nil)
    where X.Element: PlottableValue, Y.Element: PlottableValue {
        line(Curve(x: x, y: y), label: label)
    }

    /// Adds a line through `y` at x = 0, 1, 2, ...
    public mutating func line<Y: Sequence>(y: Y, label: String? = nil) where Y.Element: PlottableValue {
        line(Curve(y: y), label: label)
    }

    /// Adds a line through a curve's points.
    public mutating func line(_ curve: Curve, label: String? = nil) {
        addNumeric(.line(label: label, curve: curve), kind: "line")
    }

    /// Adds the mean across runs as a line with a band of the given spread
    /// around it, both under one legend entry.
    public mutating func line(_ summary: RunSummary, spread: Spread, label: String? = nil) {
        let edges = summary.bounds(of: spread)
        band(x: summary.x, lower: edges.lower, upper: edges.upper, label: label)
        line(summary.meanCurve, label: label)
    }

    /// Adds a shaded band between `lower` and `upper` at each x. A band whose
    /// label matches a line's shares that line's colour and legend entry.
    public mutating func band<X: Sequence, L: Sequence, U: Sequence>(x: X, lower: L, upper: U, label: String? = nil)
    where X.Element: PlottableValue, L.Element: PlottableValue, U.Element: PlottableValue {
        let xs = x.map(\.plotValue), low = lower.map(\.plotValue), high = upper.map(\.plotValue)
        if xs.count != low.count || xs.count != high.count {
            fatalError("band: x, lower and upper must have the same length (got \(xs.count), \(low.count), \(high.count)).")
        }
        addNumeric(.band(label: label, x: xs, lower: low, upper: high), kind: "band")
    }

    /// Adds unconnected points at (x, y).
    public mutating func scatter<X: Sequence, Y: Sequence>(x: X, y: Y, label: String? = nil)
    where X.Element: PlottableValue, Y.Element: PlottableValue {
        addNumeric(.scatter(label: label, curve: Curve(x: x, y: y)), kind: "scatter")
    }

    /// Adds a labelled horizontal reference line at y = `value` (a target score, say).
    public mutating func horizontalLine(at value: Double, label: String? = nil) {
        if !value.isFinite { fatalError("horizontalLine: the position must be finite, got \(value).") }
        marks.append(.horizontalRule(value: value, label: label))
    }

    /// Adds a labelled vertical reference line at x = `value` (an episode, say).
    public mutating func verticalLine(at value: Double, label: String? = nil) {
        if !value.isFinite { fatalError("verticalLine: the position must be finite, got \(value).") }
        addNumeric(.verticalRule(value: value, label: label), kind: "vertical line")
    }

    /// Adds one series of bars, one per category; calling it again with the same
    /// categories adds bars beside these (grouped bars). A nil or non-finite value
    /// is drawn as an explicit missing mark with `missingLabel` instead of a bar.
    ///
    /// ```swift
    /// panel.bars(categories: ["seed 0", "seed 1", "seed 2"], values: [312, nil, 247], label: "REINFORCE")
    /// ```
    public mutating func bars<V: PlottableValue>(categories: [String], values: [V?], label: String? = nil,
                                                 missingLabel: String = "never reached") {
        if categories.count != values.count {
            fatalError("bars: \(categories.count) categories but \(values.count) values; give one value per category.")
        }
        if let existing = self.categories, existing != categories {
            fatalError("bars: every bar series in a panel must use the same categories, in the same order.")
        }
        if marks.contains(where: { !$0.xExtent.isEmpty }) {
            fatalError("bars: this panel already has lines, bands or points over a numeric x axis; put bars in their own panel.")
        }
        self.categories = categories
        let numbers = values.map { value -> Double? in
            guard let number = value?.plotValue, number.isFinite else { return nil }
            return number
        }
        marks.append(.bars(label: label, values: numbers, missingLabel: missingLabel))
    }

    private mutating func addNumeric(_ mark: Mark, kind: String) {
        if isCategorical {
            fatalError("\(kind): this panel draws bars over categories; put a \(kind) in its own panel.")
        }
        marks.append(mark)
    }
}
