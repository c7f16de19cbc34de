import Foundation
import SeededRandom

/// A distribution over `n` choices per row, like `torch.distributions.Categorical`.
///
/// Built from `[n]` or `[batch, n]` logits (or probabilities); `sample()` returns
/// one choice per row as whole numbers in a tensor of shape `[]` or `[batch]`.
///
/// ```swift
/// let dist = Categorical(logits: actor(features))   // [64, 2]
/// let newLogProbs = dist.logProb(actions)           // [64]
/// let entropy = dist.entropy().mean()
/// ```
public struct Categorical {
    /// Normalised log-probabilities, `logits - logsumexp(logits)`, shaped like the input.
    public let logits: Tensor

    /// Probabilities, shaped like the input; each row sums to 1.
    public let probs: Tensor

    /// Creates the distribution from unnormalised log-probabilities along the last axis.
    public init(logits: Tensor) {
        Categorical.validate(logits, name: "logits")
        self.logits = logits.logSoftmax(axis: -1)
        probs = self.logits.exp()
    }

    /// Creates the distribution from non-negative weights along the last axis
    /// (normalised to sum to 1 per row).
    public init(probs weights: Tensor) {
        Categorical.validate(weights, name: "probs")
        if weights.scalars.contains(where: { $0 < 0 }) {
            fatalError("Categorical(probs:): probabilities must be non-negative, got \(weights)")
        }
        let normalised = weights / weights.sum(axis: -1, keepDims: true)
        probs = normalised
        logits = normalised.clamp(min: Float.leastNormalMagnitude).log()
    }

    private static func validate(_ tensor: Tensor, name: String) {
        guard tensor.rank == 1 || tensor.rank == 2, tensor.shape.last! > 0 else {
            fatalError("Categorical(\(name):): needs shape [n] or [batch, n] with n > 0, got \(tensor.shape)")
        }
        if tensor.scalars.contains(where: { !$0.isFinite && $0 != -.infinity }) {
            fatalError("Categorical(\(name):): \(name) of shape \(tensor.shape) contain NaN or +infinity; the network producing them has diverged")
        }
    }

    /// The number of choices per row.
    public var categoryCount: Int { logits.shape.last! }

    /// One choice per row drawn from `generator`: shape `[]` for `[n]` logits, `[batch]` for `[batch, n]`.
    public func sample(using generator: inout SeededGenerator) -> Tensor {
        let n = categoryCount
        let rows = logits.rank == 2 ? logits.shape[0] : 1
        var choices = [Float](repeating: 0, count: rows)
        probs.scalars.withUnsafeBufferPointer { p in
            for row in 0..<rows {
                choices[row] = Float(Categorical.draw(probabilities: p.baseAddress! + row * n, count: n, using: &generator))
            }
        }
        return Tensor(shape: logits.rank == 2 ? [rows] : [], scalars: choices)
    }

    /// One choice drawn from the softmax of a single row of `logits`, without building tensors
    /// (the acting path of every agent), with its log-probability. The choice is the one
    /// `Categorical(logits:).sample(using:)` makes from the same generator state.
    public static func sample(logits: UnsafeBufferPointer<Float>, using generator: inout SeededGenerator)
        -> (index: Int, logProb: Float) {
        let n = logits.count
        guard n > 0 else { fatalError("Categorical.sample(logits:using:): needs at least one logit") }
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 * n) { scratch in
            let normalised = scratch.baseAddress!, probabilities = scratch.baseAddress! + n
            Tensor.logSoftmaxLine(logits.baseAddress!, into: normalised, count: n, stride: 1)
            for k in 0..<n { probabilities[k] = Foundation.exp(normalised[k]) }  // as `exp()` computes them
            let index = draw(probabilities: probabilities, count: n, using: &generator)
            return (index, normalised[index])
        }
    }

    /// Walks the cumulative probabilities of `count` choices until they pass one uniform number
    /// from `generator`: the one categorical sampler of the engine.
    static func draw(probabilities p: UnsafePointer<Float>, count: Int, using generator: inout SeededGenerator) -> Int {
        let target = generator.nextDouble()
        var cumulative: Double = 0
        var lastPossible = 0
        for k in 0..<count where p[k] > 0 {
            lastPossible = k
            cumulative += Double(p[k])
            if target < cumulative { return k }
        }
        // Rounding can leave the total just under `target`: take the last possible choice.
        return lastPossible
    }

    /// One choice per row drawn from the calling thread's default generator (see `manualSeed`).
    public func sample() -> Tensor {
        withDefaultGenerator { sample(using: &$0) }
    }

    /// The log-probability of the given choices, one per row.
    public func logProb(_ actions: [Int]) -> Tensor {
        logits.gather(actions)
    }

    /// The log-probability of choices held as whole numbers (as `sample()` returns them).
    public func logProb(_ actions: Tensor) -> Tensor {
        guard actions.count == (logits.rank == 2 ? logits.shape[0] : 1), actions.rank <= 1 else {
            fatalError("Categorical.logProb: actions of shape \(actions.shape) do not match logits of shape \(logits.shape); give one action per row")
        }
        let values = logits.gather(actions.wholeNumbers(op: "Categorical.logProb"))
        return actions.rank == 1 && logits.rank == 1 ? values.reshape([1]) : values
    }

    /// The entropy -Σ p log p of each row: shape `[]` or `[batch]`. Impossible
    /// choices (probability 0, log-probability -∞) contribute 0, as in PyTorch.
    public func entropy() -> Tensor {
        -(probs * logits.clamp(min: -Float.greatestFiniteMagnitude)).sum(axis: -1)
    }
}
