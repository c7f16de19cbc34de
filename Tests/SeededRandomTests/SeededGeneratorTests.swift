import SeededRandom
import Testing

@Suite struct SeededGeneratorTests {
    @Test func sameSeedGivesSameStream() {
        var a = SeededGenerator(seed: 7)
        var b = SeededGenerator(seed: 7)
        for _ in 0..<1000 { #expect(a.next() == b.next()) }
    }

    @Test func differentSeedsDiffer() {
        var a = SeededGenerator(seed: 0)
        var b = SeededGenerator(seed: 1)
        #expect((0..<8).map { _ in a.next() } != (0..<8).map { _ in b.next() })
    }

    @Test func uniformsStayInRangeWithTheRightMean() {
        var rng = SeededGenerator(seed: 3)
        var sum = 0.0
        for _ in 0..<100_000 {
            let f = rng.nextFloat()
            let d = rng.nextDouble()
            #expect(f >= 0 && f < 1)
            #expect(d >= 0 && d < 1)
            sum += d
        }
        #expect(abs(sum / 100_000 - 0.5) < 0.01)
    }

    @Test func normalsHaveUnitVariance() {
        var rng = SeededGenerator(seed: 11)
        let n = 200_000
        let samples = (0..<n).map { _ in rng.nextNormal() }
        let mean = samples.reduce(0, +) / Double(n)
        let variance = samples.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n)
        #expect(abs(mean) < 0.01)
        #expect(abs(variance - 1) < 0.02)
    }

    @Test func integersCoverTheRangeEvenly() {
        var rng = SeededGenerator(seed: 5)
        var counts = [Int](repeating: 0, count: 6)
        for _ in 0..<60_000 { counts[rng.nextInt(below: 6)] += 1 }
        for count in counts { #expect(abs(count - 10_000) < 500) }
    }

    @Test func derivedStreamsAreIndependentAndReproducible() {
        let root = SeededGenerator(seed: 9)
        var a = root.derived(stream: 1)
        var again = root.derived(stream: 1)
        var b = root.derived(stream: 2)
        let first = a.next()
        #expect(first == again.next())
        #expect(first != b.next())
    }
}
