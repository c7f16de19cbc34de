import Foundation

/// How to estimate KL(π_old ‖ π_new) from the log-probabilities both policies give the
/// actions of a rollout (the actions were drawn from π_old).
public enum KLEstimator: Sendable, Equatable {
    /// The lesson's `mean(old_log_probs - new_log_probs)`: unbiased, but noisy and can go negative.
    case meanLogRatio
    /// `mean((r - 1) - log r)` with `r = π_new / π_old`: unbiased, never negative and of lower
    /// variance (Schulman's "k3"; what CleanRL and Stable-Baselines3 report).
    case ratioMinusLogRatio

    /// The estimate over paired log-probabilities (`old[i]` and `new[i]` belong to the same sample).
    public func estimate(oldLogProbs: [Float], newLogProbs: [Float]) -> Double {
        guard oldLogProbs.count == newLogProbs.count, !oldLogProbs.isEmpty else {
            fatalError("KLEstimator.estimate: needs the same non-zero number of old and new log-probs, got \(oldLogProbs.count) and \(newLogProbs.count)")
        }
        var total = 0.0
        for (old, new) in zip(oldLogProbs, newLogProbs) {
            total += term(logRatio: Double(new) - Double(old))
        }
        return total / Double(oldLogProbs.count)
    }

    /// One sample's contribution, given `log r = new - old`.
    func term(logRatio: Double) -> Double {
        switch self {
        case .meanLogRatio: return -logRatio
        case .ratioMinusLogRatio: return Foundation.expm1(logRatio) - logRatio
        }
    }
}
