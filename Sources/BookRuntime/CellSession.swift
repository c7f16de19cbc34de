import CellEvents
import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// The running notebook program's side of ppo-book: the generated program calls these
/// around each cell, and `show(...)` and `progress(...)` send their events through it.
///
/// Events go to standard output between the printed text, framed with the nonce that
/// ppo-book passes in the environment, so their order with `print` is kept exactly.
public enum CellSession {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var framing: EventFraming?
    private typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
    nonisolated(unsafe) private static var prctl: Prctl?
    nonisolated(unsafe) private static var runningCell: Int?
    nonisolated(unsafe) private static var currentInline: Int?

    /// The position in its session of the cell now running, if any.
    static var currentCell: Int? { lock.withLock { runningCell } }

    /// Prepares the program: line-buffered output (so text survives a trap), the event
    /// framing, the notebook's folder as the working directory, and death with ppo-book.
    public static func start() {
        dieWithParent(expected: ProcessInfo.processInfo.environment[CellSessionEnvironment.parentProcess].flatMap { pid_t($0) })
        setvbuf(stdout, nil, _IOLBF, 0)
        let environment = ProcessInfo.processInfo.environment
        if let nonce = environment[CellSessionEnvironment.nonce] {
            framing = EventFraming(nonce: nonce)
        }
        if let directory = environment[CellSessionEnvironment.workingDirectory] {
            _ = FileManager.default.changeCurrentDirectoryPath(directory)
        }
    }

    /// The cell at position `cell` of the session begins.
    public static func begin(cell: Int) {
        lock.withLock { runningCell = cell }
        send(.cellStarted(cell))
    }

    /// The inline value at position `index` of the session is evaluated next; `inline(...)` sends its text.
    public static func beginInline(_ index: Int) {
        lock.withLock { currentInline = index }
        send(.inlineStarted(index))
    }

    /// Sends the text of the inline value being evaluated.
    static func sendInline(_ text: String) {
        guard let index = lock.withLock({ currentInline }) else { return }
        send(.inlineValue(index: index, text: text))
    }

    /// The cell at position `cell` of the session ran to its end.
    public static func end(cell: Int) {
        send(.cellFinished(cell))
    }

    /// Runs an `expect-error` cell in a forked copy of this program, which inherits all
    /// state so far. Returns `true` in the copy, which then runs the cell; returns `false`
    /// here once the copy has ended, after reporting how it ended.
    ///
    /// The copy has one thread, the one that forked. It is called between cells, and it may
    /// start threads of its own: `parallelMap` starts its workers afresh in the copy (they are
    /// plain threads, not Dispatch, whose pool does not survive a fork). Runs started in the
    /// background may still be training in the program, not in the copy: the fork happens
    /// with the events' lock held, so none of them is halfway through sending progress.
    /// Dispatch queues and `Task`s are not safe to use in the copy.
    public static func isolate(cell: Int) -> Bool {
        fflush(stdout)
        var template = Array("\(FileManager.default.temporaryDirectory.path)/ppo-book-cell-\(cell)-XXXXXX".utf8CString)
        let log = mkstemp(&template)
        guard log >= 0 else { fatalError("ppo-book: could not create the log of the expect-error cell \(cell)") }
        let logPath = String(cString: template)
        unlink(logPath)  // the open descriptor is enough; nothing is left behind if the program is killed
        lock.lock()
        let pid = fork()
        lock.unlock()
        if pid == 0 {
            dieWithParent(expected: getppid())
            dup2(log, 2)
            close(log)
            return true
        }
        guard pid > 0 else { fatalError("ppo-book: could not fork to run the expect-error cell \(cell)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let report = readAll(log)
        close(log)
        let termination = ProcessTermination(status: status)
        if !termination.succeeded {
            send(.expectedErrorOccurred(cell: cell, message: report + "\nThe cell ended with \(termination.description)."))
        }
        return false
    }

    /// Called in the forked copy when an `expect-error` cell ran to its end: reports it and ends the copy.
    public static func missingExpectedError(cell: Int) -> Never {
        send(.expectedErrorMissing(cell))
        fflush(stdout)
        _exit(0)
    }

    /// Reads a file from its start to its end through `descriptor`.
    private static func readAll(_ descriptor: Int32) -> String {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var offset: off_t = 0
        while true {
            let count = pread(descriptor, &buffer, buffer.count, offset)
            guard count > 0 else { break }
            bytes += buffer[0..<count]
            offset += off_t(count)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Asks the kernel to send SIGTERM to this process when its parent dies (`PR_SET_PDEATHSIG`),
    /// and answers SIGTERM by killing the program's whole process group (itself, the copies
    /// that run `expect-error` cells, and whatever cells forked); exits at once if the parent
    /// is already gone. A backstop for when ppo-book is killed and cannot stop its programs.
    ///
    /// `prctl` is variadic, so it is called through its address with a fixed signature, as
    /// the C calling convention allows for integers. The address is looked up once, in
    /// `start()`, so a forked copy never calls the loader.
    private static func dieWithParent(expected parent: pid_t?) {
        if prctl == nil, let symbol = dlsym(nil, "prctl") { prctl = unsafeBitCast(symbol, to: Prctl.self) }
        guard let parent, let prctl else { return }
        signal(SIGTERM) { _ in _ = kill(0, SIGKILL) }
        var terminate = sigset_t()
        sigemptyset(&terminate)
        sigaddset(&terminate, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &terminate, nil)
        let setParentDeathSignal: Int32 = 1  // PR_SET_PDEATHSIG
        _ = prctl(setParentDeathSignal, UInt(SIGTERM), 0, 0, 0)
        if getppid() != parent { kill(0, SIGKILL) }
    }

    /// Sends an event, in order with the text printed so far.
    static func send(_ event: CellEvent) {
        lock.withLock {
            guard let framing else { return }
            fflush(stdout)
            let bytes = framing.encode(event)
            _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, stdout) }
            fflush(stdout)
        }
    }
}
