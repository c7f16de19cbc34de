/// One message from the compiler, with the source excerpt it printed under it.
public struct Diagnostic: Codable, Equatable, Sendable {
    /// How serious the message is.
    public enum Severity: String, Codable, Sendable {
        case error, warning, note
    }

    /// The file the compiler named (the notebook, thanks to `#sourceLocation`).
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column.
    public var column: Int
    /// Error, warning or note.
    public var severity: Severity
    /// The message itself.
    public var message: String
    /// The lines the compiler printed after the message: the source line, the caret, notes.
    public var excerpt: [String]

    /// The diagnostic as the compiler printed it: `file:line:col: error: message` and its excerpt.
    public var text: String {
        (["\(file):\(line):\(column): \(severity.rawValue): \(message)"] + excerpt).joined(separator: "\n")
    }

    /// Reads the compiler's output (`-diagnostic-style=llvm`) into diagnostics; notes and
    /// excerpt lines stay attached to the error or warning they belong to.
    public static func parse(_ output: String) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            if let diagnostic = Diagnostic(line: String(line)) {
                if diagnostic.severity == .note, !result.isEmpty {
                    result[result.count - 1].excerpt.append(diagnostic.text)
                } else {
                    result.append(diagnostic)
                }
            } else if !result.isEmpty, !line.isEmpty {
                result[result.count - 1].excerpt.append(String(line))
            }
        }
        return result
    }

    /// Parses one `file:line:col: severity: message` line.
    init?(line: String) {
        for severity in [Severity.error, .warning, .note] {
            guard let marker = line.range(of: ": \(severity.rawValue): ") else { continue }
            let place = line[..<marker.lowerBound].split(separator: ":", omittingEmptySubsequences: false)
            guard place.count >= 3, let lineNumber = Int(place[place.count - 2]),
                  let columnNumber = Int(place[place.count - 1]) else { continue }
            file = place.dropLast(2).joined(separator: ":")
            self.line = lineNumber
            column = columnNumber
            self.severity = severity
            message = String(line[marker.upperBound...])
            excerpt = []
            return
        }
        return nil
    }
}
