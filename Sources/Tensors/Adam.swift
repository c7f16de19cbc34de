import Foundation

/// Adam with bias correction, as `torch.optim.Adam` computes it (no weight decay, no AMSGrad).
///
/// For each parameter with gradient g at step t:
/// m = β₁m + (1-β₁)g, v = β₂v + (1-β₂)g²,
/// p -= lr/(1-β₁ᵗ) · m / (√v/√(1-β₂ᵗ) + eps).
public final class Adam: Optimizer {
    /// The tensors this optimiser updates.
    public let parameters: [Tensor]

    /// The learning rate.
    public var lr: Float

    /// The decay rates of the first and second moment estimates.
    public let betas: (Float, Float)

    /// Added to the denominator for numerical stability.
    public let eps: Float

    /// The number of updates applied to each parameter so far.
    private var steps: [Int]

    /// The running means of the gradients, one per parameter.
    private var firstMoments: [[Float]]

    /// The running means of the squared gradients, one per parameter.
    private var secondMoments: [[Float]]

    /// Creates the optimiser with PyTorch's defaults (lr 1e-3, betas (0.9, 0.999), eps 1e-8).
    public init(_ parameters: [Tensor], lr: Float = 1e-3, betas: (Float, Float) = (0.9, 0.999), eps: Float = 1e-8) {
        guard lr >= 0, eps >= 0, (0..<1).contains(betas.0), (0..<1).contains(betas.1) else {
            fatalError("Adam: invalid settings lr \(lr), betas \(betas), eps \(eps); need lr >= 0, eps >= 0 and betas in [0, 1)")
        }
        self.parameters = parameters
        self.lr = lr
        self.betas = betas
        self.eps = eps
        steps = Array(repeating: 0, count: parameters.count)
        firstMoments = parameters.map { [Float](repeating: 0, count: $0.count) }
        secondMoments = parameters.map { [Float](repeating: 0, count: $0.count) }
    }

    /// Applies one Adam update to every parameter that has a gradient.
    public func step() {
        let (beta1, beta2) = betas
        // Parameters usually share their step count: the corrections are computed once per count.
        var update: (step: Int, values: AdamUpdate)?
        for (index, parameter) in parameters.enumerated() {
            guard let grad = parameter.grad else { continue }
            steps[index] += 1
            if update?.step != steps[index] {
                let t = Float(steps[index])
                let stepSize = lr / (1 - Foundation.pow(beta1, t))
                let inverseCorrection2 = 1 / (1 - Foundation.pow(beta2, t)).squareRoot()
                update = (steps[index], AdamUpdate(beta1: beta1, beta2: beta2, stepSize: stepSize,
                                                   inverseCorrection2: inverseCorrection2, eps: eps))
            }
            let values = update!.values
            parameter.scalars.withUnsafeMutableBufferPointer { p in
                grad.scalars.withUnsafeBufferPointer { g in
                    firstMoments[index].withUnsafeMutableBufferPointer { m in
                        secondMoments[index].withUnsafeMutableBufferPointer { v in
                            values.apply(p.baseAddress!, g.baseAddress!, m.baseAddress!, v.baseAddress!, count: p.count)
                        }
                    }
                }
            }
        }
    }
}

/// One Adam update over contiguous storage, eight values at a time.
private struct AdamUpdate {
    let beta1: Float, beta2: Float, stepSize: Float, inverseCorrection2: Float, eps: Float

    func apply(_ p: UnsafeMutablePointer<Float>, _ g: UnsafePointer<Float>,
               _ m: UnsafeMutablePointer<Float>, _ v: UnsafeMutablePointer<Float>, count: Int) {
        typealias Vector = SIMD8<Float>
        var index = 0
        while index + Vector.scalarCount <= count {
            let gradient = UnsafeRawPointer(g + index).loadUnaligned(as: Vector.self)
            let mean = beta1 * UnsafeRawPointer(m + index).loadUnaligned(as: Vector.self) + (1 - beta1) * gradient
            let square = beta2 * UnsafeRawPointer(v + index).loadUnaligned(as: Vector.self) + (1 - beta2) * gradient * gradient
            let parameter = UnsafeRawPointer(p + index).loadUnaligned(as: Vector.self)
                - stepSize * mean / (square.squareRoot() * inverseCorrection2 + eps)
            UnsafeMutableRawPointer(m + index).storeBytes(of: mean, as: Vector.self)
            UnsafeMutableRawPointer(v + index).storeBytes(of: square, as: Vector.self)
            UnsafeMutableRawPointer(p + index).storeBytes(of: parameter, as: Vector.self)
            index += Vector.scalarCount
        }
        while index < count {
            m[index] = beta1 * m[index] + (1 - beta1) * g[index]
            v[index] = beta2 * v[index] + (1 - beta2) * g[index] * g[index]
            p[index] -= stepSize * m[index] / (v[index].squareRoot() * inverseCorrection2 + eps)
            index += 1
        }
    }
}
