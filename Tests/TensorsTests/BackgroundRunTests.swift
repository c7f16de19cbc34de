import Dispatch
import Foundation
import SeededRandom
import Tensors
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

    @Test func aFinishedRunGivesItsValueAtOnce() {
        let run = BackgroundRun.finished([1, 2, 3])
        #expect(run.value == [1, 2, 3])
    }

    @Test func manyRunsWaitAtOnce() {
        // Each run waits until all of them have started: a pool of a few threads would leave
        // the later ones queued and the earlier ones waiting in vain.
        let count = 32
        let arrivals = NSCondition()
        var arrived = 0
        let runs = (0..<count).map { _ in
            BackgroundRun { () -> Bool in
                arrivals.lock()
                defer { arrivals.unlock() }
                arrived += 1
                arrivals.broadcast()
                let deadline = Date().addingTimeInterval(30)
                while arrived < count { if !arrivals.wait(until: deadline) { return false } }
                return true
            }
        }
        let arrivedInTime = runs.map(\.value)
        #expect(!arrivedInTime.contains(false))
    }
}
