/// Matrix loops on raw row-major storage, written so the compiler keeps a tile of
/// the result in vector registers while streaming the inputs.
///
/// The products ADD into `c`; callers start from zeros, a bias, or an existing gradient. With
/// `fromZero` they write `0 + product` instead, never reading `c`: the bits of adding into zeros
/// (a zero sum comes out `+0` either way), without filling the buffer with zeros first.
enum MatrixKernels {
    typealias Vector = SIMD8<Float>

    /// c[m, n] += a · b (or, `fromZero`, c = 0 + a · b), where a(i, p) is read at
    /// `a[i * aRowStride + p * aColumnStride]` and b is a row-major `[k, n]` matrix. With strides
    /// `(k, 1)` this is A·B; with strides `(1, m)` on a stored `[k, m]` matrix it is Aᵀ·B.
    static func multiply(
        _ a: UnsafePointer<Float>, aRowStride: Int, aColumnStride: Int,
        _ b: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>,
        m: Int, k: Int, n: Int, fromZero: Bool = false
    ) {
        let width = Vector.scalarCount
        if n < width && m >= 2 * width && aRowStride == 1 && aColumnStride == m {
            multiplyNarrow(a, b, into: c, m: m, k: k, n: n, fromZero: fromZero)
            return
        }
        var i = 0
        if n % (2 * width) == 0 {
            while i + 6 <= m {
                for j in stride(from: 0, to: n, by: 2 * width) {
                    multiplyTile6x16(a + i * aRowStride, aRowStride, aColumnStride, b + j, c + i * n + j, k: k, n: n, fromZero: fromZero)
                }
                i += 6
            }
        }
        while i + 4 <= m {
            var j = 0
            while j + 2 * width <= n {
                multiplyTile4x16(a + i * aRowStride, aRowStride, aColumnStride, b + j, c + i * n + j, k: k, n: n, fromZero: fromZero)
                j += 2 * width
            }
            while j + width <= n {
                var c0 = start(c + i * n + j, fromZero), c1 = start(c + (i + 1) * n + j, fromZero)
                var c2 = start(c + (i + 2) * n + j, fromZero), c3 = start(c + (i + 3) * n + j, fromZero)
                var aPointer = a + i * aRowStride
                var bPointer = b + j
                for _ in 0..<k {
                    let row = load(bPointer)
                    c0 = c0.addingProduct(aPointer[0], row)
                    c1 = c1.addingProduct(aPointer[aRowStride], row)
                    c2 = c2.addingProduct(aPointer[2 * aRowStride], row)
                    c3 = c3.addingProduct(aPointer[3 * aRowStride], row)
                    aPointer += aColumnStride
                    bPointer += n
                }
                store(c0, c + i * n + j)
                store(c1, c + (i + 1) * n + j)
                store(c2, c + (i + 2) * n + j)
                store(c3, c + (i + 3) * n + j)
                j += width
            }
            for row in i..<(i + 4) {
                multiplyRowTail(a + row * aRowStride, aColumnStride, b, c + row * n, k: k, n: n, from: j, fromZero: fromZero)
            }
            i += 4
        }
        while i < m {
            var j = 0
            while j + 4 * width <= n {
                multiplyRow32(a + i * aRowStride, aColumnStride, b + j, c + i * n + j, k: k, n: n, fromZero: fromZero)
                j += 4 * width
            }
            while j + width <= n {
                var c0 = start(c + i * n + j, fromZero)
                var aPointer = a + i * aRowStride
                var bPointer = b + j
                for _ in 0..<k {
                    c0 = c0.addingProduct(aPointer[0], load(bPointer))
                    aPointer += aColumnStride
                    bPointer += n
                }
                store(c0, c + i * n + j)
                j += width
            }
            multiplyRowTail(a + i * aRowStride, aColumnStride, b, c + i * n, k: k, n: n, from: j, fromZero: fromZero)
            i += 1
        }
    }

    /// c[m, n] += aᵀ · b for a stored `[k, m]` matrix `a` and a result too narrow to
    /// vectorise along its rows (a first layer's weight gradient, say): computes the
    /// wide transpose bᵀ·a instead and adds it back transposed.
    private static func multiplyNarrow(
        _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>,
        m: Int, k: Int, n: Int, fromZero: Bool
    ) {
        let transposed = ThreadContext.current.scratchBuffer(count: n * m)
        multiply(b, aRowStride: 1, aColumnStride: n, a, into: transposed, m: n, k: k, n: m, fromZero: true)
        var source = transposed
        for j in 0..<n {
            var destination = c + j
            for i in 0..<m {
                destination.pointee = (fromZero ? 0 : destination.pointee) + source[i]
                destination += n
            }
            source += m
        }
    }

    /// A 6-row, 16-column block of `multiply`, held in twelve vector registers over the whole of `k`:
    /// enough independent sums to keep both FMA units busy through their latency. Each value of `c`
    /// gets the same chain of fused multiply-adds as in the smaller blocks, so the bits are the same.
    @inline(__always)
    private static func multiplyTile6x16(
        _ a: UnsafePointer<Float>, _ aRowStride: Int, _ aColumnStride: Int,
        _ b: UnsafePointer<Float>, _ c: UnsafeMutablePointer<Float>, k: Int, n: Int, fromZero: Bool
    ) {
        let width = Vector.scalarCount
        var c00 = start(c, fromZero), c01 = start(c + width, fromZero)
        var c10 = start(c + n, fromZero), c11 = start(c + n + width, fromZero)
        var c20 = start(c + 2 * n, fromZero), c21 = start(c + 2 * n + width, fromZero)
        var c30 = start(c + 3 * n, fromZero), c31 = start(c + 3 * n + width, fromZero)
        var c40 = start(c + 4 * n, fromZero), c41 = start(c + 4 * n + width, fromZero)
        var c50 = start(c + 5 * n, fromZero), c51 = start(c + 5 * n + width, fromZero)
        var aPointer = a
        var bPointer = b
        for _ in 0..<k {
            let left = load(bPointer), right = load(bPointer + width)
            let a0 = Vector(repeating: aPointer[0]), a1 = Vector(repeating: aPointer[aRowStride])
            c00 = c00.addingProduct(a0, left)
            c01 = c01.addingProduct(a0, right)
            c10 = c10.addingProduct(a1, left)
            c11 = c11.addingProduct(a1, right)
            let a2 = Vector(repeating: aPointer[2 * aRowStride]), a3 = Vector(repeating: aPointer[3 * aRowStride])
            c20 = c20.addingProduct(a2, left)
            c21 = c21.addingProduct(a2, right)
            c30 = c30.addingProduct(a3, left)
            c31 = c31.addingProduct(a3, right)
            let a4 = Vector(repeating: aPointer[4 * aRowStride]), a5 = Vector(repeating: aPointer[5 * aRowStride])
            c40 = c40.addingProduct(a4, left)
            c41 = c41.addingProduct(a4, right)
            c50 = c50.addingProduct(a5, left)
            c51 = c51.addingProduct(a5, right)
            aPointer += aColumnStride
            bPointer += n
        }
        store(c00, c)
        store(c01, c + width)
        store(c10, c + n)
        store(c11, c + n + width)
        store(c20, c + 2 * n)
        store(c21, c + 2 * n + width)
        store(c30, c + 3 * n)
        store(c31, c + 3 * n + width)
        store(c40, c + 4 * n)
        store(c41, c + 4 * n + width)
        store(c50, c + 5 * n)
        store(c51, c + 5 * n + width)
    }

    /// A 4-row, 16-column block of `multiply`, held in eight vector registers over the whole of `k`.
    @inline(__always)
    private static func multiplyTile4x16(
        _ a: UnsafePointer<Float>, _ aRowStride: Int, _ aColumnStride: Int,
        _ b: UnsafePointer<Float>, _ c: UnsafeMutablePointer<Float>, k: Int, n: Int, fromZero: Bool
    ) {
        let width = Vector.scalarCount
        var c00 = start(c, fromZero), c01 = start(c + width, fromZero)
        var c10 = start(c + n, fromZero), c11 = start(c + n + width, fromZero)
        var c20 = start(c + 2 * n, fromZero), c21 = start(c + 2 * n + width, fromZero)
        var c30 = start(c + 3 * n, fromZero), c31 = start(c + 3 * n + width, fromZero)
        var aPointer = a
        var bPointer = b
        for _ in 0..<k {
            let left = load(bPointer), right = load(bPointer + width)
            let a0 = aPointer[0], a1 = aPointer[aRowStride]
            let a2 = aPointer[2 * aRowStride], a3 = aPointer[3 * aRowStride]
            c00 = c00.addingProduct(a0, left)
            c01 = c01.addingProduct(a0, right)
            c10 = c10.addingProduct(a1, left)
            c11 = c11.addingProduct(a1, right)
            c20 = c20.addingProduct(a2, left)
            c21 = c21.addingProduct(a2, right)
            c30 = c30.addingProduct(a3, left)
            c31 = c31.addingProduct(a3, right)
            aPointer += aColumnStride
            bPointer += n
        }
        store(c00, c)
        store(c01, c + width)
        store(c10, c + n)
        store(c11, c + n + width)
        store(c20, c + 2 * n)
        store(c21, c + 2 * n + width)
        store(c30, c + 3 * n)
        store(c31, c + 3 * n + width)
    }

    /// 32 columns of one row of `multiply`: four independent sums, so that a lone row (a head's weight
    /// gradient) is not held up by the latency of one chain of fused multiply-adds.
    @inline(__always)
    private static func multiplyRow32(
        _ a: UnsafePointer<Float>, _ aColumnStride: Int, _ b: UnsafePointer<Float>,
        _ c: UnsafeMutablePointer<Float>, k: Int, n: Int, fromZero: Bool
    ) {
        let width = Vector.scalarCount
        var c0 = start(c, fromZero), c1 = start(c + width, fromZero)
        var c2 = start(c + 2 * width, fromZero), c3 = start(c + 3 * width, fromZero)
        var aPointer = a
        var bPointer = b
        for _ in 0..<k {
            let value = Vector(repeating: aPointer[0])
            c0 = c0.addingProduct(value, load(bPointer))
            c1 = c1.addingProduct(value, load(bPointer + width))
            c2 = c2.addingProduct(value, load(bPointer + 2 * width))
            c3 = c3.addingProduct(value, load(bPointer + 3 * width))
            aPointer += aColumnStride
            bPointer += n
        }
        store(c0, c)
        store(c1, c + width)
        store(c2, c + 2 * width)
        store(c3, c + 3 * width)
    }

    /// One row of `multiply` for the columns from `start` on, one value at a time.
    @inline(__always)
    private static func multiplyRowTail(
        _ a: UnsafePointer<Float>, _ aColumnStride: Int, _ b: UnsafePointer<Float>,
        _ c: UnsafeMutablePointer<Float>, k: Int, n: Int, from first: Int, fromZero: Bool
    ) {
        var j = first
        while j < n {
            var total: Float = 0
            var p = 0
            while p < k {
                total += a[p &* aColumnStride] * b[p &* n &+ j]
                p &+= 1
            }
            c[j] = (fromZero ? 0 : c[j]) + total
            j &+= 1
        }
    }

    /// c[m, n] += a[m, k] · b[n, k]ᵀ. Few rows or few columns use dot products
    /// directly; otherwise `b` is transposed once and `multiply` does the work.
    static func multiplyTransposed(
        _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>,
        m: Int, k: Int, n: Int
    ) {
        if m <= 4 || n < Vector.scalarCount {
            let width = Vector.scalarCount
            var i = 0
            if n < width {
                // Few columns (a policy or value head): four rows' dot products side by side.
                while i + 4 <= m {
                    for j in 0..<n {
                        let sums = dot4(a + i * k, rowStride: k, b + j * k, count: k)
                        c[i * n + j] += sums.0
                        c[(i + 1) * n + j] += sums.1
                        c[(i + 2) * n + j] += sums.2
                        c[(i + 3) * n + j] += sums.3
                    }
                    i += 4
                }
            }
            for i in i..<m {
                var j = 0
                while j + width <= n {
                    let sums = dot8(a + i * k, b + j * k, rowStride: k, count: k)
                    store(load(c + i * n + j) + sums, c + i * n + j)
                    j += width
                }
                while j < n {
                    c[i * n + j] += dot(a + i * k, b + j * k, count: k)
                    j += 1
                }
            }
            return
        }
        let transposed = ThreadContext.current.scratchBuffer(count: k * n)
        transpose(b, rows: n, columns: k, into: transposed)
        multiply(a, aRowStride: k, aColumnStride: 1, transposed, into: c, m: m, k: k, n: n)
    }

    /// Writes the transpose of the row-major `[rows, columns]` matrix `x` into `result` (`[columns, rows]`),
    /// eight by eight rows and columns at a time where it can.
    static func transpose(_ x: UnsafePointer<Float>, rows: Int, columns: Int, into result: UnsafeMutablePointer<Float>) {
        let width = Vector.scalarCount
        var row = 0
        while row + width <= rows {
            var column = 0
            while column + width <= columns {
                let source = x + row * columns + column
                var block = (load(source), load(source + columns), load(source + 2 * columns), load(source + 3 * columns),
                             load(source + 4 * columns), load(source + 5 * columns), load(source + 6 * columns),
                             load(source + 7 * columns))
                // Each round moves the block's 64 values, read row by row, to the even-indexed ones
                // followed by the odd-indexed ones: it rotates the six bits of a value's index by one
                // place, so three rounds turn (row, column) into (column, row).
                for _ in 0..<3 {
                    block = (Vector(lowHalf: block.0.evenHalf, highHalf: block.1.evenHalf),
                             Vector(lowHalf: block.2.evenHalf, highHalf: block.3.evenHalf),
                             Vector(lowHalf: block.4.evenHalf, highHalf: block.5.evenHalf),
                             Vector(lowHalf: block.6.evenHalf, highHalf: block.7.evenHalf),
                             Vector(lowHalf: block.0.oddHalf, highHalf: block.1.oddHalf),
                             Vector(lowHalf: block.2.oddHalf, highHalf: block.3.oddHalf),
                             Vector(lowHalf: block.4.oddHalf, highHalf: block.5.oddHalf),
                             Vector(lowHalf: block.6.oddHalf, highHalf: block.7.oddHalf))
                }
                let destination = result + column * rows + row
                store(block.0, destination)
                store(block.1, destination + rows)
                store(block.2, destination + 2 * rows)
                store(block.3, destination + 3 * rows)
                store(block.4, destination + 4 * rows)
                store(block.5, destination + 5 * rows)
                store(block.6, destination + 6 * rows)
                store(block.7, destination + 7 * rows)
                column += width
            }
            for c in column..<columns {
                for r in row..<(row + width) { result[c * rows + r] = x[r * columns + c] }
            }
            row += width
        }
        for r in row..<rows {
            for c in 0..<columns { result[c * rows + r] = x[r * columns + c] }
        }
    }

    /// sums[j] += Σᵢ x[i, j] (or, `fromZero`, sums[j] = 0 + Σᵢ x[i, j]) over the rows of a row-major
    /// `[rows, columns]` matrix (the bias gradient of a linear layer).
    static func addColumnSums(_ x: UnsafePointer<Float>, rows: Int, columns: Int, into sums: UnsafeMutablePointer<Float>,
                              fromZero: Bool = false) {
        let width = Vector.scalarCount
        var j = 0
        while j + width <= columns {
            var total = start(sums + j, fromZero)
            for i in 0..<rows { total += load(x + i * columns + j) }
            store(total, sums + j)
            j += width
        }
        while j < columns {
            var total = fromZero ? 0 : sums[j]
            for i in 0..<rows { total += x[i * columns + j] }
            sums[j] = total
            j += 1
        }
    }

    /// Σ x[i]² over `count` contiguous values, accumulated eight lanes at a time.
    static func sumOfSquares(_ x: UnsafePointer<Float>, count: Int) -> Float {
        let width = Vector.scalarCount
        var partial = Vector()
        var p = 0
        while p + width <= count {
            let value = load(x + p)
            partial = partial.addingProduct(value, value)
            p += width
        }
        var total = horizontalSum(partial)
        while p < count {
            total += x[p] * x[p]
            p += 1
        }
        return total
    }

    /// Copies `row` (`count` values) into each of `rows` consecutive rows of `result`, eight columns
    /// at a time into every row, then the remaining columns.
    static func repeatRow(_ row: UnsafePointer<Float>, count: Int, rows: Int, into result: UnsafeMutablePointer<Float>) {
        let width = Vector.scalarCount
        var j = 0
        while j + width <= count {
            let values = load(row + j)
            var destination = result + j
            for _ in 0..<rows {
                store(values, destination)
                destination += count
            }
            j += width
        }
        while j < count {
            let value = row[j]
            var destination = result + j
            for _ in 0..<rows {
                destination.pointee = value
                destination += count
            }
            j += 1
        }
    }

    /// x[i] *= factor over `count` contiguous values, eight at a time.
    static func scale(_ x: UnsafeMutablePointer<Float>, count: Int, by factor: Float) {
        let width = Vector.scalarCount
        var p = 0
        while p + width <= count {
            store(load(x + p) * factor, x + p)
            p += width
        }
        while p < count {
            x[p] *= factor
            p += 1
        }
    }

    /// The dot products of one run `x` with eight runs starting at `y`, `rowStride` apart, as one
    /// vector: eight accumulators held in registers over the run, then summed lane-wise together.
    @inline(__always)
    static func dot8(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, rowStride: Int, count: Int) -> Vector {
        let width = Vector.scalarCount
        var s0 = Vector(), s1 = Vector(), s2 = Vector(), s3 = Vector()
        var s4 = Vector(), s5 = Vector(), s6 = Vector(), s7 = Vector()
        var p = 0
        while p + width <= count {
            let value = load(x + p)
            s0 = s0.addingProduct(value, load(y + p))
            s1 = s1.addingProduct(value, load(y + rowStride + p))
            s2 = s2.addingProduct(value, load(y + 2 * rowStride + p))
            s3 = s3.addingProduct(value, load(y + 3 * rowStride + p))
            s4 = s4.addingProduct(value, load(y + 4 * rowStride + p))
            s5 = s5.addingProduct(value, load(y + 5 * rowStride + p))
            s6 = s6.addingProduct(value, load(y + 6 * rowStride + p))
            s7 = s7.addingProduct(value, load(y + 7 * rowStride + p))
            p += width
        }
        var totals = laneSums(laneSums(laneSums(s0, s1), laneSums(s2, s3)), laneSums(laneSums(s4, s5), laneSums(s6, s7)))
        while p < count {
            var column = Vector()
            for row in 0..<width { column[row] = y[row * rowStride + p] }
            totals = totals.addingProduct(x[p], column)
            p += 1
        }
        return totals
    }

    /// Adjacent lanes of `a` added pairwise, then those of `b`: applied three times to eight
    /// vectors, it leaves each one's total in its own lane.
    @inline(__always)
    private static func laneSums(_ a: Vector, _ b: Vector) -> Vector {
        Vector(lowHalf: a.evenHalf + a.oddHalf, highHalf: b.evenHalf + b.oddHalf)
    }

    /// The sum of a vector's lanes, by halving.
    @inline(__always)
    static func horizontalSum(_ v: Vector) -> Float {
        let four = v.lowHalf + v.highHalf
        let two = four.lowHalf + four.highHalf
        return two[0] + two[1]
    }

    /// The dot products of four runs starting at `x`, `rowStride` apart, with one run `y`: each
    /// computed exactly as `dot` computes it, the four side by side.
    @inline(__always)
    static func dot4(_ x: UnsafePointer<Float>, rowStride: Int, _ y: UnsafePointer<Float>, count: Int)
        -> (Float, Float, Float, Float) {
        let width = Vector.scalarCount
        let (x0, x1, x2, x3) = (x, x + rowStride, x + 2 * rowStride, x + 3 * rowStride)
        var s0 = Vector(), s1 = Vector(), s2 = Vector(), s3 = Vector()
        var p = 0
        while p + width <= count {
            let value = load(y + p)
            s0 = s0.addingProduct(load(x0 + p), value)
            s1 = s1.addingProduct(load(x1 + p), value)
            s2 = s2.addingProduct(load(x2 + p), value)
            s3 = s3.addingProduct(load(x3 + p), value)
            p += width
        }
        var totals = (horizontalSum(s0), horizontalSum(s1), horizontalSum(s2), horizontalSum(s3))
        while p < count {
            totals.0 += x0[p] * y[p]
            totals.1 += x1[p] * y[p]
            totals.2 += x2[p] * y[p]
            totals.3 += x3[p] * y[p]
            p += 1
        }
        return totals
    }

    /// The dot product of two contiguous runs of `count` values.
    @inline(__always)
    static func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, count: Int) -> Float {
        let width = Vector.scalarCount
        var partial = Vector()
        var p = 0
        while p + width <= count {
            partial = partial.addingProduct(load(x + p), load(y + p))
            p += width
        }
        var total = horizontalSum(partial)
        while p < count {
            total += x[p] * y[p]
            p += 1
        }
        return total
    }

    @inline(__always)
    static func load(_ pointer: UnsafePointer<Float>) -> Vector {
        UnsafeRawPointer(pointer).loadUnaligned(as: Vector.self)
    }

    @inline(__always)
    static func load(_ pointer: UnsafeMutablePointer<Float>) -> Vector {
        UnsafeRawPointer(pointer).loadUnaligned(as: Vector.self)
    }

    /// The sums a product starts from: zeros when `fromZero`, else the eight values at `pointer`.
    @inline(__always)
    private static func start(_ pointer: UnsafeMutablePointer<Float>, _ fromZero: Bool) -> Vector {
        fromZero ? Vector() : load(pointer)
    }

    @inline(__always)
    static func store(_ value: Vector, _ pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: Vector.self)
    }
}
