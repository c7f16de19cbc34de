/// Printed text as a terminal would show it: carriage returns overwrite the line (so a
/// progress counter shows its last state), and other control characters and ANSI escape
/// sequences are dropped.
enum TerminalText {
    /// The visible text of `raw`.
    static func visible(_ raw: String) -> String {
        raw.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let lastWrite = line.split(separator: "\r", omittingEmptySubsequences: false).last { !$0.isEmpty } ?? ""
            return withoutControls(lastWrite)
        }.joined(separator: "\n")
    }

    private static func withoutControls(_ line: Substring) -> String {
        var result = ""
        var scalars = line.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if scalar == "\u{1B}" {
                // Skip a CSI sequence (ESC [ ... final byte) or a two-character escape.
                if let next = scalars.next(), next == "[" {
                    while let byte = scalars.next(), !(0x40...0x7E).contains(byte.value) {}
                }
            } else if scalar == "\t" || scalar.value >= 0x20 && scalar.value != 0x7F {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
