import Foundation

/// Session results stored on disk, keyed by everything that can change them: the program's
/// source (the cells and inline values, in order, with their notebook lines), the parameters'
/// values, the bytes of the notebook's declared inputs, the compiler's version and flags, and
/// the engine library's bytes.
///
/// Only sessions whose cells all ended as they should are stored, so a failure is always
/// run again. An old result is never used with a rebuilt engine, since the key changes.
public struct ResultCache: Sendable {
    /// The folder that holds one JSON file per stored session.
    public var directory: String

    /// Creates a cache in `directory` (created when first written).
    public init(directory: String) {
        self.directory = directory
    }

    /// The usual place: `$XDG_CACHE_HOME/ppo-book`, else `~/.cache/ppo-book`.
    public static var defaultDirectory: String {
        let environment = ProcessInfo.processInfo.environment
        let base = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "\(NSHomeDirectory())/.cache"
        return "\(base)/ppo-book"
    }

    /// The stored results for `key`, if any.
    func results(for key: String) -> NotebookResults? {
        guard let data = FileManager.default.contents(atPath: path(for: key)) else { return nil }
        return try? JSONDecoder().decode(NotebookResults.self, from: data)
    }

    /// Stores `results` under `key`; a cache that cannot be written is skipped, not fatal.
    func store(_ results: NotebookResults, for key: String) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let data = try? encoder.encode(results) else { return }
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try? data.write(to: URL(fileURLWithPath: path(for: key)), options: .atomic)
    }

    /// The key of a session program built with the toolchain whose fingerprint is given, with
    /// `parameters` (each `name=value`) and the bytes of `inputs` (the notebook's declared data files).
    static func key(source: String, toolchainFingerprint: String, timeout: Double, directory: String,
                    parameters: [String] = [], inputs: [Data] = []) -> String {
        var hash = SHA256()
        for part in [source, toolchainFingerprint, String(timeout), directory] { hash.update(part) }
        for parameter in parameters { hash.update("parameter \(parameter)") }
        for input in inputs {
            hash.update("input \(input.count)")
            hash.update(input)
        }
        return hash.hexDigest()
    }

    private func path(for key: String) -> String { "\(directory)/\(key).json" }
}
