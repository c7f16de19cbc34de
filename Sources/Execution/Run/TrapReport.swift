import Foundation

/// Turns what a crashed program wrote to standard error (its own text, a `Fatal error`
/// line and the runtime's backtrace) into a short message that names the notebook line.
///
/// ```text
/// notebooks/109.md:214:21: error: Tensor.sub: shapes [64] and [64, 1] ...
/// ```
struct TrapReport {
    /// What the program wrote before the crash report began.
    let ownText: String
    /// The worded error.
    let message: String

    /// Reads `errors` from a program built from the notebook at `notebookPath`.
    init(errors: String, notebookPath: String, termination: String) {
        let lines = errors.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let backtraceStart = lines.firstIndex { $0.hasPrefix("*** Signal") || $0.hasPrefix("*** Program crashed") }
            ?? lines.count
        let before = lines[..<backtraceStart]
        let fatalLine = before.lastIndex { $0.contains("Fatal error: ") }
        let place = lines[backtraceStart...].lazy.compactMap { Self.notebookPlace(in: $0, path: notebookPath) }.first

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

    /// `path:line:col` from a backtrace frame such as `main + 405 in Cells at notebooks/x.md:42:8`.
    /// The backtracer resolves a relative path against the folder the program was compiled in,
    /// so a frame whose file ends with `/path` is the notebook too.
    private static func notebookPlace(in frame: String, path: String) -> String? {
        guard let at = frame.range(of: " at ", options: .backwards) else { return nil }
        let parts = frame[at.upperBound...].split(separator: ":")
        guard parts.count >= 3, let line = Int(parts[parts.count - 2]), let column = Int(parts[parts.count - 1]) else {
            return nil
        }
        let file = parts.dropLast(2).joined(separator: ":")
        guard file == path || file.hasSuffix("/" + path) else { return nil }
        return "\(path):\(line):\(column)"
    }
}
