/// The trailing moving average of `values` over `window` points, one value per full window,
/// as NumPy's `np.convolve(values, np.ones(window) / window, mode="valid")` computes it.
///
/// Entry `k` of the result averages `values[k ..< k + window]`, so it belongs at index
/// `k + window - 1` of the input (the episode that completes the window): see
/// ``movingAverageSeries(_:window:)`` for values paired with those positions.
/// Each window is summed on its own, so a non-finite value affects only the windows that
/// hold it. Returns an empty array when there are fewer than `window` values.
///
/// - Precondition: `window > 0`.
public func movingAverage(_ values: [Double], window: Int) -> [Double] {
    guard window > 0 else { fatalError("movingAverage needs a window of at least 1, got \(window)") }
    guard values.count >= window else { return [] }
    return values.withUnsafeBufferPointer { buffer in
        (window - 1 ..< buffer.count).map { end in
            var total = 0.0
            for index in (end - window + 1)...end { total += buffer[index] }
            return total / Double(window)
        }
    }
}

/// The moving average with the 0-based index of the point that completes each window:
/// `x[k] = k + window - 1`. Plot `y` against `x` and curves of different windows line up.
public func movingAverageSeries(_ values: [Double], window: Int) -> (x: [Double], y: [Double]) {
    let averages = movingAverage(values, window: window)
    return (averages.indices.map { Double($0 + window - 1) }, averages)
}
