/// The environment variables through which ppo-book tells a notebook program how to run.
public enum CellSessionEnvironment {
    /// The per-run nonce that marks genuine events (see ``EventFraming``).
    public static let nonce = "PPO_BOOK_EVENT_NONCE"
    /// The folder the program works in: the notebook's own, so cells can use relative paths.
    public static let workingDirectory = "PPO_BOOK_WORKING_DIRECTORY"
    /// The process id of ppo-book, which the program checks it still has as its parent.
    public static let parentProcess = "PPO_BOOK_PARENT_PROCESS"
    /// The folder where `cached(...)` keeps memoised values; absent when nothing is cached.
    public static let memoDirectory = "PPO_BOOK_MEMO_DIRECTORY"
    /// Each cell's key, by the cell's position in its session, separated by commas: the
    /// digest of everything a cell's values can depend on (see `SessionKeys` in ppo-book).
    public static let cellKeys = "PPO_BOOK_CELL_KEYS"
    /// A file to which `cached(...)` appends one line per call, `hit` or `miss`, for the summary.
    public static let memoLog = "PPO_BOOK_MEMO_LOG"
    /// `1` when `cached(...)` may read memoised values but must write none (`ppo-book check`).
    public static let memoReadOnly = "PPO_BOOK_MEMO_READ_ONLY"
}
