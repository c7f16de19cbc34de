import Foundation

extension Normal {
    /// log √(2π), as `logProb` subtracts it.
    private static let halfLogTwoPi = Float(0.5 * Foundation.log(2 * Double.pi))
    /// ½ + ½ log(2π), as `entropy` adds it.
    private static let entropyConstant = Float(0.5 + 0.5 * Foundation.log(2 * Double.pi))

    /// For `rows` rows of `dimensions` means sharing one learned log standard deviation per dimension,
    /// without building tensors: each row's log-density of its action and its entropy, both summed
    /// over dimensions, bit for bit what `Normal(mean:std: logStd.exp())`, `logProb(_:).sum(axis: 1)`
    /// and `entropy().sum(axis: 1)` give. `std` (`dimensions` values) and `standardised`
    /// (`rows × dimensions`, the z-scores) are kept for ``gradients(logProbGradients:entropyGradients:means:actions:std:standardised:rows:dimensions:meanGradients:logStdGradients:)``.
    package static func logProbsAndEntropies(
        means: UnsafePointer<Float>, logStd: UnsafePointer<Float>, actions: UnsafePointer<Float>,
        rows: Int, dimensions: Int, std: UnsafeMutablePointer<Float>, standardised: UnsafeMutablePointer<Float>,
        logProbs: UnsafeMutablePointer<Float>, entropies: UnsafeMutablePointer<Float>
    ) {
        for d in 0..<dimensions {
            std[d] = Foundation.exp(logStd[d])
            guard std[d] > 0, std[d].isFinite else {
                fatalError("Normal: std must be positive and finite, got \(std[d]) in std of shape [\(dimensions)]")
            }
        }
        for row in 0..<rows {
            var logProb: Float = 0, entropy: Float = 0
            for d in 0..<dimensions {
                let index = row * dimensions + d
                let z = (actions[index] - means[index]) / std[d]
                standardised[index] = z
                let logStdValue = Foundation.log(std[d])
                logProb += (z * z) * -0.5 - logStdValue - halfLogTwoPi
                entropy += logStdValue + entropyConstant
            }
            logProbs[row] = logProb
            entropies[row] = entropy
        }
    }

    /// Writes the means' gradient (`rows × dimensions` values) and the log standard deviation's
    /// (`dimensions` values) from the loss's gradients with respect to each row's log-density and
    /// entropy, with the arithmetic, in the order, of the tape's backward pass through those operations.
    package static func gradients(
        logProbGradients: UnsafePointer<Float>, entropyGradients: UnsafePointer<Float>,
        means: UnsafePointer<Float>, actions: UnsafePointer<Float>, std: UnsafePointer<Float>,
        standardised: UnsafePointer<Float>, rows: Int, dimensions: Int,
        meanGradients: UnsafeMutablePointer<Float>, logStdGradients: UnsafeMutablePointer<Float>
    ) {
        for d in 0..<dimensions {
            // The std's gradient gathers, in this order, from the z-score's division, from log std
            // in the log-density and from log std in the entropy.
            var stdGradient: Float = 0
            var logStdInLogProb: Float = 0
            var entropyPerStd: Float = 0
            for row in 0..<rows {
                let index = row * dimensions + d
                let sumGradient: Float = 0 + logProbGradients[row]
                let shiftedGradient: Float = 0 + sumGradient * 1
                let halfSquareGradient: Float = 0 + shiftedGradient * 1
                logStdInLogProb += shiftedGradient * -1
                let squareGradient: Float = 0 + halfSquareGradient * -0.5
                let z = standardised[index]
                let zGradient: Float = (0 + squareGradient * z) + squareGradient * z
                let deviation = actions[index] - means[index]
                let deviationGradient: Float = 0 + zGradient * (1 / std[d])
                stdGradient += zGradient * (-deviation / (std[d] * std[d]))
                meanGradients[index] = 0 + deviationGradient * -1
                entropyPerStd += 0 + entropyGradients[row]
            }
            stdGradient += logStdInLogProb * (1 / std[d])
            stdGradient += (0 + entropyPerStd * 1) * (1 / std[d])
            logStdGradients[d] = 0 + stdGradient * std[d]
        }
    }
}
