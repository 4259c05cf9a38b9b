// `keiretsu check`: verifies a database file without changing it.
//
// Loading already checks every checksum, every length and every record (damage throws). On top
// of that the check walks the loaded graph and confirms the invariants MemoryGraph relies on —
// adjacency lists agree with relationship endpoints, the label index with node labels, the
// catalogue counts with the data, property indexes with property values, unique constraints
// hold — so that a file written by a buggy build is caught as well as a damaged one.

extension GraphFile {
    public struct CheckReport: Sendable {
        public var nodes = 0
        public var relationships = 0
        public var indexes = 0
        /// The last committed transaction in the file.
        public var transaction: UInt64 = 0
        public var snapshotBytes = 0
        public var logBytes = 0
        /// Transactions in the log since the snapshot.
        public var logTransactions = 0
        /// Bytes of an interrupted append at the end of the log: harmless, cut off by the next
        /// writer.
        public var tornTailBytes = 0
        /// Broken invariants of the loaded graph; empty for a healthy file.
        public var problems: [String] = []

        public var isClean: Bool { problems.isEmpty }
    }

    /// Checks the database at `path` (which must exist). Throws `PersistenceError` for damage
    /// found while reading; returns a report whose `problems` list broken graph invariants.
    public static func check(_ path: String) throws -> CheckReport {
        guard POSIXFile.exists(path) else { throw POSIXFile.ioError(path, "open", 2) }
        let (graph, state) = try load(path, holdingLock: false)
        var report = CheckReport()
        report.nodes = graph.nodeCount
        report.relationships = graph.relationshipCount
        report.indexes = graph.indexes.count
        report.transaction = state.lastTransaction
        report.snapshotBytes = state.snapshotBytes
        report.logBytes = state.logEnd + state.tornBytes
        report.logTransactions = Int(state.lastTransaction - min(state.lastTransaction, state.snapshotTransaction))
        report.tornTailBytes = state.tornBytes
        report.problems = graph.invariantViolations()
        return report
    }
}

extension MemoryGraph {
    /// Every way the graph's derived structures disagree with its records (at most 20 listed).
    func invariantViolations() -> [String] {
        var problems: [String] = []
        func problem(_ s: @autoclosure () -> String) {
            if problems.count < 20 { problems.append(s()) }
        }
        var liveNodes = 0
        var labelMembers: [String: [ElementID]] = [:]
        var keyCounts: [String: Int] = [:]
        for (id, slot) in nodes.enumerated() {
            guard let n = slot else { continue }
            liveNodes += 1
            if Set(n.labels).count != n.labels.count { problem("node \(id) repeats a label") }
            for l in n.labels { labelMembers[l, default: []].append(id) }
            for (k, v) in n.properties {
                keyCounts[k, default: 0] += 1
                if v.isNull { problem("node \(id) stores a null property \(k)") }
            }
            for (list, name) in [(n.outgoing, "outgoing"), (n.incoming, "incoming")] {
                if zip(list, list.dropFirst()).contains(where: { $0 >= $1 }) { problem("node \(id): \(name) list not ascending") }
                for r in list {
                    guard let rel = relationshipRecord(r) else {
                        problem("node \(id) lists missing relationship \(r)")
                        continue
                    }
                    if (name == "outgoing" ? rel.start : rel.end) != id { problem("node \(id) lists relationship \(r) of another node") }
                }
            }
        }
        if liveNodes != nodeCount { problem("node count \(nodeCount) but \(liveNodes) nodes") }
        var liveRelationships = 0
        var types: [String: Int] = [:]
        for (id, slot) in relationships.enumerated() {
            guard let r = slot else { continue }
            liveRelationships += 1
            types[r.type, default: 0] += 1
            for (k, v) in r.properties {
                keyCounts[k, default: 0] += 1
                if v.isNull { problem("relationship \(id) stores a null property \(k)") }
            }
            guard let s = nodeRecord(r.start), let e = nodeRecord(r.end) else {
                problem("relationship \(id) has a missing endpoint")
                continue
            }
            if !s.outgoing.contains(id) { problem("relationship \(id) missing from node \(r.start)'s outgoing list") }
            if !e.incoming.contains(id) { problem("relationship \(id) missing from node \(r.end)'s incoming list") }
        }
        if liveRelationships != relationshipCount { problem("relationship count \(relationshipCount) but \(liveRelationships) relationships") }
        for (label, members) in labelMembers where nodeIDs(withLabel: label) != members {
            problem("label index for \(label) disagrees with the nodes")
        }
        for label in labelIndex.keys where labelMembers[label] == nil && countNodes(withLabel: label) != 0 {
            problem("label index lists \(label), which no node has")
        }
        for (t, c) in types where typeCounts[t] != c { problem("type count for \(t) is \(typeCounts[t] ?? 0), not \(c)") }
        for (t, c) in typeCounts where c != 0 && types[t] == nil { problem("type count for \(t) is \(c), not 0") }
        for (k, c) in keyCounts where propertyKeyCounts[k] != c { problem("key count for \(k) is \(propertyKeyCounts[k] ?? 0), not \(c)") }
        for (k, c) in propertyKeyCounts where c != 0 && keyCounts[k] == nil { problem("key count for \(k) is \(c), not 0") }
        for (key, index) in propertyIndexes {
            var expected: [Value: [ElementID]] = [:]
            for id in nodeIDs(withLabel: key.label) {
                let v = nodeProperty(id, key.key)
                if !v.isNull { expected[v, default: []].append(id) }
            }
            if expected != index.entries { problem("index on :\(key.label)(\(key.key)) disagrees with the data") }
            if index.unique, let (v, ids) = expected.first(where: { $0.value.count > 1 }) {
                problem("unique constraint on :\(key.label)(\(key.key)) broken: \(ids.count) nodes hold \(v)")
            }
        }
        return problems
    }
}
