import Foundation
import Testing
import Tensors

/// Compares the gradients `backward()` computes for `function` at `inputs` with central
/// finite differences, input by input and value by value.
///
/// Float32 forces a coarse step, so agreement is judged with a relative tolerance
/// (plus a small absolute one for gradients near zero).
func expectGradientsMatch(
    _ inputs: [Tensor], step: Float = 1e-2, tolerance: Float = 3e-2,
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
            let numeric = Float((value(shiftedBy: step) - value(shiftedBy: -step)) / Double(2 * step))
            let scale = max(abs(numeric), abs(analytic[index]), 1)
            #expect(abs(numeric - analytic[index]) <= tolerance * scale,
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
