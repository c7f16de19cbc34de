import CellEvents
import Foundation
import Notebook

/// Runs a compiled session program and sorts what it sends into each cell's and inline value's result.
///
/// The program's standard output and standard error arrive on one pipe, so a cell's text
/// keeps the order it was written in; a crash report at the end of a failed cell's text is
/// turned into that cell's error. Text printed before the first cell begins goes to the
/// first cell. A cell's text beyond the output limit is dropped, and the page says how much.
/// What is written while an inline value is evaluated is kept for that value's error, if it fails.
struct SessionRun {
    /// The result of every compiled cell and inline value, by position in the session.
    private(set) var results = NotebookResults()

    private let cells: [Cell]
    private let values: [PositionedValue]
    private let checksClaims: Bool
    private var valueTexts: [Int: String] = [:]
    private var valueClaims: [Int: ClaimOutput] = [:]
    private var valueErrorText: [Int: String] = [:]
    private var currentValue: Int?
    private let outputLimit: Int
    private var outputs: [Int: [CellOutput]] = [:]
    private var keptBytes: [Int: Int] = [:]
    private var droppedBytes: [Int: Int] = [:]
    private var finished: Set<Int> = []
    private var started: [Int: Date] = [:]
    private var durations: [Int: Double] = [:]
    private var expectedFailures: [Int: String] = [:]
    private var missingFailures: Set<Int> = []
    private var current: Int?

    /// Why the program was stopped by ppo-book, if it was.
    private enum Stop {
        case timeout(cell: Int, seconds: Double)
        case memory(cell: Int?, bytes: Int)
    }

    /// Runs `binary`, whose program holds `cells` and `values`, in `directory` (the notebook's folder).
    ///
    /// - Parameters:
    ///   - extraEnvironment: variables set for the program beside ppo-book's own environment.
    ///   - timeout: the time limit of a cell that sets none.
    ///   - limits: the memory and output limits.
    ///   - checksClaims: whether a claim whose verdict is not the expected one fails its cell or value.
    ///   - onCellStart: called as each cell begins.
    ///   - onProgress: called with each progress report and the cell that sent it.
    init(binary: String, cells: [Cell], values: [PositionedValue], directory: String, extraEnvironment: [String: String],
         timeout: Double, limits: RunLimits, checksClaims: Bool, onCellStart: (Cell) -> Void,
         onProgress: (Cell, ProgressReport) -> Void) throws {
        self.cells = cells
        self.values = values
        self.checksClaims = checksClaims
        outputLimit = limits.outputBytesPerCell
        current = cells.first?.index
        let framing = EventFraming(nonce: Self.makeNonce())
        var environment = ProcessInfo.processInfo.environment.merging(extraEnvironment) { _, extra in extra }
        environment[CellSessionEnvironment.nonce] = framing.nonce
        environment[CellSessionEnvironment.workingDirectory] = directory
        environment[CellSessionEnvironment.parentProcess] = String(getpid())
        environment["SWIFT_BACKTRACE"] = "enable=yes,interactive=no,color=no,threads=crashed,registers=none,images=none,sanitize=yes"
        let child = try ChildProcess(executable: binary, arguments: [], environment: environment)

        var decoder = EventStreamDecoder(framing: framing)
        var deadline = Date.distantFuture
        var stop: Stop?
        let timeLimits = Dictionary(uniqueKeysWithValues: cells.map { ($0.index, $0.options.timeout ?? timeout) })
        let byIndex = Dictionary(uniqueKeysWithValues: cells.map { ($0.index, $0) })

        let termination = child.communicate(handle: { bytes in
            for piece in decoder.feed(bytes) {
                if case .event(.cellStarted(let index)) = piece {
                    deadline = Date() + timeLimits[index]!
                    byIndex[index].map(onCellStart)
                }
                if case .event(.progress(let report)) = piece, let current, let cell = byIndex[current] {
                    onProgress(cell, report)
                }
                accept(piece)
            }
        }, check: {
            if Date() > deadline, let current {
                stop = .timeout(cell: current, seconds: timeLimits[current]!)
            } else if let resident = Self.residentBytes(of: child.pid), resident > limits.memoryBytes {
                stop = .memory(cell: current, bytes: limits.memoryBytes)
            }
            return stop != nil
        })
        decoder.finish().forEach { accept($0) }
        settle(termination: termination, stop: stop)
    }

    private mutating func accept(_ piece: EventStreamDecoder.Piece) {
        switch piece {
        case .text(let text):
            if let currentValue {
                valueErrorText[currentValue, default: ""] += text
            } else if let current {
                appendText(text, to: current)
            }
        case .undecodableEvent(let start):
            if let current { outputs[current, default: []].append(.notice("ppo-book could not read an event the cell sent: \(start)")) }
        case .event(let event):
            switch event {
            case .cellStarted(let index):
                current = index
                currentValue = nil
                started[index] = Date()
            case .cellFinished(let index):
                finished.insert(index)
                durations[index] = started[index].map { Date().timeIntervalSince($0) }
            case .table(let table): if let current { outputs[current, default: []].append(.table(table)) }
            case .figure(let figure): if let current { outputs[current, default: []].append(.figure(figure)) }
            case .progress: break
            case .expectedErrorOccurred(let cell, let message): expectedFailures[cell] = message
            case .expectedErrorMissing(let cell): missingFailures.insert(cell)
            case .inlineStarted(let index): currentValue = index
            case .inlineValue(let index, let text):
                valueTexts[index] = text
                currentValue = nil
            case .claim(let claim):
                if let currentValue {
                    valueClaims[currentValue] = claim
                } else if let current {
                    outputs[current, default: []].append(.claim(claim))
                }
            }
        }
    }

    /// Appends printed text, up to the output limit; beyond it, only counts the bytes.
    private mutating func appendText(_ text: String, to cell: Int) {
        let room = outputLimit - keptBytes[cell, default: 0]
        var kept = text
        if text.utf8.count > room {
            kept = String(decoding: text.utf8.prefix(max(0, room)), as: UTF8.self)
            if kept.last == "\u{FFFD}" { kept.removeLast() }
            droppedBytes[cell, default: 0] += text.utf8.count - kept.utf8.count
        }
        guard !kept.isEmpty else { return }
        keptBytes[cell, default: 0] += kept.utf8.count
        if case .text(let earlier)? = outputs[cell]?.last {
            outputs[cell]![outputs[cell]!.count - 1] = .text(earlier + kept)
        } else {
            outputs[cell, default: []].append(.text(kept))
        }
    }

    private mutating func settle(termination: ProcessTermination, stop: Stop?) {
        var stopped = false
        for cell in cells {
            var cellOutputs = outputs[cell.index] ?? []
            if let dropped = droppedBytes[cell.index] {
                cellOutputs.append(.notice(Self.droppedNotice(dropped, limit: outputLimit)))
            }
            if stopped {
                results.cells[cell.index] = CellResult(status: .notRun)
            } else if let report = expectedFailures[cell.index] {
                let trap = TrapReport(errors: report, termination: "an error")
                if !trap.ownText.isEmpty { cellOutputs.append(.standardError(trap.ownText)) }
                let expected = cell.options.expectedError ?? .any
                if expected.accepts(.trap, text: trap.message) {
                    results.cells[cell.index] = CellResult(status: .failedAsExpected, outputs: cellOutputs + [.error(trap.message)])
                } else {
                    let message = "\(cell.fence): error: this cell expects \(expected.description), but it failed another way"
                    results.cells[cell.index] = CellResult(status: .failed, outputs: cellOutputs + [.error(trap.message), .error(message)])
                    stopped = true
                }
            } else if missingFailures.contains(cell.index) {
                let message = "\(cell.fence): error: this cell is marked expect-error, but it ran without an error"
                results.cells[cell.index] = CellResult(status: .failed, outputs: cellOutputs + [.error(message)])
                stopped = true
            } else if finished.contains(cell.index) {
                let mismatches = unexpectedVerdicts(in: cellOutputs)
                results.cells[cell.index] = mismatches.isEmpty
                    ? CellResult(status: .succeeded, outputs: cellOutputs, seconds: durations[cell.index])
                    : CellResult(status: .failed, outputs: cellOutputs + mismatches.map { .error($0.mismatchMessage()) })
            } else {
                let message = failureMessage(of: cell, outputs: &cellOutputs, termination: termination, stop: stop)
                results.cells[cell.index] = CellResult(status: .failed, outputs: cellOutputs + [.error(message)])
                stopped = true
            }
        }
        settleValues(termination: termination)
    }

    /// The inline values: evaluated, failed (a trap while evaluating, or an unexpected verdict), or not reached.
    private mutating func settleValues(termination: ProcessTermination) {
        for positioned in values {
            let position = positioned.value.index, place = positioned.value.place
            if let text = valueTexts[position] {
                let claim = valueClaims[position]
                if let claim, !unexpectedVerdicts(in: [.claim(claim)]).isEmpty {
                    results.inlineValues[position] = InlineValueResult(status: .failed, text: text, claim: claim,
                                                                       error: claim.mismatchMessage())
                } else {
                    results.inlineValues[position] = InlineValueResult(status: .evaluated, text: text, claim: claim)
                }
            } else if currentValue == position {
                let trap = TrapReport(errors: valueErrorText[position] ?? "", termination: termination.description)
                let message = trap.message + " (while evaluating `{swift} \(positioned.value.expression)` at \(place))"
                results.inlineValues[position] = InlineValueResult(status: .failed, error: message)
                // The cells after it did not fail themselves: they were not reached.
                for cell in cells where cell.index >= positioned.cellsBefore && !finished.contains(cell.index) {
                    results.cells[cell.index] = CellResult(status: .notRun)
                }
            } else {
                results.inlineValues[position] = InlineValueResult(status: .notRun)
            }
        }
    }

    /// The claims among `outputs` whose verdict is not the expected one, when claims are checked.
    private func unexpectedVerdicts(in outputs: [CellOutput]) -> [ClaimOutput] {
        guard checksClaims else { return [] }
        return outputs.compactMap { if case .claim(let claim) = $0, !claim.isAsExpected { claim } else { nil } }
    }

    /// Why `cell` did not finish, worded for the reader; a crash report is taken off the cell's text.
    private func failureMessage(of cell: Cell, outputs: inout [CellOutput], termination: ProcessTermination,
                                stop: Stop?) -> String {
        switch stop {
        case .timeout(let stoppedCell, let seconds) where stoppedCell == cell.index:
            return "\(cell.fence): error: the cell was stopped after \(seconds.secondsText) s, "
                + "its time limit (set another with timeout=SECONDS)"
        case .memory(let stoppedCell, let bytes) where stoppedCell == cell.index:
            return "\(cell.fence): error: the cell was stopped when its program used more than "
                + "\(bytes >> 20) MB of memory, its limit (set another with --memory-limit MB)"
        default:
            break
        }
        var text = ""
        if case .text(let last)? = outputs.last {
            text = last
            outputs.removeLast()
        }
        let trap = TrapReport(errors: text, termination: termination.description)
        if !trap.ownText.isEmpty { outputs.append(.text(trap.ownText + "\n")) }
        if termination.succeeded {
            return "\(cell.fence): error: the program ended before this cell did; did the cell close "
                + "standard output or call exit()?"
        }
        return trap.message
    }

    private static func droppedNotice(_ bytes: Int, limit: Int) -> String {
        "Output cut: the cell printed \(byteCount(bytes)) more than the \(byteCount(limit)) shown here, and it was dropped."
    }

    /// `1.5 MB`, `812 KB`, `96 bytes`.
    static func byteCount(_ bytes: Int) -> String {
        if bytes >= 1 << 20 { return String(format: "%.1f MB", Double(bytes) / Double(1 << 20)) }
        if bytes >= 1 << 10 { return String(format: "%.1f KB", Double(bytes) / Double(1 << 10)) }
        return "\(bytes) bytes"
    }

    /// The resident memory of a process, from `/proc`, or nil when it cannot be read.
    private static func residentBytes(of pid: pid_t) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    private static func makeNonce() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in String(generator.next() as UInt64, radix: 16) }.joined()
    }
}
