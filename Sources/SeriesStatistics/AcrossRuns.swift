import Foundation

/// Summaries of several runs (one series per seed) taken point by point, over the points
/// all runs have (the shortest run's length).
public struct AcrossRuns {
    /// The runs, one series each.
    public let runs: [[Double]]

    /// Summarises `runs`.
    public init(_ runs: [[Double]]) {
        self.runs = runs
    }

    /// The number of points every run has.
    public var commonLength: Int { runs.map(\.count).min() ?? 0 }

    /// The mean of the runs at each common point.
    public var mean: [Double] { pointwise { Statistics.mean($0) } }

    /// The population standard deviation of the runs at each common point (NumPy's `np.std`).
    public var standardDeviation: [Double] { pointwise { Statistics.standardDeviation($0) } }

    /// The smallest run value at each common point.
    public var minimum: [Double] { pointwise { $0.min()! } }

    /// The largest run value at each common point.
    public var maximum: [Double] { pointwise { $0.max()! } }

    private func pointwise(_ summary: ([Double]) -> Double) -> [Double] {
        guard !runs.isEmpty else { return [] }
        return (0..<commonLength).map { index in summary(runs.map { $0[index] }) }
    }
}

/// Mean and standard deviation of a handful of numbers (final scores over seeds, say).
public enum Statistics {
    /// The arithmetic mean, or NaN for no values.
    public static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }

    /// The population standard deviation (divides by n, as NumPy's `np.std` does), or NaN for no values.
    public static func standardDeviation(_ values: [Double]) -> Double {
        let average = mean(values)
        return (values.map { ($0 - average) * ($0 - average) }.reduce(0, +) / Double(values.count)).squareRoot()
    }
}
