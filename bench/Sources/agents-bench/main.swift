import Foundation
import RL

// Trains every agent over several seeds in release mode and reports wall time, speed and
// learning outcomes. Sections can be chosen on the command line (`agents-bench ppo trpo`);
// without arguments every section runs. Rows go to results/agents.json.

setvbuf(stdout, nil, _IOLBF, 0)  // show each table as it is finished, also when piped to a file

let benchDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let requested = Set(CommandLine.arguments.dropFirst())
func wants(_ section: String) -> Bool { requested.isEmpty || requested.contains(section) }

var allRows: [BenchRow] = []

/// Trains PPO over `seeds` in parallel and returns one row per seed.
func ppoRows(env: String, preset: String, config: PPOConfig, seeds: [Int], steps: Int, target: Double) -> [BenchRow] {
    parallelMap(seeds: seeds) { seed in
        let (result, seconds, cpuSeconds) = timed { PPO.train(env: env, config: config, seed: seed, totalSteps: steps) }
        let kl = result.klPerUpdate
        return BenchRow(agent: "PPO", env: env, preset: preset, seed: seed, log: result.log, wallSeconds: seconds,
                        cpuSeconds: cpuSeconds, target: target, earlyStops: result.earlyStopCount, meanKL: kl.reduce(0, +) / Double(kl.count))
    }
}

func report(_ title: String, _ rows: [BenchRow]) {
    BenchTable.print(title, rows)
    allRows += rows
}

if wants("speed") {
    let (result, seconds, cpuSeconds) = timed { PPO.train(env: "CartPole-v1", config: .lesson, seed: 0, totalSteps: 200_000) }
    let row = BenchRow(agent: "PPO", env: "CartPole-v1", preset: "lesson (one thread, alone)", seed: 0,
                       log: result.log, wallSeconds: seconds, cpuSeconds: cpuSeconds, target: 475, earlyStops: result.earlyStopCount)
    report("speed: PPO, lesson settings, CartPole-v1, 200k steps, one thread, nothing else running", [row])
    TorchReference.compare(oursSecondsPerStep: cpuSeconds / Double(row.steps), script: benchDirectory.appendingPathComponent("agents_torch.py"))
}

if wants("jax") {
    JAXReference.compare(script: benchDirectory.appendingPathComponent("agents_jax.py"), totalSteps: 200_000)
}

if wants("ppo") {
    let seeds = [0, 1, 2, 3, 4]
    report("PPO on CartPole-v1, 200k steps: the lesson's settings and the CartPole preset",
           ppoRows(env: "CartPole-v1", preset: "lesson", config: .lesson, seeds: seeds, steps: 200_000, target: 475)
           + ppoRows(env: "CartPole-v1", preset: "cartPole", config: .cartPole, seeds: seeds, steps: 200_000, target: 475))
}

if wants("exercises") {
    var noClip = PPOConfig.lesson
    noClip.clipEpsilon = 100
    var klStop = PPOConfig.lesson
    klStop.targetKL = 0.015
    var asPrinted = PPOConfig.lesson
    asPrinted.ratioPairing = .everyPairAsPrinted
    var klStopLowVariance = klStop
    klStopLowVariance.klEstimator = .ratioMinusLogRatio
    let seeds = [0, 1, 2]
    report("lesson exercises on CartPole-v1, 200k steps: the printed code's [N, N] ratio, clip 100 vs 0.2, KL early stop at 0.015",
           ppoRows(env: "CartPole-v1", preset: "lesson as printed, [N,N] ratio", config: asPrinted, seeds: seeds, steps: 200_000, target: 475)
           + ppoRows(env: "CartPole-v1", preset: "lesson, clip 100", config: noClip, seeds: seeds, steps: 200_000, target: 475)
           + ppoRows(env: "CartPole-v1", preset: "lesson, KL stop (mean log r)", config: klStop, seeds: seeds, steps: 200_000, target: 475)
           + ppoRows(env: "CartPole-v1", preset: "lesson, KL stop (r-1-log r)", config: klStopLowVariance, seeds: seeds, steps: 200_000, target: 475))
}

if wants("ablation") {
    let seeds = [0, 1, 2, 3, 4]
    var rows: [BenchRow] = []
    for (name, config) in Ablation.variants {
        rows += ppoRows(env: "CartPole-v1", preset: name, config: config, seeds: seeds, steps: 200_000, target: 475)
    }
    report("ablation on CartPole-v1, 200k steps: one difference at a time between the lesson and the CartPole preset", rows)
}

if wants("pendulum") {
    let seeds = [0, 1, 2]
    report("PPO on Pendulum-v1, 300k steps: the lesson's settings and the Pendulum preset (target: avg20 >= -300)",
           ppoRows(env: "Pendulum-v1", preset: "lesson", config: .lesson, seeds: seeds, steps: 300_000, target: -300)
           + ppoRows(env: "Pendulum-v1", preset: "pendulum", config: .pendulum, seeds: seeds, steps: 300_000, target: -300))
}

if wants("policy-gradient") {
    let seeds = [0, 1, 2, 3, 4]
    func episodicRows(_ agent: String, preset: String, seeds: [Int], _ train: @escaping (Int) -> EpisodeLog) -> [BenchRow] {
        parallelMap(seeds: seeds) { seed in
            let (log, seconds, cpuSeconds) = timed { train(seed) }
            return BenchRow(agent: agent, env: "CartPole-v1", preset: preset, seed: seed, log: log,
                            wallSeconds: seconds, cpuSeconds: cpuSeconds, target: 195, window: 100)
        }
    }
    report("REINFORCE and REINFORCE with baseline on CartPole-v1, 1,000 episodes (target: avg100 >= 195)",
           episodicRows("REINF", preset: "lesson", seeds: seeds) { REINFORCE.train(env: CartPole(), episodes: 1_000, seed: $0) }
           + episodicRows("REINFB", preset: "lesson", seeds: seeds) { REINFORCEWithBaseline.train(env: CartPole(), episodes: 1_000, seed: $0) })
    let threeSeeds = [0, 1, 2]
    report("Actor-Critic with an entropy bonus on CartPole-v1, 800 episodes (target: avg100 >= 195)",
           episodicRows("AC", preset: "default, beta 0.01", seeds: threeSeeds) { ActorCritic.trainWithEntropy(beta: 0.01, seed: $0, episodes: 800) }
           + episodicRows("AC", preset: "default, beta 0", seeds: threeSeeds) { ActorCritic.trainWithEntropy(beta: 0, seed: $0, episodes: 800) }
           + episodicRows("AC", preset: "collapsing, beta 0.01", seeds: threeSeeds) {
               ActorCritic.trainWithEntropy(beta: 0.01, seed: $0, episodes: 800, configuration: .collapsing)
           })
    report("DQN on CartPole-v1, 50k steps",
           parallelMap(seeds: seeds) { seed in
               let (run, seconds, cpuSeconds) = timed { DQN.train(env: CartPole(), steps: 50_000, seed: seed) }
               return BenchRow(agent: "DQN", env: "CartPole-v1", preset: "default", seed: seed, log: run.log,
                               wallSeconds: seconds, cpuSeconds: cpuSeconds, target: 475)
           })
}

if wants("trpo") {
    let rows = parallelMap(seeds: [0, 1, 2]) { seed -> BenchRow in
        let (result, seconds, cpuSeconds) = timed { TRPO.train(env: "CartPole-v1", seed: seed, totalSteps: 200_000) }
        let kls = result.updates.map(\.kl)
        return BenchRow(agent: "TRPO", env: "CartPole-v1", preset: "cartPole", seed: seed, log: result.log,
                        wallSeconds: seconds, cpuSeconds: cpuSeconds, target: 475,
                        meanKL: kls.reduce(0, +) / Double(kls.count))
    }
    report("TRPO on CartPole-v1, 200k steps (δ 0.01, damping 0.1, 10 CG iterations, 1024-step rollouts)", rows)
}

let resultsDirectory = benchDirectory.appendingPathComponent("results")
try FileManager.default.createDirectory(at: resultsDirectory, withIntermediateDirectories: true)
let encoder = JSONEncoder()
encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
try encoder.encode(allRows).write(to: resultsDirectory.appendingPathComponent("agents.json"))
print("\nwrote results/agents.json (\(allRows.count) rows)")
