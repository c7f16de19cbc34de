import BenchSupport
import Dispatch
import Foundation
import RL

/// Races ppo-book's PPO against `agents_jax.py`, a jitted JAX PPO after PureJaxRL, in the same run:
/// PureJaxRL's CartPole configuration and the lesson's, one seed and five seeds, for the same
/// number of environment steps. JAX trains five seeds as one `vmap`ped program; ppo-book trains
/// them as five independent runs on a thread pool over every core. Both sides are timed by the
/// wall clock from call to result; JAX's first call also pays for compilation, so both its
/// first and its second call are shown.
enum JAXReference {
    /// PureJaxRL's CartPole settings expressed as a `PPOConfig`: 4 environments × 128 steps,
    /// 4 epochs of 4 minibatches (128 rows), lr 2.5e-4 annealed, separate orthogonal networks.
    /// (PureJaxRL also clips the value loss and normalises advantages per minibatch; neither
    /// changes the amount of work.)
    static let pureJaxRL: PPOConfig = {
        var config = PPOConfig()
        config.environmentCount = 4
        config.rolloutLength = 128
        config.epochs = 4
        config.batchSize = 128
        config.learningRate = 2.5e-4
        config.annealsLearningRate = true
        config.architecture = .separateNetworks
        config.initialization = .orthogonal
        return config
    }()

    /// The Pythons whose JAX to race, from `JAX_PYTHONS` (space-separated interpreters, say one
    /// with JAX 0.4 and one with JAX 0.10), or `python3` alone.
    static var interpreters: [String] {
        let listed = ProcessInfo.processInfo.environment["JAX_PYTHONS"]?.split(separator: " ").map(String.init) ?? []
        return listed.isEmpty ? ["python3"] : listed
    }

    /// Runs the reference under every interpreter, then races ppo-book against the fastest JAX
    /// of each row: each JAX's figures are printed, and the verdict is taken against the fastest.
    static func compare(script: URL, totalSteps: Int) {
        print("\nPPO against JAX (jitted, PureJaxRL-style), CartPole-v1, \(totalSteps) steps per seed, wall seconds")
        // Without JAX, `measure` says what to install and that interpreter is skipped.
        let references: [(version: String, figures: [String: Double])] = interpreters.compactMap { interpreter in
            guard let figures = PythonReference.measure(script: script, arguments: [String(totalSteps)],
                                                        requiring: "jax, gymnax, optax", interpreter: interpreter) else { return nil }
            return ("JAX 0.\(Int(figures["jax_version_minor"] ?? 0)) (\(interpreter))", figures)
        }
        guard !references.isEmpty else { return }
        print("configuration   seeds  ppo-book (s)  JAX run (s)  JAX with compile (s)  JAX/ours  JAX+compile/ours  holds  fastest JAX")
        for (name, config) in [("purejaxrl", pureJaxRL), ("lesson", PPOConfig.lesson)] {
            for seeds in [1, 5] {
                let start = DispatchTime.now().uptimeNanoseconds
                let results = parallelMap(seeds: Array(0..<seeds)) { seed in
                    PPO.train(env: "CartPole-v1", config: config, seed: seed, totalSteps: totalSteps)
                }
                let ours = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                let returns = results.map { $0.log.returns.suffix(20).reduce(0, +) / Double(min($0.log.returns.count, 20)) }
                let runKey = "\(name)_\(seeds)_run_s", firstKey = "\(name)_\(seeds)_first_s"
                for reference in references {
                    if let run = reference.figures[runKey], let first = reference.figures[firstKey] {
                        print(String(format: "  %@: run %.2f s, with compile %.2f s, final avg20 %.0f", reference.version as NSString,
                                     run, first, reference.figures["\(name)_\(seeds)_return"] ?? .nan))
                    }
                }
                let measured = references.filter { $0.figures[runKey] != nil && $0.figures[firstKey] != nil }
                guard let fastest = measured.min(by: { $0.figures[runKey]! < $1.figures[runKey]! }) else { continue }
                let run = fastest.figures[runKey]!
                let first = measured.map { $0.figures[firstKey]! }.min()!
                let line = name.padding(toLength: 15, withPad: " ", startingAt: 0)
                    + String(format: " %5d %13.2f %12.2f %21.2f %9.2fx %17.2fx  %@", seeds, ours, run, first,
                             run / ours, first / ours, (run > ours ? "yes" : "NO") as NSString)
                print(line + String(format: "    %@   (final avg20: ours %.0f, JAX %.0f)", fastest.version as NSString,
                                    returns.reduce(0, +) / Double(seeds), fastest.figures["\(name)_\(seeds)_return"] ?? .nan))
            }
        }
        let steps = references[0].figures
        print("(target: ppo-book faster than the fastest JAX's run without compile time, for one seed and for five; JAX steps per seed: "
              + "\(Int(steps["purejaxrl_steps"] ?? 0)) and \(Int(steps["lesson_steps"] ?? 0)), whole rollouts only)")
    }
}
