/// How an `expect-error` cell must fail.
///
/// ````markdown
/// ```swift expect-error="shapes [64] and [64, 1]"
/// ````
public enum ExpectedError: Equatable, Sendable {
    /// `expect-error`: any compile error or run-time failure.
    case any
    /// `expect-error=compile`: a compile error.
    case compile
    /// `expect-error=trap`: a failure at run time (a trap, an uncaught error, a crash).
    case trap
    /// `expect-error="TEXT"`: any failure whose message contains `TEXT`.
    case message(String)

    /// The two ways a cell can fail.
    public enum Failure: Sendable {
        case compile, trap
    }

    /// Whether a failure of kind `failure`, worded `text`, is the one expected.
    public func accepts(_ failure: Failure, text: String) -> Bool {
        switch self {
        case .any: return true
        case .compile: return failure == .compile
        case .trap: return failure == .trap
        case .message(let part): return text.contains(part)
        }
    }

    /// What was expected, for the message when the cell fails another way.
    public var description: String {
        switch self {
        case .any: return "an error"
        case .compile: return "a compile error"
        case .trap: return "a failure at run time"
        case .message(let part): return "an error containing \"\(part)\""
        }
    }
}
