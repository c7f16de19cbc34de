import CellEvents
import Foundation
import Notebook

/// Runs a compiled session program and sorts what it sends into each cell's and inline value's result.
struct SessionRun {
    /// The result of every compiled cell and inline value, by position in the session.
    private(set) var results = NotebookResults()

    private let cells: [Cell]
    private let values: [PositionedValue]
    private let checksClaims: Bool
    private var valueTexts: [Int: String] = [:]
    private var valueClaims: [Int: ClaimOutput] = [:]
    private var currentValue: Int?
    private var errorValue: Int?
    private var valueErrorText: [Int: String] = [:]
    private var outputs: [Int: [CellOutput]] = [:]
    private var errorText: [Int: String] = [:]
    private var finished: Set<Int> = []
    private var started: [Int: Date] = [:]
    private var durations: [Int: Double] = [:]
    private var expectedFailures: [Int: String] = [:]
    private var missingFailures: Set<Int> = []
    private var current: Int?
    private var errorCell: Int?

    /// Runs `binary`, whose program holds `cells` and `values`, in `directory` (the notebook's folder).
    ///
    /// - Parameters:
    ///   - extraEnvironment: variables set for the program beside ppo-book's own environment.
    ///   - timeout: the time limit of a cell that sets none.
    ///   - checksClaims: whether a claim whose verdict is not the expected one fails its cell or value.
    ///   - onCellStart: called as each cell begins.
    ///   - onProgress: called with each progress report and the cell that sent it.
    init(binary: String, cells: [Cell], values: [PositionedValue], directory: String, extraEnvironment: [String: String],
         timeout: Double, checksClaims: Bool, onCellStart: (Cell) -> Void, onProgress: (Cell, ProgressReport) -> Void) throws {
        self.cells = cells
        self.values = values
        self.checksClaims = checksClaims
        let framing = EventFraming(nonce: Self.makeNonce())
        var environment = ProcessInfo.processInfo.environment.merging(extraEnvironment) { _, extra in extra }
        environment[CellSessionEnvironment.nonce] = framing.nonce
        environment[CellSessionEnvironment.workingDirectory] = directory
        environment["SWIFT_BACKTRACE"] = "enable=yes,interactive=no,color=no,threads=crashed,registers=none,images=none,sanitize=yes"
        let child = try ChildProcess(executable: binary, arguments: [], environment: environment)

        var outputDecoder = EventStreamDecoder(framing: framing)
        var errorDecoder = EventStreamDecoder(framing: framing)
        var deadline = Date.distantFuture
        var timedOut: (cell: Int, seconds: Double)?
        let limits = Dictionary(uniqueKeysWithValues: cells.map { ($0.index, $0.options.timeout ?? timeout) })
        let byIndex = Dictionary(uniqueKeysWithValues: cells.map { ($0.index, $0) })

        let termination = child.communicate(handle: { fromErrors, bytes in
            if fromErrors {
                for piece in errorDecoder.feed(bytes) { acceptError(piece) }
            } else {
                for piece in outputDecoder.feed(bytes) {
                    if case .event(.cellStarted(let index)) = piece {
                        deadline = Date() + limits[index]!
                        byIndex[index].map(onCellStart)
                    }
                    if case .event(.progress(let report)) = piece, let current, let cell = byIndex[current] {
                        onProgress(cell, report)
                    }
                    accept(piece)
                }
            }
        }, check: {
            guard Date() > deadline, let current else { return false }
            timedOut = (current, limits[current]!)
            return true
        })
        outputDecoder.finish().forEach { accept($0) }
        errorDecoder.finish().forEach { acceptError($0) }
        settle(termination: termination, timedOut: timedOut)
    }

    private mutating func accept(_ piece: EventStreamDecoder.Piece) {
        switch piece {
        case .text(let text):
            if let current { append(.text(text), to: current) }
        case .event(let event):
            switch event {
            case .cellStarted(let index):
                current = index
                currentValue = nil
                started[index] = Date()
            case .cellFinished(let index):
                finished.insert(index)
                durations[index] = started[index].map { Date().timeIntervalSince($0) }
            case .table(let table): if let current { append(.table(table), to: current) }
            case .figure(let figure): if let current { append(.figure(figure), to: current) }
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
                    append(.claim(claim), to: current)
                }
            }
        }
    }

    private mutating func acceptError(_ piece: EventStreamDecoder.Piece) {
        switch piece {
        case .text(let text):
            if let errorValue {
                valueErrorText[errorValue, default: ""] += text
            } else if let errorCell {
                errorText[errorCell, default: ""] += text
            }
        case .event(.cellStarted(let index)):
            errorCell = index
            errorValue = nil
        case .event(.inlineStarted(let index)): errorValue = index
        case .event: break
        }
    }

    private mutating func append(_ output: CellOutput, to cell: Int) {
        if case .text(let more) = output, case .text(let earlier)? = outputs[cell]?.last {
            outputs[cell]![outputs[cell]!.count - 1] = .text(earlier + more)
        } else {
            outputs[cell, default: []].append(output)
        }
    }

    private mutating func settle(termination: ProcessTermination, timedOut: (cell: Int, seconds: Double)?) {
        var stopped = false
        for cell in cells {
            var cellOutputs = outputs[cell.index] ?? []
            let errors = errorText[cell.index] ?? ""
            if stopped {
                results.cells[cell.index] = CellResult(status: .notRun)
            } else if let report = expectedFailures[cell.index] {
                let trap = TrapReport(errors: report, termination: "an error")
                if !trap.ownText.isEmpty { cellOutputs.append(.standardError(trap.ownText)) }
                results.cells[cell.index] = CellResult(status: .failedAsExpected, outputs: cellOutputs + [.error(trap.message)])
            } else if missingFailures.contains(cell.index) {
                let message = "\(cell.fence): error: this cell is marked expect-error, but it ran without an error"
                results.cells[cell.index] = CellResult(status: .failed, outputs: cellOutputs + [.error(message)])
                stopped = true
            } else if finished.contains(cell.index) {
                if !errors.isEmpty { cellOutputs.append(.standardError(errors)) }
                let mismatches = unexpectedVerdicts(in: cellOutputs)
                results.cells[cell.index] = mismatches.isEmpty
                    ? CellResult(status: .succeeded, outputs: cellOutputs, seconds: durations[cell.index])
                    : CellResult(status: .failed, outputs: cellOutputs + mismatches.map { .error($0.mismatchMessage()) })
            } else {
                let message: String
                var ownText = errors
                if let timedOut, timedOut.cell == cell.index {
                    message = "\(cell.fence): error: the cell was stopped after \(Self.format(timedOut.seconds)) s, "
                        + "its time limit (set another with timeout=SECONDS)"
                } else {
                    let trap = TrapReport(errors: errors, termination: termination.description)
                    message = trap.message
                    ownText = trap.ownText
                }
                if !ownText.isEmpty { cellOutputs.append(.standardError(ownText)) }
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

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }

    private static func makeNonce() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in String(generator.next() as UInt64, radix: 16) }.joined()
    }
}
