/// The mean squared error between `input` and `target`, like `F.mse_loss`.
///
/// The shapes must be equal: PyTorch would broadcast a `[64, 1]` prediction against
/// `[64]` returns into a `[64, 64]` matrix and only warn; here it stops with a message.
public func mseLoss(_ input: Tensor, _ target: Tensor) -> Tensor {
    guard input.shape == target.shape else {
        fatalError("mseLoss: input shape \(input.shape) and target shape \(target.shape) differ; make them match (e.g. .squeeze() the prediction) so each prediction meets its own target")
    }
    let difference = input - target
    return (difference * difference).mean()
}
