import Foundation

/// Runs `engine_torch.py`, the same two operations written in PyTorch, when
/// `import torch` works; returns its figures, or `nil` with a printed reason.
enum TorchReference {
    static func run(script: URL) -> [String: Double]? {
        guard shell(["python3", "-c", "import torch"]) != nil else {
            print("PyTorch reference skipped: `python3 -c \"import torch\"` failed (pip install torch to compare).")
            return nil
        }
        guard let output = shell(["python3", script.path]),
              let json = try? JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Double] else {
            print("PyTorch reference skipped: \(script.lastPathComponent) did not print its JSON figures.")
            return nil
        }
        return json
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
