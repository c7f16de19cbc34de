import Foundation
import SeededRandom

/// Runs `body` once for each seed, spread across the machine's cores, and returns
/// the results in the order of `seeds`.
///
/// Each call of `body` runs with nothing shared, so a run that is deterministic for its
/// seed gives the same result here as in a serial loop.
///
/// ```swift
/// let curves = parallelMap(seeds: [0, 1, 2]) { seed in train(seed: seed) }
/// ```
public func parallelMap<Result>(seeds: [Int], _ body: (Int) -> Result) -> [Result] {
    parallelMap(seeds, body)
}

/// Runs `body` once for each item, spread across the machine's cores, and returns the
/// results in the order of `items`.
///
/// Every item starts with a fresh default generator (the one `manualSeed` sets), derived
/// from the item's index, and with gradients recorded: what an item draws without seeding
/// itself depends on its index alone, never on which thread ran it or what ran there before.
///
/// The items run on the program's workers, one thread per core shared by every call (see
/// `WorkerPool`): a call made in the background, from a `BackgroundRun`, fills the cores that
/// the calls of the cells leave idle. A program may fork (as `expect-error` cells do) and call
/// `parallelMap` in the forked copy, which starts workers of its own.
///
/// ```swift
/// let lengths = parallelMap(["CartPole-v1", "Acrobot-v1"]) { id in randomEpisodeLength(id) }
/// ```
public func parallelMap<Item, Result>(_ items: [Item], _ body: (Item) -> Result) -> [Result] {
    let slots = ResultSlots<Result>(count: items.count)
    withoutActuallyEscaping(body) { body in
        WorkerPool.shared.run(count: items.count) { index in
            let context = ThreadContext.current
            context.generator = parallelItemGenerator(index: index)
            context.isGradEnabled = true
            slots.store(body(items[index]), at: index)
        }
    }
    return slots.values()
}

/// The default generator an item of `parallelMap` starts with.
func parallelItemGenerator(index: Int) -> SeededGenerator {
    SeededGenerator(seed: ThreadContext.initialSeed).derived(stream: UInt64(index))
}

/// Runs `body` for every pair of a setting and a seed as one parallel batch, and returns the
/// results grouped by setting, each group in seed order.
///
/// A whole grid at once keeps every core busy until the last run, where one batch per setting
/// would leave cores idle at the end of each (three seeds on two cores, say).
///
/// ```swift
/// let runs = parallelGrid([Float(0), 0.01], seeds: [0, 1, 2]) { beta, seed in train(beta: beta, seed: seed) }
/// // runs[0] holds the three runs with beta 0, runs[1] those with beta 0.01
/// ```
public func parallelGrid<Setting, Result>(_ settings: [Setting], seeds: [Int],
                                          _ body: (Setting, Int) -> Result) -> [[Result]] {
    let pairs = settings.flatMap { setting in seeds.map { (setting, $0) } }
    let flat = parallelMap(pairs) { body($0.0, $0.1) }
    return settings.indices.map { Array(flat[($0 * seeds.count)..<(($0 + 1) * seeds.count)]) }
}

/// Write-once storage for results produced on several threads, each at its own index.
private final class ResultSlots<Value>: @unchecked Sendable {
    private var storage: [Value?]

    init(count: Int) {
        storage = Array(repeating: nil, count: count)
    }

    /// Each index is written by exactly one thread, so no two writes overlap;
    /// the buffer is accessed directly to avoid copy-on-write races on the array.
    func store(_ value: Value, at index: Int) {
        storage.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    func values() -> [Value] {
        storage.map { $0! }
    }
}
