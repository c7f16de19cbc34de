import Foundation

/// The program-wide workers that run the items of every `parallelMap`: one thread per core,
/// started when first needed and kept for the rest of the program.
///
/// Batches started by different cells, some of them in the background with `BackgroundRun`,
/// share these workers instead of each starting threads of their own, so the cores stay busy
/// without running more threads than there are cores. A free worker takes the next item of the
/// first batch in line: batches that a thread outside the background waits for (a cell waiting
/// for its runs) come first, oldest first, then background batches in the order their runs were
/// started. A worker that itself calls `parallelMap` runs its own batch's items while it waits,
/// so nested calls cannot leave every worker waiting.
///
/// A forked copy of the program (an `expect-error` cell) has none of the workers: there the
/// pool forgets the parent's batches and starts workers of its own when it needs them.
final class WorkerPool: @unchecked Sendable {
    /// The pool every `parallelMap` uses.
    static let shared = WorkerPool(width: max(1, ProcessInfo.processInfo.activeProcessorCount))

    private let width: Int
    /// Guards everything below; replaced in a forked copy, where another thread may have held it.
    private var condition = NSCondition()
    private var queue: [Batch] = []
    private var workerCount = 0

    private init(width: Int) {
        self.width = width
        pthread_atfork(nil, nil) { WorkerPool.shared.forgetAfterFork() }
    }

    /// Runs `item(index)` for every index in `0..<count` on the workers and returns when all
    /// have finished.
    func run(count: Int, _ item: @escaping (Int) -> Void) {
        guard count > 0 else { return }
        let context = ThreadContext.current
        let batch = Batch(count: count, backgroundOrder: context.backgroundOrder, item: item)
        condition.lock()
        defer { condition.unlock() }
        queue.insert(batch, at: queue.firstIndex { batch.comesBefore($0) } ?? queue.endIndex)
        while workerCount < width {
            startWorker()
            workerCount += 1
        }
        condition.broadcast()
        if context.isPoolWorker {
            while let index = take(from: batch) { runLocked(batch, index) }
        }
        while batch.unfinished > 0 { condition.wait() }
    }

    /// A worker's life: take the next item in line, run it, repeat.
    private func work() {
        ThreadContext.current.isPoolWorker = true
        condition.lock()
        while true {
            guard let batch = queue.first, let index = take(from: batch) else {
                condition.wait()
                continue
            }
            runLocked(batch, index)
        }
    }

    /// The next index of `batch`, taking it off the queue once all its items are handed out
    /// (called with the lock held).
    private func take(from batch: Batch) -> Int? {
        guard batch.nextIndex < batch.count else { return nil }
        defer {
            batch.nextIndex += 1
            if batch.nextIndex == batch.count { queue.removeAll { $0 === batch } }
        }
        return batch.nextIndex
    }

    /// Runs one item with the lock released, and counts it finished (called with the lock held).
    /// The batch lets go of its closure when its last item finishes, before its caller wakes:
    /// `parallelMap` lends the pool a closure that must not outlive the call.
    private func runLocked(_ batch: Batch, _ index: Int) {
        do {
            let item = batch.item!
            condition.unlock()
            item(index)
        }
        condition.lock()
        batch.unfinished -= 1
        if batch.unfinished == 0 {
            batch.item = nil
            condition.broadcast()
        }
    }

    private func startWorker() {
        DetachedThread.start { WorkerPool.shared.work() }
    }

    /// In a forked copy: no workers, no batches (their threads are the parent's), a fresh lock.
    /// The old lock is never destroyed: the parent's workers may have been waiting on it, and
    /// destroying a condition that has waiters blocks for good.
    private func forgetAfterFork() {
        _ = Unmanaged.passRetained(condition)
        condition = NSCondition()
        queue = []
        workerCount = 0
    }

    /// One call's items, handed out in index order.
    private final class Batch {
        let count: Int
        var item: ((Int) -> Void)?
        /// nil for a batch that a thread outside the background waits for; else the place of
        /// its `BackgroundRun` in the order runs were started.
        let backgroundOrder: Int?
        var nextIndex = 0
        var unfinished: Int

        init(count: Int, backgroundOrder: Int?, item: @escaping (Int) -> Void) {
            self.count = count
            self.item = item
            self.backgroundOrder = backgroundOrder
            unfinished = count
        }

        /// Whether this batch goes ahead of `other` in the queue.
        func comesBefore(_ other: Batch) -> Bool {
            switch (backgroundOrder, other.backgroundOrder) {
            case (nil, .some): true
            case let (.some(mine), .some(theirs)): mine < theirs
            default: false
            }
        }
    }
}
