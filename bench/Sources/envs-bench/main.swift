// Environment steps per second with random actions, single thread, release mode:
// the single form (`step(_:)` returning a StepResult), the buffer form
// (`step(_:writingObservationTo:)`) and the vectorised form (8 copies), beside
// Gymnasium's speed measured in the same run when Python can import it.
// Prints a table and writes results/envs.json.
// `swift run -c release envs-bench CartPole-v1` measures one environment only
// (no Gymnasium, no JSON), for profiling.

import BenchSupport
import RL
import Foundation

let secondsPerMeasurement = 1.0
let vectorCopies = 8
let benchDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// Calls `body`, which takes `batch` steps, repeatedly for about `secondsPerMeasurement`
/// and returns steps per second.
func stepsPerSecond(batch: Int, _ body: () -> Void) -> Double {
    body()  // warm-up
    let start = DispatchTime.now().uptimeNanoseconds
    let deadline = start + UInt64(secondsPerMeasurement * 1e9)
    var steps = 0
    var now = start
    repeat {
        for _ in 0..<64 { body() }
        steps += 64 * batch
        now = DispatchTime.now().uptimeNanoseconds
    } while now < deadline
    return Double(steps) / (Double(now - start) / 1e9)
}

/// The single form: `step(_:)`, with a reset whenever the episode ends.
func singleForm<Env: Environment>(_ env: Env, randomAction: @escaping (inout SeededGenerator) -> Env.Action) -> Double {
    var generator = SeededGenerator(seed: 1)
    _ = env.reset(seed: 0)
    return stepsPerSecond(batch: 1024) {
        for _ in 0..<1024 where env.step(randomAction(&generator)).done {
            _ = env.reset()
        }
    }
}

/// The buffer form: `step(_:writingObservationTo:)` into one reused buffer.
func bufferForm<Env: Environment>(_ env: Env, randomAction: @escaping (inout SeededGenerator) -> Env.Action) -> Double {
    var generator = SeededGenerator(seed: 1)
    let observation = UnsafeMutablePointer<Float>.allocate(capacity: env.observationSpace.count)
    defer { observation.deallocate() }
    env.reset(seed: 0, writingObservationTo: observation)
    return stepsPerSecond(batch: 1024) {
        for _ in 0..<1024 where env.step(randomAction(&generator), writingObservationTo: observation).done {
            env.reset(seed: nil, writingObservationTo: observation)
        }
    }
}

/// The discrete vectorised form; counts every copy's step.
func vectorForm(_ id: String, actions: Int) -> Double {
    let envs = DiscreteVectorEnvironment(id, count: vectorCopies)
    var generator = SeededGenerator(seed: 1)
    var chosen = [Int](repeating: 0, count: vectorCopies)
    _ = envs.reset(seed: 0)
    return stepsPerSecond(batch: 128 * vectorCopies) {
        for _ in 0..<128 {
            for index in chosen.indices { chosen[index] = generator.nextInt(below: actions) }
            _ = envs.step(chosen)
        }
    }
}

/// The continuous vectorised form; counts every copy's step.
func vectorForm(_ id: String, bound: Float) -> Double {
    let envs = ContinuousVectorEnvironment(id, count: vectorCopies)
    var generator = SeededGenerator(seed: 1)
    var chosen = [Float](repeating: 0, count: vectorCopies)
    _ = envs.reset(seed: 0)
    return stepsPerSecond(batch: 128 * vectorCopies) {
        for _ in 0..<128 {
            for index in chosen.indices { chosen[index] = bound * (2 * generator.nextFloat() - 1) }
            _ = envs.step(chosen)
        }
    }
}

/// A random discrete action in `0..<count`.
func discrete(_ count: Int) -> (inout SeededGenerator) -> Int {
    { $0.nextInt(below: count) }
}

/// A random one-value continuous action in `[-bound, bound)`, written into one reused array.
func continuous(_ bound: Float) -> (inout SeededGenerator) -> [Float] {
    var action: [Float] = [0]
    return { generator in
        action[0] = bound * (2 * generator.nextFloat() - 1)
        return action
    }
}

/// One environment's speeds, in steps per second; encoded with the keys of results/envs.json.
struct Row: Encodable {
    var single: Double
    var buffer: Double
    var vector: Double
    var gymnasium: Double?

    enum CodingKeys: String, CodingKey {
        case single = "steps_per_s"
        case buffer = "buffer_steps_per_s"
        case vector = "vector_steps_per_s"
        case gymnasium = "gymnasium_steps_per_s"
    }
}

let onlyID = CommandLine.arguments.dropFirst().first
print("Measuring Swift environments (\(secondsPerMeasurement) s per measurement)...")
var rows: [(id: String, row: Row)] = []
func add(_ id: String, single: @autoclosure () -> Double, buffer: @autoclosure () -> Double, vector: @autoclosure () -> Double) {
    guard onlyID == nil || onlyID == id else { return }
    rows.append((id, Row(single: single(), buffer: buffer(), vector: vector(), gymnasium: nil)))
}
add("CartPole-v1", single: singleForm(CartPole(), randomAction: discrete(2)),
    buffer: bufferForm(CartPole(), randomAction: discrete(2)), vector: vectorForm("CartPole-v1", actions: 2))
add("Pendulum-v1", single: singleForm(Pendulum(), randomAction: continuous(2)),
    buffer: bufferForm(Pendulum(), randomAction: continuous(2)), vector: vectorForm("Pendulum-v1", bound: 2))
add("Acrobot-v1", single: singleForm(Acrobot(), randomAction: discrete(3)),
    buffer: bufferForm(Acrobot(), randomAction: discrete(3)), vector: vectorForm("Acrobot-v1", actions: 3))
add("MountainCar-v0", single: singleForm(MountainCar(), randomAction: discrete(3)),
    buffer: bufferForm(MountainCar(), randomAction: discrete(3)), vector: vectorForm("MountainCar-v0", actions: 3))
add("MountainCarContinuous-v0", single: singleForm(MountainCarContinuous(), randomAction: continuous(1)),
    buffer: bufferForm(MountainCarContinuous(), randomAction: continuous(1)),
    vector: vectorForm("MountainCarContinuous-v0", bound: 1))

var gymnasium: [String: Double]?
if onlyID == nil {
    print("Measuring Gymnasium (python3 bench/envs_gymnasium.py)...")
    gymnasium = PythonReference.measure(script: benchDirectory.appendingPathComponent("envs_gymnasium.py"),
                                        arguments: [String(secondsPerMeasurement)], requiring: "gymnasium")
}
for index in rows.indices {
    rows[index].row.gymnasium = gymnasium?[rows[index].id]
}

func millions(_ value: Double) -> String { String(format: "%8.2fM", value / 1e6) }
func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: width, withPad: " ", startingAt: 0) }
print("")
print(pad("environment", 26) + "    single    buffer  vector×\(vectorCopies)   gymnasium   single/gym  target >= 100x")
for (id, row) in rows {
    var line = pad(id, 26) + millions(row.single) + "  " + millions(row.buffer) + "  " + millions(row.vector)
    if let reference = row.gymnasium {
        let ratio = row.single / reference
        line += String(format: "  %9.0f   %8.0fx  %@", reference, ratio, (ratio >= 100 ? "holds" : "NOT met") as NSString)
    } else {
        line += "          -          -"
    }
    print(line)
}
print("(environment steps per second, random actions, one thread; vector counts every copy's step)")

if onlyID == nil {
    let results = benchDirectory.appendingPathComponent("results")
    try FileManager.default.createDirectory(at: results, withIntermediateDirectories: true)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    let json = try encoder.encode(Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0.row) }))
    try json.write(to: results.appendingPathComponent("envs.json"))
    print("wrote bench/results/envs.json")
}
