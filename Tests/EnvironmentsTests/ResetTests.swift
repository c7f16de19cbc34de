import Foundation
import Environments
import Testing

/// Seeding and initial states.
@Suite("Reset")
struct ResetTests {
    @Test("the same seed gives the same start; different seeds differ", arguments: environmentIDs)
    func seeding(id: String) {
        let first = Self.start(id, seed: 7), again = Self.start(id, seed: 7), other = Self.start(id, seed: 8)
        #expect(first == again)
        #expect(first != other)
    }

    @Test("reset() continues the stream; never seeded means seed 0")
    func unseededReset() {
        let seeded = CartPole(), unseeded = CartPole()
        let a = seeded.reset(seed: 0).observation
        let b = seeded.reset().observation
        #expect(unseeded.reset().observation == a)
        #expect(unseeded.reset().observation == b)
        #expect(a != b)
    }

    @Test("initial states lie in Gymnasium's ranges")
    func ranges() {
        for seed in 0..<200 {
            let cartPole = CartPole()
            _ = cartPole.reset(seed: seed)
            #expect(cartPole.state.allSatisfy { -0.05 <= $0 && $0 < 0.05 })

            let pendulum = Pendulum()
            _ = pendulum.reset(seed: seed)
            #expect(-Double.pi <= pendulum.state[0] && pendulum.state[0] < Double.pi)
            #expect(-1 <= pendulum.state[1] && pendulum.state[1] < 1)

            let acrobot = Acrobot()
            _ = acrobot.reset(seed: seed)
            #expect(acrobot.state.allSatisfy { -0.1 <= $0 && $0 <= 0.1 && Double(Float($0)) == $0 })

            for car in [MountainCar().state(afterResetWith: seed), MountainCarContinuous().state(afterResetWith: seed)] {
                #expect(-0.6 <= car[0] && car[0] < -0.4)
                #expect(car[1] == 0)
            }
        }
    }

    @Test("the observation is the state in float32, as Gymnasium builds it")
    func observations() {
        let cartPole = CartPole()
        #expect(cartPole.reset(seed: 3).observation == cartPole.state.map { Float($0) })
        let pendulum = Pendulum()
        let observation = pendulum.reset(seed: 3).observation
        let (theta, thetaDot) = (pendulum.state[0], pendulum.state[1])
        #expect(observation == [Float(cos(theta)), Float(sin(theta)), Float(thetaDot)])
        let (_, info) = pendulum.reset(seed: 3)
        #expect(info.isEmpty)
    }

    private static func start(_ id: String, seed: Int) -> [Float] {
        if id == "Pendulum-v1" || id == "MountainCarContinuous-v0" {
            let env: any ContinuousEnvironment = make(id)
            return env.reset(seed: seed).observation
        }
        return make(id).reset(seed: seed).observation
    }
}

private extension Environment {
    func state(afterResetWith seed: Int) -> [Double] {
        _ = reset(seed: seed)
        return state
    }
}
