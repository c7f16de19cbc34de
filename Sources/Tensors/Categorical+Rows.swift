import Foundation

extension Categorical {
    /// The lower bound entropy puts on a log-probability, so that an impossible choice adds 0, not NaN.
    private static let logProbabilityFloor = -Float.greatestFiniteMagnitude

    /// For `rows` rows of `count` logits, without building tensors: the normalised logits
    /// (log-softmax), the probabilities, each row's log-probability of its action and its entropy,
    /// bit for bit what `Categorical(logits:)`, `logProb(_:)` and `entropy()` give.
    /// `normalised` and `probabilities` hold `rows × count` values, kept for ``logitGradients(logProbGradients:entropyGradients:normalised:probabilities:actions:rows:count:into:)``.
    package static func logProbsAndEntropies(
        logits: UnsafePointer<Float>, rows: Int, count n: Int, actions: UnsafePointer<Int>,
        normalised: UnsafeMutablePointer<Float>, probabilities: UnsafeMutablePointer<Float>,
        logProbs: UnsafeMutablePointer<Float>, entropies: UnsafeMutablePointer<Float>
    ) {
        for index in 0..<(rows * n) where !logits[index].isFinite && logits[index] != -.infinity {
            fatalError("Categorical(logits:): logits of shape [\(rows), \(n)] contain NaN or +infinity; the network producing them has diverged")
        }
        for row in 0..<rows {
            let start = row * n
            Tensor.logSoftmaxLine(logits + start, into: normalised + start, count: n, stride: 1)
            var total: Float = 0
            for k in start..<(start + n) {
                probabilities[k] = Foundation.exp(normalised[k])
                let term = probabilities[k] * Swift.max(normalised[k], logProbabilityFloor)
                total += term
            }
            guard (0..<n).contains(actions[row]) else {
                fatalError("gather: index \(actions[row]) is out of range 0..<\(n) for shape [\(rows), \(n)]")
            }
            logProbs[row] = normalised[start + actions[row]]
            entropies[row] = -total
        }
    }

    /// Writes the logits' gradient (`rows × count` values) from the loss's gradients with respect to
    /// each row's log-probability and entropy, with the arithmetic, in the order, of the tape's
    /// backward pass through `logSoftmax`, `exp`, `gather`, `clamp`, the product and the sum of `entropy()`.
    package static func logitGradients(
        logProbGradients: UnsafePointer<Float>, entropyGradients: UnsafePointer<Float>,
        normalised: UnsafePointer<Float>, probabilities: UnsafePointer<Float>, actions: UnsafePointer<Int>,
        rows: Int, count n: Int, into logitGradients: UnsafeMutablePointer<Float>
    ) {
        for row in 0..<rows {
            let start = row * n
            let sumGradient: Float = 0 + entropyGradients[row] * -1
            var total: Float = 0
            for k in start..<(start + n) {
                let productGradient: Float = 0 + sumGradient
                let probabilityGradient: Float = 0 + productGradient * Swift.max(normalised[k], logProbabilityFloor)
                let floorGradient: Float = 0 + productGradient * probabilities[k]
                var gradient: Float = 0
                if k - start == actions[row] { gradient += logProbGradients[row] }
                gradient += probabilityGradient * probabilities[k]
                gradient += floorGradient * (normalised[k] >= logProbabilityFloor ? 1 : 0)
                logitGradients[k] = gradient
                total += gradient
            }
            for k in start..<(start + n) {
                logitGradients[k] = 0 + (logitGradients[k] - probabilities[k] * total)
            }
        }
    }
}
