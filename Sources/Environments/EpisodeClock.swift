import SeededRandom

/// The bookkeeping Gymnasium's `make` wraps around an environment: the `TimeLimit`
/// step counter, the order checks (reset before step, no step after the end), and the
/// generator the initial states are drawn from.
struct EpisodeClock {
    /// The id named in error messages.
    let id: String
    /// Steps after which an episode is truncated.
    let limit: Int
    /// Steps since the last reset.
    var elapsed = 0
    /// Whether `step` may be called: after a reset or a state set, until the episode ends.
    private(set) var isRunning = false
    /// How the last episode ended, for the error message of a step after the end.
    private var ending = ""
    /// The stream initial states are drawn from; never seeded means seed 0.
    private var generator = EpisodeClock.generator(seed: 0)

    init(id: String, limit: Int) {
        guard limit > 0 else { fatalError("\(id): maxEpisodeSteps must be positive, got \(limit)") }
        self.id = id
        self.limit = limit
    }

    /// Starts an episode and returns the generator to draw its initial state from
    /// (reseeded when `seed` is given); hand it back with `keep(_:)`.
    mutating func startEpisode(seed: Int?) -> SeededGenerator {
        if let seed { generator = EpisodeClock.generator(seed: seed) }
        elapsed = 0
        isRunning = true
        return generator
    }

    /// Stores the generator after the initial state was drawn.
    mutating func keep(_ generator: SeededGenerator) {
        self.generator = generator
    }

    /// Lets stepping resume from a state set directly.
    mutating func resume() {
        isRunning = true
    }

    /// Stops the program unless a step may be taken now.
    func checkCanStep() {
        if isRunning { return }
        if ending.isEmpty {
            fatalError("\(id): step(_:) called before reset(seed:); reset the environment first (Gymnasium raises ResetNeeded)")
        }
        fatalError("\(id): step(_:) called after the episode ended (\(ending)); call reset() to start a new one")
    }

    /// Counts a step and returns whether the time limit truncates it; ends the episode
    /// when it is terminated or truncated.
    mutating func finishStep(terminated: Bool) -> Bool {
        elapsed += 1
        let truncated = elapsed >= limit
        if terminated || truncated {
            isRunning = false
            ending = terminated ? "terminated" : "truncated by the \(limit)-step limit"
        }
        return truncated
    }

    /// The generator for `seed`: a stream derived from the seed rather than the seed's own
    /// stream, so an environment and an agent given the same seed draw unrelated numbers.
    private static func generator(seed: Int) -> SeededGenerator {
        SeededGenerator(seed: seed).derived(stream: 0x656E76)
    }
}
