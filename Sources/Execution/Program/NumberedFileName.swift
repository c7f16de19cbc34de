/// A file name in a generated program that carries a position in the session:
/// `ppo-book-cell-3.swift`, `ppo-book-inline-0.swift`.
struct NumberedFileName {
    /// What comes before the number, such as `ppo-book-cell-`.
    let prefix: String

    /// The file name for `position`.
    func name(position: Int) -> String { "\(prefix)\(position).swift" }

    /// The position a file name stands for (with or without a folder before it), if it is one of these.
    func position(named file: String) -> Int? {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        guard name.hasPrefix(prefix), name.hasSuffix(".swift") else { return nil }
        return Int(name.dropFirst(prefix.count).dropLast(".swift".count))
    }
}
