/// An environment in Gymnasium's shape: `reset(seed:)` starts an episode, `step(_:)` advances it.
///
/// The conforming types are classes, so an environment passed to a function is the same
/// environment (as a Python object is), and `let env = make("CartPole-v1")` can be stepped.
///
/// Every environment behaves like Gymnasium's `gym.make(id)`: the time limit of the id
/// (`maxEpisodeSteps`) is built in and reported as `truncated`, and stepping before the
/// first reset stops the program with a message, as Gymnasium raises `ResetNeeded`.
/// Stepping after the episode ended (terminated or truncated) without a reset also stops
/// the program: Gymnasium only warns there and calls what follows undefined, which in a
/// training loop is almost always a forgotten reset.
///
/// Agents use the refinements ``DiscreteEnvironment`` (`Int` actions) and
/// ``ContinuousEnvironment`` (`[Float]` actions).
public protocol Environment<Action>: AnyObject {
    /// The action `step` takes: `Int` for a discrete environment, `[Float]` for a continuous one.
    associatedtype Action

    /// Gymnasium's id, such as `"CartPole-v1"`.
    var id: String { get }

    /// The space observations live in; `observationSpace.shape[0]` is an agent's input size.
    var observationSpace: Box { get }

    /// The number of steps after which `step` reports `truncated`, as Gymnasium's `TimeLimit`.
    var maxEpisodeSteps: Int { get }

    /// Steps taken since the last reset. Setting it resumes an episode part-way
    /// (with `state`), so that the time limit falls where it did.
    var elapsedSteps: Int { get set }

    /// The physical state in Gymnasium's order and float64 precision.
    ///
    /// Setting it starts stepping from that state (without a reset, and without
    /// changing `elapsedSteps`): tests replay recorded states this way, and lessons use it
    /// to put the system where they want it.
    var state: [Double] { get set }

    /// Starts an episode and writes its first observation into `observation`
    /// (`observationSpace.count` values). See ``reset(seed:)`` for the meaning of `seed`.
    func reset(seed: Int?, writingObservationTo observation: UnsafeMutablePointer<Float>)

    /// Advances one step and writes the observation into `observation`
    /// (`observationSpace.count` values); the allocation-free form of ``step(_:)``.
    func step(_ action: Action, writingObservationTo observation: UnsafeMutablePointer<Float>) -> StepOutcome

    /// Starts an episode and returns its first observation and an (empty) info dictionary.
    ///
    /// With a seed, the initial state is drawn from a generator seeded with it, so the
    /// same seed gives the same episode start. Without one (`reset()`), the draw continues
    /// the environment's own stream; an environment never seeded starts that stream as
    /// `reset(seed: 0)` does. The draws are uniform in Gymnasium's ranges but do not
    /// reproduce NumPy's numbers.
    ///
    /// ```swift
    /// let (observation, _) = env.reset(seed: 42)
    /// ```
    func reset(seed: Int?) -> (observation: [Float], info: EnvironmentInfo)

    /// Advances one step with `action` and returns observation, reward, terminated, truncated.
    ///
    /// ```swift
    /// let result = env.step(action)
    /// if result.terminated || result.truncated { _ = env.reset() }
    /// ```
    func step(_ action: Action) -> StepResult
}

extension Environment {
    /// Starts an episode continuing the environment's own stream: `reset(seed: nil)`.
    @inlinable
    public func reset() -> (observation: [Float], info: EnvironmentInfo) {
        reset(seed: nil)
    }
}

/// An environment whose actions are integers `0..<actionSpace.n`.
public protocol DiscreteEnvironment: Environment where Action == Int {
    /// The actions; `actionSpace.n` is the number of choices.
    var actionSpace: Discrete { get }
}

/// An environment whose actions are `[Float]` vectors of `actionSpace.count` values.
///
/// Out-of-bound actions are clipped as Gymnasium clips them; a wrong number of values or
/// a value that is not finite stops the program with a message.
public protocol ContinuousEnvironment: Environment where Action == [Float] {
    /// The actions' bounds and shape.
    var actionSpace: Box { get }
}
