import Foundation

/// Runs `agents_torch.py` (the lesson's PyTorch PPO, shape bug fixed, one thread, a shortened run)
/// when `import torch, gymnasium` works, and prints its CPU time per step against ours.
enum TorchReference {
    static func compare(oursSecondsPerStep: Double, script: URL) {
        guard shell(["python3", "-c", "import torch, gymnasium"]) != nil else {
            print("PyTorch reference skipped: `python3 -c \"import torch, gymnasium\"` failed (pip install torch gymnasium to compare).")
            return
        }
        guard let output = shell(["python3", script.path]),
              let json = try? JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Double],
              let steps = json["steps"], let seconds = json["cpu_s"] else {
            print("PyTorch reference skipped: \(script.lastPathComponent) did not print its JSON figures.")
            return
        }
        let torchPerStep = seconds / steps
        print(String(format: "PyTorch (lesson code, one thread): %.0f steps in %.1f CPU s = %.0f steps/s; ppo-book %.0f steps/s; PyTorch takes %.0fx as long",
                     steps, seconds, steps / seconds, 1 / oursSecondsPerStep, torchPerStep / oursSecondsPerStep))
    }

    /// The standard output of a command, or `nil` if it could not run or failed.
    private static func shell(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }
}
