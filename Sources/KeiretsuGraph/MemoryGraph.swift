// MemoryGraph: the in-memory GraphStore every command queries.
//
// Layout: nodes and relationships live in arrays indexed by element id (ids are dense and
// allocated monotonically, a deleted slot stays nil). Each node keeps its outgoing and incoming
// relationship ids in ascending order. A label index maps a label to the sorted ids of the
// nodes carrying it; property indexes map (label, key) to value → ids.
//
// Transactions keep an undo log of inverse operations; rollback replays it backwards. Ids
// consumed by a rolled-back transaction are not reused, so ids stay stable within a run.
//
// Concurrency: a MemoryGraph is used by one thread at a time (the Database that owns it runs one
// statement at a time), hence `@unchecked Sendable`.

public final class MemoryGraph: GraphStore, @unchecked Sendable {
    struct NodeRecord {
        var labels: [String]
        var properties: ValueMap
        var outgoing: [ElementID] = []
        var incoming: [ElementID] = []
    }

    struct RelationshipRecord {
        var type: String
        var start: ElementID
        var end: ElementID
        var properties: ValueMap
    }

    enum Undo {
        case createdNode(ElementID)
        case createdRelationship(ElementID)
        case deletedNode(ElementID, NodeRecord)
        case deletedRelationship(ElementID, RelationshipRecord)
        /// The previous value, and where the key stood among the properties (nil: absent).
        case nodeProperty(ElementID, String, Value, position: Int?)
        case relationshipProperty(ElementID, String, Value, position: Int?)
        case labelAdded(ElementID, String)
        case labelRemoved(ElementID, String, position: Int)
        case indexCreated(String)
        case indexDropped(IndexDescriptor)
    }

    var nodes: [NodeRecord?] = []
    var relationships: [RelationshipRecord?] = []
    public internal(set) var nodeCount = 0
    public internal(set) var relationshipCount = 0
    var labelIndex: [String: SortedIDs] = [:]
    var typeCounts: [String: Int] = [:]
    var propertyKeyCounts: [String: Int] = [:]
    var propertyIndexes: [PropertyIndexKey: PropertyIndex] = [:]
    public internal(set) var indexes: [IndexDescriptor] = []
    var undoLog: [Undo]? = nil
    /// When set, every write that stands (is not rolled back) is also recorded here as a redo
    /// change — how a database file learns what to append to its log (MemoryGraph+ChangeLog.swift).
    public var changeRecorder: GraphChangeRecorder? = nil

    public init() {}

    /// A deep copy (value semantics of the stored arrays make this cheap until either side
    /// writes). Used to give each saved-query file or TCK scenario a fresh graph.
    public func copy() -> MemoryGraph {
        let g = MemoryGraph()
        g.nodes = nodes
        g.relationships = relationships
        g.nodeCount = nodeCount
        g.relationshipCount = relationshipCount
        g.labelIndex = labelIndex
        g.typeCounts = typeCounts
        g.propertyKeyCounts = propertyKeyCounts
        g.propertyIndexes = propertyIndexes
        g.indexes = indexes
        return g
    }

    /// Reserves storage ahead of a bulk load.
    public func reserve(nodes n: Int, relationships r: Int) {
        nodes.reserveCapacity(n)
        relationships.reserveCapacity(r)
    }

    // MARK: - Reads

    public func node(_ id: ElementID) -> Node? {
        guard let rec = nodeRecord(id) else { return nil }
        return Node(id: id, labels: rec.labels, properties: rec.properties)
    }

    public func relationship(_ id: ElementID) -> Relationship? {
        guard let rec = relationshipRecord(id) else { return nil }
        return Relationship(id: id, type: rec.type, start: rec.start, end: rec.end, properties: rec.properties)
    }

    @inline(__always)
    func nodeRecord(_ id: ElementID) -> NodeRecord? {
        guard id >= 0 && id < nodes.count else { return nil }
        return nodes[id]
    }

    @inline(__always)
    func relationshipRecord(_ id: ElementID) -> RelationshipRecord? {
        guard id >= 0 && id < relationships.count else { return nil }
        return relationships[id]
    }

    public func nodeExists(_ id: ElementID) -> Bool { nodeRecord(id) != nil }
    public func relationshipExists(_ id: ElementID) -> Bool { relationshipRecord(id) != nil }
    public func nodeLabels(_ id: ElementID) -> [String] { nodeRecord(id)?.labels ?? [] }

    public func nodeHasLabel(_ id: ElementID, _ label: String) -> Bool {
        guard id >= 0 && id < nodes.count, let rec = nodes[id] else { return false }
        return rec.labels.contains(label)
    }

    public func nodeProperty(_ id: ElementID, _ key: String) -> Value {
        guard id >= 0 && id < nodes.count, let rec = nodes[id] else { return .null }
        return rec.properties[key] ?? .null
    }

    public func nodeProperties(_ id: ElementID) -> ValueMap { nodeRecord(id)?.properties ?? [:] }

    public func relationshipProperty(_ id: ElementID, _ key: String) -> Value {
        guard id >= 0 && id < relationships.count, let rec = relationships[id] else { return .null }
        return rec.properties[key] ?? .null
    }

    public func relationshipProperties(_ id: ElementID) -> ValueMap { relationshipRecord(id)?.properties ?? [:] }
    public func relationshipType(_ id: ElementID) -> String? { relationshipRecord(id)?.type }

    public func relationshipEndpoints(_ id: ElementID) -> (ElementID, ElementID)? {
        guard let rec = relationshipRecord(id) else { return nil }
        return (rec.start, rec.end)
    }

    public func allNodeIDs() -> [ElementID] {
        var ids: [ElementID] = []
        ids.reserveCapacity(nodeCount)
        for (i, n) in nodes.enumerated() where n != nil { ids.append(i) }
        return ids
    }

    public func nodeIDs(withLabel label: String) -> [ElementID] {
        guard let index = labelIndex[label] else { return [] }
        if index.stale == 0 { return index.ids }
        return index.ids.filter { nodeHasLabel($0, label) }
    }

    public func countNodes(withLabel label: String) -> Int { labelIndex[label]?.live ?? 0 }

    public func allRelationshipIDs() -> [ElementID] {
        var ids: [ElementID] = []
        ids.reserveCapacity(relationshipCount)
        for (i, r) in relationships.enumerated() where r != nil { ids.append(i) }
        return ids
    }

    public func countRelationships(withType type: String) -> Int { typeCounts[type] ?? 0 }

    public func relationshipIDs(of node: ElementID, direction: Direction) -> [ElementID] {
        guard let rec = nodeRecord(node) else { return [] }
        switch direction {
        case .outgoing: return rec.outgoing
        case .incoming: return rec.incoming
        case .both:
            // Merge the two sorted lists; a self-loop appears in both and is listed once.
            var out: [ElementID] = []
            out.reserveCapacity(rec.outgoing.count + rec.incoming.count)
            var i = 0, j = 0
            let a = rec.outgoing, b = rec.incoming
            while i < a.count || j < b.count {
                if j >= b.count || (i < a.count && a[i] < b[j]) {
                    out.append(a[i]); i += 1
                } else if i >= a.count || b[j] < a[i] {
                    out.append(b[j]); j += 1
                } else {
                    out.append(a[i]); i += 1; j += 1
                }
            }
            return out
        }
    }

    public func degree(of node: ElementID, direction: Direction) -> Int {
        guard let rec = nodeRecord(node) else { return 0 }
        switch direction {
        case .outgoing: return rec.outgoing.count
        case .incoming: return rec.incoming.count
        case .both: return relationshipIDs(of: node, direction: .both).count
        }
    }

    // MARK: - Catalogue

    public func labelsInUse() -> [String] {
        labelIndex.filter { $0.value.live > 0 }.keys.sorted(by: { compareStrings($0, $1) < 0 })
    }

    public func relationshipTypesInUse() -> [String] {
        typeCounts.filter { $0.value > 0 }.keys.sorted(by: { compareStrings($0, $1) < 0 })
    }

    public func propertyKeysInUse() -> [String] {
        propertyKeyCounts.filter { $0.value > 0 }.keys.sorted(by: { compareStrings($0, $1) < 0 })
    }
}

/// Sorted node ids for one label. Removals leave a stale entry (checked against the node's own
/// labels on read) until more than half are stale, which keeps mass deletes linear.
struct SortedIDs {
    var ids: [ElementID] = []
    var stale = 0
    var live: Int { ids.count - stale }

    /// Binary search: the index of `id` or where it would go.
    func position(_ id: ElementID) -> (Int, found: Bool) {
        var lo = 0, hi = ids.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ids[mid] < id { lo = mid + 1 } else { hi = mid }
        }
        return (lo, lo < ids.count && ids[lo] == id)
    }

    /// Adds `id`; `revive` says the id may still sit here as a stale entry.
    mutating func insert(_ id: ElementID) {
        if let last = ids.last, last < id {
            ids.append(id)
            return
        }
        if ids.isEmpty {
            ids.append(id)
            return
        }
        let (p, found) = position(id)
        if found { stale -= 1 } else { ids.insert(id, at: p) }
    }

    mutating func markRemoved(compactingWith stillHas: (ElementID) -> Bool) {
        stale += 1
        if stale > 32 && stale * 2 > ids.count {
            ids = ids.filter(stillHas)
            stale = 0
        }
    }
}
