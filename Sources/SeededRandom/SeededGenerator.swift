import Foundation

/// A fast, explicitly seeded pseudo-random generator (xoshiro256**).
///
/// The same seed gives the same stream of numbers on the same machine, bit for bit.
/// It is a value type: copy it and the copy continues the same stream independently,
/// so several training runs on different threads never share state.
///
/// ```swift
/// var rng = SeededGenerator(seed: 42)
/// let u = rng.nextFloat()          // uniform in [0, 1)
/// let z = rng.nextNormal()         // standard normal
/// let i = rng.nextInt(below: 6)    // 0...5, unbiased
/// ```
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var s0, s1, s2, s3: UInt64

    /// The seed this generator was created from.
    public let seed: UInt64

    /// Creates a generator whose whole stream is determined by `seed`.
    ///
    /// The 256-bit state is filled from `seed` with SplitMix64, as the xoshiro
    /// authors recommend, so nearby seeds give unrelated streams.
    public init(seed: UInt64) {
        self.seed = seed
        var mixer = SplitMix64(state: seed)
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
    }

    /// Creates a generator from a signed seed, as notebooks write them (`seed: 0`).
    public init(seed: Int) {
        self.init(seed: UInt64(bitPattern: Int64(seed)))
    }

    /// The next 64 random bits.
    @inlinable
    public mutating func next() -> UInt64 {
        nextBits()
    }

    @usableFromInline
    mutating func nextBits() -> UInt64 {
        let result = rotateLeft(s1 &* 5, by: 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, by: 45)
        return result
    }

    /// A uniform `Float` in `[0, 1)` with 24 random bits.
    @inlinable
    public mutating func nextFloat() -> Float {
        Float(nextBits() >> 40) * 0x1.0p-24
    }

    /// A uniform `Double` in `[0, 1)` with 53 random bits.
    @inlinable
    public mutating func nextDouble() -> Double {
        Double(nextBits() >> 11) * 0x1.0p-53
    }

    /// A uniform `Double` in `[low, high)`, like NumPy's `uniform(low, high)`.
    @inlinable
    public mutating func nextDouble(from low: Double, to high: Double) -> Double {
        low + (high - low) * nextDouble()
    }

    /// A standard normal sample (mean 0, standard deviation 1), by the Box-Muller transform.
    ///
    /// Each call draws two uniforms and returns one normal, so the stream position
    /// after `n` calls does not depend on any cached state.
    @inlinable
    public mutating func nextNormal() -> Double {
        // 1 - u lies in (0, 1], so the logarithm is finite.
        let u1 = 1.0 - nextDouble()
        let u2 = nextDouble()
        return (-2.0 * log(u1)).squareRoot() * cos(2.0 * Double.pi * u2)
    }

    /// A uniform integer in `0..<bound`, without modulo bias (Lemire's method).
    ///
    /// - Precondition: `bound > 0`.
    @inlinable
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "nextInt(below:) needs a positive bound, got \(bound)")
        let range = UInt64(bound)
        var product = nextBits().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = nextBits().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }

    /// An independent generator for sub-stream `stream`, derived from this one's seed.
    ///
    /// Use it to give each part of a program (an environment, a network's
    /// initialisation, a minibatch shuffler) its own reproducible stream.
    public func derived(stream: UInt64) -> SeededGenerator {
        var mixer = SplitMix64(state: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        return SeededGenerator(seed: mixer.next())
    }
}

@inlinable
func rotateLeft(_ x: UInt64, by k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 - k))
}
