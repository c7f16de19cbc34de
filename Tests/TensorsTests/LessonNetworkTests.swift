import Foundation
import SeededRandom
import Testing
import Tensors

@Suite("The lesson's network, optimiser and distribution")
struct LessonNetworkTests {
    @Test("Linear uses PyTorch's default bound and Sequential collects parameters")
    func linearInitialisation() {
        manualSeed(0)
        let layer = Linear(64, 32)
        #expect(layer.weight.shape == [32, 64])
        #expect(layer.bias?.shape == [32])
        let bound = 1 / Float(64).squareRoot()
        #expect(layer.weight.scalars.allSatisfy { abs($0) <= bound })
        #expect(layer.weight.scalars.contains { abs($0) > bound * 0.9 })
        let net = Sequential(Linear(4, 64), Tanh(), Linear(64, 64), Tanh())
        #expect(net.parameters.map(\.shape) == [[64, 4], [64], [64, 64], [64]])
    }

    @Test("a PPO minibatch step runs end to end and lowers the loss")
    func ppoStep() {
        manualSeed(0)
        let shared = Sequential(Linear(4, 64), Tanh(), Linear(64, 64), Tanh())
        let actor = Linear(64, 2), critic = Linear(64, 1)
        let opt = Adam(shared.parameters + actor.parameters + critic.parameters, lr: 3e-3)
        let states = Tensor.randn([64, 4])
        let actions = (0..<64).map { $0 % 2 }
        let returns = Tensor.randn([64])
        let adv = Tensor.randn([64])
        let oldLogProbs = noGrad { Categorical(logits: actor(shared(states))).logProb(actions) }
        func loss() -> Tensor {
            let features = shared(states)
            let dist = Categorical(logits: actor(features))
            let ratio = (dist.logProb(actions) - oldLogProbs).exp()
            let surr1 = ratio * adv, surr2 = ratio.clamp(min: 0.8, max: 1.2) * adv
            let actorLoss = -minimum(surr1, surr2).mean()
            let criticLoss = mseLoss(critic(features).squeeze(), returns)
            return actorLoss + 0.5 * criticLoss - 0.01 * dist.entropy().mean()
        }
        let before = noGrad { loss() }.item
        for _ in 0..<20 {
            let value = loss()
            opt.zeroGrad()
            value.backward()
            clipGradNorm(opt.parameters, maxNorm: 0.5)
            opt.step()
        }
        #expect(noGrad { loss() }.item < before)
    }

    @Test("acting with noGrad on one state gives an action, its log-prob and a value")
    func acting() {
        manualSeed(1)
        let shared = Sequential(Linear(4, 64), Tanh(), Linear(64, 64), Tanh())
        let actor = Linear(64, 2), critic = Linear(64, 1)
        let (action, logProb, value) = noGrad {
            let features = shared(Tensor([0.01, -0.02, 0.03, 0.04]).unsqueeze(0))
            let dist = Categorical(logits: actor(features))
            let action = dist.sample()
            return (action, dist.logProb(action), critic(features).squeeze())
        }
        #expect(action.shape == [1])
        #expect([0, 1].contains(action.item))
        #expect(logProb.shape == [1] && logProb.item < 0)
        #expect(value.shape == [])
        #expect(!logProb.requiresGrad)
    }

    @Test("Adam's first steps match the update worked out from its definition")
    func adamByHand() {
        let p = Tensor([1.0, -2.0]).requiringGrad()
        let opt = Adam([p], lr: 0.1)
        // Step 1 with g = (2, -4): m = 0.1 g, v = 0.001 g², m̂ = g, v̂ = g²,
        // so p -= 0.1 * g / (|g| + 1e-8) = 0.1 * sign(g).
        (p * p).sum().backward()
        opt.step()
        #expect(abs(p.scalars[0] - 0.9) < 1e-6)
        #expect(abs(p.scalars[1] - -1.9) < 1e-6)
        // Step 2 with g = (1.8, -3.8): m = 0.9*0.2 + 0.1*1.8 = 0.36 -> m̂ = 0.36/0.19;
        // v = 0.999*0.004 + 0.001*3.24 = 0.007236 -> v̂ = 0.007236/0.001999.
        opt.zeroGrad()
        (p * p).sum().backward()
        opt.step()
        let mHat = 0.36 / 0.19, vHat = 0.007236 / 0.001999
        let expected = 0.9 - 0.1 * mHat / (vHat.squareRoot() + 1e-8)
        #expect(abs(Double(p.scalars[0]) - expected) < 1e-5)
    }

    @Test("Categorical log-probs and entropy match closed forms")
    func categoricalClosedForm() {
        let dist = Categorical(probs: Tensor([[0.2, 0.8], [0.5, 0.5]]))
        let logProbs = dist.logProb([1, 0])
        #expect(abs(logProbs.scalars[0] - Float(Foundation.log(0.8))) < 1e-6)
        #expect(abs(logProbs.scalars[1] - Float(Foundation.log(0.5))) < 1e-6)
        let entropy = dist.entropy()
        #expect(abs(entropy.scalars[0] - Float(-(0.2 * Foundation.log(0.2) + 0.8 * Foundation.log(0.8)))) < 1e-6)
        #expect(abs(entropy.scalars[1] - Float(Foundation.log(2.0))) < 1e-6)
        let fromLogits = Categorical(logits: Tensor([0, Float(Foundation.log(4.0))]))
        #expect(abs(fromLogits.probs.scalars[1] - 0.8) < 1e-6)
    }

    @Test("Categorical sampling follows the probabilities")
    func categoricalFrequencies() {
        var rng = SeededGenerator(seed: 3)
        let dist = Categorical(probs: Tensor([0.1, 0.6, 0.3]))
        var counts = [0, 0, 0]
        for _ in 0..<20_000 { counts[Int(dist.sample(using: &rng).item)] += 1 }
        #expect(abs(Double(counts[1]) / 20_000 - 0.6) < 0.02)
        #expect(abs(Double(counts[0]) / 20_000 - 0.1) < 0.01)
        let masked = Categorical(logits: Tensor([[0, -Float.infinity, 0], [-Float.infinity, 0, -Float.infinity]]))
        #expect(abs(masked.entropy().scalars[0] - Float(Foundation.log(2.0))) < 1e-6)
        #expect(masked.entropy().scalars[1] == 0)
        for _ in 0..<2_000 {
            let choices = masked.sample(using: &rng).scalars
            #expect(choices[0] != 1 && choices[1] == 1)
        }
    }
}

import Foundation
