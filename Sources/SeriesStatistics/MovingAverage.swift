/// The trailing moving average of `values` over `window` points, one value per full window,
/// as NumPy's `np.convolve(values, np.ones(window) / window, mode="valid")` computes it.
///
/// Entry `k` of the result averages `values[k ..< k + window]`, so it belongs at index
/// `k + window - 1` of the input (the episode that completes the window): see
/// ``movingAverageSeries(_:window:)`` for values paired with those positions.
/// Sums run in `Double` with a running total corrected every window, so long series stay exact
/// to rounding. Returns an empty array when there are fewer than `window` values.
///
/// - Precondition: `window > 0`.
public func movingAverage(_ values: [Double], window: Int) -> [Double] {
    precondition(window > 0, "movingAverage needs a positive window, got \(window)")
    guard values.count >= window else { return [] }
    var result: [Double] = []
    result.reserveCapacity(values.count - window + 1)
    var total = values[0..<window].reduce(0, +)
    result.append(total / Double(window))
    for end in window..<values.count {
        if (end - window + 1) % window == 0 {
            total = values[(end - window + 1)...end].reduce(0, +)
        } else {
            total += values[end] - values[end - window]
        }
        result.append(total / Double(window))
    }
    return result
}

/// The moving average with the 0-based index of the point that completes each window:
/// `x[k] = k + window - 1`. Plot `y` against `x` and curves of different windows line up.
public func movingAverageSeries(_ values: [Double], window: Int) -> (x: [Double], y: [Double]) {
    let averages = movingAverage(values, window: window)
    return (averages.indices.map { Double($0 + window - 1) }, averages)
}
