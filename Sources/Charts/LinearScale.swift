/// Maps data values in a domain onto pixel positions along an axis.
struct LinearScale {
    /// The data value at the start of the axis.
    let domainStart: Double
    /// The data value at the end of the axis.
    let domainEnd: Double
    /// The pixel position of `domainStart`.
    let rangeStart: Double
    /// The pixel position of `domainEnd`.
    let rangeEnd: Double

    /// The pixel position of `value`.
    func callAsFunction(_ value: Double) -> Double {
        rangeStart + (value - domainStart) / (domainEnd - domainStart) * (rangeEnd - rangeStart)
    }

    /// Whether `value` lies in the domain (with a little tolerance for rounding).
    func contains(_ value: Double) -> Bool {
        let low = min(domainStart, domainEnd), high = max(domainStart, domainEnd)
        let slack = (high - low) * 1e-9
        return value >= low - slack && value <= high + slack
    }
}
