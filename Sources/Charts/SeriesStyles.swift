/// Which style each series in a figure gets: one per distinct label, in order of
/// first appearance across all panels, so "REINFORCE" has the same colour and dash
/// in every panel and its band matches its line. Unlabelled series each get their own.
struct SeriesStyles {
    /// Each distinct series in figure order, with its label (nil if unlabelled).
    private(set) var series: [(label: String?, style: SeriesStyle)] = []
    /// The style of every series mark, by panel index and mark index.
    private var byMark: [[Int: SeriesStyle]] = []

    init(panels: [Panel]) {
        var indexByLabel: [String: Int] = [:]
        for panel in panels {
            var styles: [Int: SeriesStyle] = [:]
            for (markIndex, mark) in panel.marks.enumerated() where mark.isSeries {
                let style: SeriesStyle
                if let label = mark.seriesLabel, let known = indexByLabel[label] {
                    style = SeriesStyle(index: known)
                } else {
                    style = SeriesStyle(index: series.count)
                    if let label = mark.seriesLabel { indexByLabel[label] = series.count }
                    series.append((mark.seriesLabel, style))
                }
                styles[markIndex] = style
            }
            byMark.append(styles)
        }
    }

    /// The style of the series mark at `markIndex` in panel `panelIndex`.
    func style(panel panelIndex: Int, mark markIndex: Int) -> SeriesStyle {
        guard let style = byMark[panelIndex][markIndex] else {
            fatalError("SeriesStyles: mark \(markIndex) of panel \(panelIndex) is not a series.")
        }
        return style
    }
}
