/// A claim a cell or an inline value made with `claim(...)`: a sentence, whether the numbers
/// bear it out, the verdict the author expects, and the numbers it rests on.
public struct ClaimOutput: Codable, Equatable, Sendable {
    /// One number (or list of numbers) a claim rests on, already formatted.
    public struct Evidence: Codable, Equatable, Sendable {
        /// What the number is.
        public var name: String
        /// The number, as text.
        public var value: String

        /// Creates a piece of evidence.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The claim, as the lesson states it.
    public var statement: String
    /// Whether the runs bear it out.
    public var holds: Bool
    /// The verdict the author expects; a different one fails the render.
    public var expected: Bool
    /// The numbers the verdict rests on, in the order given.
    public var evidence: [Evidence]
    /// The notebook line that made the claim.
    public var file: String
    /// Its line.
    public var line: Int

    /// Creates a claim.
    public init(statement: String, holds: Bool, expected: Bool, evidence: [Evidence], file: String, line: Int) {
        self.statement = statement
        self.holds = holds
        self.expected = expected
        self.evidence = evidence
        self.file = file
        self.line = line
    }

    /// Whether the verdict is the expected one.
    public var isAsExpected: Bool { holds == expected }

    /// The claim as one line of plain text: its mark, its statement and its evidence.
    public var plainText: String {
        (holds ? "✓ holds: " : "✗ does not hold: ") + statement + (evidence.isEmpty ? "" : " (\(evidenceText))")
    }

    /// The evidence as `name: value` pairs joined by semicolons.
    public var evidenceText: String {
        evidence.map { "\($0.name): \($0.value)" }.joined(separator: "; ")
    }

    /// The message for a verdict that differs from the expected one: `file:line: error: ...`
    /// (or `warning:`, where a different verdict does not fail the render).
    public func mismatchMessage(severity: String = "error") -> String {
        let verdict = holds ? "holds" : "does not hold"
        let wanted = expected ? "to hold" : "not to hold"
        let numbers = evidence.isEmpty ? "" : " (\(evidenceText))"
        return "\(file):\(line): \(severity): the claim \"\(statement)\" \(verdict), but it was expected \(wanted)\(numbers)"
    }
}
