/// Matrix-multiply loops on raw row-major storage, written so the compiler keeps a
/// tile of the result in vector registers while streaming the inputs.
///
/// Every kernel ADDS into `c`; callers start from zeros, a bias, or an existing gradient.
enum MatrixKernels {
    typealias Vector = SIMD8<Float>

    /// c[m, n] += a · b, where a(i, p) is read at `a[i * aRowStride + p * aColumnStride]`
    /// and b is a row-major `[k, n]` matrix. With strides `(k, 1)` this is A·B; with
    /// strides `(1, m)` on a stored `[k, m]` matrix it is Aᵀ·B.
    static func multiply(
        _ a: UnsafePointer<Float>, aRowStride: Int, aColumnStride: Int,
        _ b: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>,
        m: Int, k: Int, n: Int
    ) {
        let width = Vector.scalarCount
        var i = 0
        while i + 4 <= m {
            var j = 0
            while j + width <= n {
                var c0 = load(c + i * n + j), c1 = load(c + (i + 1) * n + j)
                var c2 = load(c + (i + 2) * n + j), c3 = load(c + (i + 3) * n + j)
                var aPointer = a + i * aRowStride
                var bPointer = b + j
                for _ in 0..<k {
                    let row = load(bPointer)
                    c0 += aPointer[0] * row
                    c1 += aPointer[aRowStride] * row
                    c2 += aPointer[2 * aRowStride] * row
                    c3 += aPointer[3 * aRowStride] * row
                    aPointer += aColumnStride
                    bPointer += n
                }
                store(c0, c + i * n + j)
                store(c1, c + (i + 1) * n + j)
                store(c2, c + (i + 2) * n + j)
                store(c3, c + (i + 3) * n + j)
                j += width
            }
            if j < n {
                for row in i..<(i + 4) {
                    multiplyRowTail(a + row * aRowStride, aColumnStride, b, c + row * n, k: k, n: n, from: j)
                }
            }
            i += 4
        }
        while i < m {
            var j = 0
            while j + width <= n {
                var c0 = load(c + i * n + j)
                var aPointer = a + i * aRowStride
                var bPointer = b + j
                for _ in 0..<k {
                    c0 += aPointer[0] * load(bPointer)
                    aPointer += aColumnStride
                    bPointer += n
                }
                store(c0, c + i * n + j)
                j += width
            }
            multiplyRowTail(a + i * aRowStride, aColumnStride, b, c + i * n, k: k, n: n, from: j)
            i += 1
        }
    }

    /// One row of `multiply` for the columns from `start` on, one value at a time.
    @inline(__always)
    private static func multiplyRowTail(
        _ a: UnsafePointer<Float>, _ aColumnStride: Int, _ b: UnsafePointer<Float>,
        _ c: UnsafeMutablePointer<Float>, k: Int, n: Int, from start: Int
    ) {
        guard start < n else { return }
        for j in start..<n {
            var total: Float = 0
            for p in 0..<k { total += a[p * aColumnStride] * b[p * n + j] }
            c[j] += total
        }
    }

    /// c[m, n] += a[m, k] · b[n, k]ᵀ. Few rows use dot products directly; more rows
    /// transpose `b` once and use `multiply`.
    static func multiplyTransposed(
        _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>,
        m: Int, k: Int, n: Int
    ) {
        if m <= 4 {
            for i in 0..<m {
                for j in 0..<n { c[i * n + j] += dot(a + i * k, b + j * k, count: k) }
            }
            return
        }
        let transposed = UnsafeMutablePointer<Float>.allocate(capacity: k * n)
        defer { transposed.deallocate() }
        for j in 0..<n {
            for p in 0..<k { transposed[p * n + j] = b[j * k + p] }
        }
        multiply(a, aRowStride: k, aColumnStride: 1, transposed, into: c, m: m, k: k, n: n)
    }

    /// The dot product of two contiguous runs of `count` values.
    @inline(__always)
    static func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, count: Int) -> Float {
        let width = Vector.scalarCount
        var partial = Vector()
        var p = 0
        while p + width <= count {
            partial += load(x + p) * load(y + p)
            p += width
        }
        var total = partial.sum()
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

    @inline(__always)
    static func store(_ value: Vector, _ pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: Vector.self)
    }
}
