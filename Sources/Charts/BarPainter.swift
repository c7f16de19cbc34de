/// Draws grouped bars: one slot per category, one bar per series inside it,
/// a value label on each bar, and an explicit mark (a cross on the baseline and
/// a written note) where a value is missing.
struct BarPainter {
    /// One series of bars with its style.
    struct Series {
        let values: [Double?]
        let style: SeriesStyle
        let missingLabel: String
    }

    let categories: [String]
    let series: [Series]
    let plot: Rect
    let y: PixelScale
    let figureID: String

    /// The horizontal centre of category `index`.
    func center(ofCategory index: Int) -> Double {
        plot.x + (Double(index) + 0.5) * plot.width / Double(categories.count)
    }

    func draw(into svg: inout SVGWriter) {
        guard !categories.isEmpty, !series.isEmpty else { return }
        let slot = plot.width / Double(categories.count)
        let barWidth = slot * 0.8 / Double(series.count)
        let baseline = y(0)
        var notes: [Note] = []
        for (seriesIndex, bars) in series.enumerated() {
            svg.open("g", SeriesPainter.groupAttributes(bars.style))
            for (category, value) in bars.values.enumerated() {
                let left = plot.x + Double(category) * slot + slot * 0.1 + Double(seriesIndex) * barWidth
                let middle = left + barWidth / 2
                guard let value else {
                    drawCross(into: &svg, x: middle, y: baseline)
                    notes.append(Note(x: middle, y: baseline, text: bars.missingLabel, isMissing: true))
                    continue
                }
                let top = min(y(value), baseline), bottom = max(y(value), baseline)
                svg.empty("rect", [("x", NumberText.coordinate(left + 0.75)), ("y", NumberText.coordinate(top)),
                                   ("width", NumberText.coordinate(max(barWidth - 1.5, 0.5))),
                                   ("height", NumberText.coordinate(bottom - top))]
                          + SeriesPainter.barFill(bars.style, figureID: figureID))
                if barWidth >= 16 {
                    let labelY = value >= 0 ? y(value) - 4 : y(value) + 12
                    notes.append(Note(x: middle, y: labelY, text: Self.valueText(value), isMissing: false))
                }
            }
            svg.close("g")
        }
        drawNotes(notes, into: &svg, baseline: baseline)
    }

    /// A text drawn with the bars: a bar's value, or a missing-value note.
    private struct Note {
        let x: Double
        let y: Double
        let text: String
        let isMissing: Bool
    }

    /// Value labels above (or below, for negative values) each bar and the
    /// missing-value notes, written along the slot away from the baseline.
    private func drawNotes(_ notes: [Note], into svg: inout SVGWriter, baseline: Double) {
        guard !notes.isEmpty else { return }
        svg.open("g", [("fill", "currentColor"), ("font-size", "10"), ("class", "halo")])
        let upwards = baseline > plot.y + plot.height / 2
        for note in notes {
            let x = NumberText.coordinate(note.x)
            if note.isMissing {
                let start = NumberText.coordinate(upwards ? note.y - 9 : note.y + 9)
                svg.element("text", [("x", x), ("y", start), ("dy", "0.35em"),
                                     ("text-anchor", upwards ? "start" : "end"), ("fill-opacity", "0.85"),
                                     ("transform", "rotate(-90 \(x) \(start))")], text: note.text)
            } else {
                svg.element("text", [("x", x), ("y", NumberText.coordinate(note.y)), ("text-anchor", "middle")],
                            text: note.text)
            }
        }
        svg.close("g")
    }

    private func drawCross(into svg: inout SVGWriter, x: Double, y: Double) {
        let c = NumberText.coordinate
        svg.empty("path", [("d", "M\(c(x - 3.5)) \(c(y - 3.5))l7 7m0 -7l-7 7"), ("stroke", "currentColor"),
                           ("stroke-width", "1.75"), ("fill", "none")])
    }

    /// A bar's value as text: whole numbers plainly, others with up to two decimals.
    static func valueText(_ value: Double) -> String {
        NumberText.fixed(value, decimals: 2, trimmingZeros: true, minus: "\u{2212}")
    }
}
