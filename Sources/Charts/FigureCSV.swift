import Foundation

/// The data of a figure as long-form CSV; the format is documented on `Figure.csv()`.
struct FigureCSV {
    let text: String

    init(figure: Figure) {
        var rows = [["panel", "kind", "series", "x", "y", "y_low", "y_high"]]
        let number = NumberText.csv
        for (index, panel) in figure.panels.enumerated() {
            let name = panel.title ?? String(index + 1)
            for mark in panel.marks {
                let series = mark.seriesLabel ?? ""
                switch mark {
                case .line(_, let curve):
                    for (x, y) in zip(curve.x, curve.y) { rows.append([name, "line", series, number(x), number(y), "", ""]) }
                case .scatter(_, let curve):
                    for (x, y) in zip(curve.x, curve.y) { rows.append([name, "scatter", series, number(x), number(y), "", ""]) }
                case .band(_, let x, let lower, let upper):
                    for point in x.indices {
                        rows.append([name, "band", series, number(x[point]), "", number(lower[point]), number(upper[point])])
                    }
                case .bars(_, let values, _):
                    for (category, value) in zip(panel.categories ?? [], values) {
                        rows.append([name, "bar", series, category, value.map(number) ?? "", "", ""])
                    }
                case .horizontalRule(let value, let label):
                    rows.append([name, "hline", label ?? "", "", number(value), "", ""])
                case .verticalRule(let value, let label):
                    rows.append([name, "vline", label ?? "", number(value), "", "", ""])
                }
            }
        }
        text = rows.map { $0.map(Self.field).joined(separator: ",") + "\n" }.joined()
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break.
    private static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
