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
