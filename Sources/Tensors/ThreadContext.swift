import Foundation
import SeededRandom

/// The per-thread state of the engine: the default random generator and whether
/// operations record gradients. Each thread has its own, so several seeds can train
/// at once on different threads without sharing anything.
@usableFromInline
final class ThreadContext {
    /// The generator used by layer initialisation, `randn`, `rand` and `sample()`
    /// when no generator is passed explicitly.
    @usableFromInline var generator: SeededGenerator

    /// Whether new operations record how to compute their gradients.
    @usableFromInline var isGradEnabled = true

    /// Whether this thread is one of the `WorkerPool`'s workers.
    var isPoolWorker = false

    /// For the thread of a `BackgroundRun`, the place of that run in the order runs were
    /// started; nil for every other thread. The `WorkerPool` queues batches by it.
    var backgroundOrder: Int?

    /// The number of this thread's latest backward pass; each pass marks the tensors
    /// it reaches with its number. Every thread counts in its own range (see
    /// `reservePassNumbers`), so a mark left by one thread never matches another's.
    var backwardPasses: UInt64

    /// The numbers each thread's backward passes count up from, 2⁴⁰ apart.
    private static var nextPassRange: UInt64 = 0
    private static let passRangeLock = NSLock()

    private static func reservePassNumbers() -> UInt64 {
        passRangeLock.lock()
        defer { passRangeLock.unlock() }
        nextPassRange &+= 1 << 40
        return nextPassRange
    }

    /// The seed a thread's generator starts from before `manualSeed` is called.
    static let initialSeed = 0

    /// Working memory that matrix kernels reuse instead of allocating on every call.
    private var scratch = UnsafeMutablePointer<Float>.allocate(capacity: 0)
    private var scratchCapacity = 0

    private init() {
        generator = SeededGenerator(seed: ThreadContext.initialSeed)
        backwardPasses = ThreadContext.reservePassNumbers()
    }

    deinit {
        scratch.deallocate()
    }

    /// This thread's scratch memory with room for at least `count` values (contents
    /// undefined). Valid until the next call on the same thread.
    func scratchBuffer(count: Int) -> UnsafeMutablePointer<Float> {
        if count > scratchCapacity {
            scratch.deallocate()
            scratch = UnsafeMutablePointer<Float>.allocate(capacity: count)
            scratchCapacity = count
        }
        return scratch
    }

    /// The context of the calling thread, created on first use.
    @usableFromInline
    static var current: ThreadContext {
        if let raw = pthread_getspecific(key) {
            return Unmanaged<ThreadContext>.fromOpaque(raw).takeUnretainedValue()
        }
        let context = ThreadContext()
        pthread_setspecific(key, Unmanaged.passRetained(context).toOpaque())
        return context
    }

    /// The thread-local slot; a thread's context is released when the thread ends.
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        let status = pthread_key_create(&key) { raw in
            guard let raw else { return }
            Unmanaged<ThreadContext>.fromOpaque(raw).release()
        }
        guard status == 0 else { fatalError("ThreadContext: pthread_key_create failed with status \(status)") }
        return key
    }()
}

/// Seeds the calling thread's default generator, like `torch.manual_seed`.
///
/// Layer initialisation, `Tensor.randn`, `Tensor.rand` and `sample()` draw from it
/// when no generator is passed. Other threads keep their own generators; a thread
/// that never calls `manualSeed` starts from seed 0, so its results are reproducible too.
public func manualSeed(_ seed: Int) {
    ThreadContext.current.generator = SeededGenerator(seed: seed)
}

/// Runs `body` with the calling thread's default generator, for code that needs raw
/// random numbers from the same stream (shuffling minibatch indices, say).
///
/// ```swift
/// let order = withDefaultGenerator { rng in Array(0..<n).shuffled(using: &rng) }
/// ```
@inlinable
public func withDefaultGenerator<Result>(_ body: (inout SeededGenerator) throws -> Result) rethrows -> Result {
    let context = ThreadContext.current
    return try body(&context.generator)
}

/// Runs `body` without recording gradients, like `with torch.no_grad():`.
///
/// Results computed inside do not require gradients and keep no graph, which makes
/// acting in an environment cheaper. Calls nest; the previous mode is restored on exit.
@inlinable
public func noGrad<Result>(_ body: () throws -> Result) rethrows -> Result {
    let context = ThreadContext.current
    let previous = context.isGradEnabled
    context.isGradEnabled = false
    defer { context.isGradEnabled = previous }
    return try body()
}

/// Whether operations on the calling thread currently record gradients
/// (`false` inside `noGrad { }`).
public var isGradEnabled: Bool {
    ThreadContext.current.isGradEnabled
}
