/// How wide a band around a mean across runs is drawn.
public enum Spread: Equatable, Sendable {
    /// From the smallest to the largest run at each x.
    case minMax
    /// The mean plus and minus this many standard deviations.
    case standardDeviations(Double)
}
