// Writes and transactions of MemoryGraph.
//
// Every write checks the uniqueness constraints first, then changes the records, the label
// index, the property indexes and the catalogue counts together, and finally logs its inverse
// when a transaction is open. A write that throws has changed nothing.

extension MemoryGraph {
    public var inTransaction: Bool { undoLog != nil }

    public func beginTransaction() {
        undoLog = []
        changeRecorder?.beginTransaction()
    }

    public func commitTransaction() {
        undoLog = nil
        changeRecorder?.commitTransaction()
    }

    public func rollbackTransaction() {
        guard let log = undoLog else { return }
        undoLog = nil  // the inverse operations below must not log themselves
        let recorder = changeRecorder
        changeRecorder = nil  // nor be recorded as changes: the recorder drops the transaction's
        for op in log.reversed() { undo(op) }
        changeRecorder = recorder
        recorder?.rollbackTransaction()
    }

    /// A point inside the open transaction that `rollback(to:)` can return to: how a failed
    /// statement inside an explicit transaction (the REPL's :begin, `run --single-transaction`)
    /// undoes its own changes and keeps the earlier statements'.
    public struct Savepoint: Sendable {
        let undoCount: Int
        let recordedCount: Int?
    }

    public func savepoint() -> Savepoint {
        Savepoint(undoCount: undoLog?.count ?? 0, recordedCount: changeRecorder?.changes.count)
    }

    public func rollback(to savepoint: Savepoint) {
        guard let log = undoLog, savepoint.undoCount <= log.count else { return }
        let tail = log[savepoint.undoCount...]
        undoLog = nil
        let recorder = changeRecorder
        changeRecorder = nil
        for op in tail.reversed() { undo(op) }
        changeRecorder = recorder
        undoLog = Array(log[..<savepoint.undoCount])
        if let recorder, let count = savepoint.recordedCount { recorder.truncate(to: count) }
    }

    @inline(__always)
    func log(_ op: Undo) {
        if undoLog != nil { undoLog?.append(op) }
        if let recorder = changeRecorder { recorder.record(op, in: self) }
    }

    // MARK: Nodes

    @discardableResult
    public func createNode(labels: [String], properties: ValueMap) throws -> ElementID {
        let id = nodes.count
        var uniqueLabels: [String] = []
        for l in labels where !uniqueLabels.contains(l) { uniqueLabels.append(l) }
        let props = properties.filter { !$0.value.isNull }
        for l in uniqueLabels {
            for (k, v) in props { try checkUnique(label: l, key: k, value: v, excluding: id) }
        }
        nodes.append(NodeRecord(labels: uniqueLabels, properties: ValueMap(uniqueKeysWithValues: props.map { ($0.key, $0.value) })))
        nodeCount += 1
        for l in uniqueLabels { labelIndex[l, default: SortedIDs()].insert(id) }
        for (k, v) in props {
            propertyKeyCounts[k, default: 0] += 1
            indexNodeValue(id, labels: uniqueLabels, key: k, value: v)
        }
        log(.createdNode(id))
        return id
    }

    public func deleteNode(_ id: ElementID) throws {
        guard let rec = nodeRecord(id) else { return }
        guard rec.outgoing.isEmpty && rec.incoming.isEmpty else {
            throw GraphStoreError.nodeHasRelationships(id)
        }
        removeNodeRecord(id)
        log(.deletedNode(id, rec))
    }

    func removeNodeRecord(_ id: ElementID) {
        guard let rec = nodeRecord(id) else { return }
        nodes[id] = nil
        nodeCount -= 1
        for l in rec.labels {
            labelIndex[l]?.markRemoved(compactingWith: { self.nodeHasLabel($0, l) })
        }
        for (k, v) in rec.properties {
            propertyKeyCounts[k, default: 1] -= 1
            unindexNodeValue(id, labels: rec.labels, key: k, value: v)
        }
    }

    func restoreNodeRecord(_ id: ElementID, _ rec: NodeRecord) {
        nodes[id] = rec
        nodeCount += 1
        for l in rec.labels { labelIndex[l, default: SortedIDs()].insert(id) }
        for (k, v) in rec.properties {
            propertyKeyCounts[k, default: 0] += 1
            indexNodeValue(id, labels: rec.labels, key: k, value: v)
        }
    }

    @discardableResult
    public func setNodeProperty(_ id: ElementID, _ key: String, _ value: Value) throws -> Value {
        guard var rec = nodeRecord(id) else { return .null }
        let old = rec.properties[key] ?? .null
        let position = rec.properties.index(forKey: key)
        if value.isNull && old.isNull { return old }
        if !value.isNull {
            for l in rec.labels { try checkUnique(label: l, key: key, value: value, excluding: id) }
        }
        if !old.isNull {
            unindexNodeValue(id, labels: rec.labels, key: key, value: old)
            propertyKeyCounts[key, default: 1] -= 1
        }
        nodes[id] = nil  // release the array's reference so the record below is uniquely owned
        if value.isNull {
            rec.properties.removeValue(forKey: key)
        } else {
            rec.properties[key] = value
            propertyKeyCounts[key, default: 0] += 1
            indexNodeValue(id, labels: rec.labels, key: key, value: value)
        }
        nodes[id] = rec
        log(.nodeProperty(id, key, old, position: position))
        return old
    }

    @discardableResult
    public func addLabel(_ id: ElementID, _ label: String) throws -> Bool {
        guard var rec = nodeRecord(id), !rec.labels.contains(label) else { return false }
        for (k, v) in rec.properties { try checkUnique(label: label, key: k, value: v, excluding: id) }
        rec.labels.append(label)
        nodes[id] = rec
        labelIndex[label, default: SortedIDs()].insert(id)
        for (k, v) in rec.properties { indexNodeValue(id, labels: [label], key: k, value: v) }
        log(.labelAdded(id, label))
        return true
    }

    @discardableResult
    public func removeLabel(_ id: ElementID, _ label: String) -> Bool {
        guard var rec = nodeRecord(id), let pos = rec.labels.firstIndex(of: label) else { return false }
        rec.labels.remove(at: pos)
        nodes[id] = rec
        labelIndex[label]?.markRemoved(compactingWith: { self.nodeHasLabel($0, label) })
        for (k, v) in rec.properties { unindexNodeValue(id, labels: [label], key: k, value: v) }
        log(.labelRemoved(id, label, position: pos))
        return true
    }

    // MARK: Relationships

    @discardableResult
    public func createRelationship(type: String, start: ElementID, end: ElementID, properties: ValueMap) throws -> ElementID {
        guard nodeExists(start) else { throw GraphStoreError.missingEndpoint(start) }
        guard nodeExists(end) else { throw GraphStoreError.missingEndpoint(end) }
        let id = relationships.count
        let props = properties.filter { !$0.value.isNull }
        relationships.append(RelationshipRecord(type: type, start: start, end: end, properties: props))
        relationshipCount += 1
        typeCounts[type, default: 0] += 1
        for (k, _) in props { propertyKeyCounts[k, default: 0] += 1 }
        // New ids are the largest yet, so appending keeps the adjacency lists sorted.
        nodes[start]?.outgoing.append(id)
        nodes[end]?.incoming.append(id)
        log(.createdRelationship(id))
        return id
    }

    public func deleteRelationship(_ id: ElementID) {
        guard let rec = relationshipRecord(id) else { return }
        removeRelationshipRecord(id, rec)
        log(.deletedRelationship(id, rec))
    }

    func removeRelationshipRecord(_ id: ElementID, _ rec: RelationshipRecord) {
        relationships[id] = nil
        relationshipCount -= 1
        typeCounts[rec.type, default: 1] -= 1
        for (k, _) in rec.properties { propertyKeyCounts[k, default: 1] -= 1 }
        nodes[rec.start]?.outgoing.removeSorted(id)
        nodes[rec.end]?.incoming.removeSorted(id)
    }

    func restoreRelationshipRecord(_ id: ElementID, _ rec: RelationshipRecord) {
        relationships[id] = rec
        relationshipCount += 1
        typeCounts[rec.type, default: 0] += 1
        for (k, _) in rec.properties { propertyKeyCounts[k, default: 0] += 1 }
        nodes[rec.start]?.outgoing.insertSorted(id)
        nodes[rec.end]?.incoming.insertSorted(id)
    }

    @discardableResult
    public func setRelationshipProperty(_ id: ElementID, _ key: String, _ value: Value) throws -> Value {
        guard var rec = relationshipRecord(id) else { return .null }
        let old = rec.properties[key] ?? .null
        let position = rec.properties.index(forKey: key)
        if value.isNull && old.isNull { return old }
        if !old.isNull { propertyKeyCounts[key, default: 1] -= 1 }
        relationships[id] = nil
        if value.isNull {
            rec.properties.removeValue(forKey: key)
        } else {
            rec.properties[key] = value
            propertyKeyCounts[key, default: 0] += 1
        }
        relationships[id] = rec
        log(.relationshipProperty(id, key, old, position: position))
        return old
    }

    // MARK: Undo

    func undo(_ op: Undo) {
        switch op {
        case .createdNode(let id):
            removeNodeRecord(id)
        case .createdRelationship(let id):
            if let rec = relationshipRecord(id) { removeRelationshipRecord(id, rec) }
        case .deletedNode(let id, let rec):
            restoreNodeRecord(id, rec)
        case .deletedRelationship(let id, let rec):
            restoreRelationshipRecord(id, rec)
        case .nodeProperty(let id, let key, let old, let position):
            _ = try? setNodeProperty(id, key, old)
            // Put the key back where it stood, so property order survives a rollback.
            if let position, var rec = nodes[id], let now = rec.properties.index(forKey: key), now != position {
                nodes[id] = nil
                let value = rec.properties.remove(at: now).value
                rec.properties.updateValue(value, forKey: key, insertingAt: min(position, rec.properties.count))
                nodes[id] = rec
            }
        case .relationshipProperty(let id, let key, let old, let position):
            _ = try? setRelationshipProperty(id, key, old)
            if let position, var rec = relationships[id], let now = rec.properties.index(forKey: key), now != position {
                relationships[id] = nil
                let value = rec.properties.remove(at: now).value
                rec.properties.updateValue(value, forKey: key, insertingAt: min(position, rec.properties.count))
                relationships[id] = rec
            }
        case .labelAdded(let id, let label):
            removeLabel(id, label)
        case .labelRemoved(let id, let label, let position):
            if (try? addLabel(id, label)) == true, var rec = nodes[id], let p = rec.labels.firstIndex(of: label) {
                // Put the label back where it was so `labels(n)` prints as before.
                rec.labels.remove(at: p)
                rec.labels.insert(label, at: min(position, rec.labels.count))
                nodes[id] = rec
            }
        case .indexCreated(let name):
            try? dropIndex(named: name)
        case .indexDropped(let index):
            try? createIndex(index)
        }
    }
}

extension Array where Element == ElementID {
    mutating func removeSorted(_ id: ElementID) {
        if let last = self.last, last == id {
            removeLast()
            return
        }
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid] < id { lo = mid + 1 } else { hi = mid }
        }
        if lo < count && self[lo] == id { remove(at: lo) }
    }

    mutating func insertSorted(_ id: ElementID) {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid] < id { lo = mid + 1 } else { hi = mid }
        }
        if lo < count && self[lo] == id { return }
        insert(id, at: lo)
    }
}
