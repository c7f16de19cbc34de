extension Tensor {
    /// Overwrites the values in place with `values` (row-major, exactly as many as the tensor
    /// holds), without recording gradients: PyTorch's `with torch.no_grad(): p.copy_(values)`.
    /// Use it to set parameters by hand (a line search, restoring a saved policy); the values
    /// are stored bit for bit and the gradient, if any, is left alone.
    public func assign<Values: Collection<Float>>(_ values: Values) {
        guard values.count == count else {
            fatalError("Tensor.assign: got \(values.count) values for a tensor of shape \(shape) (\(count) values)")
        }
        scalars.withUnsafeMutableBufferPointer { target in
            _ = target.initialize(from: values)
        }
    }
}
