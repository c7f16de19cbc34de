/// What the policy outputs: a categorical over a few actions, or a Gaussian over a box.
public enum PolicyKind: Sendable, Equatable {
    /// `count` discrete actions; the actor head gives one logit per action.
    case categorical(count: Int)
    /// Real actions of `low.count` dimensions; the actor head gives the mean, a learned
    /// state-independent log-std gives the spread, and actions are clipped to `low...high`
    /// when the environment is stepped.
    case gaussian(low: [Float], high: [Float])

    /// Numbers the actor head outputs per state.
    public var actorOutputSize: Int {
        switch self {
        case .categorical(let count): return count
        case .gaussian(let low, _): return low.count
        }
    }

    /// Numbers one stored action holds: 1 (the action's index) or the action dimensions.
    public var actionSize: Int {
        switch self {
        case .categorical: return 1
        case .gaussian(let low, _): return low.count
        }
    }
}
