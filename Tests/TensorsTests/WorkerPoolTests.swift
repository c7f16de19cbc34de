import SeededRandom
import Tensors
import Testing

/// Every `parallelMap` shares the program's workers: calls from background runs, calls from
/// the items of other calls, and the calls a cell waits for, all at once.
@Suite struct WorkerPoolTests {
    private static func draws(_ seed: Int) -> [UInt64] {
        var generator = SeededGenerator(seed: seed)
        return (0..<2000).map { _ in generator.next() }
    }

    @Test func callsFromInsideItemsFinish() {
        let nested = parallelMap(Array(0..<6)) { outer in parallelMap(Array(0..<5)) { inner in outer * 10 + inner } }
        #expect(nested == (0..<6).map { outer in (0..<5).map { outer * 10 + $0 } })
    }

    @Test func backgroundAndWaitingCallsGiveTheSerialResults() {
        let seeds = Array(0..<7)
        let serial = seeds.map(Self.draws)
        let background = (0..<6).map { _ in BackgroundRun { parallelMap(seeds: seeds, Self.draws) } }
        let waiting = parallelMap(seeds: seeds, Self.draws)
        #expect(waiting == serial)
        for run in background { #expect(run.value == serial) }
    }
}
