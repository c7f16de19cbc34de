/// A chart ready to show: a title, one or more panels side by side, a shared
/// legend, and an optional caption. `svg()` draws it; `csv()` gives its data.
///
/// A one-panel figure reads like a course plot:
///
/// ```swift
/// var fig = Figure(title: "REINFORCE, three seeds", xLabel: "episode",
///                  yLabel: "return (100-episode average)")
/// for (seed, rewards) in runs.enumerated() {
///     fig.line(movingAverageCurve(rewards, window: 100), label: "seed \(seed)")
/// }
/// fig.horizontalLine(at: 195, label: "solved (195)")
/// let svg = fig.svg()
/// ```
///
/// The drawing methods on `Figure` add to its last panel; build several
/// ``Panel`` values and pass them to ``init(title:panels:sharesYAxis:caption:id:)``
/// for side-by-side plots.
public struct Figure: Equatable, Sendable {
    /// The heading drawn above the figure, also its accessible name.
    public var title: String?
    /// A sentence or two about the figure, given to screen readers with the
    /// generated description; pages may print it under the figure.
    public var caption: String?
    /// A name for the figure's element ids (for example "reinforce-seeds").
    /// Without one, ids derive from a hash of the figure's content, so two
    /// different figures on one page never share ids.
    public var id: String?
    /// The panels, left to right.
    public var panels: [Panel]
    /// Whether all panels use one y range, with tick labels on the first only.
    public var sharesYAxis: Bool
    /// The width of the drawing in viewBox units; the SVG scales to its container.
    public var width: Double
    /// The height of the drawing in viewBox units.
    public var height: Double

    /// Creates a figure with one empty panel.
    public init(title: String? = nil, xLabel: String? = nil, yLabel: String? = nil,
                caption: String? = nil, id: String? = nil) {
        self.init(title: title, panels: [Panel(xLabel: xLabel, yLabel: yLabel)], caption: caption, id: id)
    }

    /// Creates a figure from panels drawn side by side.
    public init(title: String? = nil, panels: [Panel], sharesYAxis: Bool = false,
                caption: String? = nil, id: String? = nil) {
        if panels.isEmpty { fatalError("Figure: give at least one panel.") }
        self.title = title
        self.caption = caption
        self.id = id
        self.panels = panels
        self.sharesYAxis = sharesYAxis
        self.width = panels.count == 1 ? 720 : panels.count == 2 ? 860 : 960
        self.height = panels.count == 1 ? 420 : 400
    }

    /// Adds a line through (x, y) to the last panel; non-finite y values break it.
    public mutating func line<X: Sequence, Y: Sequence>(x: X, y: Y, label: String? = nil)
    where X.Element: PlottableValue, Y.Element: PlottableValue {
        lastPanel.line(x: x, y: y, label: label)
    }

    /// Adds a line through `y` at x = 0, 1, 2, ... to the last panel.
    public mutating func line<Y: Sequence>(y: Y, label: String? = nil) where Y.Element: PlottableValue {
        lastPanel.line(y: y, label: label)
    }

    /// Adds a line through a curve's points to the last panel.
    public mutating func line(_ curve: Curve, label: String? = nil) {
        lastPanel.line(curve, label: label)
    }

    /// Adds the mean across runs with a band of the given spread to the last panel.
    public mutating func line(_ summary: RunSummary, spread: Spread, label: String? = nil) {
        lastPanel.line(summary, spread: spread, label: label)
    }

    /// Adds a shaded band between `lower` and `upper` to the last panel.
    public mutating func band<X: Sequence, L: Sequence, U: Sequence>(x: X, lower: L, upper: U, label: String? = nil)
    where X.Element: PlottableValue, L.Element: PlottableValue, U.Element: PlottableValue {
        lastPanel.band(x: x, lower: lower, upper: upper, label: label)
    }

    /// Adds unconnected points to the last panel.
    public mutating func scatter<X: Sequence, Y: Sequence>(x: X, y: Y, label: String? = nil)
    where X.Element: PlottableValue, Y.Element: PlottableValue {
        lastPanel.scatter(x: x, y: y, label: label)
    }

    /// Adds a labelled horizontal reference line to the last panel.
    public mutating func horizontalLine(at value: Double, label: String? = nil) {
        lastPanel.horizontalLine(at: value, label: label)
    }

    /// Adds a labelled vertical reference line to the last panel.
    public mutating func verticalLine(at value: Double, label: String? = nil) {
        lastPanel.verticalLine(at: value, label: label)
    }

    /// Adds one series of grouped bars to the last panel; nil values show `missingLabel`.
    public mutating func bars<V: PlottableValue>(categories: [String], values: [V?], label: String? = nil,
                                                 missingLabel: String = "never reached") {
        lastPanel.bars(categories: categories, values: values, label: label, missingLabel: missingLabel)
    }

    /// The panel the drawing methods add to.
    private var lastPanel: Panel {
        get {
            guard let panel = panels.last else { fatalError("Figure: there is no panel to draw in; give at least one.") }
            return panel
        }
        set { panels[panels.count - 1] = newValue }
    }

    /// The figure as a complete, standalone `<svg>` element (with `xmlns`, a
    /// `viewBox` and width 100%), with `role="img"` and a `<title>` and `<desc>`
    /// that screen readers announce. Text and axes use `currentColor`, so the page's colour applies.
    /// The same figure always gives the same bytes.
    public func svg() -> String {
        if panels.isEmpty { fatalError("Figure: there is nothing to draw; give at least one panel.") }
        if !(width.isFinite && height.isFinite && width >= 200 && height >= 150) {
            fatalError("Figure: width and height must be at least 200 by 150 viewBox units, got \(width) by \(height).")
        }
        return FigureRenderer(figure: self).svg()
    }

    /// The plotted data as CSV (a header row, RFC 4180 quoting, `\n` line ends) in long,
    /// "tidy" form, one row per plotted point, so series with different x values
    /// fit one table. The columns are `panel,kind,series,x,y,y_low,y_high`:
    /// - `panel`: the panel title, or its position (1, 2, ...) when untitled;
    /// - `kind`: `line`, `band`, `scatter`, `bar`, `hline` or `vline`;
    /// - `series`: the series or reference-line label (empty when none);
    /// - `x`: the x value, or the category of a bar; `y`: the y value;
    /// - `y_low`, `y_high`: a band's edges (empty for other kinds).
    /// Missing and non-finite values are empty fields; a missing bar has an empty `y`.
    public func csv() -> String {
        FigureCSV(figure: self).text
    }
}
