import Execution
import Foundation

/// What the user sees on the terminal while notebooks render: a live status line when
/// standard error is a terminal, occasional plain lines when it is not (CI logs, pipes).
final class StatusLine: @unchecked Sendable {
    private let quiet: Bool
    private let isTerminal = isatty(2) != 0
    private let lock = NSLock()
    private var lineShown = false
    private var lastPlainLine: [Int: Date] = [:]

    init(quiet: Bool) {
        self.quiet = quiet
    }

    /// Shows what the executor is doing.
    func show(_ activity: NotebookExecutor.Activity) {
        switch activity {
        case .starting(let session, let reason): note("session '\(session)' runs: \(reason)")
        case .cellStarted: break
        case .compiling(let session, let cells): note("compiling session '\(session)' (\(cells) cells)")
        case .compiled(let session, let seconds): note("compiled session '\(session)' in \(Self.format(seconds))")
        case .running(let session): note("running session '\(session)'")
        case .ran(let session, let seconds): note("ran session '\(session)' in \(Self.format(seconds))")
        case .cached(let session): note("session '\(session)' unchanged: results from the cache")
        case .warning(let diagnostic): error(diagnostic.text)
        case .progress(let cell, let report):
            let amount = report.total.map { "\(report.done)/\($0)" } ?? "\(report.done)"
            let text = "\(cell.fence) [\(cell.anchor)] \(amount) \(report.message)"
            if isTerminal {
                live(text)
            } else if lock.withLock({ () -> Bool in
                let due = Date().timeIntervalSince(lastPlainLine[cell.index] ?? .distantPast) >= 5
                if due { lastPlainLine[cell.index] = Date() }
                return due
            }) {
                note(text)
            }
        }
    }

    private static func format(_ seconds: Double) -> String { String(format: "%.2f s", seconds) }

    /// A line worth keeping, such as the path of a written page.
    func finish(_ text: String) { note(text) }

    /// An error: always shown, on standard error.
    func error(_ text: String) { write(text, always: true) }

    private func note(_ text: String) { write(text, always: false) }

    private func live(_ text: String) {
        guard !quiet else { return }
        lock.withLock {
            let width = 100
            let shown = text.count > width ? String(text.prefix(width - 1)) + "…" : text
            FileHandle.standardError.write(Data("\r\u{1B}[2K\(shown)".utf8))
            lineShown = true
        }
    }

    private func write(_ text: String, always: Bool) {
        guard always || !quiet else { return }
        lock.withLock {
            let clear = lineShown ? "\r\u{1B}[2K" : ""
            lineShown = false
            FileHandle.standardError.write(Data("\(clear)\(text)\n".utf8))
        }
    }
}
