/// The environment variables through which ppo-book tells a notebook program how to run.
public enum CellSessionEnvironment {
    /// The per-run nonce that marks genuine events (see ``EventFraming``).
    public static let nonce = "PPO_BOOK_EVENT_NONCE"
    /// The folder the program works in: the notebook's own, so cells can use relative paths.
    public static let workingDirectory = "PPO_BOOK_WORKING_DIRECTORY"
    /// The process id of ppo-book, which the program checks it still has as its parent.
    public static let parentProcess = "PPO_BOOK_PARENT_PROCESS"
}
