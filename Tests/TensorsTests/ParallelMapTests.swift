import SeededRandom
import Tensors
import Testing

@Suite("parallelMap")
struct ParallelMapTests {
    @Test func parallelSeedsMatchSerialInSeedOrder() {
        let work: (Int) -> [UInt64] = { seed in
            var rng = SeededGenerator(seed: seed)
            return (0..<1000).map { _ in rng.next() }
        }
        let seeds = [4, 0, 3, 1, 2]
        #expect(parallelMap(seeds: seeds, work) == seeds.map(work))
    }

    @Test func parallelItemsKeepTheirOrder() {
        let items = (0..<40).map { ("job", $0) }
        #expect(parallelMap(items) { $0.1 * $0.1 } == (0..<40).map { $0 * $0 })
    }

    @Test func gridsGroupResultsBySettingInSeedOrder() {
        let runs = parallelGrid(["a", "b"], seeds: [3, 1, 2]) { setting, seed in "\(setting)\(seed)" }
        #expect(runs == [["a3", "a1", "a2"], ["b3", "b1", "b2"]])
    }

    /// An item that draws from the default generator without seeding itself gets the same
    /// numbers whatever ran before it on its thread: many items on few threads, run twice
    /// with different amounts of earlier drawing, must agree item by item.
    @Test func anItemThatDoesNotSeedItselfDependsOnlyOnItsIndex() {
        let first = parallelMap(Array(0..<24)) { item -> [Float] in
            _ = Tensor.randn([item * 7 + 1])  // uneven earlier drawing on this item's thread
            return Tensor.randn([4]).scalars
        }
        let second = parallelMap(Array(0..<24)) { _ -> [Float] in
            Tensor.randn([4]).scalars
        }
        let firstDraws = parallelMap(Array(0..<24)) { item -> [Float] in
            Tensor.randn([item * 7 + 1 + 4]).scalars.suffix(4).map { $0 }
        }
        #expect(first == firstDraws)
        #expect(Set(second.map { $0.map(\.bitPattern) }).count == 24, "every index has its own stream")
        // The calling thread's generator is left as it was.
        manualSeed(3)
        let expected = Tensor.randn([2]).scalars
        manualSeed(3)
        _ = parallelMap([1, 2, 3]) { Tensor.randn([$0]).scalars }
        #expect(Tensor.randn([2]).scalars == expected)
    }
}
