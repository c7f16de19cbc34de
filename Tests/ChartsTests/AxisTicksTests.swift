import Foundation
import Charts
import Testing

@Suite struct AxisTicksTests {
    @Test func cartPoleReturnsGetHundreds() {
        let ticks = AxisTicks(covering: [0, 500])
        #expect(ticks.values == [0, 100, 200, 300, 400, 500])
        #expect(ticks.labels == ["0", "100", "200", "300", "400", "500"])
        #expect(ticks.lower == 0 && ticks.upper == 500)
    }

    @Test func pendulumReturnsGetNegativeTicksWithATrueMinus() {
        let ticks = AxisTicks(covering: [-1600, -100])
        #expect(ticks.step == 200)
        #expect(ticks.lower == -1600 && ticks.upper == 0)
        #expect(ticks.labels.first == "\u{2212}1600")
        #expect(ticks.labels.last == "0")
    }

    @Test func tinyRangesGetEnoughDecimals() {
        let ticks = AxisTicks(covering: [0.001, 0.0012])
        #expect(ticks.lower <= 0.001 && ticks.upper >= 0.0012)
        #expect(ticks.values.count >= 3 && ticks.values.count <= 8)
        #expect(ticks.labels == ["0.00100", "0.00105", "0.00110", "0.00115", "0.00120"])
        #expect(Set(ticks.labels).count == ticks.labels.count)
    }

    @Test func constantDataGetARangeAroundTheValue() {
        let ticks = AxisTicks(covering: [500, 500, 500])
        #expect(ticks.lower < 500 && ticks.upper > 500)
        #expect(ticks.values.contains(500))
        let zero = AxisTicks(covering: [0, 0])
        #expect(zero.lower == -1 && zero.upper == 1)
    }

    @Test func nonFiniteValuesAreIgnoredAndNoDataGivesZeroToOne() {
        let ticks = AxisTicks(covering: [.nan, 3, .infinity, 7, -.infinity])
        #expect(ticks.lower <= 3 && ticks.upper >= 7 && ticks.upper <= 8)
        #expect(ticks.values.allSatisfy { $0.isFinite })
        let none = AxisTicks(covering: [.nan])
        #expect(none.lower == 0 && none.upper == 1)
        #expect(AxisTicks(covering: []).values.first == 0)
    }

    @Test func stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        for (low, high) in [(0.0, 1.0), (-3.0, 17.0), (12.0, 9_876.0), (0.0, 1e6), (-0.02, 0.37), (1e-7, 3e-7)] {
            let ticks = AxisTicks(covering: [low, high])
            let mantissa = ticks.step / pow(10, (log10(ticks.step)).rounded(.down))
            #expect([1, 2, 5].contains { abs(mantissa - $0) < 1e-9 }, "\(low)...\(high): step \(ticks.step)")
            #expect(ticks.lower <= low && ticks.upper >= high)
            #expect((3 ... 11).contains(ticks.values.count), "\(low)...\(high): \(ticks.values.count) ticks")
        }
    }

    @Test func largeNumbersUseThousandsAndMillionsSuffixes() {
        #expect(AxisTicks(covering: [0, 200_000]).labels.last == "200k")
        #expect(AxisTicks(covering: [0, 1_000_000]).labels.last == "1.0M")
        #expect(AxisTicks(covering: [0, 1_000_000]).labels.contains("0.2M"))
    }

    @Test func aFixedRangeKeepsItsBoundsAndPutsTicksInside() {
        let ticks = AxisTicks(within: 0 ... 510)
        #expect(ticks.lower == 0 && ticks.upper == 510)
        #expect(ticks.values.allSatisfy { $0 >= 0 && $0 <= 510 })
        #expect(ticks.values.last == 500)
    }
}

@Suite struct LogarithmicTicksTests {
    @Test func wideRangesGetPowersOfTen() {
        let ticks = AxisTicks(covering: [3, 4000], scale: .logarithmic)
        #expect(ticks.values == [1, 10, 100, 1000, 10000])
        #expect(ticks.labels == ["1", "10", "100", "1k", "10k"])
        #expect(ticks.lower == 1 && ticks.upper == 10000)
    }

    @Test func narrowRangesAddTwosAndFives() {
        let ticks = AxisTicks(covering: [20, 500], scale: .logarithmic)
        #expect(ticks.values == [10, 20, 50, 100, 200, 500, 1000])
        #expect(ticks.labels.last == "1k")
    }

    @Test func zeroNegativeAndNonFiniteValuesAreIgnored() {
        let ticks = AxisTicks(covering: [0, -5, .nan, 0.02, 0.3], scale: .logarithmic)
        #expect(ticks.lower == 0.01 && ticks.upper == 1)
        #expect(ticks.labels.first == "0.01")
        #expect(AxisTicks(covering: [-1, 0], scale: .logarithmic).values == [1, 2, 5, 10])
    }

    @Test func aFixedPositiveRangeKeepsItsBounds() {
        let ticks = AxisTicks(within: 0.5 ... 2000, scale: .logarithmic)
        #expect(ticks.lower == 0.5 && ticks.upper == 2000)
        #expect(ticks.values == [1, 10, 100, 1000])
    }
}
