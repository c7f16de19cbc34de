import Tensors

/// PPO's clipped surrogate loss on a batch, with the numbers an update reports.
public struct ClippedSurrogate {
    /// Which old log-probability each new one is compared with.
    public enum Pairing: Sendable, Equatable {
        /// Each sample's new log-probability against its own old one: what PPO means.
        case perSample
        /// What the lesson's printed code computes: old log-probs stacked to `[N, 1]` minus new
        /// ones of shape `[N]` broadcast to an `[N, N]` ratio, every sample's new probability over
        /// every sample's old one. Kept so that the bug can be shown; PPO does not learn with it.
        case everyPairAsPrinted
    }

    /// The loss to minimise: `-mean(min(r·A, clip(r, 1-ε, 1+ε)·A))`, a scalar with gradient.
    public let loss: Tensor
    /// The probability ratios `r = exp(new - old)`: shape `[N]`, or `[N, N]` for `.everyPairAsPrinted`.
    public let ratio: Tensor
    /// The fraction of ratios outside `[1-ε, 1+ε]`.
    public let clipFraction: Double

    /// Builds the loss from the new and old log-probabilities and the advantages, all shape `[N]`
    /// (one per sample; a `[N, 1]` tensor is refused rather than broadcast).
    public init(newLogProbs: Tensor, oldLogProbs: Tensor, advantages: Tensor, clipEpsilon: Float,
                pairing: Pairing = .perSample) {
        guard newLogProbs.rank == 1, newLogProbs.shape == oldLogProbs.shape, newLogProbs.shape == advantages.shape else {
            fatalError("ClippedSurrogate: new log-probs \(newLogProbs.shape), old log-probs \(oldLogProbs.shape) and advantages \(advantages.shape) must all be [N], one value per sample")
        }
        let logRatio: Tensor, paired: Tensor
        switch pairing {
        case .perSample:
            logRatio = newLogProbs - oldLogProbs.detach()
            paired = advantages
        case .everyPairAsPrinted:
            let n = newLogProbs.count
            logRatio = newLogProbs.reshape([1, n]).expand(to: [n, n]) - oldLogProbs.detach().reshape([n, 1]).expand(to: [n, n])
            paired = advantages.reshape([1, n]).expand(to: [n, n])
        }
        ratio = logRatio.exp()
        let unclipped = ratio * paired
        let clipped = ratio.clamp(min: 1 - clipEpsilon, max: 1 + clipEpsilon) * paired
        loss = -minimum(unclipped, clipped).mean()
        let outside = ratio.scalars.filter { $0 < 1 - clipEpsilon || $0 > 1 + clipEpsilon }.count
        clipFraction = Double(outside) / Double(ratio.count)
    }
}
