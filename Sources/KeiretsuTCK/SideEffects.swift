// Side effects of a query, measured by diffing the graph before and after it.
//
// The TCK's `And the side effects should be:` counts what changed, and the runner computes that
// from two snapshots rather than trusting the engine's own statistics, so a wrong counter in the
// engine cannot hide a wrong write (or the reverse):
//
//   +nodes / -nodes                  node ids present only after / only before
//   +relationships / -relationships  the same for relationship ids
//   +labels / -labels                labels that exist somewhere in the graph only after / only
//                                    before (not the number of label assignments)
//   +properties / -properties        per element alive before and after: a new key +1, a removed
//                                    key -1, a changed value -1 and +1; every property of a created
//                                    element +1, of a deleted element -1
//
// Property values are compared by their TCK canonical form, so `1` → `1.0` is a change.

import KeiretsuGraph

public struct SideEffects: Sendable, Equatable, CustomStringConvertible {
    public var nodesCreated = 0
    public var nodesDeleted = 0
    public var relationshipsCreated = 0
    public var relationshipsDeleted = 0
    public var labelsAdded = 0
    public var labelsRemoved = 0
    public var propertiesAdded = 0
    public var propertiesRemoved = 0

    public init() {}

    /// The TCK row names, in the order the TCK lists them.
    public static let rowNames = ["+nodes", "-nodes", "+relationships", "-relationships",
                                  "+labels", "-labels", "+properties", "-properties"]

    public var counts: [(name: String, value: Int)] {
        [("+nodes", nodesCreated), ("-nodes", nodesDeleted),
         ("+relationships", relationshipsCreated), ("-relationships", relationshipsDeleted),
         ("+labels", labelsAdded), ("-labels", labelsRemoved),
         ("+properties", propertiesAdded), ("-properties", propertiesRemoved)]
    }

    /// Reads a `| +nodes | 1 |` table; rows left out mean 0.
    public static func parse(table: [[String]]) throws -> SideEffects {
        var e = SideEffects()
        for row in table {
            guard row.count == 2, let n = Int(row[1]), n >= 0 else {
                throw TCKValueError(text: row.joined(separator: " | "), position: 0,
                                   message: "a side effect row is `| +nodes | 1 |`")
            }
            switch row[0] {
            case "+nodes": e.nodesCreated = n
            case "-nodes": e.nodesDeleted = n
            case "+relationships": e.relationshipsCreated = n
            case "-relationships": e.relationshipsDeleted = n
            case "+labels": e.labelsAdded = n
            case "-labels": e.labelsRemoved = n
            case "+properties": e.propertiesAdded = n
            case "-properties": e.propertiesRemoved = n
            default:
                throw TCKValueError(text: row[0], position: 0, message: "unknown side effect")
            }
        }
        return e
    }

    /// Non-zero counts as `+nodes 1, -properties 2`; `none` when nothing changed.
    public var description: String {
        let parts = counts.filter { $0.value != 0 }.map { "\($0.name) \($0.value)" }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }
}

/// What the side-effect diff needs of a graph: element ids, labels and canonical properties.
public struct GraphSnapshot: Sendable, Equatable {
    public var nodes: [ElementID: (labels: Set<String>, properties: [String: String])]
    public var relationships: [ElementID: [String: String]]

    public static func == (a: GraphSnapshot, b: GraphSnapshot) -> Bool {
        guard a.relationships == b.relationships, a.nodes.count == b.nodes.count else { return false }
        for (id, n) in a.nodes {
            guard let m = b.nodes[id], m.labels == n.labels, m.properties == n.properties else { return false }
        }
        return true
    }

    public init(nodes: [Node], relationships: [Relationship]) {
        var ns: [ElementID: (labels: Set<String>, properties: [String: String])] = [:]
        for n in nodes { ns[n.id] = (Set(n.labels), canonicalProperties(n.properties)) }
        var rs: [ElementID: [String: String]] = [:]
        for r in relationships { rs[r.id] = canonicalProperties(r.properties) }
        self.nodes = ns
        self.relationships = rs
    }

    /// Reads every node and relationship of `graph`.
    public init(_ graph: any GraphStore) {
        self.init(nodes: graph.allNodeIDs().compactMap(graph.node),
                  relationships: graph.allRelationshipIDs().compactMap(graph.relationship))
    }

    var labelsInUse: Set<String> {
        var s = Set<String>()
        for n in nodes.values { s.formUnion(n.labels) }
        return s
    }

    /// The side effects that turn `before` into `after`.
    public static func diff(before: GraphSnapshot, after: GraphSnapshot) -> SideEffects {
        var e = SideEffects()
        for (id, n) in after.nodes {
            if let old = before.nodes[id] {
                countPropertyChanges(old.properties, n.properties, into: &e)
            } else {
                e.nodesCreated += 1
                e.propertiesAdded += n.properties.count
            }
        }
        for (id, n) in before.nodes where after.nodes[id] == nil {
            e.nodesDeleted += 1
            e.propertiesRemoved += n.properties.count
        }
        for (id, props) in after.relationships {
            if let old = before.relationships[id] {
                countPropertyChanges(old, props, into: &e)
            } else {
                e.relationshipsCreated += 1
                e.propertiesAdded += props.count
            }
        }
        for (id, props) in before.relationships where after.relationships[id] == nil {
            e.relationshipsDeleted += 1
            e.propertiesRemoved += props.count
        }
        let labelsBefore = before.labelsInUse, labelsAfter = after.labelsInUse
        e.labelsAdded = labelsAfter.subtracting(labelsBefore).count
        e.labelsRemoved = labelsBefore.subtracting(labelsAfter).count
        return e
    }

    static func countPropertyChanges(_ old: [String: String], _ new: [String: String], into e: inout SideEffects) {
        for (k, v) in new {
            if let w = old[k] {
                if w != v {
                    e.propertiesAdded += 1
                    e.propertiesRemoved += 1
                }
            } else {
                e.propertiesAdded += 1
            }
        }
        for k in old.keys where new[k] == nil { e.propertiesRemoved += 1 }
    }
}

/// Property values by their canonical TCK text; null-valued entries are not properties.
func canonicalProperties(_ m: ValueMap) -> [String: String] {
    var out: [String: String] = [:]
    for (k, v) in m where !v.isNull { out[k] = TCKValue(actual: v).canonical() }
    return out
}
