/// A Swift expression written in prose as `` `{swift} expression` ``: evaluated in its session's
/// state at that point of the notebook, and shown as text in its place.
///
/// ```markdown
/// The three seeds end at `{swift} finals.mean, digits: 1` on average.
/// ```
///
/// What follows the expression after a comma is passed on to the formatting call the value is
/// shown with, so `digits: 1` fixes the decimals (see `inline(...)` in BookRuntime).
public struct InlineValue: Sendable {
    /// The marker that opens an inline value inside backticks.
    public static let marker = "{swift}"

    /// The value's position among the notebook's inline values, from 0.
    public var index: Int
    /// The expression, with any formatting arguments after it, exactly as written.
    public var expression: String
    /// The line it is written on.
    public var location: SourceLocation
    /// The column (1-based, in UTF-8 bytes, as the compiler counts) where the expression starts.
    public var column: Int
    /// The session whose state it reads: that of the last running cell above it, else the default one.
    public var session: String
    /// The position of its top-level prose block among the notebook's blocks.
    public var blockIndex: Int
    /// The whole notebook line it is written on, to quote under a compile error.
    public var lineText: String

    /// Creates an inline value.
    public init(index: Int, expression: String, location: SourceLocation, column: Int, session: String,
                blockIndex: Int, lineText: String = "") {
        self.lineText = lineText
        self.index = index
        self.expression = expression
        self.location = location
        self.column = column
        self.session = session
        self.blockIndex = blockIndex
    }

    /// `file:line:col`, where a compile error in the expression is reported.
    public var place: String { "\(location):\(column)" }
}
