import Foundation
import Testing
import Tensors

/// Every differentiable operation and layer, checked against finite differences.
/// Non-scalar results are reduced with fixed, uneven weights so every entry of the
/// result gradient differs.
@Suite("Gradients agree with finite differences")
struct GradientTests {
    /// A scalar from any tensor: the sum of its values times fixed weights.
    func weighted(_ tensor: Tensor) -> Tensor {
        (tensor * sample(tensor.shape, offset: 5)).sum()
    }

    @Test("add, sub, mul, div with equal shapes, a bias row, a column and a scalar")
    func arithmetic() {
        let a = sample([3, 4]), row = sample([4], offset: 1), column = sample([3, 1], offset: 2)
        let positive = sample([3, 4], offset: 3) * 0.3 + 2
        expectGradientsMatch([a, positive]) { weighted($0[0] + $0[1]) }
        expectGradientsMatch([a, row]) { weighted($0[0] - $0[1]) }
        expectGradientsMatch([row, a]) { weighted($0[0] - $0[1]) }
        expectGradientsMatch([a, column]) { weighted($0[0] * $0[1]) }
        expectGradientsMatch([a, positive]) { weighted($0[0] / $0[1]) }
        expectGradientsMatch([a, Tensor(1.5)]) { weighted($0[0] / $0[1]) }
        expectGradientsMatch([a]) { weighted(2 - $0[0] * 3 + 1) }
        expectGradientsMatch([positive]) { weighted(1 / $0[0] - $0[0] / 4) }
        expectGradientsMatch([a]) { weighted(-$0[0]) }
    }

    @Test("minimum and maximum route the gradient to the chosen operand")
    func minimumMaximum() {
        let a = sample([2, 3]), b = sample([2, 3], offset: 0.5)
        expectGradientsMatch([a, b]) { weighted(minimum($0[0], $0[1])) }
        expectGradientsMatch([a, b]) { weighted(maximum($0[0], $0[1])) }
    }

    @Test("exp, log, tanh, relu, sigmoid, sqrt, abs, pow, clamp")
    func unaryFunctions() {
        // Values stay at least 0.05 away from the kinks of relu, abs and clamp.
        let x = sample([2, 5], offset: 0.3)
        let positive = x * 0.4 + 1.2
        expectGradientsMatch([x]) { weighted($0[0].exp()) }
        expectGradientsMatch([positive]) { weighted($0[0].log()) }
        expectGradientsMatch([x]) { weighted($0[0].tanh()) }
        expectGradientsMatch([x]) { weighted($0[0].relu()) }
        expectGradientsMatch([x]) { weighted($0[0].sigmoid()) }
        expectGradientsMatch([positive]) { weighted($0[0].sqrt()) }
        expectGradientsMatch([x]) { weighted($0[0].abs()) }
        expectGradientsMatch([x]) { weighted($0[0].pow(2)) }
        expectGradientsMatch([positive]) { weighted($0[0].pow(1.5)) }
        expectGradientsMatch([x]) { weighted($0[0].clamp(min: -0.4, max: 0.4)) }
        expectGradientsMatch([x]) { weighted($0[0].clamp(min: -0.4)) }
        expectGradientsMatch([x]) { weighted($0[0].clamp(max: 0.4)) }
    }

    @Test("sum, mean and std over everything and along an axis")
    func reductions() {
        let x = sample([3, 4])
        expectGradientsMatch([x]) { $0[0].sum() * $0[0].mean() }
        expectGradientsMatch([x]) { weighted($0[0].sum(axis: 0)) }
        expectGradientsMatch([x]) { weighted($0[0].sum(axis: 1, keepDims: true)) }
        expectGradientsMatch([x]) { weighted($0[0].mean(axis: -1)) }
        expectGradientsMatch([x]) { $0[0].std() }
    }

    @Test("softmax and log-softmax along either axis")
    func softmax() {
        let x = sample([3, 4])
        expectGradientsMatch([x]) { weighted($0[0].softmax()) }
        expectGradientsMatch([x]) { weighted($0[0].softmax(axis: 0)) }
        expectGradientsMatch([x]) { weighted($0[0].logSoftmax()) }
        expectGradientsMatch([x]) { weighted($0[0].logSoftmax(axis: 0)) }
    }

    @Test("reshape, squeeze, unsqueeze, transposed, expand")
    func shapeChanges() {
        let x = sample([3, 1, 4])
        expectGradientsMatch([x]) { weighted($0[0].reshape([4, 3])) }
        expectGradientsMatch([x]) { weighted($0[0].squeeze()) }
        expectGradientsMatch([x]) { weighted($0[0].squeeze(1).unsqueeze(0)) }
        expectGradientsMatch([sample([3, 4])]) { weighted($0[0].transposed()) }
        expectGradientsMatch([sample([4])]) { weighted($0[0].expand(to: [3, 4])) }
        expectGradientsMatch([sample([3, 1])]) { weighted($0[0].expand(to: [3, 4])) }
    }

    @Test("stack, cat, rows and gather")
    func selections() {
        let a = sample([2, 3]), b = sample([2, 3], offset: 1), c = sample([2, 2], offset: 2)
        expectGradientsMatch([a, b]) { weighted(Tensor.stack([$0[0], $0[1]])) }
        expectGradientsMatch([a, b]) { weighted(Tensor.stack([$0[0], $0[1]], axis: 2)) }
        expectGradientsMatch([a, c]) { weighted(Tensor.cat([$0[0], $0[1]], axis: 1)) }
        expectGradientsMatch([a, b]) { weighted(Tensor.cat([$0[0], $0[1]])) }
        expectGradientsMatch([sample([5, 2])]) { weighted($0[0][rows: [4, 0, 4, 2]]) }
        expectGradientsMatch([a]) { weighted($0[0].gather([2, 0])) }
        expectGradientsMatch([sample([4])]) { $0[0].gather([3]) * 2 }
    }

    @Test("detach stops the gradient")
    func detach() {
        let x = Tensor([1, 2]).requiringGrad()
        (x * x.detach()).sum().backward()
        #expect(x.grad?.scalars == [1, 2])
    }

    @Test("matmul and the fused linear operation")
    func matrices() {
        expectGradientsMatch([sample([3, 5]), sample([5, 6], offset: 1)]) { weighted($0[0].matmul($0[1])) }
        expectGradientsMatch([sample([6, 5]), sample([7, 5], offset: 1), sample([7], offset: 2)]) {
            weighted(Tensor.linear($0[0], weight: $0[1], bias: $0[2]))
        }
        // A wide layer on narrow input, whose weight gradient takes the transposed path.
        expectGradientsMatch([sample([5, 3]), sample([20, 3], offset: 1), sample([20], offset: 2)]) {
            weighted(Tensor.linear($0[0], weight: $0[1], bias: $0[2]).tanh())
        }
        expectGradientsMatch([sample([5]), sample([3, 5], offset: 1)]) {
            weighted(Tensor.linear($0[0], weight: $0[1], bias: nil))
        }
    }

    @Test("layers: Linear, Tanh, ReLU and Sequential pass gradients to their input")
    func layers() {
        manualSeed(4)
        let net = Sequential(Linear(5, 8), Tanh(), Linear(8, 6), ReLU(), Linear(6, 2))
        expectGradientsMatch([sample([3, 5])]) { weighted(net($0[0])) }
    }

    @Test("mseLoss")
    func meanSquaredError() {
        expectGradientsMatch([sample([6]), sample([6], offset: 1)]) { mseLoss($0[0], $0[1]) }
    }

    @Test("Categorical log-prob and entropy, from logits and from probabilities")
    func categorical() {
        let logits = sample([3, 4])
        expectGradientsMatch([logits]) { weighted(Categorical(logits: $0[0]).logProb([0, 3, 1])) }
        expectGradientsMatch([logits]) { weighted(Categorical(logits: $0[0]).entropy()) }
        let probs = sample([3, 4]) * 0.3 + 1
        expectGradientsMatch([probs]) { weighted(Categorical(probs: $0[0]).logProb([2, 1, 0])) }
    }

    @Test("Normal log-density and entropy with a shared std row")
    func normal() {
        let mean = sample([3, 2]), std = sample([2], offset: 1) * 0.2 + 0.8, value = sample([3, 2], offset: 2)
        expectGradientsMatch([mean, std]) { weighted(Normal(mean: $0[0], std: $0[1]).logProb(value)) }
        expectGradientsMatch([mean, std]) { weighted(Normal(mean: $0[0], std: $0[1]).entropy()) }
    }

    @Test("the lesson's PPO loss")
    func ppoLoss() {
        let adv = sample([8], offset: 3), oldLogProbs = sample([8], offset: 4) * 0.1 - 0.7
        let actions = [0, 1, 1, 0, 1, 0, 0, 1]
        expectGradientsMatch([sample([8, 2]), sample([8], offset: 1)]) { inputs in
            let dist = Categorical(logits: inputs[0])
            let ratio = (dist.logProb(actions) - oldLogProbs).exp()
            let surr1 = ratio * adv, surr2 = ratio.clamp(min: 0.8, max: 1.2) * adv
            let actorLoss = -minimum(surr1, surr2).mean()
            return actorLoss + 0.5 * mseLoss(inputs[1], adv) - 0.01 * dist.entropy().mean()
        }
    }
}
