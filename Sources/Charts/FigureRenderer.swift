/// Writes a whole figure as SVG: the root element with its accessibility
/// attributes, the dark-mode style rules, shared definitions, the title, the
/// legend and every panel.
struct FigureRenderer {
    let figure: Figure

    /// The prefix of every element id in the figure: the caller's id made safe
    /// for XML and CSS, or a hash of the figure's content.
    var figureID: String {
        guard let given = figure.id, !given.isEmpty else {
            return "figure-" + ContentHash(figure).hex
        }
        let safe = String(given.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "-" })
        return safe.first!.isLetter ? safe : "figure-" + safe
    }

    func svg() -> String {
        let id = figureID
        let styles = SeriesStyles(panels: figure.panels)
        let legend = Legend(panels: figure.panels, styles: styles)
        let layout = FigureLayout(figure: figure, legend: legend)
        let renderers = layout.frames.enumerated().map { PanelRenderer(frame: $1, index: $0, styles: styles, figureID: id) }
        let accessibleTitle = figure.title ?? figure.panels.compactMap(\.title).first ?? "Chart"
        let c = NumberText.coordinate

        var svg = SVGWriter()
        svg.open("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("id", id),
                         ("viewBox", "0 0 \(c(figure.width)) \(c(figure.height))"), ("width", "100%"),
                         ("role", "img"), ("aria-labelledby", "\(id)-title"), ("aria-describedby", "\(id)-desc"),
                         ("font-family", "system-ui, sans-serif"), ("font-size", "12")])
        svg.element("title", [("id", "\(id)-title")], text: accessibleTitle)
        svg.element("desc", [("id", "\(id)-desc")], text: FigureDescription.text(for: figure, layout: layout))
        writeStyle(into: &svg, id: id, styles: styles)
        svg.open("defs")
        for renderer in renderers { renderer.drawClipPath(into: &svg) }
        writeHatchPatterns(into: &svg, id: id, styles: styles)
        svg.close("defs")
        if let title = figure.title {
            svg.element("text", [("x", c(FigureLayout.margin)), ("y", c(layout.titleBaseline)),
                                 ("font-size", c(FigureLayout.titleFontSize)), ("font-weight", "600"),
                                 ("fill", "currentColor")], text: title)
        }
        legend.draw(into: &svg, left: FigureLayout.margin, top: layout.legendTop, width: layout.legendWidth, figureID: id)
        for renderer in renderers { renderer.draw(into: &svg) }
        svg.close("svg")
        return svg.text
    }

    /// The style rules: a halo in the page's background colour (the CSS system
    /// colour `Canvas`) behind labels drawn over data, ignored where unsupported;
    /// and for dark mode, lighter colours for the series whose light colour would
    /// be too dim, and stronger bands, which otherwise fade into a dark page.
    private func writeStyle(into svg: inout SVGWriter, id: String, styles: SeriesStyles) {
        let rules = styles.series.map(\.style).filter { $0.darkColor != $0.color }
            .map { "#\(id) .series-\($0.index) { color: \($0.darkColor); }" }
            + ["#\(id) .band { fill-opacity: 0.3; }"]
        svg.open("style")
        svg.raw("#\(id) .halo { paint-order: stroke; stroke: Canvas; stroke-width: 3px; stroke-linejoin: round; }")
        svg.raw("@media (prefers-color-scheme: dark) {")
        for rule in rules { svg.raw("  " + rule) }
        svg.raw("}")
        svg.close("style")
    }

    /// One hatch pattern per hatched bar series; the pattern carries the series
    /// class and colour itself, since a pattern paints in its own context.
    private func writeHatchPatterns(into svg: inout SVGWriter, id: String, styles: SeriesStyles) {
        let barStyles = figure.panels.enumerated().flatMap { panelIndex, panel in
            panel.marks.indices.compactMap { markIndex -> SeriesStyle? in
                guard case .bars = panel.marks[markIndex] else { return nil }
                return styles.style(panel: panelIndex, mark: markIndex)
            }
        }
        var written: [Int] = []
        for style in barStyles where !written.contains(style.index) {
            guard let angle = style.hatchAngle else { continue }
            written.append(style.index)
            svg.open("pattern", [("id", "\(id)-hatch-\(style.index)")] + SeriesPainter.groupAttributes(style)
                     + [("patternUnits", "userSpaceOnUse"), ("width", "6"), ("height", "6"),
                        ("patternTransform", "rotate(\(NumberText.coordinate(angle)))")])
            svg.empty("rect", [("width", "6"), ("height", "6"), ("fill", "currentColor"), ("fill-opacity", "0.25")])
            svg.empty("path", [("d", "M0 3H6"), ("stroke", "currentColor"), ("stroke-width", "2.2")])
            svg.close("pattern")
        }
    }
}
