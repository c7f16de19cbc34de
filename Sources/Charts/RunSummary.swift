import SeriesStatistics

/// Statistics across several runs (seeds) of the same experiment, point by point.
///
/// Runs may have different lengths: at each x the statistics use the runs that
/// have a finite value there, and `count` says how many did. Where no run has a
/// value the statistics are NaN, which a chart draws as a gap.
/// The standard deviation is the population one (NumPy's `np.std` default, `ddof=0`).
///
/// ```swift
/// let runs = [0, 1, 2].map { seed in movingAverageCurve(train(seed: seed), window: 100) }
/// let summary = RunSummary(curves: runs)
/// fig.line(summary, spread: .minMax, label: "REINFORCE")
/// ```
public struct RunSummary: Equatable, Sendable {
    /// The x positions, ascending: every x that at least one run has.
    public let x: [Double]
    /// The mean across runs at each x.
    public let mean: [Double]
    /// The population standard deviation across runs at each x.
    public let standardDeviation: [Double]
    /// The smallest value across runs at each x.
    public let minimum: [Double]
    /// The largest value across runs at each x.
    public let maximum: [Double]
    /// How many runs had a finite value at each x.
    public let count: [Int]

    /// Summarises curves that share x positions (for example moving averages
    /// of runs of different lengths); points are matched by equal x.
    public init(curves: [Curve]) {
        var valuesByX: [Double: [Double]] = [:]
        for curve in curves {
            for (x, y) in zip(curve.x, curve.y) where x.isFinite {
                valuesByX[x, default: []].append(y)
            }
        }
        let xs = valuesByX.keys.sorted()
        self.init(x: xs, columns: xs.map { valuesByX[$0] ?? [] })
    }

    /// Summarises raw runs by index: the value of each run at index `i` is
    /// taken to be at x = `i` (episode `i`, counted from 0).
    public init<Run: Sequence>(runs: [Run]) where Run.Element: PlottableValue {
        self.init(curves: runs.map { Curve(y: $0) })
    }

    private init(x: [Double], columns: [[Double]]) {
        self.x = x
        var mean: [Double] = [], deviation: [Double] = [], minimum: [Double] = []
        var maximum: [Double] = [], count: [Int] = []
        for column in columns {
            let finite = column.filter(\.isFinite)
            count.append(finite.count)
            guard !finite.isEmpty else {
                mean.append(.nan); deviation.append(.nan); minimum.append(.nan); maximum.append(.nan)
                continue
            }
            mean.append(Statistics.mean(finite))
            deviation.append(Statistics.standardDeviation(finite))
            minimum.append(finite.min()!)
            maximum.append(finite.max()!)
        }
        self.mean = mean
        self.standardDeviation = deviation
        self.minimum = minimum
        self.maximum = maximum
        self.count = count
    }

    /// The mean as a curve, ready to draw as a line.
    public var meanCurve: Curve { Curve(x: x, y: mean) }

    /// The lower and upper edges of the band that `spread` describes.
    public func bounds(of spread: Spread) -> (lower: [Double], upper: [Double]) {
        switch spread {
        case .minMax:
            return (minimum, maximum)
        case .standardDeviations(let k):
            return (zip(mean, standardDeviation).map { $0 - k * $1 },
                    zip(mean, standardDeviation).map { $0 + k * $1 })
        }
    }
}
