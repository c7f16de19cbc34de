/// The mean of each run of `window` consecutive values, placed at the x of the
/// window's last value.
///
/// This is NumPy's `np.convolve(values, np.ones(window) / window, mode="valid")`,
/// plus the x positions that make curves line up with the raw data: the first
/// average covers indices `0 ..< window` and sits at x = `window - 1`, so the
/// point at episode `e` is the average of episodes `e - window + 1 ... e`.
/// A series shorter than the window gives an empty curve; a non-finite value
/// makes every window containing it non-finite, which shows as a gap.
///
/// ```swift
/// let rewards: [Double] = trainOneSeed(seed: 0)
/// fig.line(movingAverage(rewards, window: 100), label: "seed 0")
/// ```
public func movingAverage<S: Sequence>(_ values: S, window: Int) -> Curve where S.Element: PlottableValue {
    if window < 1 {
        fatalError("movingAverage: window must be at least 1, got \(window).")
    }
    let data = values.map(\.plotValue)
    guard data.count >= window else { return Curve(x: [Double](), y: [Double]()) }
    var x: [Double] = []
    var y: [Double] = []
    x.reserveCapacity(data.count - window + 1)
    y.reserveCapacity(data.count - window + 1)
    for end in (window - 1) ..< data.count {
        var sum = 0.0
        for index in (end - window + 1) ... end { sum += data[index] }
        x.append(Double(end))
        y.append(sum / Double(window))
    }
    return Curve(x: x, y: y)
}

/// The moving average of a curve's y values, each placed at the x of its
/// window's last point: for curves whose x is not the index, such as returns
/// against environment steps.
///
/// ```swift
/// let perEpisode = Curve(x: stepsAtEpisodeEnd, y: returns)
/// fig.line(movingAverage(perEpisode, window: 20), label: "20-episode average")
/// ```
public func movingAverage(_ curve: Curve, window: Int) -> Curve {
    let averaged = movingAverage(curve.y, window: window)
    return Curve(x: averaged.x.map { curve.x[Int($0)] }, y: averaged.y)
}
