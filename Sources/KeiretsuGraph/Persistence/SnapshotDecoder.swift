// Decoding the blocks of a snapshot (SnapshotReader.swift reads the file and checks its frame).
//
// First the catalogue blocks (names and shapes, indexes, end counts), sequentially; then the
// record blocks, whose id ranges are checked to lie inside the header's slot counts and not to
// overlap before any worker starts; then the record blocks in parallel, each worker verifying a
// block's checksum before decoding it. Counts of relationship types and property keys are kept
// per worker by interned number and merged at the end — far cheaper than a dictionary update per
// record.

import Dispatch
import OrderedCollections

struct DecodedSnapshot {
    var header: SnapshotHeader
    var graph: MemoryGraph
}

struct SnapshotDecoder {
    let bytes: UnsafeRawBufferPointer
    let header: SnapshotHeader
    let blocks: [SnapshotBlock]
    let path: String

    var names: [String] = []
    var labelSets: [[String]] = []
    var keySets: [OrderedSet<String>] = []
    var keySetNames: [[Int]] = []
    /// Per key set, a map with those keys and null values: records copy it and fill in their
    /// values, so all records of one shape share one key table.
    var templates: [ValueMap] = []

    init(bytes: UnsafeRawBufferPointer, header: SnapshotHeader, blocks: [SnapshotBlock], path: String) throws {
        self.bytes = bytes
        self.header = header
        self.blocks = blocks
        self.path = path
    }

    func corrupted(_ block: SnapshotBlock, _ e: DecodeFailure) -> PersistenceError {
        .corrupted(path: path, offset: block.offset + e.position, detail: "\(e.message) in a \(block.kind) block")
    }

    func payload(_ block: SnapshotBlock) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: bytes[block.offset..<(block.offset + block.length)])
    }

    mutating func decode() throws -> DecodedSnapshot {
        var indexes: [IndexDescriptor] = []
        var endCounts = (nodes: 0, relationships: 0)
        for block in blocks where block.kind == .names || block.kind == .indexes || block.kind == .end {
            try SnapshotReader.verify(block, bytes, path: path)
            var r = ByteReader(payload(block))
            do {
                switch block.kind {
                case .names: try decodeNames(&r)
                case .indexes: indexes = try decodeIndexes(&r)
                case .end:
                    let n = try r.u64(), m = try r.u64()
                    guard n <= UInt64(header.nodeSlots), m <= UInt64(header.relationshipSlots) else {
                        throw r.fail("counts larger than the slots")
                    }
                    endCounts = (Int(n), Int(m))
                default: break
                }
                guard r.atEnd else { throw r.fail("unexpected bytes at the end") }
            } catch let e as DecodeFailure {
                throw corrupted(block, e)
            }
        }

        let recordBlocks = try recordBlockRanges()
        var timer = PhaseTimer("open")
        templates = keySets.map { keys in
            keys.count > 15 ? ValueMap(uncheckedUniqueKeys: keys, values: repeatElement(Value.null, count: keys.count)) : [:]
        }

        // Relationships first: their endpoints give every node its adjacency lists, so node
        // records can be built complete, without a second pass that mutates them.
        var relationships: [MemoryGraph.RelationshipRecord?] = LargeArrays.array(repeating: nil, count: header.relationshipSlots)
        var starts = LargeArrays.array(repeating: -1, count: header.relationshipSlots)
        var ends = LargeArrays.array(repeating: -1, count: header.relationshipSlots)
        let relationshipBlocks = recordBlocks.filter { $0.0.kind == .relationships }
        let relationshipResults = try relationships.withUnsafeMutableBufferPointer { slotsIn in
            try starts.withUnsafeMutableBufferPointer { startsIn in
                try ends.withUnsafeMutableBufferPointer { endsIn in
                    let (slots, startSlots, endSlots) = (slotsIn, startsIn, endsIn)
                    return try runWorkers(relationshipBlocks) { decoder, block, range, local in
                        try decoder.decodeRelationships(block, range, into: slots, starts: startSlots,
                                                        ends: endSlots, &local)
                    }
                }
            }
        }
        timer.lap("decode relationships")
        let endpoints = MemoryGraph.BulkEndpoints(starts: starts, ends: ends)
        starts = []
        ends = []
        let adjacency = MemoryGraph.Adjacency(endpoints, nodeSlots: header.nodeSlots)
        timer.lap("adjacency sort")

        var nodes: [MemoryGraph.NodeRecord?] = LargeArrays.array(repeating: nil, count: header.nodeSlots)
        var nodeLabelSets = LargeArrays.array(repeating: Int32(-1), count: header.nodeSlots)
        let nodeBlocks = recordBlocks.filter { $0.0.kind == .nodes }
        let nodeResults = try nodes.withUnsafeMutableBufferPointer { slotsIn in
            try nodeLabelSets.withUnsafeMutableBufferPointer { labelsIn in
                let (slots, labelSlots) = (slotsIn, labelsIn)
                return try runWorkers(nodeBlocks) { decoder, block, range, local in
                    try decoder.decodeNodes(block, range, into: slots, labelSets: labelSlots, adjacency: adjacency, &local)
                }
            }
        }
        timer.lap("decode nodes")

        var liveNodes = 0, liveRelationships = 0
        var typeCounts = [Int](repeating: 0, count: names.count)
        var keySetCounts = [Int](repeating: 0, count: keySets.count)
        for r in relationshipResults + nodeResults {
            liveNodes += r.nodes
            liveRelationships += r.relationships
            for (i, c) in r.typeCounts.enumerated() { typeCounts[i] += c }
            for (i, c) in r.keySetCounts.enumerated() { keySetCounts[i] += c }
        }
        guard liveNodes == endCounts.nodes, liveRelationships == endCounts.relationships else {
            throw PersistenceError.corrupted(path: path, offset: blocks.last.map { $0.offset } ?? 0,
                                             detail: "found \(liveNodes) nodes and \(liveRelationships) relationships, the file says \(endCounts.nodes) and \(endCounts.relationships)")
        }
        // Every relationship's endpoints must be nodes: an empty slot has no adjacency.
        var labelLists = [[ElementID]](repeating: [], count: labelSets.count)
        for id in 0..<header.nodeSlots {
            let set = Int(nodeLabelSets[id])
            if set < 0 {
                guard adjacency.isIsolated(id) else {
                    throw PersistenceError.corrupted(path: path, offset: SnapshotFormat.headerSize,
                                                     detail: "a relationship ends at node \(id), which does not exist")
                }
                continue
            }
            if set > 0 { labelLists[set].append(id) }
        }
        var labelIndex = mergedLabelIndex(labelLists)
        timer.lap("label index")

        var counts = MemoryGraph.BulkCounts(typeCounts: [:], propertyKeyCounts: [:])
        for (i, c) in typeCounts.enumerated() where c > 0 { counts.typeCounts[names[i]] = c }
        var keyCounts = [Int](repeating: 0, count: names.count)
        for (set, c) in keySetCounts.enumerated() where c > 0 {
            for n in keySetNames[set] { keyCounts[n] += c }
        }
        for (i, c) in keyCounts.enumerated() where c > 0 { counts.propertyKeyCounts[names[i]] = c }
        let graph = MemoryGraph()
        do {
            try graph.install(nodes: &nodes, relationships: &relationships, nodeCount: liveNodes,
                              relationshipCount: liveRelationships, labelIndex: labelIndex, counts: counts,
                              indexes: indexes)
        } catch {
            throw PersistenceError.corrupted(path: path, offset: SnapshotFormat.headerSize,
                                             detail: "the stored indexes do not fit the data: \(error)")
        }
        labelIndex = [:]
        timer.lap("indexes")
        return DecodedSnapshot(header: header, graph: graph)
    }

    /// Per label, the ascending ids of the nodes carrying it, from per-label-set id lists.
    func mergedLabelIndex(_ lists: [[ElementID]]) -> [String: SortedIDs] {
        var perLabel: [String: [[ElementID]]] = [:]
        for (set, ids) in lists.enumerated() where !ids.isEmpty {
            for label in labelSets[set] { perLabel[label, default: []].append(ids) }
        }
        var out: [String: SortedIDs] = [:]
        for (label, parts) in perLabel {
            if parts.count == 1 {
                out[label] = SortedIDs(ids: parts[0], stale: 0)
            } else {
                var all = parts.flatMap { $0 }
                all.sort()
                out[label] = SortedIDs(ids: all, stale: 0)
            }
        }
        return out
    }

    /// Runs `work` over `blocks` on the worker threads, each worker taking every n-th block and
    /// verifying its checksum first; returns the workers' results, or throws the first error.
    func runWorkers(_ blocks: [(SnapshotBlock, Range<Int>)], _ work: BlockWork) throws -> [WorkerResult] {
        let workers = min(SnapshotReader.workerCount, max(1, blocks.count))
        var results = [WorkerResult](repeating: WorkerResult(), count: workers)
        // The workers finish before concurrentPerform returns, so `work` never outlives this call.
        withoutActuallyEscaping(work) { escapable in
            results.withUnsafeMutableBufferPointer { resultsIn in
                let context = WorkerContext(decoder: self, blocks: blocks, results: resultsIn, work: escapable)
                DispatchQueue.concurrentPerform(iterations: workers) { w in context.run(worker: w, of: workers) }
            }
        }
        if let error = results.compactMap(\.error).first { throw error }
        return results
    }

    // MARK: Catalogue blocks

    mutating func decodeNames(_ r: inout ByteReader) throws {
        let n = try r.count(limit: r.remaining)
        names.reserveCapacity(n)
        for _ in 0..<n { names.append(try r.string()) }
        let labelSetCount = try r.count(limit: min(r.remaining, Int(Int32.max)))
        for _ in 0..<labelSetCount {
            let k = try r.count(limit: r.remaining)
            var set: [String] = []
            for _ in 0..<k {
                let name = names[try r.count(limit: names.count - 1)]
                guard !set.contains(name) else { throw r.fail("a label set repeats '\(name)'") }
                set.append(name)
            }
            labelSets.append(set)
        }
        let keySetCount = try r.count(limit: r.remaining)
        for _ in 0..<keySetCount {
            let k = try r.count(limit: r.remaining)
            var ids: [Int] = []
            var set = OrderedSet<String>()
            for _ in 0..<k {
                let id = try r.count(limit: names.count - 1)
                guard set.append(names[id]).inserted else { throw r.fail("a key set repeats '\(names[id])'") }
                ids.append(id)
            }
            keySets.append(set)
            keySetNames.append(ids)
        }
        guard !labelSets.isEmpty, labelSets[0].isEmpty, !keySets.isEmpty, keySets[0].isEmpty else {
            throw r.fail("shape 0 must be the empty set")
        }
    }

    func decodeIndexes(_ r: inout ByteReader) throws -> [IndexDescriptor] {
        let n = try r.count(limit: r.remaining)
        var out: [IndexDescriptor] = []
        for _ in 0..<n {
            let name = try r.string(), label = try r.string()
            let k = try r.count(limit: r.remaining)
            var props: [String] = []
            for _ in 0..<k { props.append(try r.string()) }
            let unique = try r.u8()
            guard unique <= 1 else { throw r.fail("bad unique flag") }
            out.append(IndexDescriptor(name: name, label: label, properties: props, unique: unique == 1))
        }
        return out
    }

    // MARK: Record blocks

    /// Record blocks with their id ranges, checked to be inside the slots and disjoint.
    func recordBlockRanges() throws -> [(SnapshotBlock, Range<Int>)] {
        var out: [(SnapshotBlock, Range<Int>)] = []
        var nodeRanges: [Range<Int>] = [], relationshipRanges: [Range<Int>] = []
        for block in blocks where block.kind == .nodes || block.kind == .relationships {
            var r = ByteReader(payload(block))
            let slots = block.kind == .nodes ? header.nodeSlots : header.relationshipSlots
            do {
                let first = try r.count(limit: slots), end = try r.count(limit: slots)
                guard first <= end else { throw r.fail("block id range is reversed") }
                out.append((block, first..<end))
                if block.kind == .nodes { nodeRanges.append(first..<end) } else { relationshipRanges.append(first..<end) }
            } catch let e as DecodeFailure {
                throw corrupted(block, e)
            }
        }
        for ranges in [nodeRanges, relationshipRanges] {
            let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
            for (a, b) in zip(sorted, sorted.dropFirst()) where a.upperBound > b.lowerBound {
                throw PersistenceError.corrupted(path: path, offset: SnapshotFormat.headerSize, detail: "record blocks overlap")
            }
        }
        return out
    }

    /// Reads the block prefix and positions `r` on the first record.
    func recordReader(_ block: SnapshotBlock, _ range: Range<Int>) throws -> (ByteReader, Int) {
        var r = ByteReader(payload(block))
        _ = try r.count()
        _ = try r.count()
        let count = try r.count(limit: range.count)
        return (r, count)
    }

    func decodeValues(_ r: inout ByteReader, shape: Int) throws -> ValueMap {
        let keys = keySets[shape]
        let n = keys.count
        if n == 0 { return [:] }
        if n > 15 {
            // Large shapes carry a hash table: copy the template's rather than rebuild it.
            var map = templates[shape]
            try map.values.withUnsafeMutableBufferPointer { values in
                for i in 0..<n { values[i] = try nonNullValue(&r) }
            }
            return map
        }
        var values = ContiguousArray<Value>()
        values.reserveCapacity(n)
        for _ in 0..<n { values.append(try nonNullValue(&r)) }
        return ValueMap(uncheckedUniqueKeys: keys, values: values)
    }

    @inline(__always) func nonNullValue(_ r: inout ByteReader) throws -> Value {
        let v = try ValueCodec.decode(&r)
        if v.isNull { throw r.fail("a stored property is null") }
        return v
    }

    func decodeNodes(_ block: SnapshotBlock, _ range: Range<Int>,
                     into slots: UnsafeMutableBufferPointer<MemoryGraph.NodeRecord?>,
                     labelSets labelSlots: UnsafeMutableBufferPointer<Int32>, adjacency: MemoryGraph.Adjacency,
                     _ local: inout WorkerResult) throws {
        do {
            var (r, count) = try recordReader(block, range)
            var previous = range.lowerBound - 1
            for _ in 0..<count {
                let gap = try r.count(limit: range.count)
                let id = previous + 1 + gap
                guard id < range.upperBound else { throw r.fail("node id \(id) outside its block") }
                let labels = try r.count(limit: labelSets.count - 1)
                let shape = try r.count(limit: keySets.count - 1)
                slots[id] = MemoryGraph.NodeRecord(labels: labelSets[labels], properties: try decodeValues(&r, shape: shape),
                                                   outgoing: adjacency.outgoing(id), incoming: adjacency.incoming(id))
                labelSlots[id] = Int32(labels)
                local.keySetCounts[shape] += 1
                previous = id
            }
            guard r.atEnd else { throw r.fail("unexpected bytes after the last record") }
            local.nodes += count
        } catch let e as DecodeFailure {
            throw corrupted(block, e)
        }
    }

    func decodeRelationships(_ block: SnapshotBlock, _ range: Range<Int>,
                             into slots: UnsafeMutableBufferPointer<MemoryGraph.RelationshipRecord?>,
                             starts: UnsafeMutableBufferPointer<Int>, ends: UnsafeMutableBufferPointer<Int>,
                             _ local: inout WorkerResult) throws {
        do {
            var (r, count) = try recordReader(block, range)
            var previous = range.lowerBound - 1
            let lastNode = header.nodeSlots - 1
            for _ in 0..<count {
                let gap = try r.count(limit: range.count)
                let id = previous + 1 + gap
                guard id < range.upperBound else { throw r.fail("relationship id \(id) outside its block") }
                let type = try r.count(limit: names.count - 1)
                let start = try r.count(limit: lastNode), end = try r.count(limit: lastNode)
                let shape = try r.count(limit: keySets.count - 1)
                slots[id] = MemoryGraph.RelationshipRecord(type: names[type], start: start, end: end,
                                                           properties: try decodeValues(&r, shape: shape))
                starts[id] = start
                ends[id] = end
                local.typeCounts[type] += 1
                local.keySetCounts[shape] += 1
                previous = id
            }
            guard r.atEnd else { throw r.fail("unexpected bytes after the last record") }
            local.relationships += count
        } catch let e as DecodeFailure {
            throw corrupted(block, e)
        }
    }
}

typealias BlockWork = (SnapshotDecoder, SnapshotBlock, Range<Int>, inout WorkerResult) throws -> Void

/// What the decoding workers share: the decoder (read-only), their blocks, one result slot each.
final class WorkerContext: @unchecked Sendable {
    // @unchecked: the decoder and blocks are only read; worker w writes only results[w], and
    // the record slots each block writes are disjoint (checked by recordBlockRanges).
    let decoder: SnapshotDecoder
    let blocks: [(SnapshotBlock, Range<Int>)]
    let results: UnsafeMutableBufferPointer<WorkerResult>
    let work: BlockWork

    init(decoder: SnapshotDecoder, blocks: [(SnapshotBlock, Range<Int>)],
         results: UnsafeMutableBufferPointer<WorkerResult>, work: @escaping BlockWork) {
        self.decoder = decoder
        self.blocks = blocks
        self.results = results
        self.work = work
    }

    func run(worker w: Int, of workers: Int) {
        var local = WorkerResult(names: decoder.names.count, keySets: decoder.keySets.count)
        var i = w
        while i < blocks.count {
            let (block, range) = blocks[i]
            do {
                try SnapshotReader.verify(block, decoder.bytes, path: decoder.path)
                try work(decoder, block, range, &local)
            } catch {
                local.error = error
                break
            }
            i += workers
        }
        results[w] = local
    }
}

/// What one worker found: counts by interned number, or the first error.
struct WorkerResult {
    var nodes = 0
    var relationships = 0
    var typeCounts: [Int] = []
    var keySetCounts: [Int] = []
    var error: Error? = nil

    init() {}

    init(names: Int, keySets: Int) {
        typeCounts = [Int](repeating: 0, count: names)
        keySetCounts = [Int](repeating: 0, count: keySets)
    }
}
