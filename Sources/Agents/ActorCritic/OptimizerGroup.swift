import Tensors

/// Several optimisers driven as one, like PyTorch's parameter groups: `zeroGrad()` clears
/// every group's gradients and `step()` steps every group, so a network can give its actor
/// and its critic different learning rates behind a single `optimizer`.
///
/// ```swift
/// let optimizer = OptimizerGroup(Adam(actor.parameters, lr: 1e-3), Adam(critic.parameters, lr: 5e-3))
/// ```
public final class OptimizerGroup: Optimizer {
    /// The optimisers, stepped in this order.
    public let members: [any Optimizer]

    /// Groups the given optimisers.
    public init(_ members: any Optimizer...) {
        self.members = members
    }

    /// Every member's parameters, in member order.
    public var parameters: [Tensor] {
        members.flatMap(\.parameters)
    }

    /// Steps every member.
    public func step() {
        for member in members { member.step() }
    }
}
