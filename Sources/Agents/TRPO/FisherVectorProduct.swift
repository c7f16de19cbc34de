import Tensors

/// `v ↦ (F + damping·I) v` for a categorical Tanh policy at fixed parameters, in the Gauss-Newton
/// form `F = (1/N) Σᵢ Jᵢᵀ Mᵢ Jᵢ`: `Jᵢ` is the Jacobian of state i's logits with respect to the
/// policy parameters and `Mᵢ = diag(pᵢ) − pᵢpᵢᵀ` the categorical Fisher matrix in logit space.
///
/// `J v` is computed exactly by forward-mode differentiation through the layers (the engine has
/// no double backward), and `Jᵀ(M J v)` by one backward pass through a forward graph built once.
///
/// `F` is the Hessian of the mean KL divergence from the fixed policy, at the fixed parameters.
public struct FisherVectorProduct {
    private let network: PPONetwork
    private let states: Tensor
    private let damping: Float
    /// The logits at the fixed parameters, with their graph, reused by every product's backward pass.
    private let logits: Tensor
    /// The input of each policy layer at the fixed parameters: the states, then each hidden activation.
    private let layerInputs: [Tensor]
    /// The policy's probabilities at the fixed parameters, `[N, actions]` row-major.
    private let probabilities: [Float]

    /// The product for `network`'s policy at its current parameters, over `states` `[N, observations]`.
    public init(network: PPONetwork, states: Tensor, damping: Float) {
        self.network = network
        self.states = states
        self.damping = damping
        var inputs = [states]
        let fixedLogits: Tensor = noGrad {
            for layer in network.actorTrunk { inputs.append(layer(inputs.last!).tanh()) }
            return network.actor(inputs.last!)
        }
        layerInputs = inputs
        probabilities = noGrad { Categorical(logits: fixedLogits).probs.scalars }
        self.logits = network(states)
    }

    /// The policy's layers in order: the actor trunk, then the actor head.
    private var layers: [Linear] { network.actorTrunk + [network.actor] }

    /// The policy parameters, in the order of the flat vectors.
    public var parameters: [Tensor] { layers.flatMap(\.parameters) }

    /// `(F + damping·I) v` for a flat vector `v` over `parameters`.
    public func callAsFunction(_ vector: [Float]) -> [Float] {
        let rows = states.shape[0]
        let actions = network.actor.weight.shape[0]
        let jacobianVector = logitTangent(along: vector).scalars
        var weighted = [Float](repeating: 0, count: jacobianVector.count)
        for row in 0..<rows {
            let base = row * actions
            var mean: Float = 0
            for k in 0..<actions { mean += probabilities[base + k] * jacobianVector[base + k] }
            for k in 0..<actions {
                weighted[base + k] = probabilities[base + k] * (jacobianVector[base + k] - mean) / Float(rows)
            }
        }
        let parameters = self.parameters
        for parameter in parameters { parameter.grad = nil }
        (logits * Tensor(weighted, shape: logits.shape)).sum().backward()
        var product = ParameterVector.gradients(of: parameters)
        for parameter in parameters { parameter.grad = nil }
        for index in product.indices { product[index] += damping * vector[index] }
        return product
    }

    /// `J v`: how the logits change when the parameters move along `vector`, by forward mode.
    private func logitTangent(along vector: [Float]) -> Tensor {
        let pieces = ParameterVector.split(vector, like: parameters)
        return noGrad {
            var tangent: Tensor?
            for (index, layer) in layers.enumerated() {
                let weightTangent = pieces[2 * index], biasTangent = pieces[2 * index + 1]
                var output = Tensor.linear(layerInputs[index], weight: weightTangent, bias: biasTangent)
                if let tangent { output = output + Tensor.linear(tangent, weight: layer.weight, bias: nil) }
                if index < network.actorTrunk.count {
                    let activation = layerInputs[index + 1]
                    output = (1 - activation * activation) * output
                }
                tangent = output
            }
            return tangent!
        }
    }
}
