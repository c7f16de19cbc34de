/// The 0-based index of the first point at which the trailing `window`-point average of
/// `values` reaches `target`, or nil if it never does. Only full windows count, as in the
/// lesson's "first episode whose 100-episode average is at least 195".
public func firstIndexReaching(_ target: Double, movingAverageOf values: [Double], window: Int) -> Int? {
    movingAverage(values, window: window).firstIndex { $0 >= target }.map { $0 + window - 1 }
}
