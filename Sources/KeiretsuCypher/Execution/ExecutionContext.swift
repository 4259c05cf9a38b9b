// The state one statement runs with: the graph, parameters, variable slots, statistics and the
// deadline/cancellation that bound its work.
//
// Rows are arrays of values indexed by slot. The binder gives every name the statement uses one
// slot, so variables are found by index rather than by hashing their names; scoping is checked
// at compile time, so a slot that is out of scope is simply never read.

import Foundation
import KeiretsuGraph

typealias Row = [Value]

final class ExecutionContext {
    let graph: MemoryGraph
    let parameters: [String: Value]
    let procedures: [String: Procedure]
    let slots: [String: Int]
    let width: Int
    var stats = QueryStatistics()
    let deadline: UInt64?
    let cancellation: CancellationToken?
    var ticks = 0
    lazy var functionContext = FunctionContext(graph: graph)
    /// Pattern predicates and comprehensions, compiled by the binder, by expression offset.
    var compiledPatterns: [Int: CompiledPatternExpression] = [:]
    /// EXISTS { } subqueries, compiled by the binder, by expression offset.
    var compiledSubqueries: [Int: Plan] = [:]
    /// The last state of elements this statement deleted, so results can still show them.
    var deletedNodes: [ElementID: Node] = [:]
    var deletedRelationships: [ElementID: Relationship] = [:]
    /// Compiled regular expressions by pattern text.
    var regexCache: [String: NSRegularExpression] = [:]

    init(graph: MemoryGraph, parameters: [String: Value], procedures: [String: Procedure], slots: [String: Int],
         options: ExecutionOptions) {
        self.graph = graph
        self.parameters = parameters
        self.procedures = procedures
        self.slots = slots
        self.width = slots.count
        if let timeout = options.timeout, timeout > 0 {
            deadline = DispatchTime.now().uptimeNanoseconds + UInt64(timeout * 1_000_000_000)
        } else {
            deadline = nil
        }
        cancellation = options.cancellation
    }

    var emptyRow: Row { Row(repeating: .null, count: width) }

    func slot(_ name: String) -> Int? { slots[name] }

    /// Called by operators in their loops; every 256 calls it looks at the clock and the
    /// cancellation flag.
    @inline(__always)
    func check() throws {
        ticks &+= 1
        if ticks & 255 == 0 { try checkNow() }
    }

    func checkNow() throws {
        if let c = cancellation, c.isCancelled {
            throw CypherError(.cancelled, "QueryCancelled", "query cancelled", phase: .runtime)
        }
        if let d = deadline, DispatchTime.now().uptimeNanoseconds > d {
            throw CypherError(.timeout, "QueryTimedOut", "query exceeded its time limit", phase: .runtime)
        }
    }

    // MARK: Element access with the current state of the store

    // Pattern matching binds *references*: a node value with its id only, a relationship value
    // with its id, type and endpoints. Every read goes to the store by id anyway, so copying
    // labels and property maps into each binding would only cost time; `refreshed(_:)` fills
    // in the snapshot when a value leaves the statement.

    func nodeValue(_ id: ElementID) -> Value {
        guard graph.nodeExists(id) else { return .null }
        return .node(Node(id: id, labels: [], properties: [:]))
    }

    func relationshipValue(_ id: ElementID) -> Value {
        guard let type = graph.relationshipType(id), let (start, end) = graph.relationshipEndpoints(id) else { return .null }
        return .relationship(Relationship(id: id, type: type, start: start, end: end, properties: [:]))
    }

    /// Refreshes graph elements inside a value so results show the state at the end of the
    /// statement. Deleted elements keep their last snapshot.
    func refreshed(_ v: Value) -> Value {
        switch v {
        case .node(let n):
            return .node(graph.node(n.id) ?? deletedNodes[n.id] ?? n)
        case .relationship(let r):
            return .relationship(graph.relationship(r.id) ?? deletedRelationships[r.id] ?? r)
        case .path(let p):
            return .path(Path(nodes: p.nodes.map { graph.node($0.id) ?? deletedNodes[$0.id] ?? $0 },
                              relationships: p.relationships.map { graph.relationship($0.id) ?? deletedRelationships[$0.id] ?? $0 }))
        case .list(let l):
            return .list(l.map(refreshed))
        case .map(let m):
            var out = ValueMap()
            for (k, x) in m { out[k] = refreshed(x) }
            return .map(out)
        default:
            return v
        }
    }
}
