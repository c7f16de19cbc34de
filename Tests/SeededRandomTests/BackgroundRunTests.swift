import Dispatch
import SeededRandom
import Testing

@Suite struct BackgroundRunTests {
    @Test func startsAtOnceAndGivesTheSerialResult() {
        let started = DispatchSemaphore(value: 0)
        let run = BackgroundRun { () -> [UInt64] in
            started.signal()
            return [3, 4, 5].map { seed -> UInt64 in
                var generator = SeededGenerator(seed: seed)
                return (0..<1000).reduce(0) { total, _ in total &+ generator.next() }
            }
        }
        // The work begins before anyone asks for its value.
        #expect(started.wait(timeout: .now() + 30) == .success)
        let serial = [3, 4, 5].map { seed -> UInt64 in
            var generator = SeededGenerator(seed: seed)
            return (0..<1000).reduce(0) { total, _ in total &+ generator.next() }
        }
        #expect(run.value == serial)
        #expect(run.value == serial)  // reading again gives the same, without running again
    }
}
