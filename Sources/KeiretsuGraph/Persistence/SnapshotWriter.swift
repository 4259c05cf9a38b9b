// Writes a MemoryGraph as a snapshot file (format: SnapshotFormat.swift).
//
// Three passes. First, sequentially, every label set, key set and relationship type is interned
// (numbered in order of first use) into one small number per record; consecutive records
// usually repeat a shape, so a short cache of recent shapes answers most lookups without
// hashing. Then the record blocks are encoded in parallel, a batch at a time (each block is
// independent once the numbers are known), with their checksums. Last, the blocks are appended
// to the file in order, so memory stays bounded by one batch however large the graph. The
// header, which holds the file's length and block count, is written at offset 0 at the end; then
// the file is fsynced. The caller writes to a temporary name and renames
// (GraphFile+Checkpoint.swift), so a crash at any point leaves the previous snapshot untouched.

import Dispatch
import OrderedCollections

struct SnapshotWriter {
    let graph: MemoryGraph
    let databaseID: UInt64
    let transaction: UInt64

    // Interned names and shapes, numbered in order of first use. Shape 0 is the empty set.
    private var names: [String: Int] = [:]
    private var nameList: [String] = []
    private var labelSets: [[String]: Int] = [[]: 0]
    private var labelSetList: [[Int]] = [[]]
    private var keySets: [OrderedSet<String>: Int] = [[]: 0]
    private var keySetList: [[Int]] = [[]]

    private var file: POSIXFile? = nil
    private var fileOffset = SnapshotFormat.headerSize
    private var blockCount = 0

    init(graph: MemoryGraph, databaseID: UInt64, transaction: UInt64) {
        self.graph = graph
        self.databaseID = databaseID
        self.transaction = transaction
    }

    /// Writes the snapshot to `path` (created or replaced) and fsyncs it; returns its length.
    mutating func write(to path: String) throws -> Int {
        guard let f = try POSIXFile.openForWriting(path, create: true) else {
            throw POSIXFile.ioError(path, "open", 2)
        }
        file = f
        try f.truncate(to: 0)
        let shapes = internShapes()
        try writeRecordBlocks(shapes)
        try writeNames()
        try writeIndexes()
        var end = ByteWriter()
        end.u64(UInt64(graph.nodeCount))
        end.u64(UInt64(graph.relationshipCount))
        try append(EncodedBlock(kind: .end, parts: [end.bytes]))
        let header = SnapshotHeader(databaseID: databaseID, transaction: transaction,
                                    nodeSlots: graph.nodes.count, relationshipSlots: graph.relationships.count,
                                    fileLength: fileOffset, blockCount: blockCount)
        try f.write(header.encoded(), at: 0)
        try f.sync()
        try f.close()
        return fileOffset
    }

    // MARK: Interning

    /// Per record slot: label set and key set numbers (nodes), type and key set (relationships).
    struct Shapes {
        var nodeLabels: [Int32]
        var nodeKeys: [Int32]
        var relationshipTypes: [Int32]
        var relationshipKeys: [Int32]
    }

    private mutating func internShapes() -> Shapes {
        var shapes = Shapes(nodeLabels: LargeArrays.array(repeating: 0, count: graph.nodes.count),
                            nodeKeys: LargeArrays.array(repeating: 0, count: graph.nodes.count),
                            relationshipTypes: LargeArrays.array(repeating: 0, count: graph.relationships.count),
                            relationshipKeys: LargeArrays.array(repeating: 0, count: graph.relationships.count))
        var recentLabels = RecentShapes<[String]>(), recentKeys = RecentShapes<OrderedSet<String>>()
        var recentTypes = RecentShapes<String>()
        graph.nodes.withUnsafeBufferPointer { nodes in
            for id in 0..<nodes.count {
                guard let labels = nodes[id]?.labels, let keys = nodes[id]?.properties.keys else { continue }
                shapes.nodeLabels[id] = recentLabels.number(labels) { labelSet($0) }
                shapes.nodeKeys[id] = recentKeys.number(keys) { keySet($0) }
            }
        }
        graph.relationships.withUnsafeBufferPointer { relationships in
            for id in 0..<relationships.count {
                guard let type = relationships[id]?.type, let keys = relationships[id]?.properties.keys else { continue }
                shapes.relationshipTypes[id] = recentTypes.number(type) { name($0) }
                shapes.relationshipKeys[id] = recentKeys.number(keys) { keySet($0) }
            }
        }
        return shapes
    }

    private mutating func name(_ s: String) -> Int {
        if let n = names[s] { return n }
        names[s] = nameList.count
        nameList.append(s)
        return nameList.count - 1
    }

    private mutating func labelSet(_ labels: [String]) -> Int {
        if let n = labelSets[labels] { return n }
        let ids = labels.map { name($0) }
        labelSets[labels] = labelSetList.count
        labelSetList.append(ids)
        return labelSetList.count - 1
    }

    private mutating func keySet(_ keys: OrderedSet<String>) -> Int {
        if let n = keySets[keys] { return n }
        let ids = keys.map { name($0) }
        keySets[keys] = keySetList.count
        keySetList.append(ids)
        return keySetList.count - 1
    }

    // MARK: Record blocks

    private mutating func writeRecordBlocks(_ shapes: Shapes) throws {
        let per = SnapshotFormat.recordsPerBlock
        var jobs: [(SnapshotFormat.BlockKind, Int, Int)] = []
        for first in stride(from: 0, to: graph.nodes.count, by: per) {
            jobs.append((.nodes, first, min(first + per, graph.nodes.count)))
        }
        for first in stride(from: 0, to: graph.relationships.count, by: per) {
            jobs.append((.relationships, first, min(first + per, graph.relationships.count)))
        }
        let workers = SnapshotReader.workerCount
        let batch = 2 * workers
        var start = 0
        while start < jobs.count {
            let slice = Array(jobs[start..<min(start + batch, jobs.count)])
            var encoded = [EncodedBlock?](repeating: nil, count: slice.count)
            encoded.withUnsafeMutableBufferPointer { out in
                let context = SharedMutable(value: (graph, shapes, slice, out))
                DispatchQueue.concurrentPerform(iterations: slice.count) { i in
                    let (graph, shapes, slice, out) = context.value
                    let (kind, first, end) = slice[i]
                    out[i] = kind == .nodes
                        ? Self.encodeNodes(graph, shapes, first, end)
                        : Self.encodeRelationships(graph, shapes, first, end)
                }
            }
            for block in encoded { if let block { try append(block) } }
            start += batch
        }
    }

    static func encodeNodes(_ graph: MemoryGraph, _ shapes: Shapes, _ first: Int, _ end: Int) -> EncodedBlock {
        var body = ByteWriter(capacity: 1 << 20)
        var previous = first - 1
        var count = 0
        graph.nodes.withUnsafeBufferPointer { nodes in
            for id in first..<end {
                guard let rec = nodes[id] else { continue }
                body.count(id - previous - 1)
                previous = id
                body.count(Int(shapes.nodeLabels[id]))
                body.count(Int(shapes.nodeKeys[id]))
                for v in rec.properties.values { ValueCodec.encode(v, into: &body) }
                count += 1
            }
        }
        return recordBlock(.nodes, first, end, count, body.bytes)
    }

    static func encodeRelationships(_ graph: MemoryGraph, _ shapes: Shapes, _ first: Int, _ end: Int) -> EncodedBlock {
        var body = ByteWriter(capacity: 1 << 20)
        var previous = first - 1
        var count = 0
        graph.relationships.withUnsafeBufferPointer { relationships in
            for id in first..<end {
                guard let rec = relationships[id] else { continue }
                body.count(id - previous - 1)
                previous = id
                body.count(Int(shapes.relationshipTypes[id]))
                body.count(rec.start)
                body.count(rec.end)
                body.count(Int(shapes.relationshipKeys[id]))
                for v in rec.properties.values { ValueCodec.encode(v, into: &body) }
                count += 1
            }
        }
        return recordBlock(.relationships, first, end, count, body.bytes)
    }

    static func recordBlock(_ kind: SnapshotFormat.BlockKind, _ first: Int, _ end: Int, _ count: Int,
                            _ body: [UInt8]) -> EncodedBlock {
        var prefix = ByteWriter()
        prefix.count(first)
        prefix.count(end)
        prefix.count(count)
        return EncodedBlock(kind: kind, parts: [prefix.bytes, body])
    }

    // MARK: Names, indexes

    private mutating func writeNames() throws {
        var w = ByteWriter(capacity: 1 << 16)
        w.count(nameList.count)
        for s in nameList { w.string(s) }
        w.count(labelSetList.count)
        for set in labelSetList {
            w.count(set.count)
            for n in set { w.count(n) }
        }
        w.count(keySetList.count)
        for set in keySetList {
            w.count(set.count)
            for n in set { w.count(n) }
        }
        try append(EncodedBlock(kind: .names, parts: [w.bytes]))
    }

    private mutating func writeIndexes() throws {
        var w = ByteWriter()
        w.count(graph.indexes.count)
        for index in graph.indexes {
            w.string(index.name)
            w.string(index.label)
            w.count(index.properties.count)
            for p in index.properties { w.string(p) }
            w.u8(index.unique ? 1 : 0)
        }
        try append(EncodedBlock(kind: .indexes, parts: [w.bytes]))
    }

    // MARK: Output

    private mutating func append(_ block: EncodedBlock) throws {
        guard let file else { return }
        var head = ByteWriter(capacity: SnapshotFormat.blockHeaderSize)
        head.u32(block.kind.rawValue)
        head.u32(block.checksum)
        head.u64(UInt64(block.length))
        try file.write(head.bytes, at: fileOffset)
        fileOffset += head.count
        for part in block.parts {
            try file.write(part, at: fileOffset)
            fileOffset += part.count
        }
        blockCount += 1
    }
}

/// A block ready to be written: its payload in parts, and the checksum over kind, length and
/// payload (computed where the block was encoded, in parallel).
struct EncodedBlock {
    var kind: SnapshotFormat.BlockKind
    var parts: [[UInt8]]
    var length: Int
    var checksum: UInt32

    init(kind: SnapshotFormat.BlockKind, parts: [[UInt8]]) {
        self.kind = kind
        self.parts = parts
        length = parts.reduce(0) { $0 + $1.count }
        var head = ByteWriter(capacity: 12)
        head.u32(kind.rawValue)
        head.u64(UInt64(length))
        var crc = CRC32C.checksum(head.bytes)
        for p in parts { crc = p.withUnsafeBytes { CRC32C.checksum($0, continuing: crc) } }
        checksum = crc
    }
}

/// The last few shapes seen and their numbers: consecutive records mostly repeat one, and an
/// equality test on a handful of short strings is cheaper than hashing them (records that share
/// one array — a snapshot's records share their key sets — compare equal by buffer identity,
/// which Array's `==` checks first).
struct RecentShapes<Shape: Equatable> {
    private var shapes: [Shape] = []
    private var numbers: [Int32] = []
    private var next = 0

    mutating func number(_ shape: Shape, intern: (Shape) -> Int) -> Int32 {
        for i in 0..<shapes.count where shapes[i] == shape { return numbers[i] }
        let n = Int32(truncatingIfNeeded: intern(shape))
        if shapes.count < 4 {
            shapes.append(shape)
            numbers.append(n)
        } else {
            shapes[next] = shape
            numbers[next] = n
            next = (next + 1) % 4
        }
        return n
    }
}
