/// Scales the gradients of `parameters` so that their total L2 norm is at most
/// `maxNorm`, like `nn.utils.clip_grad_norm_`, and returns the norm before clipping.
///
/// The norm is taken over all gradients together; they are multiplied by
/// `maxNorm / (norm + 1e-6)` only when that factor is below 1.
@discardableResult
public func clipGradNorm(_ parameters: [Tensor], maxNorm: Float) -> Float {
    var squares: Double = 0
    for parameter in parameters {
        guard let grad = parameter.grad else { continue }
        squares += Double(grad.scalars.withUnsafeBufferPointer { g in
            g.isEmpty ? 0 : MatrixKernels.sumOfSquares(g.baseAddress!, count: g.count)
        })
    }
    let norm = Float(squares.squareRoot())
    let factor = maxNorm / (norm + 1e-6)
    if factor < 1 {
        for parameter in parameters {
            parameter.grad?.scalars.withUnsafeMutableBufferPointer { g in
                if !g.isEmpty { MatrixKernels.scale(g.baseAddress!, count: g.count, by: factor) }
            }
        }
    }
    return norm
}
