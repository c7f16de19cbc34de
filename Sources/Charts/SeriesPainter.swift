/// Draws the data marks of a panel (lines, bands, points, bars) with their
/// series style. Each series sits in a group whose `color` is the series colour,
/// and everything inside paints with `currentColor`, so one CSS rule per series
/// can switch the colour for dark mode.
struct SeriesPainter {
    static let lineWidth = "1.75"
    static let bandOpacity = "0.2"
    static let markerAttributes: [SVGWriter.Attribute] = [
        ("fill", "currentColor"), ("fill-opacity", "0.85"), ("stroke", "currentColor"), ("stroke-width", "0.75"),
    ]

    let x: PixelScale
    let y: PixelScale

    /// The attributes of a series group: its class (for the dark-mode rule) and colour.
    static func groupAttributes(_ style: SeriesStyle) -> [SVGWriter.Attribute] {
        [("class", "series-\(style.index)"), ("color", style.color)]
    }

    /// The stroke attributes of a line in `style`.
    static func lineAttributes(_ style: SeriesStyle) -> [SVGWriter.Attribute] {
        var attributes: [SVGWriter.Attribute] = [("fill", "none"), ("stroke", "currentColor"), ("stroke-width", lineWidth),
                                                 ("stroke-linejoin", "round")]
        if let dashes = style.dashArray { attributes.append(("stroke-dasharray", dashes)) }
        return attributes
    }

    /// The fill attributes of a bar in `style`: solid, or hatched for later series.
    static func barFill(_ style: SeriesStyle, figureID: String) -> [SVGWriter.Attribute] {
        let fill = style.hatchAngle == nil ? "currentColor" : "url(#\(figureID)-hatch-\(style.index))"
        return [("fill", fill), ("stroke", "currentColor"), ("stroke-width", "1")]
    }

    /// A closed path drawing `marker` centred on (x, y).
    static func markerPath(_ marker: SeriesStyle.Marker, x: Double, y: Double) -> String {
        let c = NumberText.coordinate
        switch marker {
        case .circle:
            return "M\(c(x - 3.2)) \(c(y))a3.2 3.2 0 1 0 6.4 0a3.2 3.2 0 1 0 -6.4 0Z"
        case .square:
            return "M\(c(x - 2.9)) \(c(y - 2.9))h5.8v5.8h-5.8Z"
        case .triangle:
            return "M\(c(x)) \(c(y - 3.8))l3.6 6.4h-7.2Z"
        case .diamond:
            return "M\(c(x)) \(c(y - 4))l4 4l-4 4l-4 -4Z"
        }
    }

    /// Draws a line; non-finite points split it, and a lone point between gaps is a dot.
    func drawLine(_ curve: Curve, style: SeriesStyle, into svg: inout SVGWriter) {
        var path = ""
        var dots: [(Double, Double)] = []
        for run in finiteRuns(count: curve.x.count, isFinite: { x(curve.x[$0]).isFinite && y(curve.y[$0]).isFinite }) {
            if run.count == 1 {
                dots.append((x(curve.x[run.lowerBound]), y(curve.y[run.lowerBound])))
                continue
            }
            let kept = LineThinning.indices(of: run, pixelX: { x(curve.x[$0]) }, pixelY: { y(curve.y[$0]) })
            for (offset, index) in kept.enumerated() {
                path += (offset == 0 ? "M" : "L") + point(curve.x[index], curve.y[index])
            }
        }
        svg.open("g", Self.groupAttributes(style))
        if !path.isEmpty { svg.empty("path", [("d", path)] + Self.lineAttributes(style)) }
        for dot in dots {
            svg.empty("circle", [("cx", NumberText.coordinate(dot.0)), ("cy", NumberText.coordinate(dot.1)),
                                 ("r", "1.75"), ("fill", "currentColor")])
        }
        svg.close("g")
    }

    /// Draws a band as one filled outline per stretch of finite points.
    func drawBand(x xs: [Double], lower: [Double], upper: [Double], style: SeriesStyle, into svg: inout SVGWriter) {
        var path = ""
        let runs = finiteRuns(count: xs.count, isFinite: { x(xs[$0]).isFinite && y(lower[$0]).isFinite && y(upper[$0]).isFinite })
        for run in runs where run.count > 1 {
            let top = LineThinning.indices(of: run, pixelX: { x(xs[$0]) }, pixelY: { y(upper[$0]) })
            let bottom = LineThinning.indices(of: run, pixelX: { x(xs[$0]) }, pixelY: { y(lower[$0]) })
            for (offset, index) in top.enumerated() { path += (offset == 0 ? "M" : "L") + point(xs[index], upper[index]) }
            for index in bottom.reversed() { path += "L" + point(xs[index], lower[index]) }
            path += "Z"
        }
        guard !path.isEmpty else { return }
        svg.open("g", Self.groupAttributes(style))
        svg.empty("path", [("d", path), ("class", "band"), ("fill", "currentColor"), ("fill-opacity", Self.bandOpacity),
                           ("stroke", "none")])
        svg.close("g")
    }

    /// Draws a marker at every finite point.
    func drawScatter(_ curve: Curve, style: SeriesStyle, into svg: inout SVGWriter) {
        let path = zip(curve.x, curve.y)
            .filter { x($0.0).isFinite && y($0.1).isFinite }
            .map { Self.markerPath(style.marker, x: x($0.0), y: y($0.1)) }
            .joined()
        guard !path.isEmpty else { return }
        svg.open("g", Self.groupAttributes(style))
        svg.empty("path", [("d", path)] + Self.markerAttributes)
        svg.close("g")
    }

    private func point(_ xValue: Double, _ yValue: Double) -> String {
        NumberText.coordinate(x(xValue)) + " " + NumberText.coordinate(y(yValue))
    }

    /// The maximal index ranges in `0 ..< count` where `isFinite` holds.
    private func finiteRuns(count: Int, isFinite: (Int) -> Bool) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start: Int?
        for index in 0 ..< count {
            if isFinite(index) {
                if start == nil { start = index }
            } else if let first = start {
                runs.append(first ..< index)
                start = nil
            }
        }
        if let first = start { runs.append(first ..< count) }
        return runs
    }
}
