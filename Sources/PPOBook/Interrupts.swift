import Dispatch
import Execution
import Foundation

/// Ctrl-C (SIGINT) and SIGTERM during a render or a check: every running cell program and
/// whatever it forked is killed, the temporary folders are removed, no file is moved into place
/// (so the previous page stays as it was), and ppo-book exits with status 130.
enum Interrupts {
    /// The exit status of an interrupted render, as shells report a Ctrl-C.
    static let exitStatus: Int32 = 130

    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    /// Once an interrupt has stopped the cells, the render's own thread sees them fail; it
    /// waits here (saying and writing nothing) for the handler to exit with status 130.
    static func waitIfInterrupted() {
        while Cleanup.shared.isStopping { sleep(1) }
    }

    /// Starts handling SIGINT and SIGTERM; `note` tells the user what happened, `outcome` what
    /// became of the command's files.
    static func install(outcome: String = "the previous pages were kept", note: @escaping @Sendable (String) -> Void) {
        let queue = DispatchQueue(label: "ppo-book.interrupts")
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler {
                Cleanup.shared.stopEverything()
                note("interrupted: stopped the running cells; \(outcome)")
                exit(exitStatus)
            }
            source.resume()
            sources.append(source)
        }
    }
}
