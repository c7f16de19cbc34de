import CellEvents
import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Where `cached(...)` keeps its values: one JSON file per value, named by its key, in the
/// folder ppo-book passes in the environment.
///
/// A file holds the key it was written for and the value's type beside the value, so a
/// damaged, truncated or foreign file is never taken for a value: it is a miss, and is
/// overwritten. Files are written to a temporary name and renamed, so two renders at once
/// each see either no file or a whole one.
final class MemoStore: @unchecked Sendable {
    static let shared = MemoStore(environment: ProcessInfo.processInfo.environment)

    /// The format of every memo file; a file of another format is ignored.
    static let format = "ppo-book memo 1"

    private let directory: String?
    private let cellKeys: [String]
    private let logPath: String?
    private let readOnly: Bool
    private let lock = NSLock()
    private var calls: [String: Int] = [:]

    init(environment: [String: String]) {
        directory = environment[CellSessionEnvironment.memoDirectory].flatMap { $0.isEmpty ? nil : $0 }
        cellKeys = environment[CellSessionEnvironment.cellKeys].map { $0.split(separator: ",").map(String.init) } ?? []
        logPath = environment[CellSessionEnvironment.memoLog]
        readOnly = environment[CellSessionEnvironment.memoReadOnly] == "1"
    }

    /// The key of the next call with `label` written in `file` (a `#fileID`), or nil when values
    /// are not kept: keyed by the running cell or, if later, the cell the call is written in.
    func nextKey(label: String, file: String) -> String? {
        let written = NumberedFileName.cell.position(named: file)
        guard directory != nil,
              let cell = [CellSession.currentCell, written].compactMap({ $0 }).max(), cell < cellKeys.count else { return nil }
        let occurrence: Int = lock.withLock {
            let call = "\(cell)\u{0}\(label)"
            defer { calls[call, default: 0] += 1 }
            return calls[call, default: 0]
        }
        var hash = SHA256()
        hash.update(Self.format)
        hash.update(cellKeys[cell])
        hash.update(label)
        hash.update(String(occurrence))
        return hash.hexDigest()
    }

    /// The value stored under `key`, if a whole, matching one is there.
    func load<Value: Codable>(_ type: Value.Type, key: String) -> Value? {
        guard let data = FileManager.default.contents(atPath: path(for: key)),
              let entry = try? Self.decoder.decode(Entry<Value>.self, from: data),
              entry.format == Self.format, entry.key == key, entry.type == String(reflecting: Value.self) else {
            return nil
        }
        // Marks the value as recently used, for `ppo-book cache prune`.
        try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: path(for: key))
        return entry.value
    }

    /// Keeps `value` under `key`; a value that cannot be written (or may not be) is simply not kept.
    func save<Value: Codable>(_ value: Value, key: String) {
        guard !readOnly else { return }
        let entry = Entry(format: Self.format, key: key, type: String(reflecting: Value.self), value: value)
        guard let data = try? Self.encoder.encode(entry) else { return }
        try? AtomicFile.write(data, to: path(for: key))
    }

    /// Appends `outcome` (hit or miss) and the label to the log ppo-book reads for its summary.
    func log(_ outcome: String, label: String) {
        guard let logPath else { return }
        let line = Array("\(outcome)\t\(label.replacingOccurrences(of: "\n", with: " "))\n".utf8)
        let descriptor = open(logPath, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        guard descriptor >= 0 else { return }
        _ = line.withUnsafeBufferPointer { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
    }

    private func path(for key: String) -> String { "\(directory!)/\(key).json" }

    /// One stored value with what identifies it.
    private struct Entry<Value: Codable>: Codable {
        var format: String
        var key: String
        var type: String
        var value: Value
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }()
}
