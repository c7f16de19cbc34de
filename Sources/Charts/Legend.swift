/// The figure's legend: one entry per labelled series, laid out in rows under
/// the title. Each swatch shows what the series draws (line and dash, band,
/// marker or bar fill), so the key reads the same in colour and in grey.
struct Legend {
    /// One legend entry.
    struct Entry {
        let label: String
        let style: SeriesStyle
        var hasLine = false
        var hasBand = false
        var hasMarker = false
        var hasBar = false
    }

    static let fontSize = 12.0
    static let rowHeight = 20.0
    private static let swatchWidth = 26.0
    private static let entryGap = 18.0

    let entries: [Entry]

    init(panels: [Panel], styles: SeriesStyles) {
        var entries: [Entry] = styles.series.compactMap { series in
            series.label.map { Entry(label: $0, style: series.style) }
        }
        for panel in panels {
            for mark in panel.marks {
                guard let label = mark.seriesLabel, let index = entries.firstIndex(where: { $0.label == label }) else { continue }
                switch mark {
                case .line: entries[index].hasLine = true
                case .band: entries[index].hasBand = true
                case .scatter: entries[index].hasMarker = true
                case .bars: entries[index].hasBar = true
                case .horizontalRule, .verticalRule: break
                }
            }
        }
        self.entries = entries
    }

    /// The left edge of each entry and its row, for entries wrapped into `width`.
    func positions(width: Double) -> [(x: Double, row: Int)] {
        var result: [(x: Double, row: Int)] = []
        var x = 0.0, row = 0
        for entry in entries {
            let entryWidth = Self.swatchWidth + 6 + TextMetrics.width(entry.label, fontSize: Self.fontSize)
            if x > 0, x + entryWidth > width {
                x = 0
                row += 1
            }
            result.append((x, row))
            x += entryWidth + Self.entryGap
        }
        return result
    }

    /// The height the legend takes when wrapped into `width` (0 when empty).
    func height(width: Double) -> Double {
        guard let lastRow = positions(width: width).last?.row else { return 0 }
        return Double(lastRow + 1) * Self.rowHeight
    }

    /// Draws the legend with its first row's top at (`left`, `top`).
    func draw(into svg: inout SVGWriter, left: Double, top: Double, width: Double, figureID: String) {
        guard !entries.isEmpty else { return }
        svg.open("g", [("class", "legend")])
        for (entry, position) in zip(entries, positions(width: width)) {
            let x = left + position.x
            let middle = top + Double(position.row) * Self.rowHeight + Self.rowHeight / 2
            drawSwatch(entry, into: &svg, x: x, middle: middle, figureID: figureID)
            svg.element("text", [("x", NumberText.coordinate(x + Self.swatchWidth + 6)),
                                 ("y", NumberText.coordinate(middle)), ("dy", "0.35em"),
                                 ("fill", "currentColor")], text: entry.label)
        }
        svg.close("g")
    }

    private func drawSwatch(_ entry: Entry, into svg: inout SVGWriter, x: Double, middle: Double, figureID: String) {
        let style = entry.style
        svg.open("g", SeriesPainter.groupAttributes(style))
        if entry.hasBand {
            svg.empty("rect", [("x", NumberText.coordinate(x)), ("y", NumberText.coordinate(middle - 6)),
                               ("width", NumberText.coordinate(Self.swatchWidth)), ("height", "12"), ("class", "band"),
                               ("fill", "currentColor"), ("fill-opacity", SeriesPainter.bandOpacity)])
        }
        if entry.hasBar {
            svg.empty("rect", [("x", NumberText.coordinate(x + 6)), ("y", NumberText.coordinate(middle - 7)),
                               ("width", "14"), ("height", "14")] + SeriesPainter.barFill(style, figureID: figureID))
        }
        if entry.hasLine {
            svg.empty("path", [("d", "M\(NumberText.coordinate(x)) \(NumberText.coordinate(middle))h\(NumberText.coordinate(Self.swatchWidth))")]
                      + SeriesPainter.lineAttributes(style))
        }
        if entry.hasMarker {
            svg.empty("path", [("d", SeriesPainter.markerPath(style.marker, x: x + Self.swatchWidth / 2, y: middle))]
                      + SeriesPainter.markerAttributes)
        }
        svg.close("g")
    }
}
