import Foundation

/// A reference measured by a Python script in the same benchmark run (PyTorch, Gymnasium),
/// so that ratios compare two measurements taken on the same machine at the same time.
public enum PythonReference {
    /// Runs `script` with `arguments` under `interpreter` and returns the JSON object of numbers it prints.
    ///
    /// Returns nil, after printing why, when `<interpreter> -c "import <modules>"` fails (the
    /// reference is optional and never needed by the tests) or the script gives no such JSON.
    public static func measure(script: URL, arguments: [String] = [], requiring modules: String,
                               interpreter: String = "python3") -> [String: Double]? {
        guard output(of: [interpreter, "-c", "import \(modules)"]) != nil else {
            print("Python reference skipped: `\(interpreter) -c \"import \(modules)\"` failed (pip install \(modules.replacingOccurrences(of: ",", with: "")) to compare).")
            return nil
        }
        guard let text = output(of: [interpreter, script.path] + arguments),
              let figures = try? JSONDecoder().decode([String: Double].self, from: Data(text.utf8)) else {
            print("Python reference skipped: \(script.lastPathComponent) did not print its JSON figures.")
            return nil
        }
        return figures
    }

    /// The standard output of a command, or nil if it could not run or failed.
    private static func output(of arguments: [String]) -> String? {
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
