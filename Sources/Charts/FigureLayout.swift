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
        /// How y values are spaced (the first panel's when the y axis is shared).
        let yScale: AxisScale
        /// Whether this panel draws its own y tick labels and y axis title.
        let showsYAxisText: Bool
        /// Each bar category's label, broken into lines that fit its slot.
        let categoryLines: [[String]]
    }

    static let margin = 12.0
    static let titleFontSize = 16.0
    static let panelTitleFontSize = 13.0
    static let tickFontSize = 11.0

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
        let roughPlotWidth = (figure.width - margin) / Double(panels.count) - 90
        let categoryLines = panels.map { panel in
            let categories = panel.categories ?? []
            let slot = roughPlotWidth / Double(max(categories.count, 1)) - 8
            return categories.map { TextMetrics.lines($0, width: slot, fontSize: Self.tickFontSize) }
        }
        let mostLines: Int = categoryLines.joined().map(\.count).max() ?? 1
        let xLabelHeight: Double = panels.contains { $0.xLabel != nil } ? 22 : 0
        let bottomText = 22 + Double(mostLines - 1) * 13 + xLabelHeight
        let plotHeight = max(figure.height - margin - bottomText - plotTop, 40)
        let yTarget = min(max(plotHeight / 45, 3), 10)

        let yTicks: [AxisTicks]
        for panel in panels where panel.isCategorical && (panel.yScale != .linear || figure.sharesYAxis && panels[0].yScale != .linear) {
            fatalError("Figure: bars grow from zero, so a panel with bars needs a linear y axis.")
        }
        if figure.sharesYAxis {
            let range = panels.lazy.compactMap(\.yRange).first
            let shared = Self.ticks(range: range, values: panels.flatMap { $0.marks.flatMap(\.yExtent) },
                                    target: yTarget, scale: panels[0].yScale)
            yTicks = Array(repeating: shared, count: panels.count)
        } else {
            yTicks = panels.map {
                Self.ticks(range: $0.yRange, values: $0.marks.flatMap(\.yExtent), target: yTarget, scale: $0.yScale)
            }
        }

        let rightMargin = 18.0
        let leftMargins: [Double] = panels.indices.map { index in
            let outer = index == 0 ? margin : 20
            if figure.sharesYAxis && index > 0 { return outer + 6 }
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
                ? nil : Self.ticks(range: panel.xRange, values: panel.marks.flatMap(\.xExtent), target: xTarget,
                                   scale: panel.xScale)
            frames.append(PanelFrame(panel: panel, left: cursor + (index == 0 ? margin : 20),
                                     plot: Rect(x: plotLeft, y: plotTop, width: plotWidth, height: plotHeight),
                                     titleBaseline: panelTitleBaseline, xTicks: xTicks, yTicks: yTicks[index],
                                     yScale: figure.sharesYAxis ? panels[0].yScale : panel.yScale,
                                     showsYAxisText: !(figure.sharesYAxis && index > 0),
                                     categoryLines: categoryLines[index]))
            cursor = plotLeft + plotWidth + rightMargin
        }
        self.frames = frames
    }

    private static func ticks(range: ClosedRange<Double>?, values: [Double], target: Double, scale: AxisScale) -> AxisTicks {
        if let range { return AxisTicks(within: range, targetCount: target, scale: scale) }
        return AxisTicks(covering: values, targetCount: target, scale: scale)
    }
}
