import CBLAS
import Foundation

extension MiniLM {
    /// The pooled, normalized vectors of a batch of token sequences.
    func run(_ batch: [[Int32]]) -> [[Float]] {
        let rows = batch.reduce(0) { $0 + $1.count }
        var x = [Float](repeating: 0, count: rows * hidden)
        var row = 0
        for ids in batch {
            for (position, id) in ids.enumerated() {
                let word = Int(id) * hidden
                let place = position * hidden
                for d in 0..<hidden {
                    x[row * hidden + d] = words[word + d] + positions[place + d] + tokenType[d]
                }
                row += 1
            }
        }
        normalize(&x, rows: rows, embeddingNorm)
        for layer in layers { x = apply(layer, to: x, batch: batch, rows: rows) }
        var result: [[Float]] = []
        var start = 0
        for ids in batch {
            var mean = [Float](repeating: 0, count: hidden)
            for r in start..<start + ids.count {
                for d in 0..<hidden { mean[d] += x[r * hidden + d] }
            }
            start += ids.count
            let length = mean.reduce(0) { $0 + $1 * $1 }.squareRoot()
            result.append(length > 0 ? mean.map { $0 / length } : mean)
        }
        return result
    }

    private func apply(_ layer: Layer, to x: [Float], batch: [[Int32]], rows: Int) -> [Float] {
        let query = product(x, rows: rows, layer.query)
        let key = product(x, rows: rows, layer.key)
        let value = product(x, rows: rows, layer.value)
        var context = [Float](repeating: 0, count: rows * hidden)
        let width = hidden / heads
        let scale = 1 / Float(width).squareRoot()
        var start = 0
        var scores: [Float] = []
        for ids in batch {
            let n = ids.count
            if scores.count < n * n { scores = [Float](repeating: 0, count: n * n) }
            for head in 0..<heads {
                let offset = start * hidden + head * width
                Self.multiply(
                    query, offset, hidden, key, offset, hidden, into: &scores, 0, n, rows: n, columns: n, inner: width,
                    transposeB: true, alpha: scale)
                for r in 0..<n {
                    var largest = -Float.infinity
                    for c in 0..<n { largest = max(largest, scores[r * n + c]) }
                    var sum: Float = 0
                    for c in 0..<n {
                        let e = expf(scores[r * n + c] - largest)
                        scores[r * n + c] = e
                        sum += e
                    }
                    for c in 0..<n { scores[r * n + c] /= sum }
                }
                Self.multiply(
                    scores, 0, n, value, offset, hidden, into: &context, offset, hidden, rows: n, columns: width,
                    inner: n, transposeB: false, alpha: 1)
            }
            start += n
        }
        var attended = product(context, rows: rows, layer.attentionOutput)
        for i in attended.indices { attended[i] += x[i] }
        normalize(&attended, rows: rows, layer.attentionNorm)
        var expanded = product(attended, rows: rows, layer.intermediate)
        for i in expanded.indices {
            let v = expanded[i]
            expanded[i] = 0.5 * v * (1 + erff(v * 0.707_106_77))
        }
        var output = product(expanded, rows: rows, layer.output)
        for i in output.indices { output[i] += attended[i] }
        normalize(&output, rows: rows, layer.outputNorm)
        return output
    }

    /// x [rows × input] times the layer's weight transposed, plus its bias: [rows × output].
    private func product(_ x: [Float], rows: Int, _ linear: Linear) -> [Float] {
        var y = [Float](repeating: 0, count: rows * linear.output)
        for r in 0..<rows {
            for o in 0..<linear.output { y[r * linear.output + o] = linear.bias[o] }
        }
        Self.multiply(
            x, 0, linear.input, linear.weight, 0, linear.input, into: &y, 0, linear.output, rows: rows,
            columns: linear.output, inner: linear.input, transposeB: true, alpha: 1, beta: 1)
        return y
    }

    /// C[rows × columns] = alpha · A[rows × inner] · B (B is [inner × columns], or [columns × inner] transposed) +
    /// beta · C, row-major, each matrix starting at its offset with its own row stride (OpenBLAS sgemm).
    static func multiply(
        _ a: [Float], _ aOffset: Int, _ aStride: Int, _ b: [Float], _ bOffset: Int, _ bStride: Int,
        into c: inout [Float], _ cOffset: Int, _ cStride: Int, rows: Int, columns: Int, inner: Int,
        transposeB: Bool, alpha: Float, beta: Float = 0
    ) {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                c.withUnsafeMutableBufferPointer { c in
                    guard let x = a.baseAddress, let y = b.baseAddress, let z = c.baseAddress else { return }
                    cblas_sgemm(
                        CblasRowMajor, CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans, Int32(rows),
                        Int32(columns), Int32(inner), alpha, x + aOffset, Int32(aStride), y + bOffset, Int32(bStride),
                        beta, z + cOffset, Int32(cStride))
                }
            }
        }
    }

    /// Layer normalization of each row, in place.
    private func normalize(_ x: inout [Float], rows: Int, _ norm: (weight: [Float], bias: [Float])) {
        for r in 0..<rows {
            let base = r * hidden
            var mean: Float = 0
            for d in 0..<hidden { mean += x[base + d] }
            mean /= Float(hidden)
            var variance: Float = 0
            for d in 0..<hidden {
                let c = x[base + d] - mean
                variance += c * c
            }
            let scale = 1 / (variance / Float(hidden) + epsilon).squareRoot()
            for d in 0..<hidden { x[base + d] = (x[base + d] - mean) * scale * norm.weight[d] + norm.bias[d] }
        }
    }
}
