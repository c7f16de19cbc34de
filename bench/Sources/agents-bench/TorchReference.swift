import BenchSupport
import Foundation

/// Runs `agents_torch.py` (the lesson's PyTorch PPO, shape bug fixed, one thread, a shortened run)
/// when `import torch, gymnasium` works, and prints its CPU time per step against ours.
enum TorchReference {
    static func compare(oursSecondsPerStep: Double, script: URL) {
        guard let figures = PythonReference.measure(script: script, requiring: "torch, gymnasium"),
              let steps = figures["steps"], let seconds = figures["cpu_s"] else { return }
        let torchPerStep = seconds / steps
        let ratio = torchPerStep / oursSecondsPerStep
        print(String(format: "PyTorch (lesson code, one thread): %.0f steps in %.1f CPU s = %.0f steps/s; ppo-book %.0f steps/s; PyTorch takes %.0fx as long (target >= 100x: %@)",
                     steps, seconds, steps / seconds, 1 / oursSecondsPerStep, ratio, (ratio >= 100 ? "holds" : "NOT met") as NSString))
    }
}
