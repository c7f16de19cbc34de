import Tensors
import Testing

@Suite struct AssignmentTests {
    @Test func assignWritesTheExactValuesInPlaceAndKeepsTheGradient() {
        let weight = Tensor([[1, 2], [3, 4]]).requiringGrad()
        (weight * weight).sum().backward()
        let gradient = weight.grad!.scalars
        // Values an SGD step of size 1 along (current - target) would round: current - (current - target).
        let target: [Float] = [0.1 + 1e-8, -3.3333333, 1e-30, 7.000001]
        weight.assign(target)
        #expect(weight.scalars == target)
        #expect(weight.shape == [2, 2])
        #expect(weight.grad!.scalars == gradient)
        weight.assign(target[1...] + [5])
        #expect(weight.scalars == [-3.3333333, 1e-30, 7.000001, 5])
    }

    @Test func anSGDStepDoesNotRestoreValuesBitForBitButAssignDoes() {
        // Why assignment exists: writing `old` back through `p - (p - old)` loses bits.
        let old: Float = 0.1, moved: Float = 12345.678
        #expect(moved - (moved - old) != old)
        let parameter = Tensor([moved])
        parameter.assign([old])
        #expect(parameter.scalars == [old])
    }
}
