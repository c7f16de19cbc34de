import CellEvents
import Charts
import Foundation

/// Shows `table` under the current cell, after what the cell has printed so far.
public func show(_ table: Table) {
    CellSession.send(.table(table.output))
}

/// Reports how far a long-running cell has come; ppo-book shows it as a live status line.
///
/// Reports are sent at most four times a second (and always for the last unit of work),
/// so calling this on every step of a training loop costs next to nothing.
///
/// ```swift
/// progress(episode + 1, of: 1000, "average return \(average)")
/// ```
public func progress(_ done: Int, of total: Int? = nil, _ message: String = "") {
    ProgressThrottle.shared.report(ProgressReport(done: done, total: total, message: message))
}

/// Keeps progress reports to a few a second.
final class ProgressThrottle: @unchecked Sendable {
    static let shared = ProgressThrottle()
    private let lock = NSLock()
    private var lastSent = Date.distantPast

    func report(_ report: ProgressReport) {
        let now = Date()
        let isLast = report.total.map { report.done >= $0 } ?? false
        let due: Bool = lock.withLock {
            guard isLast || now.timeIntervalSince(lastSent) >= 0.25 else { return false }
            lastSent = now
            return true
        }
        if due { CellSession.send(.progress(report)) }
    }
}

/// Shows `figure` under the current cell as an inline SVG, after what the cell has printed
/// so far. In a cell tagged `id=NAME` it is also written to `output/figures/` with its data as CSV.
public func show(_ figure: Figure) {
    CellSession.send(.figure(FigureOutput(svg: figure.svg(), csv: figure.csv(), title: figure.title,
                                          caption: figure.caption)))
}
