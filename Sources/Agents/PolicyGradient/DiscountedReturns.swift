/// The discounted return from every step of an episode to its end:
/// `G_t = r_t + gamma * G_{t+1}`, computed backwards from `G_T = r_T`.
///
/// ```swift
/// discountedReturns([1, 1, 1], gamma: 0.5)   // [1.75, 1.5, 1.0]
/// ```
public func discountedReturns(_ rewards: [Double], gamma: Double) -> [Double] {
    guard (0...1).contains(gamma) else {
        fatalError("discountedReturns: gamma must lie in [0, 1], got \(gamma)")
    }
    var returns = [Double](repeating: 0, count: rewards.count)
    var running = 0.0
    for index in rewards.indices.reversed() {
        running = rewards[index] + gamma * running
        returns[index] = running
    }
    return returns
}

/// `values` shifted to mean 0 and scaled to standard deviation 1, as
/// `(x - x.mean()) / (x.std() + 1e-8)` in PyTorch: the standard deviation is the sample
/// one (divided by n - 1). A single value becomes 0.
public func normalized(_ values: [Double]) -> [Double] {
    guard values.count > 1 else { return values.map { _ in 0 } }
    let mean = values.reduce(0, +) / Double(values.count)
    let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    let deviation = (squares / Double(values.count - 1)).squareRoot()
    return values.map { ($0 - mean) / (deviation + 1e-8) }
}
