import CellEvents

/// A table a cell shows under itself with ``show(_:)-(Table)``.
///
/// ```swift
/// show(Table(columns: ["seed", "episodes to 195"],
///            rows: [[0, 311], [1, "never"], [2, 316]]))
/// ```
public struct Table {
    /// The column headings.
    public var columns: [String]
    /// The rows, already formatted as text.
    public var rows: [[String]]
    /// An optional caption shown above the table.
    public var caption: String?

    /// Creates a table from values of any printable type. Floating-point numbers are
    /// written with at most three decimals, whole numbers without any.
    public init(columns: [String], rows: [[any CustomStringConvertible]], caption: String? = nil) {
        self.columns = columns
        self.rows = rows.map { $0.map(Table.format) }
        self.caption = caption
    }

    /// The value sent to the page.
    var output: TableOutput {
        TableOutput(columns: columns, rows: rows, caption: caption)
    }

    /// Writes `value` for a table cell.
    public static func format(_ value: any CustomStringConvertible) -> String {
        switch value {
        case let number as Double: return format(number)
        case let number as Float: return format(Double(number))
        default: return value.description
        }
    }

    private static func format(_ number: Double) -> String {
        guard number.isFinite else { return number.isNaN ? "NaN" : (number > 0 ? "∞" : "−∞") }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        var text = String(format: "%.3f", number)
        while text.hasSuffix("0") { text.removeLast() }
        if text == "-0" { text = "0" }
        return text
    }
}
