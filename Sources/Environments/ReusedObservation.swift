/// The array an environment's array forms (`reset(seed:)`, `step(_:)`) return observations in.
///
/// One array is kept and refilled in place whenever the caller has let go of the one returned
/// before (as a loop that reads each observation and moves on does), so those forms allocate
/// nothing; when the caller still holds it, copy-on-write gives a fresh array for the new
/// observation and the held one is left as it was.
struct ReusedObservation {
    private var values: [Float]

    /// An array of `count` values.
    init(count: Int) {
        values = Array(repeating: 0, count: count)
    }

    /// Lets `write` fill the array and returns what it returns, with the filled array.
    @inline(__always)
    mutating func fill<Result>(_ write: (UnsafeMutablePointer<Float>) -> Result) -> (Result, [Float]) {
        let result = values.withUnsafeMutableBufferPointer { write($0.baseAddress!) }
        return (result, values)
    }
}
