/// TeX that the math subset cannot typeset, with the place in the formula where it went wrong.
public struct MathError: Error, Equatable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// The offset, in characters from the start of the formula's TeX, of the offending text.
    public var offset: Int

    /// Creates an error at `offset`.
    public init(_ message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    /// The message.
    public var description: String { message }
}
