/// What the tags after `swift` on a cell's fence ask for.
///
/// ````markdown
/// ```swift id=curves caption="Three seeds" timeout=120
/// ````
public struct CellOptions: Equatable, Sendable {
    /// `hide`: run the cell but do not show its code.
    public var hide = false
    /// `norun`: show the code but do not run it.
    public var norun = false
    /// `session=NAME`: the program (and so the state) this cell belongs to.
    public var session = CellOptions.defaultSession
    /// `id=NAME`: the cell's anchor, and the base name of the files its figures are written to.
    public var id: String?
    /// `caption="..."`: a caption shown under the cell's figures.
    public var caption: String?
    /// `expect-error`: the cell must fail, in the way given; its error is its output.
    public var expectedError: ExpectedError?
    /// Whether the cell is tagged `expect-error` in any form.
    public var expectError: Bool { expectedError != nil }
    /// `timeout=SECONDS`: how long the cell may run before it is stopped.
    public var timeout: Double?

    /// The session of cells that name none: one program per notebook.
    public static let defaultSession = "main"

    /// Options with every tag absent.
    public init() {}
}
