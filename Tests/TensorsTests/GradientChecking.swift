import Foundation
import Testing
import Tensors

/// Compares the gradients `backward()` computes for `function` at `inputs` with central
/// finite differences, input by input and value by value.
///
/// The tolerance is what Float central differences can resolve, and no more: a relative part
/// (`tolerance` of the larger gradient, for the step's truncation error, about `step²` times
/// the third derivative) plus the rounding of the two function values divided by the step
/// (a few ulps of `|f|` over `2·step`). A wrong small term is no longer hidden under a fixed
/// absolute allowance.
func expectGradientsMatch(
    _ inputs: [Tensor], step: Float = 1e-2, tolerance: Float = 5e-3,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ function: ([Tensor]) -> Tensor
) {
    let leaves = inputs.map { Tensor($0.scalars, shape: $0.shape).requiringGrad() }
    function(leaves).backward()
    for (which, input) in inputs.enumerated() {
        let analytic = leaves[which].grad?.scalars ?? [Float](repeating: 0, count: input.count)
        for index in 0..<input.count {
            func value(shiftedBy delta: Float) -> Double {
                var shifted = input.scalars
                shifted[index] += delta
                var arguments = inputs
                arguments[which] = Tensor(shifted, shape: input.shape)
                return Double(noGrad { function(arguments) }.item)
            }
            let (above, below) = (value(shiftedBy: step), value(shiftedBy: -step))
            let numeric = Float((above - below) / Double(2 * step))
            let rounding = 8 * Float.ulpOfOne * Float(max(abs(above), abs(below), 1)) / (2 * step)
            let allowed = tolerance * max(abs(numeric), abs(analytic[index])) + rounding
            #expect(abs(numeric - analytic[index]) <= allowed,
                    "input \(which) value \(index): analytic \(analytic[index]) numeric \(numeric)",
                    sourceLocation: sourceLocation)
        }
    }
}

/// A tensor of the given shape with smooth, varied values in about [-1, 1].
func sample(_ shape: [Int], offset: Float = 0) -> Tensor {
    let count = shape.reduce(1, *)
    return Tensor((0..<count).map { Float(sin(Double($0) * 1.7 + Double(offset)) * 0.9) }, shape: shape)
}
