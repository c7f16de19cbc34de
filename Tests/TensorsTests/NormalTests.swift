import Foundation
import SeededRandom
import Testing
import Tensors

@Suite("Normal distribution")
struct NormalTests {
    @Test("log-density and entropy match the closed forms")
    func closedForms() {
        let dist = Normal(mean: Tensor([0, 1]), std: Tensor([1, 2]))
        let logProb = dist.logProb(Tensor([0.5, -1]))
        let halfLogTwoPi = 0.5 * log(2 * Double.pi)
        #expect(abs(Double(logProb.scalars[0]) - (-0.125 - halfLogTwoPi)) < 1e-6)
        #expect(abs(Double(logProb.scalars[1]) - (-0.5 - log(2.0) - halfLogTwoPi)) < 1e-6)
        let entropy = dist.entropy()
        #expect(abs(Double(entropy.scalars[1]) - (0.5 + halfLogTwoPi + log(2.0))) < 1e-6)
        #expect(Normal(mean: Tensor.zeros([3, 2]), std: Tensor([1, 2])).entropy().shape == [3, 2])
    }

    @Test("samples have the requested mean and spread")
    func sampling() {
        var rng = SeededGenerator(seed: 2)
        let dist = Normal(mean: Tensor.full([20_000], 3), std: 0.5)
        let draws = dist.sample(using: &rng)
        #expect(abs(draws.mean().item - 3) < 0.02)
        #expect(abs(draws.std().item - 0.5) < 0.02)
        #expect(!draws.requiresGrad)
    }
}
