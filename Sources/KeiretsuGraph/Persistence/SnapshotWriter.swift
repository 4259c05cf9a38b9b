// Writes a MemoryGraph as a snapshot file (format: SnapshotFormat.swift).
//
// Streaming: records are encoded block by block into a buffer that goes to the file every few
// megabytes, so memory stays flat however large the graph. The header, which holds the file's
// length and block count, is written last at offset 0; then the file is fsynced. The caller
// writes to a temporary name and renames (GraphFile+Checkpoint.swift), so a crash at any point
// leaves the previous snapshot untouched.

import OrderedCollections

struct SnapshotWriter {
    let graph: MemoryGraph
    let databaseID: UInt64
    let transaction: UInt64

    // Interned names and shapes, numbered in order of first use.
    private var names: [String: Int] = [:]
    private var nameList: [String] = []
    private var labelSets: [[String]: Int] = [:]
    private var labelSetList: [[Int]] = []
    private var keySets: [OrderedSet<String>: Int] = [:]
    private var keySetList: [[Int]] = []

    private var output = ByteWriter(capacity: 1 << 23)
    private var file: POSIXFile? = nil
    private var fileOffset = SnapshotFormat.headerSize
    private var blockCount = 0

    init(graph: MemoryGraph, databaseID: UInt64, transaction: UInt64) {
        // Shape 0 is always the empty set.
        labelSets = [[]: 0]
        labelSetList = [[]]
        keySets = [[]: 0]
        keySetList = [[]]
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
        try writeNodes()
        try writeRelationships()
        try writeNames()
        try writeIndexes()
        var end = ByteWriter()
        end.u64(UInt64(graph.nodeCount))
        end.u64(UInt64(graph.relationshipCount))
        try appendBlock(.end, [end.bytes])
        try flush()
        let header = SnapshotHeader(databaseID: databaseID, transaction: transaction,
                                    nodeSlots: graph.nodes.count, relationshipSlots: graph.relationships.count,
                                    fileLength: fileOffset, blockCount: blockCount)
        try f.write(header.encoded(), at: 0)
        try f.sync()
        try f.close()
        return fileOffset
    }

    // MARK: Records

    private mutating func writeNodes() throws {
        let nodes = graph.nodes
        var first = 0
        while first < nodes.count {
            let end = min(first + SnapshotFormat.recordsPerBlock, nodes.count)
            var body = ByteWriter(capacity: 1 << 20)
            var previous = first - 1
            var count = 0
            for id in first..<end {
                guard let rec = nodes[id] else { continue }
                body.count(id - previous - 1)
                previous = id
                body.count(labelSet(rec.labels))
                let keys = rec.properties.keys
                body.count(keySet(keys))
                for v in rec.properties.values { ValueCodec.encode(v, into: &body) }
                count += 1
            }
            try appendRecordBlock(.nodes, first: first, end: end, count: count, body: body.bytes)
            first = end
        }
    }

    private mutating func writeRelationships() throws {
        let relationships = graph.relationships
        var first = 0
        while first < relationships.count {
            let end = min(first + SnapshotFormat.recordsPerBlock, relationships.count)
            var body = ByteWriter(capacity: 1 << 20)
            var previous = first - 1
            var count = 0
            var lastType = "", lastTypeID = -1
            for id in first..<end {
                guard let rec = relationships[id] else { continue }
                body.count(id - previous - 1)
                previous = id
                if lastTypeID < 0 || rec.type != lastType {
                    lastType = rec.type
                    lastTypeID = name(rec.type)
                }
                body.count(lastTypeID)
                body.count(rec.start)
                body.count(rec.end)
                body.count(keySet(rec.properties.keys))
                for v in rec.properties.values { ValueCodec.encode(v, into: &body) }
                count += 1
            }
            try appendRecordBlock(.relationships, first: first, end: end, count: count, body: body.bytes)
            first = end
        }
    }

    private mutating func appendRecordBlock(_ kind: SnapshotFormat.BlockKind, first: Int, end: Int, count: Int,
                                            body: [UInt8]) throws {
        var prefix = ByteWriter()
        prefix.count(first)
        prefix.count(end)
        prefix.count(count)
        try appendBlock(kind, [prefix.bytes, body])
    }

    // MARK: Names, indexes

    private mutating func name(_ s: String) -> Int {
        if let n = names[s] { return n }
        names[s] = nameList.count
        nameList.append(s)
        return nameList.count - 1
    }

    private mutating func labelSet(_ labels: [String]) -> Int {
        if labels.isEmpty { return 0 }
        if let n = labelSets[labels] { return n }
        let ids = labels.map { name($0) }
        labelSets[labels] = labelSetList.count
        labelSetList.append(ids)
        return labelSetList.count - 1
    }

    private mutating func keySet(_ keys: OrderedSet<String>) -> Int {
        if keys.isEmpty { return 0 }
        if let n = keySets[keys] { return n }
        let ids = keys.map { name($0) }
        keySets[keys] = keySetList.count
        keySetList.append(ids)
        return keySetList.count - 1
    }

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
        try appendBlock(.names, [w.bytes])
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
        try appendBlock(.indexes, [w.bytes])
    }

    // MARK: Output

    private mutating func appendBlock(_ kind: SnapshotFormat.BlockKind, _ parts: [[UInt8]]) throws {
        let length = parts.reduce(0) { $0 + $1.count }
        var head = ByteWriter(capacity: 12)
        head.u32(kind.rawValue)
        head.u64(UInt64(length))
        var crc = CRC32C.checksum(head.bytes)
        for p in parts { crc = p.withUnsafeBytes { CRC32C.checksum($0, continuing: crc) } }
        output.u32(kind.rawValue)
        output.u32(crc)
        output.u64(UInt64(length))
        for p in parts { output.raw(p) }
        blockCount += 1
        if output.count >= 1 << 23 { try flush() }
    }

    private mutating func flush() throws {
        guard let file, output.count > 0 else { return }
        try file.write(output.bytes, at: fileOffset)
        fileOffset += output.count
        output.bytes.removeAll(keepingCapacity: true)
    }
}
