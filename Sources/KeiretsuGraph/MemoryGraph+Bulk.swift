// Building a MemoryGraph in bulk: records placed at their ids, everything derived in linear passes.
//
// `createRelationship` appends to two adjacency lists per call; at millions of relationships
// with random endpoints that is a cache miss and a reallocation per append (5M relationships
// take ~15 s that way here). Opening a database file or importing CSV instead hands over whole
// arrays of records, and `assemble` derives the rest:
//
//   adjacency      a counting sort of relationship ids by start (and by end) node into one flat
//                  array, then one exactly-sized array per node — ascending ids, as MemoryGraph
//                  keeps them;
//   label index    one pass over the nodes in id order, so every list is born sorted;
//   counts         relationship types and property keys (or taken from the caller, who may
//                  have counted them more cheaply by interned number);
//   indexes        rebuilt from their descriptors by `createIndex`, which also re-checks unique
//                  constraints against the data.
//
// `MemoryGraphBuilder` is the public face for loaders (CSV import, GraphML): append elements,
// then `build()`.

import Dispatch

extension MemoryGraph {
    /// Start and end node of every relationship slot (-1 for a free slot).
    struct BulkEndpoints {
        var starts: [Int]
        var ends: [Int]

        init(starts: [Int], ends: [Int]) {
            self.starts = starts
            self.ends = ends
        }

        init(_ relationships: [RelationshipRecord?]) {
            starts = [Int](repeating: -1, count: relationships.count)
            ends = [Int](repeating: -1, count: relationships.count)
            for (id, slot) in relationships.enumerated() {
                guard let r = slot else { continue }
                starts[id] = r.start
                ends[id] = r.end
            }
        }
    }

    /// Relationship ids by start node and by end node, counting-sorted: node i's outgoing ids
    /// are `outFlat[outOffsets[i] ..< outOffsets[i + 1]]`, ascending. Endpoints must already be
    /// known to lie within `nodeSlots`.
    struct Adjacency {
        var outOffsets: [Int]
        var inOffsets: [Int]
        var outFlat: [ElementID]
        var inFlat: [ElementID]

        init(_ endpoints: BulkEndpoints, nodeSlots: Int) {
            // The two directions are independent: sort them on two threads.
            var sorted = [([Int], [ElementID])](repeating: ([], []), count: 2)
            sorted.withUnsafeMutableBufferPointer { slots in
                let work = SharedMutable(value: (endpoints, slots))
                DispatchQueue.concurrentPerform(iterations: 2) { k in
                    let keys = k == 0 ? work.value.0.starts : work.value.0.ends
                    work.value.1[k] = Self.countingSort(keys, buckets: nodeSlots)
                }
            }
            (outOffsets, outFlat) = sorted[0]
            (inOffsets, inFlat) = sorted[1]
        }

        /// Ids 0..<keys.count grouped by key (-1: skipped), ascending within each group.
        static func countingSort(_ keys: [Int], buckets: Int) -> ([Int], [ElementID]) {
            var offsets = LargeArrays.array(repeating: 0, count: buckets + 1)
            var live = 0
            keys.withUnsafeBufferPointer { keys in
                offsets.withUnsafeMutableBufferPointer { offsets in
                    for id in 0..<keys.count where keys[id] >= 0 {
                        offsets[keys[id] + 1] += 1
                        live += 1
                    }
                    for i in 0..<buckets { offsets[i + 1] += offsets[i] }
                }
            }
            var flat = LargeArrays.array(repeating: ElementID(0), count: live)
            var next = offsets
            keys.withUnsafeBufferPointer { keys in
                next.withUnsafeMutableBufferPointer { next in
                    flat.withUnsafeMutableBufferPointer { flat in
                        for id in 0..<keys.count where keys[id] >= 0 {
                            let k = keys[id]
                            flat[next[k]] = id
                            next[k] += 1
                        }
                    }
                }
            }
            return (offsets, flat)
        }

        @inline(__always) func outgoing(_ id: ElementID) -> [ElementID] {
            let a = outOffsets[id], b = outOffsets[id + 1]
            return a == b ? [] : Array(outFlat[a..<b])
        }

        @inline(__always) func incoming(_ id: ElementID) -> [ElementID] {
            let a = inOffsets[id], b = inOffsets[id + 1]
            return a == b ? [] : Array(inFlat[a..<b])
        }

        /// Whether node slot `id` has no relationships (required of an empty slot).
        func isIsolated(_ id: ElementID) -> Bool {
            outOffsets[id] == outOffsets[id + 1] && inOffsets[id] == inOffsets[id + 1]
        }
    }

    /// Sets every stored property from parts a bulk source assembled itself (the snapshot
    /// reader): node records with their adjacency lists, the label index, counts.
    func install(nodes newNodes: inout [NodeRecord?], relationships newRelationships: inout [RelationshipRecord?],
                 nodeCount: Int, relationshipCount: Int, labelIndex: [String: SortedIDs], counts: BulkCounts,
                 indexes newIndexes: [IndexDescriptor]) throws {
        nodes = []
        relationships = []
        swap(&nodes, &newNodes)
        swap(&relationships, &newRelationships)
        self.nodeCount = nodeCount
        self.relationshipCount = relationshipCount
        self.labelIndex = labelIndex
        typeCounts = counts.typeCounts
        propertyKeyCounts = counts.propertyKeyCounts
        propertyIndexes = [:]
        indexes = []
        undoLog = nil
        for index in newIndexes { try createIndex(index) }
    }

    /// Catalogue counts a bulk source already knows.
    struct BulkCounts {
        var typeCounts: [String: Int]
        var propertyKeyCounts: [String: Int]
    }

    /// Replaces this graph's contents with `nodes` and `relationships`, each record at its id
    /// (nil: a free slot). Adjacency lists in the node records are ignored and rebuilt. Throws
    /// `missingEndpoint` for a relationship whose endpoint is absent and
    /// `constraintViolatedByExistingData` when the data breaks a unique index.
    ///
    /// `endpoints` (start and end per relationship slot, -1 for a free one) and `counts` may be
    /// handed in by a caller that has them anyway; reading them from the records instead costs a
    /// pass of reference-counted copies.
    func assemble(nodes newNodes: inout [NodeRecord?], relationships newRelationships: inout [RelationshipRecord?],
                  indexes newIndexes: [IndexDescriptor], endpoints: BulkEndpoints? = nil,
                  counts: BulkCounts? = nil) throws {
        var timer = PhaseTimer("assemble")
        // Taken over, not copied: mutating a shared array would copy a million records.
        var nodeRecords: [NodeRecord?] = []
        var relationshipRecords: [RelationshipRecord?] = []
        swap(&nodeRecords, &newNodes)
        swap(&relationshipRecords, &newRelationships)
        let slots = nodeRecords.count
        let ends = endpoints ?? BulkEndpoints(relationshipRecords)

        // Which slots hold a node: a byte each, so the endpoint checks below stay in cache.
        var live = [Bool](repeating: false, count: slots)
        var liveNodes = 0
        nodeRecords.withUnsafeBufferPointer { records in
            for i in 0..<records.count where records[i] != nil {
                live[i] = true
                liveNodes += 1
            }
        }
        for id in 0..<ends.starts.count where ends.starts[id] >= 0 {
            let s = ends.starts[id], e = ends.ends[id]
            guard s < slots, live[s] else { throw GraphStoreError.missingEndpoint(s) }
            guard e >= 0, e < slots, live[e] else { throw GraphStoreError.missingEndpoint(e) }
        }
        let adjacency = Adjacency(ends, nodeSlots: slots)
        let liveRelationships = adjacency.outFlat.count
        timer.lap("adjacency sort")

        // Label lists in id order; consecutive nodes usually share one label array, so the
        // label-to-list lookup is cached by that array.
        var labelNames: [String] = []
        var labelLists: [[ElementID]] = []
        var labelPosition: [String: Int] = [:]
        var lastLabels: [String] = []
        var lastPositions: [Int] = []
        nodeRecords.withUnsafeMutableBufferPointer { records in
            for id in 0..<slots where live[id] {
                records[id]?.outgoing = adjacency.outgoing(id)
                records[id]?.incoming = adjacency.incoming(id)
                guard let labels = records[id]?.labels, !labels.isEmpty else { continue }
                if labels != lastLabels {
                    lastLabels = labels
                    lastPositions = labels.map { l in
                        if let p = labelPosition[l] { return p }
                        labelPosition[l] = labelNames.count
                        labelNames.append(l)
                        labelLists.append([])
                        return labelNames.count - 1
                    }
                }
                for p in lastPositions { labelLists[p].append(id) }
            }
        }
        var labels: [String: SortedIDs] = [:]
        for (i, l) in labelNames.enumerated() { labels[l] = SortedIDs(ids: labelLists[i], stale: 0) }
        timer.lap("adjacency lists and labels")

        let catalogue = counts ?? Self.countCatalogue(nodeRecords, relationshipRecords)
        nodes = nodeRecords
        relationships = relationshipRecords
        nodeCount = liveNodes
        relationshipCount = liveRelationships
        labelIndex = labels
        typeCounts = catalogue.typeCounts
        propertyKeyCounts = catalogue.propertyKeyCounts
        propertyIndexes = [:]
        indexes = []
        undoLog = nil
        for index in newIndexes { try createIndex(index) }
        timer.lap("catalogue and indexes")
    }

    static func countCatalogue(_ nodes: [NodeRecord?], _ relationships: [RelationshipRecord?]) -> BulkCounts {
        var types: [String: Int] = [:]
        var keys: [String: Int] = [:]
        for case let n? in nodes {
            for k in n.properties.keys { keys[k, default: 0] += 1 }
        }
        for case let r? in relationships {
            types[r.type, default: 0] += 1
            for k in r.properties.keys { keys[k, default: 0] += 1 }
        }
        return BulkCounts(typeCounts: types, propertyKeyCounts: keys)
    }

    /// Takes over `other`'s contents (used when a database file is reloaded under a graph that
    /// a Database already holds). `other` must not be used afterwards.
    func replaceContents(with other: MemoryGraph) {
        nodes = other.nodes
        relationships = other.relationships
        nodeCount = other.nodeCount
        relationshipCount = other.relationshipCount
        labelIndex = other.labelIndex
        typeCounts = other.typeCounts
        propertyKeyCounts = other.propertyKeyCounts
        propertyIndexes = other.propertyIndexes
        indexes = other.indexes
        undoLog = nil
    }
}

/// Builds a MemoryGraph from many elements at once, far faster than one `createNode` /
/// `createRelationship` call each. Ids are allocated in order from 0, as MemoryGraph does.
public struct MemoryGraphBuilder {
    var nodes: [MemoryGraph.NodeRecord?] = []
    var relationships: [MemoryGraph.RelationshipRecord?] = []
    var endpoints = MemoryGraph.BulkEndpoints(starts: [], ends: [])
    var counts = MemoryGraph.BulkCounts(typeCounts: [:], propertyKeyCounts: [:])
    var indexes: [IndexDescriptor] = []

    public init(reservingNodes nodeCapacity: Int = 0, relationships relationshipCapacity: Int = 0) {
        nodes.reserveCapacity(nodeCapacity)
        relationships.reserveCapacity(relationshipCapacity)
        endpoints.starts.reserveCapacity(relationshipCapacity)
        endpoints.ends.reserveCapacity(relationshipCapacity)
    }

    /// A builder that continues `graph`: its elements keep their ids, new ones follow.
    public init(continuing graph: MemoryGraph) {
        nodes = graph.nodes
        relationships = graph.relationships
        endpoints = MemoryGraph.BulkEndpoints(graph.relationships)
        counts = MemoryGraph.BulkCounts(typeCounts: graph.typeCounts, propertyKeyCounts: graph.propertyKeyCounts)
        indexes = graph.indexes
    }

    public var nodeCount: Int { nodes.count }
    public var relationshipCount: Int { relationships.count }

    /// Makes room for this many more elements.
    public mutating func reserve(nodes moreNodes: Int, relationships moreRelationships: Int) {
        nodes.reserveCapacity(nodes.count + moreNodes)
        relationships.reserveCapacity(relationships.count + moreRelationships)
        endpoints.starts.reserveCapacity(relationships.count + moreRelationships)
        endpoints.ends.reserveCapacity(relationships.count + moreRelationships)
    }

    /// Adds a node; repeated labels and null properties are dropped as `createNode` does.
    @discardableResult
    public mutating func addNode(labels: [String], properties: ValueMap) -> ElementID {
        var unique = labels
        if labels.count > 1 {
            unique = []
            for l in labels where !unique.contains(l) { unique.append(l) }
        }
        let props = properties.values.contains(where: \.isNull) ? properties.filter { !$0.value.isNull } : properties
        for k in props.keys { counts.propertyKeyCounts[k, default: 0] += 1 }
        nodes.append(MemoryGraph.NodeRecord(labels: unique, properties: props))
        return nodes.count - 1
    }

    /// Adds a relationship between two nodes added before.
    @discardableResult
    public mutating func addRelationship(type: String, start: ElementID, end: ElementID,
                                         properties: ValueMap) throws -> ElementID {
        guard start >= 0, start < nodes.count, nodes[start] != nil else { throw GraphStoreError.missingEndpoint(start) }
        guard end >= 0, end < nodes.count, nodes[end] != nil else { throw GraphStoreError.missingEndpoint(end) }
        let props = properties.values.contains(where: \.isNull) ? properties.filter { !$0.value.isNull } : properties
        counts.typeCounts[type, default: 0] += 1
        for k in props.keys { counts.propertyKeyCounts[k, default: 0] += 1 }
        relationships.append(MemoryGraph.RelationshipRecord(type: type, start: start, end: end, properties: props))
        endpoints.starts.append(start)
        endpoints.ends.append(end)
        return relationships.count - 1
    }

    /// An index or unique constraint, built (and checked) by `build()`.
    public mutating func addIndex(_ index: IndexDescriptor) {
        indexes.append(index)
    }

    /// The finished graph. Throws `constraintViolatedByExistingData` when a unique constraint
    /// does not hold over the data, or `indexExists` for two indexes of one name.
    public consuming func build() throws -> MemoryGraph {
        var n: [MemoryGraph.NodeRecord?] = []
        var r: [MemoryGraph.RelationshipRecord?] = []
        swap(&n, &nodes)
        swap(&r, &relationships)
        let graph = MemoryGraph()
        try graph.assemble(nodes: &n, relationships: &r, indexes: indexes, endpoints: endpoints, counts: counts)
        return graph
    }

    /// Replaces the contents of `graph` (which may be the graph a Database or a GraphFile
    /// holds) with the built graph. On error `graph` is left as it was.
    public consuming func build(into graph: MemoryGraph) throws {
        let built = try build()
        graph.replaceContents(with: built)
    }
}

extension MemoryGraph {
    /// Creates `count` relationships at once, with the next ids in order; row `i` gives the
    /// endpoints, an index into `types` and an index into `properties` (-1: none). All or
    /// nothing: every endpoint is checked (`missingEndpoint`) before anything changes.
    ///
    /// The same as `count` calls of `createRelationship`, but each touched node's adjacency
    /// lists grow once, by a counting sort of the new ids, instead of once per relationship
    /// (5M relationships over 1M nodes: ~15 s one at a time, about a second this way).
    /// Inside a transaction, or with a change recorder attached, each creation is logged as
    /// usual.
    @discardableResult
    public func createRelationships(count: Int, types: [String], properties: [ValueMap],
                                    row: (Int) -> (start: ElementID, end: ElementID, type: Int, properties: Int))
        throws -> Range<ElementID> {
        let first = relationships.count
        guard count > 0 else { return first..<first }
        var starts = [Int](repeating: 0, count: count)
        var ends = [Int](repeating: 0, count: count)
        var typeIndexes = [Int](repeating: 0, count: count)
        var propertyIndexes = [Int](repeating: 0, count: count)
        // Endpoint checks against one bit per node: a big batch would otherwise miss the cache
        // twice per relationship reading node records at random.
        var live = [UInt64](repeating: 0, count: nodes.count / 64 + 1)
        nodes.withUnsafeBufferPointer { records in
            for id in 0..<records.count where records[id] != nil { live[id >> 6] |= 1 << UInt64(id & 63) }
        }
        func exists(_ id: ElementID) -> Bool {
            id >= 0 && id < nodes.count && live[id >> 6] & (1 << UInt64(id & 63)) != 0
        }
        for i in 0..<count {
            let r = row(i)
            guard exists(r.start) else { throw GraphStoreError.missingEndpoint(r.start) }
            guard exists(r.end) else { throw GraphStoreError.missingEndpoint(r.end) }
            guard r.type >= 0 && r.type < types.count, r.properties < properties.count else {
                throw GraphChangeConflict(description: "relationship row \(i) refers to a type or property map that is not given")
            }
            starts[i] = r.start
            ends[i] = r.end
            typeIndexes[i] = r.type
            propertyIndexes[i] = r.properties
        }

        var typeUse = [Int](repeating: 0, count: types.count)
        var mapUse = [Int](repeating: 0, count: properties.count)
        if relationships.capacity < first + count {
            relationships.reserveCapacity(max(first + count, relationships.capacity * 2))
        }
        for i in 0..<count {
            let p = propertyIndexes[i]
            var map = p >= 0 ? properties[p] : [:]
            // Null properties are dropped, as createRelationship does.
            if map.values.contains(where: \.isNull) { map = map.filter { !$0.value.isNull } }
            relationships.append(RelationshipRecord(type: types[typeIndexes[i]], start: starts[i], end: ends[i],
                                                    properties: map))
            typeUse[typeIndexes[i]] += 1
            if p >= 0 { mapUse[p] += 1 }
        }
        relationshipCount += count
        for (t, n) in typeUse.enumerated() where n > 0 { typeCounts[types[t], default: 0] += n }
        for (m, n) in mapUse.enumerated() where n > 0 {
            for (k, v) in properties[m] where !v.isNull { propertyKeyCounts[k, default: 0] += n }
        }

        // New ids are larger than every id already listed, so appending keeps lists sorted.
        let endpoints = BulkEndpoints(starts: starts, ends: ends)
        starts = []
        ends = []
        let adjacency = Adjacency(endpoints, nodeSlots: nodes.count)
        nodes.withUnsafeMutableBufferPointer { records in
            for node in 0..<records.count {
                let o0 = adjacency.outOffsets[node], o1 = adjacency.outOffsets[node + 1]
                let i0 = adjacency.inOffsets[node], i1 = adjacency.inOffsets[node + 1]
                if o0 == o1 && i0 == i1 { continue }
                guard var rec = records[node] else { continue }
                records[node] = nil  // so that `rec` holds the only reference to its lists
                if o1 > o0 { rec.outgoing.append(contentsOf: adjacency.outFlat[o0..<o1].lazy.map { $0 + first }) }
                if i1 > i0 { rec.incoming.append(contentsOf: adjacency.inFlat[i0..<i1].lazy.map { $0 + first }) }
                records[node] = rec
            }
        }
        if undoLog != nil || changeRecorder != nil {
            for id in first..<(first + count) { log(.createdRelationship(id)) }
        }
        return first..<(first + count)
    }
}

extension MemoryGraph {
    /// The id the next created node gets (ids are allocated in order and never reused).
    public var nextNodeID: ElementID { nodes.count }

    /// Creates one node per element of `labels` and `properties` (same length), with the next
    /// ids in order, as `createNode` would one at a time: repeated labels and null properties
    /// are dropped. All or nothing: when a node breaks a unique constraint nothing is created
    /// and `uniquenessViolated` is thrown.
    ///
    /// Without unique constraints, transactions or a change recorder, the records are appended
    /// directly and the label index and key counts updated once per batch.
    @discardableResult
    public func createNodes(labels: [[String]], properties: [ValueMap]) throws -> Range<ElementID> {
        let first = nodes.count
        let n = min(labels.count, properties.count)
        if indexes.contains(where: \.unique) || undoLog != nil || changeRecorder != nil {
            // One at a time, so that every constraint check and log entry happens as usual.
            do {
                for i in 0..<n { try createNode(labels: labels[i], properties: properties[i]) }
            } catch {
                // Deleted through the logged path, so a transaction or recorder stays in step.
                for id in (first..<nodes.count).reversed() { try? deleteNode(id) }
                throw error
            }
            return first..<nodes.count
        }
        if nodes.capacity < first + n { nodes.reserveCapacity(max(first + n, nodes.capacity * 2)) }
        var members: [[ElementID]] = []
        var memberPosition: [String: Int] = [:]
        var memberLabels: [String] = []
        var lastLabels: [String] = []
        var lastPositions: [Int] = []
        var keyCounts: [String: Int] = [:]
        for i in 0..<n {
            var l = labels[i]
            if l.count > 1 {
                var unique: [String] = []
                for x in l where !unique.contains(x) { unique.append(x) }
                l = unique
            }
            var p = properties[i]
            if p.values.contains(where: \.isNull) { p = p.filter { !$0.value.isNull } }
            let id = first + i
            nodes.append(NodeRecord(labels: l, properties: p))
            if l != lastLabels {
                lastLabels = l
                lastPositions = l.map { label in
                    if let k = memberPosition[label] { return k }
                    memberPosition[label] = members.count
                    memberLabels.append(label)
                    members.append([])
                    return members.count - 1
                }
            }
            for k in lastPositions { members[k].append(id) }
            for (key, value) in p {
                keyCounts[key, default: 0] += 1
                if !propertyIndexes.isEmpty { indexNodeValue(id, labels: l, key: key, value: value) }
            }
        }
        for (k, label) in memberLabels.enumerated() {
            // New ids are the largest yet, so appending keeps each list sorted.
            labelIndex[label, default: SortedIDs()].ids.append(contentsOf: members[k])
        }
        for (key, c) in keyCounts { propertyKeyCounts[key, default: 0] += c }
        nodeCount += n
        return first..<(first + n)
    }
}
