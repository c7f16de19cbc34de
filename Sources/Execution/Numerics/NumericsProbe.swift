import Foundation

/// A fingerprint of the floating-point results the engine gives on this machine: a small
/// program, built exactly as cell programs are, trains a tiny network, steps the environments
/// whose dynamics use `sin`, `cos` and `exp`, calls the math library over a range of
/// arguments, and hashes every result bit for bit.
///
/// Two machines with the same fingerprint compute the same bits for these operations, so a
/// rendered page can be compared byte for byte; with different fingerprints (another CPU
/// architecture, another libm), numbers on pages may differ in their last digits.
public struct NumericsProbe {
    private let toolchain: Toolchain

    /// A probe built with `toolchain`.
    public init(toolchain: Toolchain) {
        self.toolchain = toolchain
    }

    /// The probe's hash, as 16 hexadecimal digits.
    public func fingerprint() throws -> String {
        let folder = try Cleanup.shared.makeTemporaryFolder()
        defer { Cleanup.shared.remove(folder) }
        let source = "\(folder)/probe.swift", binary = "\(folder)/probe"
        try Self.program.write(toFile: source, atomically: false, encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = folder
        let compile = try ChildProcess.run(toolchain.compiler, toolchain.arguments(source: source, binary: binary),
                                           environment: environment, limit: RunLimits.defaultCompileSeconds)
        guard compile.termination.succeeded else {
            throw ExecutionError("the numerics probe did not compile:\n\(compile.output)")
        }
        let run = try ChildProcess.run(binary, [], environment: environment, limit: 60)
        let hash = run.output.trimmingCharacters(in: .whitespacesAndNewlines)
        guard run.termination.succeeded, hash.count == 16 else {
            throw ExecutionError("the numerics probe failed (\(run.termination.description)):\n\(run.output)")
        }
        return hash
    }

    /// What the machine is, for people reading the fingerprint file (not compared).
    public static var machineDescription: String {
        var system = utsname()
        uname(&system)
        let machine = withUnsafeBytes(of: &system.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        typealias Version = @convention(c) () -> UnsafePointer<CChar>
        let libc = dlsym(nil, "gnu_get_libc_version").map { String(cString: unsafeBitCast($0, to: Version.self)()) }
            ?? "unknown"
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":", maxSplits: 1).last!.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
        let flags = Set(cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") }?.split(separator: " ").map(String.init) ?? [])
        let vector = ["avx2", "fma", "avx512f"].filter(flags.contains).joined(separator: " ")
        return "\(machine), glibc \(libc), \(model)\(vector.isEmpty ? "" : ", \(vector)")"
    }

    /// The probe program: every result's bits folded into one FNV-1a hash.
    static let program = """
        import RL
        import Foundation

        var hash: UInt64 = 0xcbf29ce484222325
        func mix(_ bits: UInt64) { hash = (hash ^ bits) &* 0x100000001b3 }
        func mix(_ values: [Float]) { values.forEach { mix(UInt64($0.bitPattern)) } }

        manualSeed(0)
        let network = Sequential(Linear(4, 32), Tanh(), Linear(32, 32), Tanh(), Linear(32, 2))
        let optimizer = Adam(network.parameters, lr: 1e-2)
        let states = Tensor.randn([64, 4])
        for _ in 0..<5 {
            let distribution = Categorical(logits: network(states))
            let loss = -(distribution.logProb(distribution.sample()) * Tensor.rand([64])).mean()
                - 0.01 * distribution.entropy().mean()
            optimizer.zeroGrad()
            loss.backward()
            optimizer.step()
        }
        network.parameters.forEach { mix($0.scalars) }
        let normal = Normal(mean: states, std: states.abs() + 0.5)
        mix(normal.logProb(states * 0.9).scalars)

        let acrobot = Acrobot()
        mix(acrobot.reset(seed: 1).observation)
        for step in 0..<200 { mix(acrobot.step(step % 3).observation) }  // 500 steps before it truncates
        let pendulum = Pendulum()
        mix(pendulum.reset(seed: 2).observation)
        for step in 0..<200 { mix(pendulum.step([Float(step % 5) - 2]).observation) }
        let cartPole = CartPole()
        mix(cartPole.reset(seed: 3).observation)
        for step in 0..<100 {
            let result = cartPole.step(step % 2)
            mix(result.observation)
            if result.terminated || result.truncated { mix(cartPole.reset(seed: step).observation) }
        }

        for x in stride(from: -30.0, to: 30.0, by: 0.173) {
            for value in [exp(x), log(abs(x) + 1e-3), sin(x), cos(x), tanh(x), pow(abs(x), 0.37), atan2(x, 1.3)] {
                mix(value.bitPattern)
            }
            let f = Float(x)
            for value in [expf(f), logf(abs(f) + 1e-3), sinf(f), cosf(f), tanhf(f)] { mix(UInt64(value.bitPattern)) }
        }
        let hex = String(hash, radix: 16)
        print(String(repeating: "0", count: 16 - hex.count) + hex)
        """
}
