import Agents
import Testing

@Suite struct ReturnsTests {
    @Test func discountsBackwardsFromTheLastReward() {
        // G2 = 1, G1 = 1 + 0.5 * 1 = 1.5, G0 = 1 + 0.5 * 1.5 = 1.75.
        #expect(discountedReturns([1, 1, 1], gamma: 0.5) == [1.75, 1.5, 1.0])
        // A reward only at the end reaches the start discounted twice: 0.9 * 0.9 * 10.
        let delayed = discountedReturns([0, 0, 10], gamma: 0.9)
        #expect(abs(delayed[0] - 8.1) < 1e-12 && abs(delayed[1] - 9) < 1e-12 && delayed[2] == 10)
        #expect(discountedReturns([], gamma: 0.99).isEmpty)
    }

    @Test func normalisesWithTheSampleStandardDeviation() {
        // Mean 17/12; squared deviations sum to 7/24, over n - 1 = 2 gives a std of sqrt(7/48);
        // (x - mean) / std is then (1/3, 1/12, -5/12) / sqrt(7/48). The 1e-8 added to the std
        // moves the results by about 2e-8.
        let scaled = normalized([1.75, 1.5, 1.0])
        let std = (7.0 / 48).squareRoot()
        let expected = [1.0 / 3, 1.0 / 12, -5.0 / 12].map { $0 / std }
        #expect(abs(expected[0] - 0.8728715609) < 1e-9)
        for (value, target) in zip(scaled, expected) { #expect(abs(value - target) < 1e-7) }
        #expect(abs(scaled.reduce(0, +)) < 1e-12)
        #expect(normalized([5]) == [0])
    }
}
