import CellEvents
import Foundation
import Notebook

/// Compiles a session's cells into one program, setting aside the cells that do not compile.
///
/// A compile error in an `expect-error` cell is that cell's expected output: the cell is
/// left out and the rest compiled again. A compile error in any other cell fails that cell;
/// it and the cells after it are left out (they may depend on it), and the cells before it
/// still compile and run, as they would in a notebook kernel.
struct Compilation {
    /// The program that was built, if any cell is left to run.
    var binary: String?
    /// The cells in the program, in order.
    var compiledCells: [Cell] = []
    /// Results already settled at compile time: expected compile errors, the failing cell, and the cells after it.
    var settled: [Int: CellResult] = [:]
    /// Warnings, for the terminal.
    var warnings: [Diagnostic] = []

    /// Compiles `cells` (indexed by position, see ``CellFile``) in `directory` with `toolchain`.
    init(cells: [Cell], toolchain: Toolchain, directory: String) throws {
        var remaining = cells
        while !remaining.isEmpty {
            let program = GeneratedProgram(cells: remaining)
            let source = "\(directory)/main.swift", binary = "\(directory)/cells"
            try program.source.write(toFile: source, atomically: true, encoding: .utf8)
            let run = try ChildProcess.run(toolchain.compiler, toolchain.arguments(source: source, binary: binary),
                                           environment: ProcessInfo.processInfo.environment)
            let diagnostics = Diagnostic.parse(run.errors + run.output)
            warnings = diagnostics.filter { $0.severity == .warning }
            if run.termination.succeeded {
                self.binary = binary
                compiledCells = remaining
                return
            }
            let errors = diagnostics.filter { $0.severity == .error }
            let byCell = Dictionary(grouping: errors) { Self.cell(containing: $0, in: remaining) }
            guard let firstFailing = remaining.first(where: { byCell[$0.index] != nil }) else {
                throw ExecutionError("the generated program did not compile:\n\(run.errors)\(run.output)")
            }
            let messages = byCell[firstFailing.index]!.map { CellOutput.error($0.text) }
            if firstFailing.options.expectError {
                settled[firstFailing.index] = CellResult(status: .failedAsExpected, outputs: messages)
                remaining.removeAll { $0.index == firstFailing.index }
            } else {
                settled[firstFailing.index] = CellResult(status: .failed, outputs: messages)
                for cell in remaining where cell.index > firstFailing.index {
                    settled[cell.index] = CellResult(status: .notRun)
                }
                remaining.removeAll { $0.index >= firstFailing.index }
            }
        }
    }

    /// The index of the cell whose file holds `diagnostic`, or -1 for none.
    private static func cell(containing diagnostic: Diagnostic, in cells: [Cell]) -> Int {
        guard let position = CellFile.position(named: diagnostic.file),
              cells.contains(where: { $0.index == position }) else { return -1 }
        return position
    }
}
