import Tensors

/// The mean Huber loss with threshold 1 between `input` and `target`, like
/// `F.smooth_l1_loss`: `0.5 d²` where `|d| ≤ 1`, `|d| - 0.5` beyond, so large TD errors
/// pull with a constant force instead of a growing one. The shapes must be equal.
public func huberLoss(_ input: Tensor, _ target: Tensor) -> Tensor {
    guard input.shape == target.shape else {
        fatalError("huberLoss: input shape \(input.shape) and target shape \(target.shape) differ; make them match")
    }
    let size = (input - target).abs()
    let inside = size.clamp(max: 1)
    return (0.5 * inside * inside + (size - inside)).mean()
}
