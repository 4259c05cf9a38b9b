// Property indexes and uniqueness constraints of MemoryGraph.
//
// An index on (label, key) maps each value, by Cypher equivalence (so `1` and `1.0` share an
// entry), to the ascending ids of the nodes holding it. A unique index is the same structure
// with a check before every write. Composite indexes are recorded in the catalogue but only
// their first property is used for lookups.

struct PropertyIndexKey: Hashable {
    var label: String
    var key: String
}

struct PropertyIndex {
    var unique: Bool
    var entries: [Value: [ElementID]] = [:]
}

extension MemoryGraph {
    public func indexedNodeIDs(label: String, key: String, value: Value) -> [ElementID]? {
        guard let index = propertyIndexes[PropertyIndexKey(label: label, key: key)] else { return nil }
        return index.entries[value] ?? []
    }

    public func createIndex(_ index: IndexDescriptor) throws {
        if indexes.contains(where: { $0.name == index.name }) { throw GraphStoreError.indexExists(index.name) }
        guard let key = index.properties.first else { return }
        let indexKey = PropertyIndexKey(label: index.label, key: key)
        var built = PropertyIndex(unique: index.unique)
        for id in nodeIDs(withLabel: index.label) {
            let v = nodeProperty(id, key)
            guard !v.isNull else { continue }
            if index.unique && built.entries[v] != nil {
                throw GraphStoreError.constraintViolatedByExistingData(label: index.label, property: key)
            }
            built.entries[v, default: []].append(id)
        }
        if let existing = propertyIndexes[indexKey] {
            built.unique = built.unique || existing.unique
        }
        propertyIndexes[indexKey] = built
        indexes.append(index)
        log(.indexCreated(index.name))
    }

    public func dropIndex(named name: String) throws {
        guard let pos = indexes.firstIndex(where: { $0.name == name }) else { throw GraphStoreError.indexMissing(name) }
        let index = indexes.remove(at: pos)
        if let key = index.properties.first {
            let indexKey = PropertyIndexKey(label: index.label, key: key)
            let remaining = indexes.filter { $0.label == index.label && $0.properties.first == key }
            if remaining.isEmpty {
                propertyIndexes[indexKey] = nil
            } else {
                propertyIndexes[indexKey]?.unique = remaining.contains(where: { $0.unique })
            }
        }
        log(.indexDropped(index))
    }

    func checkUnique(label: String, key: String, value: Value, excluding id: ElementID) throws {
        guard let index = propertyIndexes[PropertyIndexKey(label: label, key: key)], index.unique else { return }
        if let holders = index.entries[value], holders.contains(where: { $0 != id }) {
            throw GraphStoreError.uniquenessViolated(label: label, property: key, value: value)
        }
    }

    func indexNodeValue(_ id: ElementID, labels: [String], key: String, value: Value) {
        guard !propertyIndexes.isEmpty else { return }
        for l in labels {
            let k = PropertyIndexKey(label: l, key: key)
            if propertyIndexes[k] != nil { propertyIndexes[k]?.entries[value, default: []].insertSorted(id) }
        }
    }

    func unindexNodeValue(_ id: ElementID, labels: [String], key: String, value: Value) {
        guard !propertyIndexes.isEmpty else { return }
        for l in labels {
            let k = PropertyIndexKey(label: l, key: key)
            guard propertyIndexes[k] != nil else { continue }
            propertyIndexes[k]?.entries[value]?.removeSorted(id)
            if propertyIndexes[k]?.entries[value]?.isEmpty == true { propertyIndexes[k]?.entries[value] = nil }
        }
    }
}
