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
    /// The program that was built, if anything is left to run (nil when only type-checking).
    var binary: String?
    /// The cells in the program, in order.
    var compiledCells: [Cell] = []
    /// The inline values in the program, in order.
    var compiledValues: [PositionedValue] = []
    /// Results already settled at compile time, by position: expected compile errors, the
    /// failing cell or inline value, and everything after it.
    var settled = NotebookResults()
    /// Warnings, for the terminal.
    var warnings: [Diagnostic] = []

    /// Compiles `cells` and `values` (indexed by position, see ``CellFile`` and ``InlineValueFile``)
    /// in `directory` with `toolchain`; with `typecheckOnly`, checks them without building.
    init(cells: [Cell], values: [PositionedValue] = [], parameters: [NotebookParameter] = [], toolchain: Toolchain,
         directory: String, typecheckOnly: Bool = false) throws {
        var remaining = cells
        var remainingValues = values
        while !remaining.isEmpty || !remainingValues.isEmpty {
            let program = GeneratedProgram(cells: remaining, values: remainingValues, parameters: parameters)
            let source = "\(directory)/main.swift", binary = "\(directory)/cells"
            try program.source.write(toFile: source, atomically: true, encoding: .utf8)
            let arguments = typecheckOnly ? toolchain.typecheckArguments(source: source)
                : toolchain.arguments(source: source, binary: binary)
            let run = try ChildProcess.run(toolchain.compiler, arguments, environment: ProcessInfo.processInfo.environment)
            let diagnostics = Diagnostic.parse(run.errors + run.output)
            warnings = diagnostics.filter { $0.severity == .warning }
            if run.termination.succeeded {
                self.binary = typecheckOnly ? nil : binary
                compiledCells = remaining
                compiledValues = remainingValues
                return
            }
            let errors = diagnostics.filter { $0.severity == .error }
            let failingValue = remainingValues.first { value in errors.contains { Self.value(of: $0) == value.value.index } }
            let failingCell = remaining.first { cell in errors.contains { Self.cell(of: $0) == cell.index } }
            if let failingValue, failingCell.map({ failingValue.cellsBefore <= $0.index }) ?? true {
                let messages = errors.filter { Self.value(of: $0) == failingValue.value.index }
                    .map { Self.quotingProse($0, of: failingValue.value).text }
                settled.inlineValues[failingValue.value.index] = InlineValueResult(
                    status: .failed, error: messages.joined(separator: "\n"))
                skip(cellsFrom: failingValue.cellsBefore, valuesAfter: failingValue.value.index,
                     cells: &remaining, values: &remainingValues)
                remainingValues.removeAll { $0.value.index == failingValue.value.index }
                continue
            }
            guard let firstFailing = failingCell else {
                throw ExecutionError("the generated program did not compile:\n\(run.errors)\(run.output)")
            }
            let messages = errors.filter { Self.cell(of: $0) == firstFailing.index }.map { CellOutput.error($0.text) }
            if firstFailing.options.expectError {
                settled.cells[firstFailing.index] = CellResult(status: .failedAsExpected, outputs: messages)
                remaining.removeAll { $0.index == firstFailing.index }
            } else {
                settled.cells[firstFailing.index] = CellResult(status: .failed, outputs: messages)
                remaining.removeAll { $0.index == firstFailing.index }
                let valuesAfter = remainingValues.first { $0.cellsBefore > firstFailing.index }.map { $0.value.index - 1 }
                skip(cellsFrom: firstFailing.index + 1, valuesAfter: valuesAfter ?? .max, cells: &remaining, values: &remainingValues)
            }
        }
    }

    /// Marks the cells from position `cellsFrom` and the inline values after position `valuesAfter`
    /// as not run, and leaves them out.
    private mutating func skip(cellsFrom: Int, valuesAfter: Int, cells: inout [Cell], values: inout [PositionedValue]) {
        for cell in cells where cell.index >= cellsFrom { settled.cells[cell.index] = CellResult(status: .notRun) }
        for value in values where value.value.index > valuesAfter {
            settled.inlineValues[value.value.index] = InlineValueResult(status: .notRun)
        }
        cells.removeAll { $0.index >= cellsFrom }
        values.removeAll { $0.value.index > valuesAfter }
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

    /// The position of the inline value whose file holds `diagnostic`, if it is one.
    private static func value(of diagnostic: Diagnostic) -> Int? {
        InlineValueFile.position(named: diagnostic.file)
    }

    /// The position of the cell whose file holds `diagnostic`, if it is one.
    private static func cell(of diagnostic: Diagnostic) -> Int? {
        CellFile.position(named: diagnostic.file)
    }
}
