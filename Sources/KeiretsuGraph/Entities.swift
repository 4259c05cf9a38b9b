// Nodes, relationships and paths as values.
//
// Identity is the element id: two snapshots of the same node are equal whatever their property
// contents, which is what Cypher's equality on graph elements means. Ids are allocated
// monotonically by the store and never reused within a run.

public typealias ElementID = Int

public struct Node: Sendable {
    public var id: ElementID
    public var labels: [String]
    public var properties: ValueMap

    public init(id: ElementID, labels: [String], properties: ValueMap) {
        self.id = id
        self.labels = labels
        self.properties = properties
    }
}

public struct Relationship: Sendable {
    public var id: ElementID
    public var type: String
    public var start: ElementID
    public var end: ElementID
    public var properties: ValueMap

    public init(id: ElementID, type: String, start: ElementID, end: ElementID, properties: ValueMap) {
        self.id = id
        self.type = type
        self.start = start
        self.end = end
        self.properties = properties
    }

    /// The endpoint that is not `node` (the node itself for a self-loop).
    public func otherNode(_ node: ElementID) -> ElementID {
        node == start ? end : start
    }
}

/// An alternating sequence node, relationship, node, …; `nodes.count == relationships.count + 1`.
/// Each relationship keeps its own direction; the traversal direction is given by node order.
public struct Path: Sendable {
    public var nodes: [Node]
    public var relationships: [Relationship]

    public init(nodes: [Node], relationships: [Relationship]) {
        self.nodes = nodes
        self.relationships = relationships
    }

    public var length: Int { relationships.count }
}

extension Node: Hashable {
    public static func == (a: Node, b: Node) -> Bool { a.id == b.id }
    public func hash(into h: inout Hasher) { h.combine(id) }
}

extension Relationship: Hashable {
    public static func == (a: Relationship, b: Relationship) -> Bool { a.id == b.id }
    public func hash(into h: inout Hasher) { h.combine(id) }
}

extension Path: Hashable {
    public static func == (a: Path, b: Path) -> Bool {
        a.nodes.map(\.id) == b.nodes.map(\.id) && a.relationships.map(\.id) == b.relationships.map(\.id)
    }
    public func hash(into h: inout Hasher) {
        for n in nodes { h.combine(n.id) }
        for r in relationships { h.combine(r.id) }
    }
}
