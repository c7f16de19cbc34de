import CellEvents
import Foundation
import Notebook

/// Compiles a session's cells into one program, setting aside the cells that do not compile.
///
/// A compile error in an `expect-error` cell that expects one is that cell's output: the
/// cell is left out and the rest compiled again. A compile error in any other cell fails
/// that cell; it and the cells after it are left out (they may depend on it), and the cells
/// before it still compile and run, as they would in a notebook kernel.
///
/// A cell that leaves a bracket or a block comment open fails before the compiler runs, at
/// its own line; a compiler message about the code ppo-book writes around the cells is
/// given to the nearest cell before it.
struct Compilation {
    /// The program that was built, if any cell is left to run.
    var binary: String?
    /// The cells in the program, in order.
    var compiledCells: [Cell] = []
    /// Results already settled at compile time: expected compile errors, the failing cell, and the cells after it.
    var settled: [Int: CellResult] = [:]
    /// Warnings, for the terminal.
    var warnings: [Diagnostic] = []

    /// Compiles `cells` (indexed by position, see ``CellFile``) in `directory` with `toolchain`,
    /// stopping the compiler after `limit` seconds. Places in messages are relative to the
    /// cells (``ResultPlacement`` moves them into the notebook).
    init(cells: [Cell], toolchain: Toolchain, directory: String, limit: Double) throws {
        var remaining = cells
        for cell in cells {
            guard let problem = UnclosedDelimiter.first(in: cell.source) else { continue }
            let place = "\(cell.fence.file):\(cell.firstCodeLine + problem.line):\(problem.column)"
            settle(cell, failedWith: ["\(place): error: \(problem.message)"], remaining: &remaining)
            if !cell.options.expectError { break }
        }
        // The compiler's own temporary files go in `directory` too, so an interrupt removes them.
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = directory
        while !remaining.isEmpty {
            let program = GeneratedProgram(cells: remaining)
            let source = "\(directory)/main.swift", binary = "\(directory)/cells"
            try program.source.write(toFile: source, atomically: false, encoding: .utf8)
            let run = try ChildProcess.run(toolchain.compiler, toolchain.arguments(source: source, binary: binary),
                                           environment: environment, limit: limit)
            if run.timedOut {
                throw ExecutionError("compiling the session whose first cell is at \(remaining[0].fence) was stopped "
                    + "after \(limit.secondsText) s, its limit (set another with --compile-timeout SECONDS)")
            }
            let diagnostics = Diagnostic.parse(run.output)
                .map { Self.placedInCell($0, program: program.source, cells: remaining) }
            warnings = diagnostics.filter { $0.severity == .warning }
            if run.termination.succeeded {
                self.binary = binary
                compiledCells = remaining
                return
            }
            let errors = diagnostics.filter { $0.severity == .error }
            let byCell = Dictionary(grouping: errors) { Self.cell(containing: $0, in: remaining) }
            guard let firstFailing = remaining.first(where: { byCell[$0.index] != nil }) else {
                throw ExecutionError("the generated program did not compile:\n\(run.output)")
            }
            settle(firstFailing, failedWith: byCell[firstFailing.index]!.map(\.text), remaining: &remaining)
        }
    }

    /// Records that `cell` did not compile, with `messages`, and leaves it out of `remaining`;
    /// unless the failure was expected, the cells after it are left out too.
    private mutating func settle(_ cell: Cell, failedWith messages: [String], remaining: inout [Cell]) {
        let outputs = messages.map(CellOutput.error)
        let text = messages.joined(separator: "\n")
        if let expected = cell.options.expectedError {
            if expected.accepts(.compile, text: text) {
                settled[cell.index] = CellResult(status: .failedAsExpected, outputs: outputs)
                remaining.removeAll { $0.index == cell.index }
                return
            }
            let note = "\(cell.fence): error: this cell expects \(expected.description), but it failed to compile"
            settled[cell.index] = CellResult(status: .failed, outputs: outputs + [.error(note)])
        } else {
            settled[cell.index] = CellResult(status: .failed, outputs: outputs)
        }
        for later in remaining where later.index > cell.index {
            settled[later.index] = CellResult(status: .notRun)
        }
        remaining.removeAll { $0.index >= cell.index }
    }

    /// A diagnostic in the code ppo-book generated, moved to the fence of the cell it follows
    /// (line 0 of that cell's file; its excerpt, which shows generated code and temporary
    /// paths, is dropped).
    private static func placedInCell(_ diagnostic: Diagnostic, program: String, cells: [Cell]) -> Diagnostic {
        guard CellFile.position(named: diagnostic.file) == nil else { return diagnostic }
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
