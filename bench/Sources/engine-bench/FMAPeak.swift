import Foundation

/// The single-core peak the engine's kernels could reach: two 8-wide single-precision FMA
/// units (AVX2, as the engine is compiled), 32 FLOPs per cycle, at the clock the kernel reports.
struct FMAPeak {
    let gigahertz: Double

    static let flopsPerCycle = 32.0

    var gflops: Double { Self.flopsPerCycle * gigahertz }

    var explanation: String {
        String(format: "2 FMA units x 8 floats x 2 FLOPs = %.0f FLOP/cycle x %.2f GHz", Self.flopsPerCycle, gigahertz)
    }

    /// The clock from /proc/cpuinfo's first `cpu MHz` line (the nominal rate on most virtual
    /// machines), or 3 GHz when it cannot be read.
    static var current: FMAPeak {
        let text = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let line = text.split(separator: "\n").first { $0.hasPrefix("cpu MHz") }
        let megahertz = line.flatMap { $0.split(separator: ":").last }.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        return FMAPeak(gigahertz: (megahertz ?? 3000) / 1000)
    }
}
