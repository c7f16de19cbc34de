import CellEvents

/// What became of one inline value: its text, or why it has none.
public struct InlineValueResult: Codable, Equatable, Sendable {
    /// How the evaluation ended.
    public enum Status: String, Codable, Sendable {
        /// It was evaluated; `text` holds what the page shows.
        case evaluated
        /// It did not compile, trapped, or made a claim whose verdict was not the expected one.
        case failed
        /// An earlier cell or inline value of its session failed, so it was not evaluated.
        case notRun
    }

    /// How the evaluation ended.
    public var status: Status
    /// The text shown in the prose.
    public var text: String?
    /// The claim the expression made, if it made one.
    public var claim: ClaimOutput?
    /// What went wrong, worded for the reader (`file:line:col: error: ...`).
    public var error: String?

    /// Creates a result.
    public init(status: Status, text: String? = nil, claim: ClaimOutput? = nil, error: String? = nil) {
        self.status = status
        self.text = text
        self.claim = claim
        self.error = error
    }
}
