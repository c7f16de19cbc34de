import Foundation

/// Starts plain threads that nobody joins: the workers of ``WorkerPool`` and each
/// ``BackgroundRun``. Plain threads rather than Dispatch, whose pool is small (a run waiting
/// on its batch would hold a Dispatch thread) and does not survive a fork.
enum DetachedThread {
    /// Starts a thread running `body`.
    static func start(_ body: @escaping () -> Void) {
        let argument = Unmanaged.passRetained(Body(body)).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(&thread, nil, { argument in
            Unmanaged<Body>.fromOpaque(argument!).takeRetainedValue().run()
            return nil
        }, argument)
        guard status == 0 else { fatalError("could not start a thread (status \(status))") }
        pthread_detach(thread)
    }

    /// The closure a new thread runs.
    private final class Body {
        let run: () -> Void

        init(_ run: @escaping () -> Void) { self.run = run }
    }
}
