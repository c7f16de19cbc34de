import Environments
import SeededRandom
import Testing

/// The vectorised forms step copies exactly as the single environments would.
@Suite("Vector environments")
struct VectorEnvironmentTests {
    @Test("copies are seeded seed + i and step as single environments, with same-step auto-reset")
    func matchesSingleEnvironments() {
        let count = 4
        let envs = DiscreteVectorEnvironment("CartPole-v1", count: count)
        let singles = (0..<count).map { _ in CartPole() }
        #expect(envs.count == count)
        #expect(envs.actionSpace.n == 2)
        #expect(envs.observationSpace.shape == [4])

        var expected = singles.enumerated().flatMap { $1.reset(seed: 10 + $0).observation }
        #expect(envs.reset(seed: 10) == expected)

        var generator = SeededGenerator(seed: 3)
        var endings = 0
        for _ in 0..<300 {
            let actions = (0..<count).map { _ in generator.nextInt(below: 2) }
            let result = envs.step(actions)
            var final: [Float] = []
            expected = []
            for (index, single) in singles.enumerated() {
                let step = single.step(actions[index])
                final += step.observation
                #expect(result.rewards[index] == step.reward)
                #expect(result.terminated[index] == step.terminated)
                #expect(result.truncated[index] == step.truncated)
                if step.done {
                    endings += 1
                    expected += single.reset().observation
                } else {
                    expected += step.observation
                }
            }
            #expect(result.finalObservations == final)
            #expect(result.observations == expected)
        }
        #expect(endings > 10)
    }

    @Test("continuous copies take flat actions, one slice per copy")
    func continuousFlatActions() {
        let envs = ContinuousVectorEnvironment(count: 3) { Pendulum(maxEpisodeSteps: 5) }
        let singles = (0..<3).map { _ in Pendulum(maxEpisodeSteps: 5) }
        let first = envs.reset()
        #expect(first == singles.enumerated().flatMap { $1.reset(seed: $0).observation })
        #expect(first.count == 9)
        for step in 0..<12 {
            let actions: [Float] = [0.5, -1, 3]
            let result = envs.step(actions)
            let expected = singles.enumerated().map { $1.step([actions[$0]]) }
            #expect(result.finalObservations == expected.flatMap(\.observation))
            #expect(result.rewards == expected.map(\.reward))
            #expect(result.truncated == Array(repeating: (step + 1) % 5 == 0, count: 3))
            if expected[0].truncated { singles.forEach { _ = $0.reset() } }
        }
    }

    @Test("an unseeded vector starts as with seed 0; reset() then continues each stream")
    func unseeded() {
        let a = DiscreteVectorEnvironment("MountainCar-v0", count: 2)
        let b = DiscreteVectorEnvironment("MountainCar-v0", count: 2)
        #expect(a.reset() == b.reset(seed: 0))
        let next = a.reset()
        #expect(next == b.reset())
        #expect(next != b.reset(seed: 0))
    }

    @Test("reset(seeds:) seeds copy i with seeds[i]; given copies are stepped in their order")
    func oneSeedPerCopy() {
        let seeds = [7, 123_456_789, 0]
        let discrete = DiscreteVectorEnvironment([CartPole(), CartPole(), CartPole()])
        #expect(discrete.reset(seeds: seeds) == seeds.flatMap { CartPole().reset(seed: $0).observation })
        let continuous = ContinuousVectorEnvironment([Pendulum(), Pendulum(), Pendulum()])
        #expect(continuous.reset(seeds: seeds) == seeds.flatMap { Pendulum().reset(seed: $0).observation })
        // Without a seed afterwards, each copy continues the stream its seed started.
        let single = CartPole()
        _ = single.reset(seed: seeds[1])
        #expect(Array(discrete.reset()[4..<8]) == single.reset().observation)
    }

    @Test("reset(seeds:) with a seed count other than the copy count stops the program")
    func wrongSeedCount() async {
        await #expect(processExitsWith: .failure) {
            _ = DiscreteVectorEnvironment("CartPole-v1", count: 2).reset(seeds: [1])
        }
    }

    @Test("both forms serve generic rollout code")
    func generic() {
        func rows<Vector: VectorEnvironment>(_ envs: Vector, actions: [Vector.ActionElement]) -> Int {
            _ = envs.reset(seed: 0)
            return envs.step(actions).observations.count / envs.observationSpace.count
        }
        #expect(rows(DiscreteVectorEnvironment("Acrobot-v1", count: 3), actions: [0, 1, 2]) == 3)
        #expect(rows(ContinuousVectorEnvironment("MountainCarContinuous-v0", count: 2), actions: [0.5, -0.5]) == 2)
    }

    @Test("a wrong number of actions stops the program")
    func wrongActionCount() async {
        await #expect(processExitsWith: .failure) {
            let envs = DiscreteVectorEnvironment("CartPole-v1", count: 2)
            _ = envs.reset(seed: 0)
            _ = envs.step([0])
        }
    }
}
