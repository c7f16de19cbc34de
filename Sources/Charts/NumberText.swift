/// Locale-free, deterministic number text for SVG coordinates, tick labels and CSV.
enum NumberText {
    /// A coordinate with at most two decimals and no trailing zeros ("12.5", "-3", "0").
    static func coordinate(_ value: Double) -> String {
        fixed(value, decimals: 2, trimmingZeros: true, minus: "-")
    }

    /// `value` with exactly `decimals` decimals (trailing zeros trimmed when asked).
    /// Non-finite input gives "0": callers skip such values before formatting.
    static func fixed(_ value: Double, decimals: Int, trimmingZeros: Bool = false, minus: String = "-") -> String {
        guard value.isFinite else { return "0" }
        let scale = pow10(decimals)
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { return (value < 0 ? minus : "") + String(Int64(abs(value).rounded())) }
        let units = Int64(scaled)
        if units == 0 { return "0" }
        let factor = Int64(scale)
        var text = String(units / factor)
        if decimals > 0 {
            var fraction = String(units % factor)
            fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
            if trimmingZeros { while fraction.last == "0" { fraction.removeLast() } }
            if !fraction.isEmpty { text += "." + fraction }
        }
        return (value < 0 ? minus : "") + text
    }

    /// A data value for CSV: integers without a decimal point, others in Swift's
    /// shortest round-trip form; non-finite values give an empty field.
    static func csv(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// 10 to the power `exponent`, exact for the small exponents used here.
    static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0 ..< abs(exponent) { result *= 10 }
        return exponent >= 0 ? result : 1 / result
    }
}
