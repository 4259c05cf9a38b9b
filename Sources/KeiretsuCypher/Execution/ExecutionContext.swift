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

    func nodeValue(_ id: ElementID) -> Value {
        guard let n = graph.node(id) else { return .null }
        return .node(n)
    }

    func relationshipValue(_ id: ElementID) -> Value {
        guard let r = graph.relationship(id) else { return .null }
        return .relationship(r)
    }

    /// Refreshes graph elements inside a value so results show the state at the end of the
    /// statement. Deleted elements keep their last snapshot.
    func refreshed(_ v: Value) -> Value {
        switch v {
        case .node(let n):
            if let fresh = graph.node(n.id) { return .node(fresh) }
            return v
        case .relationship(let r):
            if let fresh = graph.relationship(r.id) { return .relationship(fresh) }
            return v
        case .path(let p):
            return .path(Path(nodes: p.nodes.map { graph.node($0.id) ?? $0 },
                              relationships: p.relationships.map { graph.relationship($0.id) ?? $0 }))
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
