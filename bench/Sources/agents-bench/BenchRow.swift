import Foundation
import RL

/// One training run as the bench reports it; encoded with the JSON keys of `results/agents.json`.
struct BenchRow: Codable {
    var agent: String
    var env: String
    var preset: String
    var seed: Int
    var steps: Int
    var episodes: Int
    var wallSeconds: Double
    /// CPU seconds of the thread that ran the training.
    var cpuSeconds: Double
    var finalAverage20: Double?
    var finalAverage100: Double?
    /// The step at which the `window`-episode average first reached the section's target.
    var stepsToTarget: Int?
    /// The episode (0-based) at which the `window`-episode average first reached the target.
    var episodesToTarget: Int?
    var target: Double
    /// The moving-average window the target is measured with (20 for PPO and TRPO, 100 for the lesson's 195).
    var window: Int
    /// The number of updates the KL early stop cut short (PPO only).
    var earlyStops: Int?
    /// The mean approximate KL per update (PPO and TRPO).
    var meanKL: Double?

    /// Environment steps per CPU second of the training thread.
    var stepsPerSecond: Double { Double(steps) / cpuSeconds }

    /// The agent and preset, which the per-seed rows of a summary share.
    var group: String { "\(agent) \(preset)" }

    enum CodingKeys: String, CodingKey {
        case agent, env, preset, seed, steps, episodes, target, window
        case wallSeconds = "wall_s", cpuSeconds = "cpu_s", finalAverage20 = "final_avg20", finalAverage100 = "final_avg100"
        case stepsToTarget = "steps_to_target", episodesToTarget = "episodes_to_target", earlyStops = "early_stops", meanKL = "mean_kl"
        case stepsPerSecond = "steps_per_s", stepsTo475 = "steps_to_475"
    }

    init(agent: String, env: String, preset: String, seed: Int, log: EpisodeLog, wallSeconds: Double, cpuSeconds: Double,
         target: Double, window: Int = 20, earlyStops: Int? = nil, meanKL: Double? = nil) {
        self.agent = agent
        self.env = env
        self.preset = preset
        self.seed = seed
        steps = log.totalSteps
        episodes = log.episodeCount
        self.wallSeconds = wallSeconds
        self.cpuSeconds = cpuSeconds
        finalAverage20 = log.finalAverage(window: 20)
        finalAverage100 = log.finalAverage(window: 100)
        stepsToTarget = log.firstStepReaching(target, window: window)
        episodesToTarget = log.firstEpisodeReaching(target, window: window)
        self.target = target
        self.window = window
        self.earlyStops = earlyStops
        self.meanKL = meanKL
    }

    init(from decoder: Decoder) throws {
        fatalError("BenchRow is only written, never read back")
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(agent, forKey: .agent)
        try container.encode(env, forKey: .env)
        try container.encode(preset, forKey: .preset)
        try container.encode(seed, forKey: .seed)
        try container.encode(steps, forKey: .steps)
        try container.encode(episodes, forKey: .episodes)
        try container.encode(wallSeconds, forKey: .wallSeconds)
        try container.encode(cpuSeconds, forKey: .cpuSeconds)
        try container.encode(stepsPerSecond, forKey: .stepsPerSecond)
        try container.encode(finalAverage20, forKey: .finalAverage20)
        try container.encode(finalAverage100, forKey: .finalAverage100)
        try container.encode(target, forKey: .target)
        try container.encode(window, forKey: .window)
        try container.encode(stepsToTarget, forKey: .stepsToTarget)
        try container.encode(episodesToTarget, forKey: .episodesToTarget)
        if target == 475 && window == 20 { try container.encode(stepsToTarget, forKey: .stepsTo475) }
        try container.encodeIfPresent(earlyStops, forKey: .earlyStops)
        try container.encodeIfPresent(meanKL, forKey: .meanKL)
    }
}

/// Wall seconds and the calling thread's CPU seconds taken by `body`, measured inside the run
/// (so parallel runs each report their own; CPU time stays honest when other work shares the cores).
func timed<Result>(_ body: () -> Result) -> (result: Result, seconds: Double, cpuSeconds: Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let cpuStart = threadCPUSeconds()
    let result = body()
    return (result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, threadCPUSeconds() - cpuStart)
}

/// CPU time the calling thread has used, in seconds.
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
