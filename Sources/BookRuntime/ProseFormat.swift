import Foundation

/// How numbers read in prose: at most three decimals unless `digits` fixes them, a true minus
/// sign, thousands grouped on request, and lists joined with commas and "and".
public enum ProseFormat {
    /// `number` with exactly `digits` decimals, or with at most three (trailing zeros dropped) when `digits` is nil.
    public static func text<T: BinaryFloatingPoint>(_ number: T, digits: Int? = nil, grouped: Bool = false) -> String {
        let value = Double(number)
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "−∞") }
        var text = digits.map { String(format: "%.\(max($0, 0))f", value) } ?? Table.format(value)
        if text.hasPrefix("-"), Double(text) == 0 { text.removeFirst() }
        return withSign(grouped ? grouping(text) : text)
    }

    /// `number` in digits, its thousands separated by commas when `grouped`.
    public static func text<T: BinaryInteger>(_ number: T, grouped: Bool = false) -> String {
        let text = String(number)
        return withSign(grouped ? grouping(text) : text)
    }

    /// `items` joined as a reader lists them: "a", "a and b", "a, b and c".
    public static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    /// Any value a claim's evidence holds: numbers as above, lists of them joined, nil as "none".
    public static func text(of value: Any) -> String {
        switch value {
        case let number as Double: return text(number)
        case let number as Float: return text(number)
        case let number as Int: return text(number)
        case let numbers as [Double]: return numbers.map { text($0) }.joined(separator: ", ")
        case let numbers as [Float]: return numbers.map { text($0) }.joined(separator: ", ")
        case let numbers as [Int]: return numbers.map { text($0) }.joined(separator: ", ")
        case let numbers as [Int?]: return numbers.map { $0.map { text($0) } ?? "none" }.joined(separator: ", ")
        case let text as String: return text
        default:
            let mirror = Mirror(reflecting: value)
            guard mirror.displayStyle == .optional else { return String(describing: value) }
            return mirror.children.first.map { text(of: $0.value) } ?? "none"
        }
    }

    private static func withSign(_ text: String) -> String {
        text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }

    /// Commas between the thousands of the whole part of a number written in digits.
    private static func grouping(_ text: String) -> String {
        let sign = text.hasPrefix("-") ? "-" : ""
        let unsigned = text.dropFirst(sign.count)
        let whole = unsigned.prefix { $0.isNumber }
        var grouped = ""
        for (offset, digit) in whole.enumerated() {
            if offset > 0 && (whole.count - offset) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return sign + grouped + unsigned.dropFirst(whole.count)
    }
}
