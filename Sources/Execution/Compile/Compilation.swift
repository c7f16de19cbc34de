import CellEvents
import Foundation
import Notebook

/// Compiles a session's cells and inline values into one program, setting aside the ones that do not compile.
///
/// A compile error in an `expect-error` cell that expects one is that cell's output: the
/// cell is left out and the rest compiled again. A compile error in any other cell fails
/// that cell; it and the cells after it are left out (they may depend on it), and the cells
/// before it still compile and run, as they would in a notebook kernel. A compile error in an
/// inline value fails it in the same way: what comes after it is left out.
///
/// A cell that leaves a bracket or a block comment open fails before the compiler runs, at
/// its own line; a compiler message about the code ppo-book writes around the cells is
/// given to the nearest cell before it.
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
    /// in `directory` with `toolchain`, stopping the compiler after `limit` seconds; with
    /// `typecheckOnly`, checks them without building. Places in messages are relative to the
    /// cells and values (``ResultPlacement`` moves them into the notebook).
    init(cells: [Cell], values: [PositionedValue] = [], parameters: [NotebookParameter] = [], toolchain: Toolchain,
         directory: String, limit: Double, typecheckOnly: Bool = false) throws {
        var remaining = cells
        var remainingValues = values
        for cell in cells {
            guard let problem = UnclosedDelimiter.first(in: cell.source) else { continue }
            let place = "\(cell.fence.file):\(cell.firstCodeLine + problem.line):\(problem.column)"
            settle(cell, failedWith: ["\(place): error: \(problem.message)"], remaining: &remaining, values: &remainingValues)
            if !cell.options.expectError { break }
        }
        // The compiler's own temporary files go in `directory` too, so an interrupt removes them.
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = directory
        while !remaining.isEmpty || !remainingValues.isEmpty {
            let program = GeneratedProgram(cells: remaining, values: remainingValues, parameters: parameters)
            let source = "\(directory)/main.swift", binary = "\(directory)/cells"
            try program.source.write(toFile: source, atomically: false, encoding: .utf8)
            let arguments = typecheckOnly ? toolchain.typecheckArguments(source: source)
                : toolchain.arguments(source: source, binary: binary)
            let run = try ChildProcess.run(toolchain.compiler, arguments, environment: environment, limit: limit)
            if run.timedOut {
                throw ExecutionError("compiling the session whose first cell is at \(remaining.first?.fence.description ?? "its start") was stopped "
                    + "after \(limit.secondsText) s, its limit (set another with --compile-timeout SECONDS)")
            }
            let diagnostics = Diagnostic.parse(run.output)
                .map { Self.placedInCell($0, program: program.source, cells: remaining) }
            warnings = diagnostics.filter { $0.severity == .warning }
            if run.termination.succeeded {
                self.binary = typecheckOnly ? nil : binary
                compiledCells = remaining
                compiledValues = remainingValues
                return
            }
            let errors = diagnostics.filter { $0.severity == .error }
            let byCell = Dictionary(grouping: errors) { Self.cell(containing: $0, in: remaining) }
            let firstFailing = remaining.first(where: { byCell[$0.index] != nil })
            let failingValue = remainingValues.first { value in errors.contains { Self.value(of: $0) == value.value.index } }
            if let failingValue, firstFailing.map({ failingValue.cellsBefore <= $0.index }) ?? true {
                let messages = errors.filter { Self.value(of: $0) == failingValue.value.index }
                    .map { Self.quotingProse($0, of: failingValue.value).text }
                settled.inlineValues[failingValue.value.index] = InlineValueResult(
                    status: .failed, error: messages.joined(separator: "\n"))
                skip(cellsFrom: failingValue.cellsBefore, valuesAfter: failingValue.value.index,
                     cells: &remaining, values: &remainingValues)
                remainingValues.removeAll { $0.value.index == failingValue.value.index }
                continue
            }
            guard let firstFailing else {
                throw ExecutionError("the generated program did not compile:\n\(run.output)")
            }
            settle(firstFailing, failedWith: byCell[firstFailing.index]!.map(\.text), remaining: &remaining,
                   values: &remainingValues)
        }
    }

    /// Records that `cell` did not compile, with `messages`, and leaves it out of `remaining`;
    /// unless the failure was expected, the cells after it are left out too.
    private mutating func settle(_ cell: Cell, failedWith messages: [String], remaining: inout [Cell],
                                 values: inout [PositionedValue]) {
        let outputs = messages.map(CellOutput.error)
        let text = messages.joined(separator: "\n")
        if let expected = cell.options.expectedError {
            if expected.accepts(.compile, text: text) {
                settled.cells[cell.index] = CellResult(status: .failedAsExpected, outputs: outputs)
                remaining.removeAll { $0.index == cell.index }
                return
            }
            let note = "\(cell.fence): error: this cell expects \(expected.description), but it failed to compile"
            settled.cells[cell.index] = CellResult(status: .failed, outputs: outputs + [.error(note)])
        } else {
            settled.cells[cell.index] = CellResult(status: .failed, outputs: outputs)
        }
        remaining.removeAll { $0.index == cell.index }
        let valuesAfter = values.first { $0.cellsBefore > cell.index }.map { $0.value.index - 1 }
        skip(cellsFrom: cell.index + 1, valuesAfter: valuesAfter ?? .max, cells: &remaining, values: &values)
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

    /// A diagnostic in the code ppo-book generated, moved to the fence of the cell it follows
    /// (line 0 of that cell's file; its excerpt, which shows generated code and temporary
    /// paths, is dropped).
    private static func placedInCell(_ diagnostic: Diagnostic, program: String, cells: [Cell]) -> Diagnostic {
        guard CellFile.position(named: diagnostic.file) == nil,
              InlineValueFile.position(named: diagnostic.file) == nil else { return diagnostic }
        let lines = program.split(separator: "\n", omittingEmptySubsequences: false)
        let marker = "CellSession.begin(cell: "
        let before = lines.prefix(max(0, min(diagnostic.line, lines.count)))
        guard let beginLine = before.last(where: { $0.hasPrefix(marker) }),
              let index = Int(beginLine.dropFirst(marker.count).dropLast()),
              let cell = cells.first(where: { $0.index == index }) ?? cells.first else { return diagnostic }
        var placed = diagnostic
        placed.file = cell.fence.file
        placed.line = cell.fence.line
        placed.column = 1
        placed.message += " (in the code ppo-book writes around this cell)"
        placed.excerpt = []
        return placed
    }

    /// The index of the cell whose file holds `diagnostic`, or -1 for none.
    private static func cell(containing diagnostic: Diagnostic, in cells: [Cell]) -> Int {
        guard let position = CellFile.position(named: diagnostic.file),
              cells.contains(where: { $0.index == position }) else { return -1 }
        return position
    }
}
