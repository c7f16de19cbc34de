import Foundation

/// The limits that keep a runaway cell from hanging a render or the machine.
public struct RunLimits: Sendable {
    /// How much memory (resident, in bytes) a session's program may use before it is stopped.
    public var memoryBytes: Int
    /// How long compiling one session's program may take, in seconds.
    public var compileSeconds: Double
    /// How much printed text of one cell is kept; the rest is dropped, and the page says so.
    public var outputBytesPerCell: Int

    /// Half the machine's memory: generous for any lesson, and still leaves the machine usable.
    public static let defaultMemoryBytes = Int(ProcessInfo.processInfo.physicalMemory / 2)
    /// Five minutes: the lesson's largest session compiles in seconds.
    public static let defaultCompileSeconds: Double = 300
    /// One megabyte of text: far more than a reader scrolls through.
    public static let defaultOutputBytesPerCell = 1 << 20

    /// Creates limits; each defaults to the generous value above.
    public init(memoryBytes: Int = RunLimits.defaultMemoryBytes,
                compileSeconds: Double = RunLimits.defaultCompileSeconds,
                outputBytesPerCell: Int = RunLimits.defaultOutputBytesPerCell) {
        self.memoryBytes = memoryBytes
        self.compileSeconds = compileSeconds
        self.outputBytesPerCell = outputBytesPerCell
    }
}

extension Double {
    /// Seconds as a user wrote them: `1` rather than `1.0`, `0.5` as is.
    var secondsText: String { self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}
