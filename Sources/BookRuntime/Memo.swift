import CellEvents
import Foundation

/// Returns the value `compute` returned when this cell last ran with everything before it
/// unchanged, or runs `compute` and keeps its value for the next render.
///
/// The value is keyed by the calling cell's key (the code and tags of every cell of its
/// session up to and including it, the compiler, the engine, ppo-book, the notebook's
/// parameters and declared inputs) and by `label`, counted per call in the cell, so the
/// same label in a loop keeps one value per turn. Editing a later cell reloads the value
/// instead of training again; editing this cell or an earlier one computes it afresh.
///
/// ```swift
/// let runs = cached("reinforce-seeds") { parallelMap(seeds: seeds) { seed in train(seed) } }
/// ```
///
/// Outside ppo-book, or in a render with `--no-cache`, it simply runs `compute`.
public func cached<Value: Codable>(_ label: String, _ compute: () throws -> Value) rethrows -> Value {
    let store = MemoStore.shared
    let key = store.nextKey(label: label)
    if let key, let value = store.load(Value.self, key: key) {
        store.log("hit", label: label)
        return value
    }
    let value = try compute()
    if let key {
        store.log("miss", label: label)
        store.save(value, key: key)
    }
    return value
}

/// `cached(_:_:)` for a pair, such as an agent and its log.
public func cached<First: Codable, Second: Codable>(_ label: String,
                                                    _ compute: () throws -> (First, Second)) rethrows -> (First, Second) {
    try cached(label) { MemoPair(try compute()) }.tuple
}

/// `cached(_:_:)` for an array of pairs, such as one agent and log per seed.
public func cached<First: Codable, Second: Codable>(_ label: String,
                                                    _ compute: () throws -> [(First, Second)]) rethrows -> [(First, Second)] {
    try cached(label) { try compute().map(MemoPair.init) }.map(\.tuple)
}

/// A pair in a form `Codable` accepts (tuples cannot conform).
struct MemoPair<First: Codable, Second: Codable>: Codable {
    var first: First
    var second: Second

    init(_ pair: (First, Second)) { (first, second) = pair }

    var tuple: (First, Second) { (first, second) }
}
