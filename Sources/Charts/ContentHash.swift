/// A stable 64-bit FNV-1a hash of a figure's content, used to name its
/// elements when the caller gives no id. Unlike Swift's `Hasher`, which is
/// seeded per process, it gives the same value in every run.
struct ContentHash {
    private var value: UInt64 = 0xcbf2_9ce4_8422_2325

    init(_ figure: Figure) {
        combine(figure.title ?? "")
        combine(figure.caption ?? "")
        for panel in figure.panels {
            for text in [panel.title, panel.xLabel, panel.yLabel] { combine(text ?? "") }
            for category in panel.categories ?? [] { combine(category) }
            for mark in panel.marks { combine(mark) }
        }
    }

    /// The hash as 16 hexadecimal digits.
    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private mutating func combine(_ mark: Mark) {
        combine(mark.seriesLabel ?? "")
        switch mark {
        case .line(_, let curve), .scatter(_, let curve):
            combine(curve.x)
            combine(curve.y)
        case .band(_, let x, let lower, let upper):
            combine(x)
            combine(lower)
            combine(upper)
        case .bars(_, let values, let missingLabel):
            combine(values.map { $0 ?? .nan })
            combine(missingLabel)
        case .horizontalRule(let value, let label), .verticalRule(let value, let label):
            combine([value])
            combine(label ?? "")
        }
    }

    private mutating func combine(_ text: String) {
        for byte in text.utf8 { combine(byte: byte) }
        combine(byte: 0)
    }

    private mutating func combine(_ numbers: [Double]) {
        for number in numbers {
            var bits = number.bitPattern
            for _ in 0 ..< 8 {
                combine(byte: UInt8(truncatingIfNeeded: bits))
                bits >>= 8
            }
        }
    }

    private mutating func combine(byte: UInt8) {
        value ^= UInt64(byte)
        value = value &* 0x0000_0100_0000_01b3
    }
}
