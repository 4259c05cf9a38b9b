// Cutting the rows of a large CSV file into chunks that parse in parallel.
//
// Rows can only be cut at line breaks that are not inside a quoted field. Telling those apart
// needs a scan from the start, so the rule here is simpler: a file whose rows hold no `"` at
// all is cut at the line breaks nearest to equal parts; a file with quotes is one chunk. Each
// chunk knows the physical line it starts on, so bad-row messages name the same lines as a
// sequential scan would. The same pass counts the line breaks, which the importer uses to
// reserve storage.

import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

struct CSVChunk: Sendable {
    var range: Range<Int>
    /// The physical line the chunk starts on.
    var line: Int
    /// The line breaks in the chunk: about its number of rows.
    var lineBreaks: Int
}

enum CSVChunking {
    /// Files smaller than this are parsed in one piece.
    static let parallelThreshold = 4 << 20

    /// How many chunks to aim for: one per processor, at most four.
    static var parallelism: Int {
        let n = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        return max(1, min(n, 4))
    }

    /// The chunks of the rows in `range` (which starts on `line`) and the number of line
    /// breaks in it.
    static func chunks(_ bytes: UnsafeMutableBufferPointer<UInt8>, range: Range<Int>, line: Int,
                       parts: Int = parallelism, minimumSize: Int = parallelThreshold) -> (chunks: [CSVChunk], lineBreaks: Int) {
        var cuts = [range.lowerBound]
        if parts > 1 && range.count >= minimumSize {
            for k in 1..<parts {
                var at = range.lowerBound + range.count / parts * k
                at = max(at, cuts[cuts.count - 1])
                while at < range.upperBound && bytes[at] != 0x0A { at += 1 }
                if at < range.upperBound { cuts.append(at + 1) }
            }
        }
        cuts.append(range.upperBound)
        // One pass: line breaks per piece, and whether any quote appears.
        var breaks = [Int](repeating: 0, count: cuts.count - 1)
        var quotes = 0
        for piece in 0..<(cuts.count - 1) {
            var lf = 0, q = 0
            for i in cuts[piece]..<cuts[piece + 1] {
                let b = bytes[i]
                lf &+= b == 0x0A ? 1 : 0
                q &+= b == 0x22 ? 1 : 0
            }
            breaks[piece] = lf
            quotes &+= q
        }
        let total = breaks.reduce(0, +)
        guard quotes == 0 && cuts.count > 2 else {
            return ([CSVChunk(range: range, line: line, lineBreaks: total)], total)
        }
        var out: [CSVChunk] = []
        var l = line
        for piece in 0..<(cuts.count - 1) where cuts[piece] < cuts[piece + 1] {
            out.append(CSVChunk(range: cuts[piece]..<cuts[piece + 1], line: l, lineBreaks: breaks[piece]))
            l += breaks[piece]
        }
        return (out, total)
    }

    /// Runs `body` on every chunk, in parallel, and returns the results in chunk order.
    static func parallelMap<T: Sendable>(_ chunks: [CSVChunk], _ body: @Sendable (CSVChunk) -> T) -> [T] {
        if chunks.count == 1, let only = chunks.first { return [body(only)] }
        let results = ResultSlots<T>(count: chunks.count)
        DispatchQueue.concurrentPerform(iterations: chunks.count) { i in
            results.set(i, body(chunks[i]))
        }
        return results.values()
    }
}

/// One slot per parallel task; each task writes only its own slot, through a pointer, so no
/// two threads touch the same memory (and no Swift array is mutated concurrently).
final class ResultSlots<T>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = UnsafeMutablePointer<T?>.allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func set(_ i: Int, _ value: T) { slots[i] = value }

    /// The results; every task has finished when this is called.
    func values() -> [T] { (0..<count).compactMap { slots[$0] } }
}
