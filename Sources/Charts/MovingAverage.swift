import SeriesStatistics

/// The moving average of `values` as a curve: the mean of each run of `window` consecutive
/// values, placed at the x of the window's last value (the episode that completes it), so
/// curves line up with the raw data and with each other. The averages are those of
/// ``SeriesStatistics/movingAverage(_:window:)`` (NumPy's `convolve(..., mode="valid")`).
/// A series shorter than the window gives an empty curve; a non-finite value makes the
/// windows holding it non-finite, which shows as a gap.
///
/// ```swift
/// fig.line(movingAverageCurve(rewards, window: 100), label: "seed 0")
/// ```
public func movingAverageCurve<S: Sequence>(_ values: S, window: Int) -> Curve where S.Element: PlottableValue {
    let series = movingAverageSeries(values.map(\.plotValue), window: window)
    return Curve(x: series.x, y: series.y)
}

/// The moving average of a curve's y values, each placed at the x of its
/// window's last point: for curves whose x is not the index, such as returns
/// against environment steps.
///
/// ```swift
/// let perEpisode = Curve(x: stepsAtEpisodeEnd, y: returns)
/// fig.line(movingAverageCurve(perEpisode, window: 20), label: "20-episode average")
/// ```
public func movingAverageCurve(_ curve: Curve, window: Int) -> Curve {
    let series = movingAverageSeries(curve.y, window: window)
    return Curve(x: series.x.map { curve.x[Int($0)] }, y: series.y)
}
