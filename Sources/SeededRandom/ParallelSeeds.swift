import Dispatch

/// Runs `body` once for each seed, spread across the machine's cores, and returns
/// the results in the order of `seeds`.
///
/// Each call of `body` runs on its own thread with nothing shared, so a run that is
/// deterministic for its seed gives the same result here as in a serial loop.
///
/// ```swift
/// let curves = parallelMap(seeds: [0, 1, 2]) { seed in train(seed: seed) }
/// ```
public func parallelMap<Result>(seeds: [Int], _ body: (Int) -> Result) -> [Result] {
    let slots = ResultSlots<Result>(count: seeds.count)
    DispatchQueue.concurrentPerform(iterations: seeds.count) { index in
        slots.store(body(seeds[index]), at: index)
    }
    return slots.values()
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
