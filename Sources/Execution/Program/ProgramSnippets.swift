import Notebook

/// The pieces a session program holds besides its cells: the parameters' constants and the
/// inline values' evaluations.
enum ProgramSnippets {
    /// The call an inline value's expression is wrapped in (`inline(...)` in BookRuntime).
    static let inlineCall = "inline("

    /// `let name: Type = value` for each parameter, so cells see them as constants.
    static func declarations(of parameters: [NotebookParameter]) -> [String] {
        parameters.map { "let \($0.name): \($0.value.typeName) = \($0.value.swiftLiteral)" }
    }

    /// The call that evaluates and sends an inline value, placed at its line and column in the
    /// notebook, so a compile error in the expression names the prose's own `file:line:col`.
    static func evaluation(of value: InlineValue, notebookPath: String) -> [String] {
        let padding = String(repeating: " ", count: max(value.column - 1 - inlineCall.count, 0))
        return [
            "CellSession.beginInline(\(value.index))",
            "#sourceLocation(file: \(literal(notebookPath)), line: \(value.location.line))",
            padding + inlineCall + value.expression + ")",
            "#sourceLocation()",
        ]
    }

    /// `text` as a Swift string literal.
    static func literal(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
