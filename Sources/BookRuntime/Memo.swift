import CellEvents
import Foundation
import Tensors

/// Returns the value `compute` returned when this cell last ran with everything before it
/// unchanged, or runs `compute` and keeps its value for the next render.
///
/// The value is keyed by a cell's key (the code and tags of every cell of its session up to
/// and including it, the compiler, the engine, ppo-book, the notebook's parameters and
/// declared inputs) and by `label`, counted per call in that cell, so the same label in a
/// loop keeps one value per turn. The cell is the one running the call or, when the call is
/// written in a later cell (a function of that cell called early), the one it is written in:
/// whichever comes later, so that the key covers all the code the value depends on. Editing a
/// later cell reloads the value instead of training again; editing that cell or an earlier one
/// computes it afresh.
///
/// ```swift
/// let runs = cached("reinforce-seeds") { parallelMap(seeds: seeds) { seed in train(seed) } }
/// ```
///
/// Outside ppo-book, or in a render with `--no-cache`, it simply runs `compute`.
public func cached<Value: Codable>(_ label: String, file: String = #fileID,
                                   _ compute: () throws -> Value) rethrows -> Value {
    let call = MemoCall<Value>(label: label, file: file)
    if let value = call.kept() { return value }
    let value = try compute()
    call.keep(value)
    return value
}

/// `cached(_:_:)` for a pair, such as an agent and its log.
public func cached<First: Codable, Second: Codable>(_ label: String, file: String = #fileID,
                                                    _ compute: () throws -> (First, Second)) rethrows -> (First, Second) {
    try cached(label, file: file) { MemoPair(try compute()) }.tuple
}

/// `cached(_:_:)` for an array of pairs, such as one agent and log per seed.
public func cached<First: Codable, Second: Codable>(_ label: String, file: String = #fileID,
                                                    _ compute: () throws -> [(First, Second)]) rethrows -> [(First, Second)] {
    try cached(label, file: file) { try compute().map(MemoPair.init) }.map(\.tuple)
}

/// `cached(_:_:)` started in the background: looks the value up now, in the calling cell, and on
/// a miss starts `compute` on a thread of its own and keeps its value when it finishes.
///
/// A cell can start the runs that a later cell shows, written as a function in that later cell,
/// so that they train beside the runs in between (the key is then that later cell's, as for
/// `cached`). Read the result with `value`, which waits for the work if it is still running.
///
/// ```swift
/// let klStopStart = startKLStopRuns()    // an earlier cell: start now
/// // a later cell shows the code, and reads the runs:
/// func startKLStopRuns() -> BackgroundRun<[PPOResult]> {
///     cachedInBackground("kl-stop") { parallelMap(seeds: seeds) { seed in train(seed) } }
/// }
/// let klRuns = klStopStart.value
/// ```
public func cachedInBackground<Value: Codable>(_ label: String, file: String = #fileID,
                                               _ compute: @escaping () -> Value) -> BackgroundRun<Value> {
    let call = MemoCall<Value>(label: label, file: file)
    if let value = call.kept() { return BackgroundRun.finished(value) }
    return BackgroundRun {
        let value = compute()
        call.keep(value)
        return value
    }
}

/// `cachedInBackground(_:_:)` for an array of pairs, such as one agent and log per seed.
public func cachedInBackground<First: Codable, Second: Codable>(_ label: String, file: String = #fileID,
                                                                _ compute: @escaping () -> [(First, Second)]) -> BackgroundRun<[(First, Second)]> {
    let call = MemoCall<[MemoPair<First, Second>]>(label: label, file: file)
    if let pairs = call.kept() { return BackgroundRun.finished(pairs.map(\.tuple)) }
    return BackgroundRun {
        let value = compute()
        call.keep(value.map(MemoPair.init))
        return value
    }
}

/// One call of `cached`: its key, the value kept under it, and keeping a freshly computed one.
private struct MemoCall<Value: Codable>: @unchecked Sendable {
    let label: String
    let key: String?

    init(label: String, file: String) {
        self.label = label
        key = MemoStore.shared.nextKey(label: label, file: file)
    }

    /// The value kept under the key, if there is one (logged as a hit).
    func kept() -> Value? {
        guard let key, let value = MemoStore.shared.load(Value.self, key: key) else { return nil }
        MemoStore.shared.log("hit", label: label)
        return value
    }

    /// Keeps `value` under the key (logged as a miss), when values are kept.
    func keep(_ value: Value) {
        guard let key else { return }
        MemoStore.shared.log("miss", label: label)
        MemoStore.shared.save(value, key: key)
    }
}

/// A pair in a form `Codable` accepts (tuples cannot conform).
struct MemoPair<First: Codable, Second: Codable>: Codable {
    var first: First
    var second: Second

    init(_ pair: (First, Second)) { (first, second) = pair }

    var tuple: (First, Second) { (first, second) }
}
