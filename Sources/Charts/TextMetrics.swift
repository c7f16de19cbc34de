/// Approximate text widths for layout, since an SVG writer cannot measure fonts.
/// The factor suits common sans-serif system fonts and errs on the wide side.
enum TextMetrics {
    /// The estimated width of `text` at `fontSize`, in viewBox units.
    static func width(_ text: String, fontSize: Double) -> Double {
        var units = 0.0
        for character in text {
            switch character {
            case "i", "l", "j", "t", "f", "r", "I", ".", ",", ":", ";", "'", "|", "!", "(", ")", " ": units += 0.34
            case "m", "w", "M", "W", "\u{2212}", "%": units += 0.86
            case "A" ... "Z": units += 0.66
            default: units += 0.56
            }
        }
        return units * fontSize
    }

    /// `text` broken at spaces into lines no wider than `width` where possible
    /// (a single word longer than the width keeps its own line).
    static func lines(_ text: String, width: Double, fontSize: Double) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if current.isEmpty || Self.width(candidate, fontSize: fontSize) <= width {
                current = candidate
            } else {
                lines.append(current)
                current = word
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }
}
