import Foundation

/// "Nice" tick positions for a numeric axis: steps of 1, 2 or 5 times a power
/// of ten, or powers of ten on a logarithmic axis.
///
/// The axis domain runs from the tick below the data to the tick above it,
/// so the data fill the plot and every gridline sits on a round number.
/// Non-finite values (and, on a logarithmic axis, values that are not positive)
/// are ignored; constant data get a range one power of ten around the value;
/// no data give 0...1 (1...10 on a logarithmic axis).
///
/// ```swift
/// let ticks = AxisTicks(covering: [-1600, -100])
/// ticks.values   // [-1600, -1400, ..., -200, 0]
/// ticks.labels   // ["−1600", "−1400", ..., "0"]
/// ```
public struct AxisTicks: Equatable, Sendable {
    /// The axis starts here (the first tick when the domain was chosen by the ticks).
    public let lower: Double
    /// The axis ends here.
    public let upper: Double
    /// The distance between neighbouring ticks; on a logarithmic axis, the
    /// number of powers of ten between labelled powers.
    public let step: Double
    /// The tick positions, ascending.
    public let values: [Double]
    /// The text under each tick: fixed decimals, a true minus sign, and a `k` or
    /// `M` suffix when the numbers reach ten thousand or a million.
    public let labels: [String]

    /// Ticks for an axis that covers every value in `values` it can show,
    /// with about `targetCount` ticks.
    public init(covering values: [Double], targetCount: Double = 6, scale: AxisScale = .linear) {
        if scale == .logarithmic {
            let exponents = values.map(scale.transform).filter(\.isFinite)
            let low = (exponents.min() ?? 0).rounded(.down)
            var high = (exponents.max() ?? 1).rounded(.up)
            if high == low { high += 1 }
            self = Self.logarithmic(lowExponent: low, highExponent: high, targetCount: targetCount)
            return
        }
        let finite = values.filter(\.isFinite)
        var low = finite.min() ?? 0
        var high = finite.max() ?? 1
        let magnitude = max(abs(low), abs(high))
        if high - low <= magnitude * 1e-9 {
            let pad = magnitude == 0 ? 1 : NumberText.pow10(Int((log10(magnitude)).rounded(.down)))
            low -= pad
            high += pad
        }
        let step = Self.niceStep(low: low, high: high, targetCount: targetCount)
        let first = (low / step + 1e-9).rounded(.down)
        let last = (high / step - 1e-9).rounded(.up)
        self.init(lower: first * step, upper: last * step, step: step, firstIndex: first, lastIndex: last)
    }

    /// Ticks inside a fixed axis range, with about `targetCount` ticks. On a
    /// logarithmic axis the range must be positive.
    public init(within range: ClosedRange<Double>, targetCount: Double = 6, scale: AxisScale = .linear) {
        let low = scale.transform(range.lowerBound), high = scale.transform(range.upperBound)
        if !low.isFinite || !high.isFinite || low == high {
            fatalError("AxisTicks: the axis range \(range) must be finite and not empty"
                       + (scale == .logarithmic ? ", and positive on a logarithmic axis." : "."))
        }
        if scale == .logarithmic {
            let ticks = Self.logarithmic(lowExponent: (low - 1e-9).rounded(.down), highExponent: (high + 1e-9).rounded(.up),
                                         targetCount: targetCount)
            let inside = ticks.values.indices.filter {
                ticks.values[$0] >= range.lowerBound * (1 - 1e-9) && ticks.values[$0] <= range.upperBound * (1 + 1e-9)
            }
            self.init(lower: range.lowerBound, upper: range.upperBound, step: ticks.step,
                      values: inside.map { ticks.values[$0] }, labels: inside.map { ticks.labels[$0] })
            return
        }
        let step = Self.niceStep(low: range.lowerBound, high: range.upperBound, targetCount: targetCount)
        let first = (range.lowerBound / step - 1e-9).rounded(.up)
        let last = (range.upperBound / step + 1e-9).rounded(.down)
        self.init(lower: range.lowerBound, upper: range.upperBound, step: step, firstIndex: first, lastIndex: last)
    }

    private init(lower: Double, upper: Double, step: Double, values: [Double], labels: [String]) {
        self.lower = lower
        self.upper = upper
        self.step = step
        self.values = values
        self.labels = labels
    }

    private init(lower: Double, upper: Double, step: Double, firstIndex: Double, lastIndex: Double) {
        let ticks = stride(from: firstIndex, through: lastIndex, by: 1).map { $0 * step }
        let largest = max(abs(lower), abs(upper))
        let divisor = largest >= 1e6 ? 1e6 : largest >= 1e4 ? 1e3 : 1
        let suffix = divisor == 1e6 ? "M" : divisor == 1e3 ? "k" : ""
        let decimals = max(0, -Int(log10(step / divisor).rounded(.down)))
        let labels = ticks.map { value in
            let text = NumberText.fixed(value / divisor, decimals: decimals, minus: "\u{2212}")
            return text == "0" ? "0" : text + suffix
        }
        self.init(lower: lower, upper: upper, step: step, values: ticks, labels: labels)
    }

    /// Ticks on a logarithmic axis from 10^`lowExponent` to 10^`highExponent`:
    /// 1, 2 and 5 times each power when the axis spans two decades or fewer,
    /// otherwise every power (or every second, third, ... when there are many).
    private static func logarithmic(lowExponent: Double, highExponent: Double, targetCount: Double) -> AxisTicks {
        let decades = highExponent - lowExponent
        let every = max(1, (decades / max(targetCount - 1, 1)).rounded(.up))
        let mantissas: [Double] = decades <= 2 ? [1, 2, 5] : [1]
        var values: [Double] = []
        for exponent in stride(from: lowExponent, through: highExponent, by: every) {
            for mantissa in mantissas where exponent < highExponent || mantissa == 1 {
                values.append(mantissa * NumberText.pow10(Int(exponent)))
            }
        }
        let labels = values.map { value -> String in
            let (scaled, suffix) = value >= 1e6 ? (value / 1e6, "M") : value >= 1e3 ? (value / 1e3, "k") : (value, "")
            let decimals = max(0, -Int(log10(scaled).rounded(.down)))
            return NumberText.fixed(scaled, decimals: decimals) + suffix
        }
        return AxisTicks(lower: NumberText.pow10(Int(lowExponent)), upper: NumberText.pow10(Int(highExponent)),
                         step: every, values: values, labels: labels)
    }

    /// The 1-2-5 step that best balances two goals, in the spirit of Talbot,
    /// Lin and Hanrahan's "extended" tick search: a tick count near `targetCount`
    /// (density) and an axis that does not run far past the data (coverage,
    /// which falls with the square of the overhang relative to the data span).
    private static func niceStep(low: Double, high: Double, targetCount: Double) -> Double {
        let span = high - low
        let target = max(targetCount, 2)
        let exponent = Int(log10(span / target).rounded(.down))
        var best = (step: NumberText.pow10(exponent), score: -Double.infinity)
        for power in (exponent - 1) ... (exponent + 1) {
            for mantissa in [1.0, 2.0, 5.0] {
                let step = mantissa * NumberText.pow10(power)
                let first = (low / step + 1e-9).rounded(.down) * step
                let last = (high / step - 1e-9).rounded(.up) * step
                let intervals = ((last - first) / step).rounded()
                guard intervals >= 1 else { continue }
                let overhang = ((low - first) * (low - first) + (last - high) * (last - high)) / (0.1 * span * 0.1 * span)
                let coverage = 1 - 0.5 * overhang
                let ratio = intervals / (target - 1)
                let density = 2 - max(ratio, 1 / ratio)
                let score = 0.2 * coverage + 0.5 * density
                if score > best.score { best = (step, score) }
            }
        }
        return best.step
    }
}
