/// A file name in a generated program that carries a position in the session:
/// `ppo-book-cell-3.swift`, `ppo-book-inline-0.swift`.
///
/// ppo-book names each cell's code this way (with `#sourceLocation`), and the running program
/// reads the names back: `cached(...)` learns from `#fileID` which cell its call is written in.
public struct NumberedFileName: Sendable {
    /// The names of cells: `ppo-book-cell-3.swift`.
    public static let cell = NumberedFileName(prefix: "ppo-book-cell-")
    /// The names of inline values: `ppo-book-inline-0.swift`.
    public static let inline = NumberedFileName(prefix: "ppo-book-inline-")

    /// What comes before the number, such as `ppo-book-cell-`.
    public let prefix: String

    /// The file name for `position`.
    public func name(position: Int) -> String { "\(prefix)\(position).swift" }

    /// The position a file name stands for (with or without a folder before it), if it is one of these.
    public func position(named file: String) -> Int? {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        guard name.hasPrefix(prefix), name.hasSuffix(".swift") else { return nil }
        return Int(name.dropFirst(prefix.count).dropLast(".swift".count))
    }
}
