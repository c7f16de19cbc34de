/// The plain-language summary placed in the SVG's `<desc>` for screen readers:
/// what kind of chart each panel is, its axes and ranges, its series, where
/// each line starts, ends and peaks, every bar's value, and the reference
/// lines, followed by the caption.
enum FigureDescription {
    static func text(for figure: Figure, layout: FigureLayout) -> String {
        var sentences: [String] = []
        let many = layout.frames.count > 1
        if many { sentences.append("\(layout.frames.count) panels side by side.") }
        for (index, frame) in layout.frames.enumerated() {
            let panel = frame.panel
            var prefix = many ? "Panel \(index + 1)" : ""
            if let title = panel.title { prefix += many ? " (\(title))" : title }
            let kindText = prefix.isEmpty ? kind(of: panel) : kind(of: panel).lowercased()
            if !prefix.isEmpty { prefix += ": " }
            sentences.append(prefix + kindText + ".")
            if let ticks = frame.xTicks {
                sentences.append("X axis\(name(panel.xLabel))\(scaleNote(panel.xScale)) from \(ticks.labels.first ?? "") to \(ticks.labels.last ?? "").")
            } else if let categories = panel.categories {
                sentences.append("Categories\(name(panel.xLabel)): \(categories.joined(separator: ", ")).")
            }
            sentences.append("Y axis\(name(panel.yLabel))\(scaleNote(frame.yScale)) from \(frame.yTicks.labels.first ?? "") to \(frame.yTicks.labels.last ?? "").")
            let labels = unique(panel.marks.compactMap(\.seriesLabel))
            if !labels.isEmpty { sentences.append("Series: \(labels.joined(separator: ", ")).") }
            for mark in panel.marks {
                switch mark {
                case .horizontalRule(let value, let label):
                    sentences.append("Reference line\(name(label)) at y = \(NumberText.csv(value)).")
                case .verticalRule(let value, let label):
                    sentences.append("Reference line\(name(label)) at x = \(NumberText.csv(value)).")
                case .line(let label?, let curve):
                    if let summary = lineSummary(curve) { sentences.append("\(label): \(summary).") }
                case .bars(let label, let values, let missingLabel):
                    let entries = zip(panel.categories ?? [], values).map { category, value in
                        "\(category) \(value.map(number) ?? missingLabel)"
                    }
                    sentences.append("\(label ?? "Bars"): \(entries.joined(separator: ", ")).")
                default:
                    break
                }
            }
        }
        if let caption = figure.caption { sentences.append(caption) }
        return sentences.joined(separator: " ")
    }

    private static func kind(of panel: Panel) -> String {
        var kinds: [String] = []
        for mark in panel.marks {
            let kind: String
            switch mark {
            case .line: kind = "lines"
            case .band: kind = "shaded bands"
            case .scatter: kind = "points"
            case .bars: kind = "grouped bars"
            case .horizontalRule, .verticalRule: continue
            }
            if !kinds.contains(kind) { kinds.append(kind) }
        }
        return kinds.isEmpty ? "An empty chart" : "A chart of " + kinds.joined(separator: " and ")
    }

    /// "from A at x = X0 to B at x = X1, highest H" over the finite points, or nil if none.
    private static func lineSummary(_ curve: Curve) -> String? {
        let points = zip(curve.x, curve.y).filter { $0.0.isFinite && $0.1.isFinite }
        guard let first = points.first, let last = points.last, let highest = points.max(by: { $0.1 < $1.1 }) else {
            return nil
        }
        return "from \(number(first.1)) at x = \(number(first.0)) to \(number(last.1)) at x = \(number(last.0)), "
            + "highest \(number(highest.1)) at x = \(number(highest.0))"
    }

    /// A value for reading aloud: at most two decimals.
    private static func number(_ value: Double) -> String {
        NumberText.fixed(value, decimals: 2, trimmingZeros: true)
    }

    private static func scaleNote(_ scale: AxisScale) -> String {
        scale == .logarithmic ? " (logarithmic)" : ""
    }

    private static func name(_ label: String?) -> String {
        label.map { " \"\($0)\"" } ?? ""
    }

    private static func unique(_ labels: [String]) -> [String] {
        var seen: [String] = []
        for label in labels where !seen.contains(label) { seen.append(label) }
        return seen
    }
}
