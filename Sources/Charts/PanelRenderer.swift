import Foundation

/// Draws one panel: its title, gridlines, axes with tick labels and titles,
/// the data marks clipped to the plot, and the labelled reference lines.
struct PanelRenderer {
    let frame: FigureLayout.PanelFrame
    let index: Int
    let styles: SeriesStyles
    let figureID: String
    private let xScale: PixelScale
    private let yScale: PixelScale

    init(frame: FigureLayout.PanelFrame, index: Int, styles: SeriesStyles, figureID: String) {
        self.frame = frame
        self.index = index
        self.styles = styles
        self.figureID = figureID
        let plot = frame.plot
        let xTicks = frame.xTicks ?? AxisTicks(within: 0 ... 1)
        xScale = PixelScale(kind: frame.xTicks == nil ? .linear : frame.panel.xScale, domainStart: xTicks.lower,
                            domainEnd: xTicks.upper, rangeStart: plot.x, rangeEnd: plot.maxX)
        yScale = PixelScale(kind: frame.yScale, domainStart: frame.yTicks.lower, domainEnd: frame.yTicks.upper,
                            rangeStart: plot.maxY, rangeEnd: plot.y + Self.headroom)
    }

    /// The id of this panel's clipping rectangle.
    var clipID: String { "\(figureID)-clip-\(index)" }

    /// Space left above the top tick, so data and reference lines at the top
    /// of the range (a return of 500, say) do not sit on the plot's edge.
    private static let headroom = 8.0

    private var plot: Rect { frame.plot }

    /// Writes the clipping rectangle, a marker's size larger than the plot so
    /// points on its edge stay whole; goes inside the figure's `<defs>`.
    func drawClipPath(into svg: inout SVGWriter) {
        let pad = 5.0
        svg.open("clipPath", [("id", clipID)])
        svg.empty("rect", [("x", NumberText.coordinate(plot.x - pad)), ("y", NumberText.coordinate(plot.y - pad)),
                           ("width", NumberText.coordinate(plot.width + 2 * pad)),
                           ("height", NumberText.coordinate(plot.height + 2 * pad))])
        svg.close("clipPath")
    }

    func draw(into svg: inout SVGWriter) {
        svg.open("g", [("class", "panel")])
        if let title = frame.panel.title {
            svg.element("text", [("x", NumberText.coordinate(plot.x)), ("y", NumberText.coordinate(frame.titleBaseline)),
                                 ("font-size", NumberText.coordinate(FigureLayout.panelTitleFontSize)),
                                 ("font-weight", "600"), ("fill", "currentColor")], text: title)
        }
        drawYAxis(into: &svg)
        drawXAxis(into: &svg)
        drawMarks(into: &svg)
        drawRules(into: &svg)
        if !hasData {
            svg.element("text", [("x", NumberText.coordinate(plot.x + plot.width / 2)),
                                 ("y", NumberText.coordinate(plot.y + plot.height / 2)), ("text-anchor", "middle"),
                                 ("fill", "currentColor"), ("fill-opacity", "0.6")], text: "no data")
        }
        svg.close("g")
    }

    private func drawYAxis(into svg: inout SVGWriter) {
        let c = NumberText.coordinate
        var grid = ""
        for value in frame.yTicks.values where yScale.contains(value) {
            grid += "M\(c(plot.x)) \(c(yScale(value)))H\(c(plot.maxX))"
        }
        svg.empty("path", [("d", grid), ("stroke", "currentColor"), ("stroke-opacity", "0.12"), ("fill", "none")])
        if frame.yScale == .logarithmic {
            let minor = Self.minorLogValues(frame.yTicks).filter(yScale.contains)
                .map { "M\(c(plot.x)) \(c(yScale($0)))H\(c(plot.maxX))" }.joined()
            svg.empty("path", [("d", minor), ("stroke", "currentColor"), ("stroke-opacity", "0.06"), ("fill", "none")])
        }
        if frame.yScale == .linear, yScale.contains(0), frame.yTicks.lower < 0 {
            svg.empty("path", [("d", "M\(c(plot.x)) \(c(yScale(0)))H\(c(plot.maxX))"), ("stroke", "currentColor"),
                               ("stroke-opacity", "0.45"), ("fill", "none")])
        }
        svg.empty("path", [("d", "M\(c(plot.x)) \(c(plot.y))V\(c(plot.maxY))"), ("stroke", "currentColor"),
                           ("stroke-opacity", "0.6"), ("fill", "none")])
        guard frame.showsYAxisText else { return }
        svg.open("g", [("fill", "currentColor"), ("font-size", c(FigureLayout.tickFontSize)), ("text-anchor", "end")])
        for (value, label) in zip(frame.yTicks.values, frame.yTicks.labels) where yScale.contains(value) {
            svg.element("text", [("x", c(plot.x - 6)), ("y", c(yScale(value))), ("dy", "0.35em")], text: label)
        }
        svg.close("g")
        if let label = frame.panel.yLabel {
            let x = c(frame.left + 9), y = c(plot.y + plot.height / 2)
            svg.element("text", [("x", x), ("y", y), ("dy", "0.35em"), ("text-anchor", "middle"),
                                 ("transform", "rotate(-90 \(x) \(y))"), ("fill", "currentColor")], text: label)
        }
    }

    private func drawXAxis(into svg: inout SVGWriter) {
        let c = NumberText.coordinate
        var labels: [(x: Double, lines: [String])] = []
        if let ticks = frame.xTicks {
            var grid = "", marks = ""
            for (value, label) in zip(ticks.values, ticks.labels) where xScale.contains(value) {
                grid += "M\(c(xScale(value))) \(c(plot.y))V\(c(plot.maxY))"
                marks += "M\(c(xScale(value))) \(c(plot.maxY))v4"
                labels.append((xScale(value), [label]))
            }
            svg.empty("path", [("d", grid), ("stroke", "currentColor"), ("stroke-opacity", "0.12"), ("fill", "none")])
            if frame.panel.xScale == .logarithmic {
                let minor = Self.minorLogValues(ticks).filter(xScale.contains)
                    .map { "M\(c(xScale($0))) \(c(plot.y))V\(c(plot.maxY))" }.joined()
                svg.empty("path", [("d", minor), ("stroke", "currentColor"), ("stroke-opacity", "0.06"), ("fill", "none")])
            }
            svg.empty("path", [("d", marks), ("stroke", "currentColor"), ("stroke-opacity", "0.6"), ("fill", "none")])
        } else {
            labels = frame.categoryLines.indices.map { (barPainter.center(ofCategory: $0), frame.categoryLines[$0]) }
        }
        svg.empty("path", [("d", "M\(c(plot.x)) \(c(plot.maxY))H\(c(plot.maxX))"), ("stroke", "currentColor"),
                           ("stroke-opacity", "0.6"), ("fill", "none")])
        svg.open("g", [("fill", "currentColor"), ("font-size", c(FigureLayout.tickFontSize)), ("text-anchor", "middle")])
        for label in labels {
            if label.lines.count == 1 {
                svg.element("text", [("x", c(label.x)), ("y", c(plot.maxY + 17))], text: label.lines[0])
                continue
            }
            svg.text([("x", c(label.x)), ("y", c(plot.maxY + 17))],
                     lines: label.lines.enumerated().map { ([("x", c(label.x)), ("dy", $0.offset == 0 ? "0" : "13")], $0.element) })
        }
        svg.close("g")
        if let label = frame.panel.xLabel {
            let extraLines = Double(frame.categoryLines.map(\.count).max().map { $0 - 1 } ?? 0)
            svg.element("text", [("x", c(plot.x + plot.width / 2)), ("y", c(plot.maxY + 38 + extraLines * 13)),
                                 ("text-anchor", "middle"),
                                 ("fill", "currentColor")], text: label)
        }
    }

    /// The faint gridlines of a logarithmic axis: 2, 3, ... 9 times each power
    /// of ten in its range that is not already a tick.
    private static func minorLogValues(_ ticks: AxisTicks) -> [Double] {
        let first = Int(log10(ticks.lower).rounded(.down)), last = Int(log10(ticks.upper).rounded(.up))
        guard first < last else { return [] }
        return (first ..< last).flatMap { exponent in
            (2 ... 9).map { Double($0) * NumberText.pow10(exponent) }
        }.filter { value in !ticks.values.contains { abs($0 - value) <= value * 1e-9 } }
    }

    /// Whether any series has a value to draw.
    private var hasData: Bool {
        frame.panel.marks.contains { mark in
            switch mark {
            case .line(_, let curve), .scatter(_, let curve):
                return zip(curve.x, curve.y).contains { xScale($0.0).isFinite && yScale($0.1).isFinite }
            case .band(_, let x, let lower, let upper):
                return x.indices.contains { xScale(x[$0]).isFinite && yScale(lower[$0]).isFinite && yScale(upper[$0]).isFinite }
            case .bars(_, let values, _):
                return !values.isEmpty
            case .horizontalRule, .verticalRule:
                return false
            }
        }
    }

    private var barPainter: BarPainter {
        var series: [BarPainter.Series] = []
        for (markIndex, mark) in frame.panel.marks.enumerated() {
            if case .bars(_, let values, let missingLabel) = mark {
                series.append(.init(values: values, style: styles.style(panel: index, mark: markIndex), missingLabel: missingLabel))
            }
        }
        return BarPainter(categories: frame.panel.categories ?? [], series: series, plot: plot, y: yScale, figureID: figureID)
    }

    private func drawMarks(into svg: inout SVGWriter) {
        svg.open("g", [("clip-path", "url(#\(clipID))")])
        let painter = SeriesPainter(x: xScale, y: yScale)
        for (markIndex, mark) in frame.panel.marks.enumerated() {
            switch mark {
            case .line(_, let curve):
                painter.drawLine(curve, style: styles.style(panel: index, mark: markIndex), into: &svg)
            case .band(_, let x, let lower, let upper):
                painter.drawBand(x: x, lower: lower, upper: upper, style: styles.style(panel: index, mark: markIndex), into: &svg)
            case .scatter(_, let curve):
                painter.drawScatter(curve, style: styles.style(panel: index, mark: markIndex), into: &svg)
            case .bars, .horizontalRule, .verticalRule:
                break
            }
        }
        if frame.panel.isCategorical { barPainter.draw(into: &svg) }
        svg.close("g")
    }

    private func drawRules(into svg: inout SVGWriter) {
        let c = NumberText.coordinate
        let ruleAttributes: [SVGWriter.Attribute] = [("stroke", "currentColor"), ("stroke-opacity", "0.6"),
                                                     ("stroke-width", "1.25"), ("stroke-dasharray", "5 4"), ("fill", "none")]
        for mark in frame.panel.marks {
            switch mark {
            case .horizontalRule(let value, let label) where yScale.contains(value):
                let y = yScale(value)
                svg.empty("path", [("d", "M\(c(plot.x)) \(c(y))H\(c(plot.maxX))")] + ruleAttributes)
                if let label {
                    let textY = y - 14 < plot.y - Self.headroom ? y + 14 : y - 5
                    svg.element("text", [("x", c(plot.maxX - 4)), ("y", c(textY)), ("text-anchor", "end"),
                                         ("font-size", "11"), ("fill", "currentColor"), ("class", "halo")], text: label)
                }
            case .verticalRule(let value, let label) where xScale.contains(value):
                let x = xScale(value)
                svg.empty("path", [("d", "M\(c(x)) \(c(plot.y))V\(c(plot.maxY))")] + ruleAttributes)
                if let label {
                    let fits = x + 4 + TextMetrics.width(label, fontSize: 11) <= plot.maxX
                    svg.element("text", [("x", c(fits ? x + 4 : x - 4)), ("y", c(plot.y + Self.headroom + 14)),
                                         ("text-anchor", fits ? "start" : "end"), ("font-size", "11"),
                                         ("fill", "currentColor"), ("class", "halo")], text: label)
                }
            default:
                break
            }
        }
    }
}
