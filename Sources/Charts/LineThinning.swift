/// Thins a long line to what the page can show: when a stretch has more points
/// than about four per pixel column, each column keeps only its first, lowest,
/// highest and last points. The drawn envelope is unchanged (every peak and dip
/// survives) while a million-step curve stays a small file. The CSV keeps all data.
enum LineThinning {
    /// Points per pixel column above which a stretch is thinned.
    static let pointsPerColumn = 4

    /// The indices of `run` worth drawing, ascending, given each point's pixel position.
    static func indices(of run: Range<Int>, pixelX: (Int) -> Double, pixelY: (Int) -> Double) -> [Int] {
        let first = pixelX(run.lowerBound), last = pixelX(run.upperBound - 1)
        let columns = max(Int(abs(last - first).rounded(.up)), 1)
        guard run.count > pointsPerColumn * columns else { return Array(run) }
        var kept: [Int] = []
        var column: Int?
        var bucket: (first: Int, lowest: Int, highest: Int, last: Int) = (0, 0, 0, 0)
        func flush() {
            guard column != nil else { return }
            kept += Set([bucket.first, bucket.lowest, bucket.highest, bucket.last]).sorted()
        }
        for index in run {
            let position = Int(pixelX(index).rounded(.down))
            if position != column {
                flush()
                column = position
                bucket = (index, index, index, index)
                continue
            }
            bucket.last = index
            if pixelY(index) < pixelY(bucket.lowest) { bucket.lowest = index }
            if pixelY(index) > pixelY(bucket.highest) { bucket.highest = index }
        }
        flush()
        return kept
    }
}
