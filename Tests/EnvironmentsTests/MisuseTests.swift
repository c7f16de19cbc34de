import Environments
import Testing

/// Programmer errors stop the program with a message naming the environment and the
/// mistake, where Gymnasium raises.
@Suite("Misuse")
struct MisuseTests {
    /// What a child process that stopped wrote to standard error.
    private func message(_ result: ExitTest.Result?) -> String {
        String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
    }

    @Test("an action outside the discrete space")
    func discreteActionOutOfRange() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let env = CartPole()
            _ = env.reset(seed: 0)
            _ = env.step(2)
        }
        #expect(message(result).contains("CartPole-v1: invalid action 2"))
    }

    @Test("a continuous action of the wrong length")
    func continuousActionWrongLength() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let env = Pendulum()
            _ = env.reset(seed: 0)
            _ = env.step([0.5, 0.5])
        }
        #expect(message(result).contains("Pendulum-v1: invalid action [0.5, 0.5]"))
    }

    @Test("a continuous action that is not a number")
    func continuousActionNaN() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let env = MountainCarContinuous()
            _ = env.reset(seed: 0)
            _ = env.step([.nan])
        }
        #expect(message(result).contains("MountainCarContinuous-v0: invalid action [nan]"))
    }

    @Test("a step before the first reset")
    func stepBeforeReset() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = MountainCar().step(1)
        }
        #expect(message(result).contains("MountainCar-v0: step(_:) called before reset(seed:)"))
    }

    @Test("a step after the episode terminated")
    func stepAfterTermination() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let env = CartPole()
            _ = env.reset(seed: 0)
            env.state = [0, 0, 0.2, 1]
            _ = env.step(0)
            _ = env.step(0)
        }
        #expect(message(result).contains("CartPole-v1: step(_:) called after the episode ended (terminated)"))
    }

    @Test("a step after the episode was truncated")
    func stepAfterTruncation() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let env = Acrobot(maxEpisodeSteps: 1)
            _ = env.reset(seed: 0)
            _ = env.step(0)
            _ = env.step(0)
        }
        #expect(message(result).contains("Acrobot-v1: step(_:) called after the episode ended (truncated by the 1-step limit)"))
    }

    @Test("an unknown id")
    func unknownID() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = make("CartPole-v0")
        }
        #expect(message(result).contains("unknown environment id"))
    }

    @Test("a continuous id asked for as a discrete environment, and the reverse")
    func wrongKind() async {
        let continuous = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = make("Pendulum-v1")
        }
        #expect(message(continuous).contains("let env: any ContinuousEnvironment = make(\"Pendulum-v1\")"))
        let discrete = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let _: any ContinuousEnvironment = make("CartPole-v1")
        }
        #expect(message(discrete).contains("CartPole-v1 takes discrete Int actions"))
    }

    @Test("a state of the wrong size")
    func wrongState() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            CartPole().state = [0, 0]
        }
        #expect(message(result).contains("CartPole-v1: state needs 4 values"))
    }

    @Test("after a reset, a finished episode can go on")
    func resetAfterTheEnd() {
        let env = CartPole()
        _ = env.reset(seed: 0)
        env.state = [0, 0, 0.2, 1]
        #expect(env.step(0).terminated)
        _ = env.reset()
        #expect(!env.step(0).terminated)
    }
}

/// Resuming part-way with `elapsedSteps` keeps within the time limit.
@Suite("Resuming")
struct ResumingTests {
    @Test("elapsedSteps outside 0..<limit stops the program")
    func elapsedOutOfRange() async {
        await #expect(processExitsWith: .failure) { CartPole().elapsedSteps = 500 }
        await #expect(processExitsWith: .failure) { Pendulum().elapsedSteps = -1 }
    }

    @Test("a resumed episode is truncated where it would have been")
    func resumedTruncation() {
        let env = MountainCar()
        env.state = [-0.5, 0]
        env.elapsedSteps = 198
        #expect(!env.step(1).truncated)
        #expect(env.step(1).truncated)
    }
}
