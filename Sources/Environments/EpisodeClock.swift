import SeededRandom

/// The bookkeeping Gymnasium's `make` wraps around an environment: the `TimeLimit`
/// step counter, the order checks (reset before step, no step after the end), and the
/// generator the initial states are drawn from. A plain value with no references, so
/// the environments carry it at no cost on the step path.
struct EpisodeClock {
    /// Where an episode stands.
    enum Phase {
        case neverReset, running, terminated, truncated
    }

    /// Steps after which an episode is truncated.
    let limit: Int
    /// Steps since the last reset.
    private(set) var elapsed = 0
    /// `step` may be called only while `running`.
    private(set) var phase = Phase.neverReset
    /// The stream initial states are drawn from; never seeded means seed 0.
    private var generator = EpisodeClock.generator(seed: 0)

    init(limit: Int, of id: String) {
        guard limit > 0 else { fatalError("\(id): maxEpisodeSteps must be positive, got \(limit)") }
        self.limit = limit
    }

    /// Starts an episode and returns the generator to draw its initial state from
    /// (reseeded when `seed` is given); hand it back with `keep(_:)`.
    mutating func startEpisode(seed: Int?) -> SeededGenerator {
        if let seed { generator = EpisodeClock.generator(seed: seed) }
        elapsed = 0
        phase = .running
        return generator
    }

    /// Stores the generator after the initial state was drawn.
    mutating func keep(_ generator: SeededGenerator) {
        self.generator = generator
    }

    /// Sets the steps taken so far, to resume an episode part-way.
    mutating func setElapsed(_ steps: Int, of id: String) {
        guard steps >= 0 && steps < limit else {
            fatalError("\(id): elapsedSteps must be in 0..<\(limit) (the time limit), got \(steps)")
        }
        elapsed = steps
    }

    /// Lets stepping resume from a state set directly.
    mutating func resume() {
        phase = .running
    }

    /// Stops the program, naming the environment `id`, unless a step may be taken now.
    @inline(__always)
    func checkCanStep(_ id: String) {
        if phase != .running { stopStepping(id) }
    }

    private func stopStepping(_ id: String) -> Never {
        switch phase {
        case .neverReset:
            fatalError("\(id): step(_:) called before reset(seed:); reset the environment first (Gymnasium raises ResetNeeded)")
        case .terminated:
            fatalError("\(id): step(_:) called after the episode ended (terminated); call reset() to start a new one")
        case .truncated, .running:
            fatalError("\(id): step(_:) called after the episode ended (truncated by the \(limit)-step limit); call reset() to start a new one")
        }
    }

    /// Counts a step and returns whether the time limit truncates it; ends the episode
    /// when it is terminated or truncated.
    @inline(__always)
    mutating func finishStep(terminated: Bool) -> Bool {
        elapsed += 1
        let truncated = elapsed >= limit
        if terminated {
            phase = .terminated
        } else if truncated {
            phase = .truncated
        }
        return truncated
    }

    /// The generator for `seed`: a stream derived from the seed rather than the seed's own
    /// stream, so an environment and an agent given the same seed draw unrelated numbers.
    private static func generator(seed: Int) -> SeededGenerator {
        SeededGenerator(seed: seed).derived(stream: 0x656E76)
    }
}
