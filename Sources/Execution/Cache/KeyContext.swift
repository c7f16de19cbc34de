/// Everything besides a session's cells that its results can depend on, each part a digest,
/// kept apart so that a re-run can say which one changed.
public struct KeyContext: Codable, Equatable, Sendable {
    /// The compiler's version and flags, and the bytes of the engine library and its module interfaces.
    public var toolchain: String
    /// ppo-book's version and the bytes of its executable.
    public var ppoBook: String
    /// The notebook's parameters, as a sorted list of names and values.
    public var parameters: String
    /// The names and bytes of the notebook's declared inputs.
    public var inputs: String
    /// The other settings that reach the cells: the default time limit and the folder cells run in.
    public var settings: String

    /// The parts, each with what a change to it is called in a summary, in a fixed order.
    var parts: [(value: String, change: String)] {
        [(toolchain, "the engine or the compiler changed"), (ppoBook, "ppo-book changed"),
         (parameters, "the parameters changed"), (inputs, "a declared input changed"),
         (settings, "the time limit or the notebook's folder changed")]
    }
}
