import CellEvents


/// What became of one cell: how it ended and everything it produced, in order.
public struct CellResult: Codable, Equatable, Sendable {
    /// How a cell ended.
    public enum Status: String, Codable, Sendable {
        /// It ran to its end.
        case succeeded
        /// It failed: a compile error, a trap, a time-out, or an `expect-error` cell that did not fail.
        case failed
        /// An `expect-error` cell failed, as it should; its error is shown as its output.
        case failedAsExpected
        /// An earlier cell of its session failed, so it did not run.
        case notRun
        /// A `norun` cell: shown, never run.
        case shownOnly
    }

    /// How the cell ended.
    public var status: Status
    /// What it produced, in order.
    public var outputs: [CellOutput]
    /// How long it ran, in seconds, when it ran to its end (never shown on the page, which stays deterministic).
    public var seconds: Double?

    /// Creates a result.
    public init(status: Status, outputs: [CellOutput] = [], seconds: Double? = nil) {
        self.status = status
        self.outputs = outputs
        self.seconds = seconds
    }

    /// The error messages among the outputs, for the terminal.
    public var errorMessages: [String] {
        outputs.compactMap { if case .error(let message) = $0 { message } else { nil } }
    }
}
