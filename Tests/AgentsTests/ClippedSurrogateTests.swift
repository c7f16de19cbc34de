import Agents
import Foundation
import Tensors
import Testing

@Suite struct ClippedSurrogateTests {
    @Test func valueAndGradientFollowTheMin() {
        // Ratios 1.5, 1.05, 0.5, 1.5 against advantages +1, +1, −1, −1 with ε = 0.2:
        // terms min(r·A, clip(r)·A) = 1.2 (clipped), 1.05, −0.8 (clipped), −1.5 (unclipped).
        let ratios: [Float] = [1.5, 1.05, 0.5, 1.5]
        let newLogProbs = Tensor(ratios.map { Foundation.log($0) }).requiringGrad()
        let surrogate = ClippedSurrogate(newLogProbs: newLogProbs, oldLogProbs: Tensor([0, 0, 0, 0]),
                                         advantages: Tensor([1, 1, -1, -1]), clipEpsilon: 0.2)
        #expect(abs(surrogate.loss.item - (-(1.2 + 1.05 - 0.8 - 1.5) / 4)) < 1e-6)
        #expect(surrogate.clipFraction == 0.75)
        surrogate.loss.backward()
        let gradient = newLogProbs.grad!.scalars
        // d/d log π of −r·A/N is −r·A/N where the unclipped term is the min, and 0 where the clip is.
        #expect(gradient[0] == 0)
        #expect(abs(gradient[1] - (-1.05 / 4)) < 1e-6)
        #expect(gradient[2] == 0)
        #expect(abs(gradient[3] - 1.5 / 4) < 1e-6)
    }

    @Test func thePrintedPairingComparesEverySampleWithEveryOther() {
        // ratio[i, j] = exp(new[j] − old[i]): row 1 divides by π_old = 2 (log 2) instead of 1.
        let surrogate = ClippedSurrogate(newLogProbs: Tensor([0, Float(Foundation.log(1.5))]),
                                         oldLogProbs: Tensor([0, Float(Foundation.log(2.0))]),
                                         advantages: Tensor([1, 1]), clipEpsilon: 0.2, pairing: .everyPairAsPrinted)
        #expect(surrogate.ratio.shape == [2, 2])
        for (value, expected) in zip(surrogate.ratio.scalars, [1, 1.5, 0.5, 0.75] as [Float]) {
            #expect(abs(value - expected) < 1e-6)
        }
        #expect(surrogate.clipFraction == 0.75)
    }

    @Test func klEstimatorsOnAConstructedCase() {
        // π_old = 0.5, π_new = 0.25: mean(old − new) = log 2; (r − 1) − log r = −0.5 + log 2.
        let old = [Float(Foundation.log(0.5))], new = [Float(Foundation.log(0.25))]
        #expect(abs(KLEstimator.meanLogRatio.estimate(oldLogProbs: old, newLogProbs: new) - Foundation.log(2)) < 1e-6)
        #expect(abs(KLEstimator.ratioMinusLogRatio.estimate(oldLogProbs: old, newLogProbs: new) - (Foundation.log(2) - 0.5)) < 1e-6)
    }
}
