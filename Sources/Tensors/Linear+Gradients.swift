extension Linear {
    /// Sets the weight's and the bias's `grad` for `rows` rows of `input` given `dy`, the gradient before
    /// the activation, as `zeroGrad()` and then the tape's backward pass through `Tensor.linear` would.
    /// For fused training passes; steady training reuses the gradient tensors.
    package func setGradients(outputGradients dy: UnsafePointer<Float>, input: UnsafePointer<Float>, rows: Int) {
        let (outputs, inputs) = (weight.shape[0], weight.shape[1])
        weight.withGradientStorage { weightGradient in
            LinearKernels.addWeightGradient(dy, input: input, rows: rows, outputs: outputs, inputs: inputs, into: weightGradient,
                                            fromZero: true)
        }
        bias?.withGradientStorage { LinearKernels.addBiasGradient(dy, rows: rows, outputs: outputs, into: $0, fromZero: true) }
    }
}

extension Tensor {
    /// Gives `body` the storage of `grad` filled with zeros, creating the gradient tensor only when
    /// there is none of the right shape (so steady training reuses it).
    package func withFreshGradient(_ body: (UnsafeMutablePointer<Float>) -> Void) {
        withGradientStorage { gradient in
            gradient.update(repeating: 0, count: count)
            body(gradient)
        }
    }

    /// Gives `body` the storage of `grad` as it is (for kernels that overwrite all of it), creating
    /// the gradient tensor only when there is none of the right shape.
    package func withGradientStorage(_ body: (UnsafeMutablePointer<Float>) -> Void) {
        if grad?.shape != shape { grad = Tensor.zeros(shape) }
        grad!.scalars.withUnsafeMutableBufferPointer { body($0.baseAddress!) }
    }
}
