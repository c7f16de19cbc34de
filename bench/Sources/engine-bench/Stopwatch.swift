import Dispatch

/// Times a closure: a warm-up, then many short rounds of repeated calls; reports the
/// fastest round's time per call in microseconds. Short rounds (about 10 ms) make it
/// likely that some of them run undisturbed when other work shares the machine.
enum Stopwatch {
    static func microsecondsPerCall(calls: Int, rounds: Int = 40, _ body: () -> Void) -> Double {
        for _ in 0..<max(calls / 10, 1) { body() }
        var best = Double.infinity
        for _ in 0..<rounds {
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<calls { body() }
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start)
            best = min(best, elapsed / Double(calls) / 1000)
        }
        return best
    }
}
