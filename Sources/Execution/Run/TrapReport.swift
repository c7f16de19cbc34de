import Foundation

/// Turns what a crashed program wrote to standard error (its own text, a `Fatal error`
/// line and the runtime's backtrace) into a short message that names the cell's line
/// (placed in the notebook later, by ``ResultPlacement``).
///
/// ```text
/// ppo-book-cell-7.swift:12:21: error: Tensor.sub: shapes [64] and [64, 1] ...
/// ```
struct TrapReport {
    /// What the program wrote before the crash report began.
    let ownText: String
    /// The worded error.
    let message: String

    /// Reads `errors` from a session program.
    init(errors: String, termination: String) {
        let lines = errors.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let backtraceStart = lines.firstIndex { $0.hasPrefix("*** Signal") || $0.hasPrefix("*** Program crashed") }
            ?? lines.count
        let before = lines[..<backtraceStart]
        let fatalLine = before.lastIndex { $0.contains("Fatal error: ") }
        let place = lines[backtraceStart...].lazy.compactMap { Self.cellPlace(in: $0) }.first

        var own = Array(before)
        var message: String
        if let fatalLine {
            let text = before[fatalLine]
            message = String(text[text.range(of: "Fatal error: ")!.upperBound...])
            own.remove(at: fatalLine)
        } else if let crash = lines[backtraceStart...].first(where: { $0.hasPrefix("*** Program crashed") }) {
            message = crash.trimmingCharacters(in: CharacterSet(charactersIn: "* "))
        } else {
            message = "the program stopped with \(termination)"
        }
        message = (place.map { "\($0): " } ?? "") + "error: " + message
        while own.last?.isEmpty == true { own.removeLast() }
        ownText = own.joined(separator: "\n")
        self.message = message
    }

    /// `ppo-book-cell-N.swift:line:col` from a backtrace frame such as
    /// `main + 405 in Cells at /tmp/x/ppo-book-cell-3.swift:42:8` (the backtracer resolves
    /// the cell's file name against the folder the program was compiled in).
    private static func cellPlace(in frame: String) -> String? {
        guard let at = frame.range(of: " at ", options: .backwards) else { return nil }
        let parts = frame[at.upperBound...].split(separator: ":")
        guard parts.count >= 3, let line = Int(parts[parts.count - 2]), let column = Int(parts[parts.count - 1]) else {
            return nil
        }
        guard let position = CellFile.position(named: parts.dropLast(2).joined(separator: ":")) else { return nil }
        return "\(CellFile.name(position: position)):\(line):\(column)"
    }
}
