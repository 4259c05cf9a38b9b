// Subgraph: which nodes and relationships an export covers.
//
// Either the whole graph, or what a query returned: every node, relationship and path found in
// the result values — also inside lists and maps, as `collect(n)` or `{a: n}` return them — plus
// the two endpoints of each relationship, so that an exported edge never points at a missing
// node (the GraphML schema and Graphviz both require its endpoints). Ids are kept ascending,
// which makes every export of the same subgraph byte-identical.

import KeiretsuCypher
import KeiretsuGraph

public struct Subgraph: Sendable, Equatable {
    /// Node ids, ascending, without duplicates.
    public private(set) var nodes: [ElementID]
    /// Relationship ids, ascending, without duplicates; both endpoints of each are in `nodes`.
    public private(set) var relationships: [ElementID]

    /// A subgraph from explicit ids. Relationships bring their endpoints along; ids the graph
    /// does not hold (elements deleted by the query that returned them) are dropped.
    public init(graph: any GraphStore, nodes: some Sequence<ElementID>, relationships: some Sequence<ElementID>) {
        var nodeSet = Set<ElementID>()
        var relSet = Set<ElementID>()
        for id in nodes where graph.nodeExists(id) { nodeSet.insert(id) }
        for id in relationships {
            guard let (s, e) = graph.relationshipEndpoints(id) else { continue }
            relSet.insert(id)
            nodeSet.insert(s)
            nodeSet.insert(e)
        }
        self.nodes = nodeSet.sorted()
        self.relationships = relSet.sorted()
    }

    /// Every node and relationship of `graph`.
    public static func whole(graph: any GraphStore) -> Subgraph {
        Subgraph(sortedNodes: graph.allNodeIDs(), sortedRelationships: graph.allRelationshipIDs())
    }

    /// The graph elements in query result rows. Throws `InputError.NoGraphElements` when the
    /// rows hold none (a query that returns only numbers or strings has nothing to export).
    public static func from(rows: [[Value]], graph: any GraphStore) throws -> Subgraph {
        var nodeIDs = Set<ElementID>()
        var relIDs = Set<ElementID>()
        var stack: [Value] = []
        for row in rows { stack.append(contentsOf: row) }
        // An explicit stack rather than recursion: a deeply nested list cannot overflow it.
        while let value = stack.popLast() {
            switch value {
            case .node(let n): nodeIDs.insert(n.id)
            case .relationship(let r): relIDs.insert(r.id)
            case .path(let p):
                for n in p.nodes { nodeIDs.insert(n.id) }
                for r in p.relationships { relIDs.insert(r.id) }
            case .list(let items): stack.append(contentsOf: items)
            case .map(let m): stack.append(contentsOf: m.values)
            case .null, .bool, .int, .float, .string, .temporal: break
            }
        }
        let sub = Subgraph(graph: graph, nodes: nodeIDs, relationships: relIDs)
        guard !sub.nodes.isEmpty else {
            throw CypherError(
                .inputError, "NoGraphElements",
                "the export query returned no nodes, relationships or paths (return n, r or p to export them)",
                phase: .runtime)
        }
        return sub
    }

    init(sortedNodes: [ElementID], sortedRelationships: [ElementID]) {
        self.nodes = sortedNodes
        self.relationships = sortedRelationships
    }

    public var isEmpty: Bool { nodes.isEmpty }

    /// This subgraph without the nodes `dropNode` rejects, the relationships `dropRelationship`
    /// rejects, and the relationships that touch a dropped node.
    func filtered(graph: any GraphStore, dropNode: (ElementID) -> Bool,
                  dropRelationship: (ElementID) -> Bool) -> Subgraph {
        let nodes = self.nodes.filter { !dropNode($0) }
        let rels = relationships.filter { id in
            guard !dropRelationship(id), let (s, e) = graph.relationshipEndpoints(id) else { return false }
            return !dropNode(s) && !dropNode(e)
        }
        return Subgraph(sortedNodes: nodes, sortedRelationships: rels)
    }
}
