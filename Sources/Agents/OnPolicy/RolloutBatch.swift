import Tensors

/// Every buffer's steps gathered for one update: states as one tensor, and the advantages
/// (normalised when asked) and returns from GAE with discount `gamma` and `lambda`.
struct RolloutBatch {
    let states: Tensor
    let actions: [Float]
    let logProbs: [Float]
    let returns: [Float]
    let advantages: [Float]

    var count: Int { logProbs.count }

    init(buffers: [RolloutBuffer], lastValues: [Float], gamma: Float, lambda: Float, normalizesAdvantages: Bool) {
        var states: [Float] = [], actions: [Float] = [], logProbs: [Float] = []
        var returns: [Float] = [], advantages: [Float] = []
        for (buffer, lastValue) in zip(buffers, lastValues) {
            let estimate = buffer.computeGAE(lastValue: lastValue, gamma: gamma, lambda: lambda)
            states += buffer.states
            actions += buffer.actions
            logProbs += buffer.logProbs
            returns += estimate.returns
            advantages += estimate.advantages
        }
        let observationSize = buffers[0].observationSize
        self.states = Tensor(states, shape: [logProbs.count, observationSize])
        self.actions = actions
        self.logProbs = logProbs
        self.returns = returns
        self.advantages = normalizesAdvantages ? Self.normalized(advantages) : advantages
    }

    /// `(x - mean) / (std + 1e-8)` with Bessel's correction, as the lesson's `advantages.std()`.
    static func normalized(_ values: [Float]) -> [Float] {
        guard values.count > 1 else { return values }
        let n = Double(values.count)
        let mean = values.reduce(0.0) { $0 + Double($1) } / n
        let variance = values.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / (n - 1)
        let scale = variance.squareRoot() + 1e-8
        return values.map { Float((Double($0) - mean) / scale) }
    }
}
