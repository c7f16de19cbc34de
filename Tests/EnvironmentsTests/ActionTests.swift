import Environments
import Testing

/// Continuous actions are clipped as Gymnasium clips them; the buffer form matches `step(_:)`.
@Suite("Actions")
struct ActionTests {
    @Test("Pendulum clips the torque before using it, in the dynamics and in the cost")
    func pendulumClips() {
        let clipped = Pendulum(), inBounds = Pendulum()
        for env in [clipped, inBounds] {
            _ = env.reset(seed: 0)
            env.state = [0.5, -0.2]
        }
        #expect(clipped.step([9.5]) == inBounds.step([2]))
        #expect(clipped.state == inBounds.state)
    }

    @Test("Pendulum's largest step cost is what hanging down at full speed and full torque costs")
    func pendulumLargestStepCost() {
        let env = Pendulum()
        _ = env.reset(seed: 0)
        env.state = [Double.pi, Pendulum.maxSpeed]
        let reward = env.step([Pendulum.maxTorque]).reward
        #expect(abs(reward + Pendulum.largestStepCost) < 1e-6)
        #expect(abs(Pendulum.largestStepCost - 16.2736044) < 1e-6)   // Gymnasium's documented minimum reward
    }

    @Test("MountainCarContinuous clips the force but charges the action as given")
    func mountainCarChargesTheRawAction() {
        let beyond = MountainCarContinuous(), atBound = MountainCarContinuous()
        for env in [beyond, atBound] {
            _ = env.reset(seed: 0)
            env.state = [-0.5, 0.01]
        }
        let pushedHard = beyond.step([3])
        let pushed = atBound.step([1])
        #expect(pushedHard.observation == pushed.observation)
        #expect(pushedHard.reward == -(3.0 * 3.0) * 0.1)
        #expect(pushed.reward == -0.1)
    }

    @Test("MountainCar's left wall stops the car")
    func leftWall() {
        let env = MountainCar()
        _ = env.reset(seed: 0)
        env.state = [-1.19, -0.05]
        let result = env.step(0)
        #expect(env.state == [-1.2, 0])
        #expect(result.observation == [-1.2, 0])
    }

    @Test("the buffer form writes what step(_:) returns")
    func bufferForm() {
        compare(CartPole(), CartPole(), actions: [0, 1, 1])
        compare(Acrobot(), Acrobot(), actions: [0, 1, 2])
        compare(MountainCar(), MountainCar(), actions: [2, 0, 1])
        compare(Pendulum(), Pendulum(), actions: [[0.7], [-0.3], [2.5]])
        compare(MountainCarContinuous(), MountainCarContinuous(), actions: [[0.7], [-0.3], [1.5]])
    }

    private func compare<Env: Environment>(_ a: Env, _ b: Env, actions: [Env.Action]) {
        var buffer = [Float](repeating: .nan, count: a.observationSpace.count)
        _ = a.reset(seed: 5)
        buffer.withUnsafeMutableBufferPointer { b.reset(seed: 5, writingObservationTo: $0.baseAddress!) }
        #expect(a.state == b.state)
        for action in actions {
            let result = a.step(action)
            let outcome = buffer.withUnsafeMutableBufferPointer { b.step(action, writingObservationTo: $0.baseAddress!) }
            #expect(buffer == result.observation)
            #expect(outcome == StepOutcome(reward: result.reward, terminated: result.terminated, truncated: result.truncated))
        }
    }
}
