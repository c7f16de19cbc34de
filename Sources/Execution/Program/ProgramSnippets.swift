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

    /// The call that evaluates and sends an inline value, its expression at the column it has
    /// in the prose, so a compile error in it names the prose's own column.
    static func evaluation(of positioned: PositionedValue) -> [String] {
        let value = positioned.value
        let padding = String(repeating: " ", count: max(value.column - 1 - inlineCall.count, 0))
        return [
            "CellSession.beginInline(\(value.index))",
            "#sourceLocation(file: \"\(InlineValueFile.name(position: value.index))\", line: 1)",
            padding + inlineCall + value.expression + ")",
            "#sourceLocation()",
        ]
    }
}
