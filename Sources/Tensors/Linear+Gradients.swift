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

extension Linear {
    /// The backward pass through `layers` applied in order to `input` (`rows` rows): sets every layer's
    /// weight and bias gradients, last layer first, from `outputGradient`, the gradient of the last
    /// layer's output. `activation(i)` is layer `i`'s activation (nil for none) and `output(i)` its
    /// output for the rows. `beforeActivation`, `spare` and `otherSpare` each hold the widest layer's
    /// rows; `outputGradient` is only read. The arithmetic is the tape's backward through
    /// `Tensor.linear` with its activation, so fused training passes share this one loop.
    package static func backward(_ layers: [Linear], rows: Int, input: UnsafePointer<Float>,
                                 outputGradient: UnsafePointer<Float>,
                                 activation: (Int) -> Activation?, output: (Int) -> UnsafePointer<Float>,
                                 beforeActivation: UnsafeMutablePointer<Float>,
                                 spare: UnsafeMutablePointer<Float>, otherSpare: UnsafeMutablePointer<Float>) {
        var gradient = outputGradient
        var (next, other) = (spare, otherSpare)
        for index in layers.indices.reversed() {
            let layer = layers[index]
            let count = rows * layer.weight.shape[0]
            var dy = gradient
            if let activation = activation(index) {
                activation.backward(UnsafeBufferPointer(start: gradient, count: count),
                                    output: UnsafeBufferPointer(start: output(index), count: count),
                                    into: UnsafeMutableBufferPointer(start: beforeActivation, count: count))
                dy = UnsafePointer(beforeActivation)
            }
            layer.setGradients(outputGradients: dy, input: index == 0 ? input : output(index - 1), rows: rows)
            guard index > 0 else { break }
            LinearKernels.addInputGradient(dy, rows: rows, weight: layer.weight, into: next, fromZero: true)
            gradient = UnsafePointer(next)
            swap(&next, &other)
        }
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
