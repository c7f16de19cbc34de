/// A value a notebook declares under `params:` in its front matter, seen by its cells as a
/// constant of that name, and overridden for a draft with `ppo-book render -P name=value`.
///
/// ```yaml
/// params:
///   seedCount: 3
///   ppoSteps: 200000
/// ```
public struct NotebookParameter: Equatable, Sendable {
    /// A parameter's value, of one of the four types a parameter may have.
    public enum Value: Equatable, Sendable, CustomStringConvertible {
        case int(Int)
        case double(Double)
        case bool(Bool)
        case string(String)

        /// The Swift type cells see: `Int`, `Double`, `Bool` or `String`.
        public var typeName: String {
            switch self {
            case .int: "Int"
            case .double: "Double"
            case .bool: "Bool"
            case .string: "String"
            }
        }

        /// The value as a Swift literal of its type.
        public var swiftLiteral: String {
            switch self {
            case .int(let value): String(value)
            case .double(let value): value.isFinite ? "\(value)" : (value.isNaN ? "Double.nan" : (value > 0 ? "Double.infinity" : "-Double.infinity"))
            case .bool(let value): String(value)
            case .string(let value):
                "\"" + value.unicodeScalars.map { scalar -> String in
                    switch scalar {
                    case "\\": "\\\\"
                    case "\"": "\\\""
                    case "\n": "\\n"
                    case "\r": "\\r"
                    case "\t": "\\t"
                    default: String(scalar)
                    }
                }.joined() + "\""
            }
        }

        /// The value as a reader (and the command line) writes it.
        public var description: String {
            switch self {
            case .int(let value): String(value)
            case .double(let value): "\(value)"
            case .bool(let value): String(value)
            case .string(let value): value
            }
        }

        /// `text` read as a value of the same type as this one, or nil when it is not one.
        public func parsingSameType(_ text: String) -> Value? {
            switch self {
            case .int: Int(text.replacingOccurrences(of: "_", with: "")).map(Value.int)
            case .double: Double(text.replacingOccurrences(of: "_", with: "")).map(Value.double)
            case .bool: ["true": true, "false": false][text].map(Value.bool)
            case .string: .string(text)
            }
        }
    }

    /// The constant's name: a Swift identifier.
    public var name: String
    /// The value the cells see in this render.
    public var value: Value
    /// The value the front matter declares.
    public var defaultValue: Value
    /// The line that declares it.
    public var location: SourceLocation

    /// Creates a parameter whose value is its default.
    public init(name: String, value: Value, location: SourceLocation) {
        self.name = name
        self.value = value
        self.defaultValue = value
        self.location = location
    }

    /// Whether the value was overridden with one that differs from the default.
    public var isOverridden: Bool { value != defaultValue }

    /// Whether `name` can be a Swift constant's name (letters, digits and `_`, not starting with a digit).
    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
        }
    }
}
