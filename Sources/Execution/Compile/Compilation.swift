import CellEvents
import Foundation
import Notebook

/// Compiles a session's cells and inline values into one program, setting aside the ones that do not compile.
///
/// A compile error in an `expect-error` cell is that cell's expected output: the cell is
/// left out and the rest compiled again. A compile error in any other cell, or in an inline
/// value, fails it; it and everything after it are left out (they may depend on it), and
/// what comes before it still compiles and runs, as it would in a notebook kernel.
struct Compilation {
    /// The program that was built, if any cell is left to run (nil when only type-checking).
    var binary: String?
    /// The cells in the program, in order.
    var compiledCells: [Cell] = []
    /// The inline values in the program, in order.
    var compiledValues: [InlineValue] = []
    /// Results already settled at compile time: expected compile errors, the failing cell or
    /// inline value, and everything after it.
    var settled = NotebookResults()
    /// Warnings, for the terminal.
    var warnings: [Diagnostic] = []

    /// Compiles `session` in `directory` with `toolchain`; with `typecheckOnly`, checks it without building.
    init(session: NotebookSession, parameters: [NotebookParameter], notebookPath: String, toolchain: Toolchain,
         directory: String, typecheckOnly: Bool = false) throws {
        var remaining = session.cells
        var remainingValues = session.inlineValues
        while !remaining.isEmpty || !remainingValues.isEmpty {
            let program = GeneratedProgram(cells: remaining, inlineValues: remainingValues, parameters: parameters,
                                           notebookPath: notebookPath)
            let source = "\(directory)/main.swift", binary = "\(directory)/cells"
            try program.source.write(toFile: source, atomically: true, encoding: .utf8)
            let arguments = typecheckOnly ? toolchain.typecheckArguments(source: source)
                : toolchain.arguments(source: source, binary: binary)
            let run = try ChildProcess.run(toolchain.compiler, arguments, environment: ProcessInfo.processInfo.environment)
            let diagnostics = Diagnostic.parse(run.errors + run.output)
            warnings = diagnostics.filter { $0.severity == .warning }
            if run.termination.succeeded {
                self.binary = typecheckOnly ? nil : "\(directory)/cells"
                compiledCells = remaining
                compiledValues = remainingValues
                return
            }
            let errors = diagnostics.filter { $0.severity == .error && $0.file == notebookPath }
            let valueErrors = errors.filter { Self.value(at: $0, in: remainingValues) != nil }
            let cellErrors = errors.filter { Self.value(at: $0, in: remainingValues) == nil }
            let failingValue = valueErrors.compactMap { Self.value(at: $0, in: remainingValues) }
                .min { ($0.location.line, $0.column) < ($1.location.line, $1.column) }
            let failingCell = remaining.first { cell in cellErrors.contains { Self.cell(containing: $0, in: remaining) == cell.index } }
            if let value = failingValue, failingCell.map({ value.location.line < $0.fence.line }) ?? true {
                let messages = valueErrors.filter { Self.value(at: $0, in: remainingValues)?.index == value.index }
                    .map { Self.quotingProse($0, of: value).text }
                settled.inlineValues[value.index] = InlineValueResult(status: .failed, error: messages.joined(separator: "\n"))
                remainingValues.removeAll { $0.index == value.index }
                skipAll(after: value.location.line, cells: &remaining, values: &remainingValues)
                continue
            }
            guard let firstFailing = failingCell else {
                throw ExecutionError("the generated program did not compile:\n\(run.errors)\(run.output)")
            }
            let messages = cellErrors.filter { Self.cell(containing: $0, in: remaining) == firstFailing.index }
                .map { CellOutput.error($0.text) }
            if firstFailing.options.expectError {
                settled.cells[firstFailing.index] = CellResult(status: .failedAsExpected, outputs: messages)
                remaining.removeAll { $0.index == firstFailing.index }
            } else {
                settled.cells[firstFailing.index] = CellResult(status: .failed, outputs: messages)
                remaining.removeAll { $0.index == firstFailing.index }
                skipAll(after: firstFailing.fence.line, cells: &remaining, values: &remainingValues)
            }
        }
    }

    /// Marks the cells and inline values below `line` as not run and leaves them out.
    private mutating func skipAll(after line: Int, cells: inout [Cell], values: inout [InlineValue]) {
        for cell in cells where cell.fence.line > line { settled.cells[cell.index] = CellResult(status: .notRun) }
        for value in values where value.location.line > line {
            settled.inlineValues[value.index] = InlineValueResult(status: .notRun)
        }
        cells.removeAll { $0.fence.line > line }
        values.removeAll { $0.location.line > line }
    }

    /// `diagnostic` with the generated line it quotes replaced by the prose line it stands for
    /// (the expression sits at the same column in both, so the caret still points at it).
    private static func quotingProse(_ diagnostic: Diagnostic, of value: InlineValue) -> Diagnostic {
        var result = diagnostic
        result.excerpt = diagnostic.excerpt.map { line in
            line.trimmingCharacters(in: .whitespaces) == ProgramSnippets.inlineCall + value.expression + ")"
                ? value.lineText : line
        }
        return result
    }

    /// The inline value written where `diagnostic` points, if any: the last one on its line
    /// that starts at or before its column.
    private static func value(at diagnostic: Diagnostic, in values: [InlineValue]) -> InlineValue? {
        let onLine = values.filter { $0.location.line == diagnostic.line }
        return onLine.last { $0.column - ProgramSnippets.inlineCall.count <= diagnostic.column } ?? onLine.first
    }

    /// The index of the cell whose lines hold `diagnostic`, or -1 for none.
    private static func cell(containing diagnostic: Diagnostic, in cells: [Cell]) -> Int {
        cells.last { $0.firstCodeLine <= diagnostic.line }?.index ?? -1
    }
}
