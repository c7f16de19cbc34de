import BenchSupport
import Foundation
import RL

// Times the engine in release mode on one thread against the same work in PyTorch, measured in
// the same run: the lesson's network (one no-grad forward for a single state, one PPO update on
// a 64-row minibatch, written on the tape as the lesson writes it and as PPO runs it, fused), the
// per-step Actor-Critic update, and DQN's gradient step and greedy action.
// Prints each ratio beside its target, the GFLOP/s of the matrix products and the FMA peak assumed.

let benchDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let rows = 64

manualSeed(0)
let network = LessonNetwork()
let state = Tensor([0.02, -0.01, 0.03, 0.04])
let states = Tensor.randn([rows, 4])
let actions = (0..<rows).map { $0 % 2 }
let oldLogProbs = noGrad { Categorical(logits: network.actor(network.shared(states))).logProb(actions) }
let returns = Tensor.randn([rows])
let advantages = Tensor.randn([rows])

let forwardMicroseconds = Stopwatch.microsecondsPerCall(calls: 10_000) {
    _ = network.forward(state: state)
}
let updateMicroseconds = Stopwatch.microsecondsPerCall(calls: 200) {
    network.update(states: states, actions: actions, oldLogProbs: oldLogProbs, returns: returns, advantages: advantages)
}

// The same update as `PPO.update` takes it, one step per minibatch: its fused pass, clipping, Adam.
let agent = PPO(observationSize: 4, kind: .categorical(count: 2), config: .lesson, seed: 0)
let agentOldLogProbs = noGrad {
    agent.network.logProbsAndEntropy(actorOutput: agent.network.forward(states).actorOutput, actions: actions.map(Float.init)).logProbs
}
let minibatch = PPOMinibatch(states: states.scalars, actions: actions.map(Float.init), oldLogProbs: agentOldLogProbs.scalars,
                             advantages: advantages.scalars, returns: returns.scalars)
let agentUpdateMicroseconds = Stopwatch.microsecondsPerCall(calls: 200) {
    agent.step(on: minibatch)
}

let actorCritic = ActorCritic(stateSize: 4, actionCount: 2, seed: 0)
let acState: [Float] = [0.02, -0.01, 0.03, 0.04], acNext: [Float] = [0.03, 0.2, 0.02, -0.3]
let actorCriticMicroseconds = Stopwatch.microsecondsPerCall(calls: 2_000) {
    actorCritic.update(state: acState, action: 1, reward: 1, nextState: acNext, bootstraps: true, beta: 0.01)
}

let dqn = DQN(stateSize: 4, actionCount: 2, seed: 0)
_ = dqn.train(on: CartPole(), steps: 1_100, seed: 0)  // fills the replay buffer past learningStarts
let dqnLearnMicroseconds = Stopwatch.microsecondsPerCall(calls: 200) { dqn.learn() }
let dqnActMicroseconds = Stopwatch.microsecondsPerCall(calls: 10_000) { _ = dqn.greedyAction(acState) }

let peak = FMAPeak.current
let torch = PythonReference.measure(script: benchDirectory.appendingPathComponent("engine_torch.py"), requiring: "torch")

/// One measured operation: its time, the FLOPs of its matrix products, PyTorch's time and the ratio it must reach.
struct Operation {
    let name: String
    let key: String
    /// PyTorch's measurement of the same work (by default under the same key).
    var torchKey: String?
    let microseconds: Double
    let flops: Double
    let target: Double?

    init(name: String, key: String, torchKey: String? = nil, microseconds: Double, flops: Double, target: Double?) {
        (self.name, self.key, self.torchKey, self.microseconds, self.flops, self.target) = (name, key, torchKey, microseconds, flops, target)
    }

    var gflops: Double { flops / (microseconds * 1000) }
    var torchMicroseconds: Double? { torch?[torchKey ?? key] }
    var ratio: Double? { torchMicroseconds.map { $0 / microseconds } }
}

let operations = [
    Operation(name: "PPO forward, 1 state, no grad", key: "forward_single_us", microseconds: forwardMicroseconds,
              flops: FlopCount.forward(layers: LessonNetwork.layers, rows: 1), target: 40),
    Operation(name: "PPO update, 64 rows + Adam", key: "minibatch_update_us", microseconds: agentUpdateMicroseconds,
              flops: FlopCount.update(layers: LessonNetwork.layers, rows: rows), target: 35),
    Operation(name: "  same, on the tape (lesson)", key: "tape_minibatch_update_us", torchKey: "minibatch_update_us",
              microseconds: updateMicroseconds, flops: FlopCount.update(layers: LessonNetwork.layers, rows: rows), target: nil),
    Operation(name: "Actor-Critic per-step update", key: "actor_critic_update_us", microseconds: actorCriticMicroseconds,
              flops: FlopCount.update(layers: [(4, 128), (128, 2)], rows: 1) + FlopCount.update(layers: [(4, 128), (128, 1)], rows: 1)
                  + FlopCount.forward(layers: [(4, 128), (128, 1)], rows: 1), target: nil),
    Operation(name: "DQN gradient step, 64 rows", key: "dqn_learn_us", microseconds: dqnLearnMicroseconds,
              flops: FlopCount.update(layers: [(4, 64), (64, 64), (64, 2)], rows: rows)
                  + FlopCount.forward(layers: [(4, 64), (64, 64), (64, 2)], rows: rows), target: nil),
    Operation(name: "DQN greedy action", key: "dqn_act_us", microseconds: dqnActMicroseconds,
              flops: FlopCount.forward(layers: [(4, 64), (64, 64), (64, 2)], rows: 1), target: nil),
]

/// A number formatted with `format`, or "-" when there is none, right-aligned in `width` columns.
func column(_ value: Double?, _ format: String, width: Int) -> String {
    let text = value.map { String(format: format, $0) } ?? "-"
    return String(repeating: " ", count: max(width - text.count, 0)) + text
}

func verdict(_ holds: Bool?) -> String { holds.map { $0 ? "holds" : "NOT met" } ?? "no PyTorch" }

print("")
print("engine-bench: release build, one thread; PyTorch measured in the same run")
print("operation                        ppo-book (us)  GFLOP/s  % peak  PyTorch (us)  PyTorch/ours  target")
for operation in operations {
    let target = operation.target.map { target in
        String(format: ">= %.0fx: ", target) + verdict(operation.ratio.map { $0 >= target })
    } ?? "reported"
    print(operation.name.padding(toLength: 31, withPad: " ", startingAt: 0)
        + column(operation.microseconds, "%.2f", width: 15) + column(operation.gflops, "%.2f", width: 9)
        + column(100 * operation.gflops / peak.gflops, "%.1f", width: 8)
        + column(operation.torchMicroseconds, "%.2f", width: 14) + column(operation.ratio, "%.1fx", width: 14)
        + "  " + target)
}
let update = operations[1]
print(String(format: "FMA peak assumed for one core: %@ = %.1f GFLOP/s", peak.explanation as NSString, peak.gflops))
print(String(format: "PPO update at %.1f%% of that peak (target >= 40%%: %@); %.3f MFLOP of matrix products per update",
             100 * update.gflops / peak.gflops, verdict(update.gflops >= 0.4 * peak.gflops) as NSString, update.flops / 1e6))

var results: [String: Double] = ["fma_peak_gflops": peak.gflops]
for operation in operations {
    results[operation.key] = operation.microseconds
    results[operation.key.replacingOccurrences(of: "_us", with: "_gflops")] = operation.gflops
    if let torchTime = operation.torchMicroseconds { results["torch_" + operation.key] = torchTime }
}
let resultsDirectory = benchDirectory.appendingPathComponent("results")
try FileManager.default.createDirectory(at: resultsDirectory, withIntermediateDirectories: true)
let json = try JSONSerialization.data(withJSONObject: results, options: [.prettyPrinted, .sortedKeys])
try json.write(to: resultsDirectory.appendingPathComponent("engine.json"))
print("wrote results/engine.json")
