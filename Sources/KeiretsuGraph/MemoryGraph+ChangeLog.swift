// The redo side of MemoryGraph's transactions: a recorder of committed changes, and `apply`.
//
// The undo log (MemoryGraph+Writes.swift) lets a failed statement roll back; a database file
// needs the opposite — what a *successful* statement did, to append to its write-ahead log.
// When a `GraphChangeRecorder` is attached (`graph.changeRecorder`), every write that logs an
// undo entry also records a `GraphChange`, derived from the undo entry and the state right after
// the write. Rolling back a transaction drops what the transaction recorded, so a recorder only
// ever holds changes that stand; the persistence layer drains it after each statement.
//
// Changes are logical and carry the element ids the writes allocated. `apply` replays them
// exactly, placing created elements at their recorded ids (ids skipped by rolled-back
// transactions stay free), so a graph rebuilt from a snapshot plus the log has the same ids,
// labels, property order and indexes as the graph that wrote them.

public enum GraphChange: Sendable {
    case createNode(id: ElementID, labels: [String], properties: ValueMap)
    case createRelationship(id: ElementID, type: String, start: ElementID, end: ElementID, properties: ValueMap)
    case deleteNode(ElementID)
    case deleteRelationship(ElementID)
    /// `.null` removes the property.
    case setNodeProperty(ElementID, key: String, value: Value)
    case setRelationshipProperty(ElementID, key: String, value: Value)
    case addLabel(ElementID, label: String)
    case removeLabel(ElementID, label: String)
    case createIndex(IndexDescriptor)
    case dropIndex(name: String)
}

/// Collects the changes made to a graph while attached to it. Not thread-safe: it belongs to
/// the graph's one writer.
public final class GraphChangeRecorder: @unchecked Sendable {
    // @unchecked: used only by the thread that writes to the graph it is attached to.

    public private(set) var changes: [GraphChange] = []
    /// Where each open transaction started in `changes` (the store allows one level).
    var transactionStart: Int? = nil

    public init() {}

    /// Returns the changes recorded so far and forgets them.
    public func drain() -> [GraphChange] {
        let out = changes
        changes = []
        if transactionStart != nil { transactionStart = 0 }
        return out
    }

    public var isEmpty: Bool { changes.isEmpty }

    func beginTransaction() { transactionStart = changes.count }

    /// Forgets the changes after the first `count` (a rollback to a savepoint).
    func truncate(to count: Int) {
        if count < changes.count { changes.removeSubrange(count...) }
    }

    func commitTransaction() { transactionStart = nil }

    func rollbackTransaction() {
        if let start = transactionStart, start <= changes.count {
            changes.removeSubrange(start...)
        }
        transactionStart = nil
    }

    /// Turns an undo entry, logged right after its write, into the redo change.
    func record(_ op: MemoryGraph.Undo, in graph: MemoryGraph) {
        switch op {
        case .createdNode(let id):
            guard let rec = graph.nodeRecord(id) else { return }
            changes.append(.createNode(id: id, labels: rec.labels, properties: rec.properties))
        case .createdRelationship(let id):
            guard let rec = graph.relationshipRecord(id) else { return }
            changes.append(.createRelationship(id: id, type: rec.type, start: rec.start, end: rec.end,
                                               properties: rec.properties))
        case .deletedNode(let id, _):
            changes.append(.deleteNode(id))
        case .deletedRelationship(let id, _):
            changes.append(.deleteRelationship(id))
        case .nodeProperty(let id, let key, _, _):
            changes.append(.setNodeProperty(id, key: key, value: graph.nodeProperty(id, key)))
        case .relationshipProperty(let id, let key, _, _):
            changes.append(.setRelationshipProperty(id, key: key, value: graph.relationshipProperty(id, key)))
        case .labelAdded(let id, let label):
            changes.append(.addLabel(id, label: label))
        case .labelRemoved(let id, let label, _):
            changes.append(.removeLabel(id, label: label))
        case .indexCreated(let name):
            guard let index = graph.indexes.first(where: { $0.name == name }) else { return }
            changes.append(.createIndex(index))
        case .indexDropped(let index):
            changes.append(.dropIndex(name: index.name))
        }
    }
}

/// A change that cannot be applied to the graph in its current state: the log and the graph
/// disagree, which means the file is damaged.
public struct GraphChangeConflict: Error, Sendable, CustomStringConvertible {
    public var description: String
}

extension MemoryGraph {
    /// Applies a recorded change. Throws `GraphChangeConflict` when the change does not fit the
    /// graph (an id already taken, an element that is missing) and `GraphStoreError` when it
    /// breaks a constraint.
    public func apply(_ change: GraphChange) throws {
        func conflict(_ s: String) -> GraphChangeConflict { GraphChangeConflict(description: s) }
        switch change {
        case .createNode(let id, let labels, let properties):
            guard id >= 0 else { throw conflict("node id \(id) is negative") }
            if id < nodes.count, nodes[id] != nil { throw conflict("node \(id) already exists") }
            var unique: [String] = []
            for l in labels where !unique.contains(l) { unique.append(l) }
            let props = properties.filter { !$0.value.isNull }
            for l in unique {
                for (k, v) in props { try checkUnique(label: l, key: k, value: v, excluding: id) }
            }
            if id >= nodes.count { nodes.append(contentsOf: repeatElement(nil, count: id - nodes.count + 1)) }
            restoreNodeRecord(id, NodeRecord(labels: unique, properties: props))
            log(.createdNode(id))
        case .createRelationship(let id, let type, let start, let end, let properties):
            guard id >= 0 else { throw conflict("relationship id \(id) is negative") }
            if id < relationships.count, relationships[id] != nil { throw conflict("relationship \(id) already exists") }
            guard nodeExists(start) else { throw GraphStoreError.missingEndpoint(start) }
            guard nodeExists(end) else { throw GraphStoreError.missingEndpoint(end) }
            if id >= relationships.count {
                relationships.append(contentsOf: repeatElement(nil, count: id - relationships.count + 1))
            }
            let props = properties.filter { !$0.value.isNull }
            restoreRelationshipRecord(id, RelationshipRecord(type: type, start: start, end: end, properties: props))
            log(.createdRelationship(id))
        case .deleteNode(let id):
            guard nodeExists(id) else { throw conflict("node \(id) to delete does not exist") }
            try deleteNode(id)
        case .deleteRelationship(let id):
            guard relationshipExists(id) else { throw conflict("relationship \(id) to delete does not exist") }
            deleteRelationship(id)
        case .setNodeProperty(let id, let key, let value):
            guard nodeExists(id) else { throw conflict("node \(id) does not exist") }
            try setNodeProperty(id, key, value)
        case .setRelationshipProperty(let id, let key, let value):
            guard relationshipExists(id) else { throw conflict("relationship \(id) does not exist") }
            try setRelationshipProperty(id, key, value)
        case .addLabel(let id, let label):
            guard nodeExists(id) else { throw conflict("node \(id) does not exist") }
            try addLabel(id, label)
        case .removeLabel(let id, let label):
            guard nodeExists(id) else { throw conflict("node \(id) does not exist") }
            removeLabel(id, label)
        case .createIndex(let index):
            try createIndex(index)
        case .dropIndex(let name):
            try dropIndex(named: name)
        }
    }
}
