/// Where everything in a figure goes: title, legend, and for each panel its
/// plot rectangle and ticks. Panels share one row; their plot areas have equal
/// widths, and with a shared y axis only the first panel carries y labels.
struct FigureLayout {
    /// The geometry of one panel.
    struct PanelFrame {
        let panel: Panel
        /// The left edge of the panel's area (its y axis title sits here).
        let left: Double
        /// The plotting rectangle inside the axes.
        let plot: Rect
        /// The baseline of the panel title.
        let titleBaseline: Double
        /// The x ticks, or nil for a bar panel (whose x axis is its categories).
        let xTicks: AxisTicks?
        let yTicks: AxisTicks
        /// Whether this panel draws its own y tick labels and y axis title.
        let showsYAxisText: Bool
    }

    static let margin = 12.0
    static let titleFontSize = 16.0
    static let panelTitleFontSize = 13.0
    static let tickFontSize = 11.0
    static let axisLabelFontSize = 12.0

    let titleBaseline: Double
    let legendTop: Double
    let legendWidth: Double
    let frames: [PanelFrame]

    init(figure: Figure, legend: Legend) {
        let margin = Self.margin
        var top = margin
        titleBaseline = top + 15
        if figure.title != nil { top += 28 }
        legendTop = top
        legendWidth = figure.width - 2 * margin
        let legendHeight = legend.height(width: legendWidth)
        if legendHeight > 0 { top += legendHeight + 6 }

        let panels = figure.panels
        let hasPanelTitles = panels.contains { $0.title != nil }
        let panelTitleBaseline = top + 14
        let plotTop = top + (hasPanelTitles ? 24 : 6)
        let bottomText = 22.0 + (panels.contains { $0.xLabel != nil } ? 22 : 0)
        let plotHeight = max(figure.height - margin - bottomText - plotTop, 40)
        let yTarget = min(max(plotHeight / 45, 3), 10)

        let yTicks: [AxisTicks]
        if figure.sharesYAxis {
            let range = panels.lazy.compactMap(\.yRange).first
            let shared = Self.ticks(range: range, values: panels.flatMap { $0.marks.flatMap(\.yExtent) }, target: yTarget)
            yTicks = Array(repeating: shared, count: panels.count)
        } else {
            yTicks = panels.map { Self.ticks(range: $0.yRange, values: $0.marks.flatMap(\.yExtent), target: yTarget) }
        }

        let rightMargin = 18.0
        let leftMargins: [Double] = panels.indices.map { index in
            let outer = index == 0 ? margin : 20
            if figure.sharesYAxis && index > 0 { return outer - 4 }
            let labelWidth = yTicks[index].labels.map { TextMetrics.width($0, fontSize: Self.tickFontSize) }.max() ?? 0
            return outer + (panels[index].yLabel != nil ? 22 : 0) + labelWidth + 10
        }
        let plotWidth = max((figure.width - margin - leftMargins.reduce(0, +) - rightMargin * Double(panels.count))
                            / Double(max(panels.count, 1)), 40)
        let xTarget = min(max(plotWidth / 75, 2), 10)

        var frames: [PanelFrame] = []
        var cursor = 0.0
        for (index, panel) in panels.enumerated() {
            let plotLeft = cursor + leftMargins[index]
            let xTicks = panel.isCategorical
                ? nil : Self.ticks(range: panel.xRange, values: panel.marks.flatMap(\.xExtent), target: xTarget)
            frames.append(PanelFrame(panel: panel, left: cursor + (index == 0 ? margin : 20),
                                     plot: Rect(x: plotLeft, y: plotTop, width: plotWidth, height: plotHeight),
                                     titleBaseline: panelTitleBaseline, xTicks: xTicks, yTicks: yTicks[index],
                                     showsYAxisText: !(figure.sharesYAxis && index > 0)))
            cursor = plotLeft + plotWidth + rightMargin
        }
        self.frames = frames
    }

    private static func ticks(range: ClosedRange<Double>?, values: [Double], target: Double) -> AxisTicks {
        if let range { return AxisTicks(within: range, targetCount: target) }
        return AxisTicks(covering: values, targetCount: target)
    }
}
