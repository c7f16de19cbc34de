import Foundation

/// What the browser is told about one notebook: the version of its page (raised each time
/// a render has finished writing it), whether a render is running, the running cell and its
/// progress, and the errors of the last render if it failed.
final class PreviewState: @unchecked Sendable {
    /// A copy of the state at one moment, as the page's script receives it.
    struct Snapshot: Codable, Equatable {
        /// Raised on every change.
        var serial = 0
        /// Raised when a new page has been written, whole.
        var pageVersion = 0
        var rendering = false
        var cell: String?
        var progress: String?
        var errors: [String] = []
    }

    private let lock = NSLock()
    private var snapshot = Snapshot()

    /// The state now.
    var current: Snapshot { lock.withLock { snapshot } }

    /// Changes the state and raises its serial.
    func update(_ change: (inout Snapshot) -> Void) {
        lock.withLock {
            change(&snapshot)
            snapshot.serial += 1
        }
    }

    /// Waits (up to `timeout` seconds) for a state whose serial is not `serial`, then returns the state.
    func change(after serial: Int, timeout: Double) async -> Snapshot {
        let deadline = Date() + timeout
        while current.serial == serial && Date() < deadline && !Task.isCancelled {
            try? await Task.sleep(nanoseconds: 25_000_000)
        }
        return current
    }
}
