import Environments
import SeededRandom
import Testing

/// Spaces as agents read them.
@Suite("Spaces")
struct SpaceTests {
    @Test("agents read their sizes from the spaces")
    func sizes() {
        let cartPole = make("CartPole-v1")
        #expect(cartPole.observationSpace.shape == [4])
        #expect(cartPole.actionSpace.n == 2)
        #expect(Acrobot().observationSpace.shape == [6])
        #expect(Acrobot().actionSpace == Discrete(3))
        #expect(MountainCar().actionSpace.n == 3)
        let pendulum: any ContinuousEnvironment = make("Pendulum-v1")
        #expect(pendulum.observationSpace.shape == [3])
        #expect(pendulum.actionSpace == Box(low: -2, high: 2, shape: [1]))
        #expect(MountainCarContinuous().actionSpace.high == [1])
    }

    @Test("observation bounds are Gymnasium's float32 bounds")
    func bounds() {
        let cartPole = CartPole().observationSpace
        #expect(cartPole.high == [4.8, .infinity, Float(24 * Double.pi / 180), .infinity])
        #expect(cartPole.low == cartPole.high.map { -$0 })
        #expect(Pendulum().observationSpace.high == [1, 1, 8])
        #expect(Acrobot().observationSpace.high == [1, 1, 1, 1, Float(4 * Double.pi), Float(9 * Double.pi)])
        #expect(MountainCar().observationSpace.low == [-1.2, -0.07])
        #expect(MountainCarContinuous().observationSpace.high == [0.6, 0.07])
    }

    @Test("samples lie in their space")
    func samples() {
        var generator = SeededGenerator(seed: 1)
        let box = Box(low: [-1, 0, -.infinity, -.infinity], high: [1, .infinity, 3, .infinity], shape: [2, 2])
        #expect(box.count == 4)
        for _ in 0..<1000 {
            #expect(box.contains(box.sample(using: &generator)))
            #expect(Discrete(3).contains(Discrete(3).sample(using: &generator)))
        }
        #expect(!box.contains([2, 0, 0, 0]))
        #expect(!box.contains([0, 0, 0]))
        #expect(!Discrete(2).contains(2))
        #expect(Discrete(2).description == "Discrete(2)")
    }
}
