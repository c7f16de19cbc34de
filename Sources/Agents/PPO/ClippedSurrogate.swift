import Tensors

/// PPO's clipped surrogate loss on a batch, with the numbers an update reports.
public struct ClippedSurrogate {
    /// The loss to minimise: `-mean(min(r·A, clip(r, 1-ε, 1+ε)·A))`, a scalar with gradient.
    public let loss: Tensor
    /// The probability ratios `r = exp(new - old)`, shape `[N]`.
    public let ratio: Tensor
    /// The fraction of samples whose ratio lies outside `[1-ε, 1+ε]`.
    public let clipFraction: Double

    /// Builds the loss from each sample's new log-probability and its own old one (both shape
    /// `[N]`: one per sample, never a `[N, 1]` that would broadcast into `[N, N]`).
    public init(newLogProbs: Tensor, oldLogProbs: Tensor, advantages: Tensor, clipEpsilon: Float) {
        guard newLogProbs.rank == 1, newLogProbs.shape == oldLogProbs.shape, newLogProbs.shape == advantages.shape else {
            fatalError("ClippedSurrogate: new log-probs \(newLogProbs.shape), old log-probs \(oldLogProbs.shape) and advantages \(advantages.shape) must all be [N], one value per sample")
        }
        ratio = (newLogProbs - oldLogProbs.detach()).exp()
        let unclipped = ratio * advantages
        let clipped = ratio.clamp(min: 1 - clipEpsilon, max: 1 + clipEpsilon) * advantages
        loss = -minimum(unclipped, clipped).mean()
        let outside = ratio.scalars.filter { $0 < 1 - clipEpsilon || $0 > 1 + clipEpsilon }.count
        clipFraction = Double(outside) / Double(ratio.count)
    }
}
