import Foundation

/// Work started at once on a thread of its own, whose result is read later with ``value``.
///
/// A notebook cell can start the runs a later cell needs, so that they share the cores with
/// the runs in between instead of waiting for them: with three seeds per cell on two cores,
/// one core would otherwise sit idle for a third of every cell. Each run stays deterministic
/// for its seed, so when it runs does not change what it returns.
///
/// ```swift
/// let klRuns = BackgroundRun { parallelMap(seeds: [0, 1, 2]) { seed in train(seed: seed) } }
/// // ... other cells train other things meanwhile ...
/// show(summary(klRuns.value))   // waits only if the runs have not finished yet
/// ```
///
/// The work runs on a plain thread of its own (not Dispatch, whose pool is small), so any
/// number of runs can wait on their `parallelMap` at once. Their items share the program's
/// workers with everything else, after the items a cell is waiting for, and in the order the
/// runs were started (see `WorkerPool`).
public final class BackgroundRun<Result>: @unchecked Sendable {
    private var result: Result?
    private let finished = NSCondition()

    /// Starts `body` on a thread of its own now.
    public init(_ body: @escaping () -> Result) {
        let order = StartedRuns.next()
        DetachedThread.start { [self] in
            ThreadContext.current.backgroundOrder = order
            let value = body()
            finished.withLock {
                result = value
                finished.broadcast()
            }
        }
    }

    /// A run that has already finished with `value` (a value kept from an earlier render, say).
    public static func finished(_ value: Result) -> BackgroundRun {
        BackgroundRun(result: value)
    }

    private init(result: Result) {
        self.result = result
    }

    /// The result, waiting for the work to finish if it has not yet.
    public var value: Result {
        finished.withLock {
            while result == nil { finished.wait() }
            return result!
        }
    }
}

/// Counts the `BackgroundRun`s the program has started (a generic class cannot hold the count).
private enum StartedRuns {
    nonisolated(unsafe) private static var count = 0
    private static let lock = NSLock()

    /// The place of the next run in the order runs are started.
    static func next() -> Int {
        lock.withLock {
            defer { count += 1 }
            return count
        }
    }
}
