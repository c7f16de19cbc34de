import Dispatch

/// Work started at once on another thread, whose result is read later with ``value``.
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
public final class BackgroundRun<Result>: @unchecked Sendable {
    private var result: Result?
    private let finished = DispatchGroup()

    /// Starts `body` on a background thread now.
    public init(_ body: @escaping () -> Result) {
        finished.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            result = body()
            finished.leave()  // publishes `result` to every thread that waits below
        }
    }

    /// The result, waiting for the work to finish if it has not yet.
    public var value: Result {
        finished.wait()
        return result!
    }
}
