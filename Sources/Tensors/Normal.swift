import Foundation
import SeededRandom

/// A normal (Gaussian) distribution with element-wise mean and standard deviation,
/// like `torch.distributions.Normal`; gradients flow into both.
///
/// `mean` and `std` may differ in shape when one broadcasts onto the other
/// (a `[actions]` std shared by a `[batch, actions]` mean).
public struct Normal {
    /// The means.
    public let mean: Tensor

    /// The standard deviations (positive).
    public let std: Tensor

    /// The shape of a sample: the broadcast shape of `mean` and `std`.
    public let shape: [Int]

    /// Creates the distribution; stops with a message if a standard deviation is not positive.
    public init(mean: Tensor, std: Tensor) {
        switch Tensor.broadcastShape("Normal", mean.shape, std.shape) {
        case .success(let shape): self.shape = shape
        case .failure(let error): fatalError(error.message)
        }
        if let bad = std.scalars.first(where: { !($0 > 0) || !$0.isFinite }) {
            fatalError("Normal: std must be positive and finite, got \(bad) in std of shape \(std.shape)")
        }
        self.mean = mean
        self.std = std
    }

    /// Creates the distribution with one standard deviation for every entry.
    public init(mean: Tensor, std: Float) {
        self.init(mean: mean, std: Tensor(std))
    }

    /// A sample drawn from `generator`, without gradient (like `sample()` in PyTorch).
    public func sample(using generator: inout SeededGenerator) -> Tensor {
        noGrad { rsample(using: &generator) }
    }

    /// A sample drawn from the calling thread's default generator (see `manualSeed`).
    public func sample() -> Tensor {
        withDefaultGenerator { sample(using: &$0) }
    }

    /// A reparameterised sample `mean + std * ε` through which gradients flow.
    public func rsample(using generator: inout SeededGenerator) -> Tensor {
        let noise = Tensor.randn(shape, using: &generator)
        return mean + std * noise
    }

    /// A reparameterised sample drawn from the calling thread's default generator.
    public func rsample() -> Tensor {
        withDefaultGenerator { rsample(using: &$0) }
    }

    /// The element-wise log-density of `value`:
    /// -(value - mean)² / (2 std²) - log std - log √(2π).
    public func logProb(_ value: Tensor) -> Tensor {
        let z = (value - mean) / std
        return -0.5 * (z * z) - std.log() - Float(0.5 * Foundation.log(2 * Double.pi))
    }

    /// The element-wise entropy ½ + ½ log(2π) + log std, shaped like a sample.
    public func entropy() -> Tensor {
        let perStd = std.log() + Float(0.5 + 0.5 * Foundation.log(2 * Double.pi))
        return perStd.shape == shape ? perStd : perStd.expand(to: shape)
    }
}
