import BenchSupport
import Foundation
import RL

// Times the lesson's network in release mode: one no-grad forward for a single
// state, and one PPO update on a 64-row minibatch; compares with PyTorch when present.

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
let flops = LessonNetwork.minibatchFlops(rows: rows)
let gflops = flops / (updateMicroseconds * 1000)

var results: [String: Double] = [
    "forward_single_us": forwardMicroseconds,
    "minibatch_update_us": updateMicroseconds,
    "minibatch_gflops": gflops,
    "minibatch_mflop": flops / 1e6,
]

let torch = PythonReference.measure(script: benchDirectory.appendingPathComponent("engine_torch.py"), requiring: "torch")
if let torch {
    results["torch_forward_single_us"] = torch["forward_single_us"]
    results["torch_minibatch_update_us"] = torch["minibatch_update_us"]
}
let torchForward = torch?["forward_single_us"], torchUpdate = torch?["minibatch_update_us"]

/// A number formatted with `format`, or "-" when there is none, right-aligned in `width` columns.
func column(_ value: Double?, _ format: String, width: Int) -> String {
    let text = value.map { String(format: format, $0) } ?? "-"
    return String(repeating: " ", count: max(width - text.count, 0)) + text
}

print("")
print("engine-bench: lesson network 4 -> 64 tanh -> 64 tanh -> actor 2 + critic 1 (release, one thread)")
print("operation                      ppo-book (us)  GFLOP/s  PyTorch (us)  PyTorch / ppo-book")
print("forward, 1 state, no grad  "
    + column(forwardMicroseconds, "%.2f", width: 17) + column(nil, "", width: 9)
    + column(torchForward, "%.2f", width: 14) + column(torchForward.map { $0 / forwardMicroseconds }, "%.1fx", width: 20))
print("PPO update, 64 rows + Adam "
    + column(updateMicroseconds, "%.2f", width: 17) + column(gflops, "%.2f", width: 9)
    + column(torchUpdate, "%.2f", width: 14) + column(torchUpdate.map { $0 / updateMicroseconds }, "%.1fx", width: 20))
print(String(format: "(%.2f MFLOP of matrix products per update; targets: forward < 2 us, update < 60 us)", flops / 1e6))

let resultsDirectory = benchDirectory.appendingPathComponent("results")
try FileManager.default.createDirectory(at: resultsDirectory, withIntermediateDirectories: true)
let json = try JSONSerialization.data(withJSONObject: results, options: [.prettyPrinted, .sortedKeys])
try json.write(to: resultsDirectory.appendingPathComponent("engine.json"))
print("wrote results/engine.json")
