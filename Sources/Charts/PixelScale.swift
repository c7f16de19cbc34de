/// Maps data values in a domain onto pixel positions along an axis, linearly
/// or logarithmically. Values the axis cannot place map to NaN.
struct PixelScale {
    /// How values are spaced.
    let kind: AxisScale
    /// The data value at the start of the axis.
    let domainStart: Double
    /// The data value at the end of the axis.
    let domainEnd: Double
    /// The pixel position of `domainStart`.
    let rangeStart: Double
    /// The pixel position of `domainEnd`.
    let rangeEnd: Double

    /// The pixel position of `value` (NaN when it cannot be placed).
    func callAsFunction(_ value: Double) -> Double {
        let start = kind.transform(domainStart), end = kind.transform(domainEnd)
        return rangeStart + (kind.transform(value) - start) / (end - start) * (rangeEnd - rangeStart)
    }

    /// Whether `value` lies in the domain (with a little tolerance for rounding).
    func contains(_ value: Double) -> Bool {
        let start = kind.transform(domainStart), end = kind.transform(domainEnd), point = kind.transform(value)
        let low = min(start, end), high = max(start, end)
        let slack = (high - low) * 1e-9
        return point >= low - slack && point <= high + slack
    }
}
