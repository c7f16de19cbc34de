/// The arithmetic of a dense layer `y = activation(x·Wᵀ + b)` on raw row-major storage: the forward
/// pass, and the gradients of input, weight and bias from the gradient before the activation.
///
/// `Tensor.linear`, `RowEvaluator` and the engine's fused training passes all compute through these
/// functions, so their values and gradients agree bit for bit. Gradients are ADDED into their buffers,
/// or with `fromZero` written as `0 + gradient` without reading the buffer (the bits of adding into zeros).
package enum LinearKernels {
    /// Writes `activation(input · weightᵀ + bias)` for `rows` rows into `output` (`rows × outputs` values),
    /// where `input` holds `rows × inputs` values and `weight` has shape `[outputs, inputs]`.
    package static func forward(_ input: UnsafePointer<Float>, rows: Int, weight: Tensor, bias: Tensor?,
                                activation: Activation?, into output: UnsafeMutablePointer<Float>) {
        let (outputs, inputs) = (weight.shape[0], weight.shape[1])
        if let bias {
            bias.scalars.withUnsafeBufferPointer { b in
                MatrixKernels.repeatRow(b.baseAddress!, count: outputs, rows: rows, into: output)
            }
        } else {
            output.update(repeating: 0, count: rows * outputs)
        }
        weight.scalars.withUnsafeBufferPointer { w in
            MatrixKernels.multiplyTransposed(input, w.baseAddress!, into: output, m: rows, k: inputs, n: outputs)
        }
        activation?.apply(output, count: rows * outputs)
    }

    /// Adds the input's gradient `dy · weight` (`rows × inputs` values) given `dy`, the gradient
    /// before the activation (`rows × outputs` values).
    package static func addInputGradient(_ dy: UnsafePointer<Float>, rows: Int, weight: Tensor,
                                         into inputGradient: UnsafeMutablePointer<Float>, fromZero: Bool = false) {
        let (outputs, inputs) = (weight.shape[0], weight.shape[1])
        weight.scalars.withUnsafeBufferPointer { w in
            MatrixKernels.multiply(dy, aRowStride: outputs, aColumnStride: 1, w.baseAddress!,
                                   into: inputGradient, m: rows, k: outputs, n: inputs, fromZero: fromZero)
        }
    }

    /// Adds the weight's gradient `dyᵀ · input` (`outputs × inputs` values).
    package static func addWeightGradient(_ dy: UnsafePointer<Float>, input: UnsafePointer<Float>, rows: Int,
                                          outputs: Int, inputs: Int, into weightGradient: UnsafeMutablePointer<Float>,
                                          fromZero: Bool = false) {
        MatrixKernels.multiply(dy, aRowStride: 1, aColumnStride: outputs, input,
                               into: weightGradient, m: outputs, k: rows, n: inputs, fromZero: fromZero)
    }

    /// Adds the bias's gradient, the column sums of `dy` (`outputs` values).
    package static func addBiasGradient(_ dy: UnsafePointer<Float>, rows: Int, outputs: Int,
                                        into biasGradient: UnsafeMutablePointer<Float>, fromZero: Bool = false) {
        MatrixKernels.addColumnSums(dy, rows: rows, columns: outputs, into: biasGradient, fromZero: fromZero)
    }
}
