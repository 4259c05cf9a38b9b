// PatternMatcher: finds every way a MATCH pattern embeds in the graph, extending one input row.
//
// Each pattern part is a chain n0 -r0- n1 -r1- … nk. The search starts at an *anchor* node —
// a variable already bound, else the node whose candidates are fewest (an index lookup, the
// smallest label, or every node) — then walks right to nk and left back to n0, backtracking.
// Relationships are unique within one MATCH (openCypher's relationship isomorphism): a
// relationship bound once cannot be bound again anywhere in the same pattern.
//
// The search reads the store through GraphStore only and visits adjacency in ascending
// relationship id, so results come out in a deterministic order.

import KeiretsuGraph

struct CompiledNode {
    var slot: Int?
    var labels: [String]
    var properties: Expr?
    var predicate: Expr?
    /// `key = expression` conditions from the WHERE clause usable for index lookups; the WHERE is
    /// still evaluated in full afterwards.
    var hints: [(key: String, value: Expr)] = []
}

struct CompiledRelationship {
    var slot: Int?
    var types: [String]
    var properties: Expr?
    var direction: RelationshipDirection
    var range: VariableLength?
    var predicate: Expr?
}

struct CompiledPart {
    var pathSlot: Int?
    var nodes: [CompiledNode]
    var relationships: [CompiledRelationship]
    var shortest: ShortestPathKind
}

final class PatternMatcher {
    let parts: [CompiledPart]
    /// Slots bound before the pattern is matched.
    let initiallyBound: [Int]

    init(parts: [CompiledPart], initiallyBound: [Int]) {
        self.parts = parts
        self.initiallyBound = initiallyBound
    }

    /// Calls `body` with each extended row; `body` returns false to stop the search.
    func forEachMatch(_ row: Row, _ ctx: ExecutionContext, _ body: (Row) throws -> Bool) throws {
        try withoutActuallyEscaping(body) { escapable in
            var search = Search(matcher: self, ctx: ctx, row: row, body: escapable)
            for s in initiallyBound where s < search.bound.count { search.bound[s] = true }
            _ = try search.matchPart(0)
        }
    }
}

/// The mutable state of one search.
struct Search {
    let matcher: PatternMatcher
    let ctx: ExecutionContext
    var row: Row
    let body: (Row) throws -> Bool
    var bound: BoundSet
    var usedRelationships: [ElementID] = []
    /// Node ids and relationship segments of the part being matched, by position.
    var nodeIDs: [ElementID] = []
    var segments: [[ElementID]] = []
    var anchor = 0

    init(matcher: PatternMatcher, ctx: ExecutionContext, row: Row, body: @escaping (Row) throws -> Bool) {
        self.matcher = matcher
        self.ctx = ctx
        self.row = row
        self.body = body
        self.bound = BoundSet(width: ctx.width)
    }

    var graph: MemoryGraph { ctx.graph }

    /// Matches part `index` and everything after it; returns false when the caller asked to stop.
    mutating func matchPart(_ index: Int) throws -> Bool {
        guard index < matcher.parts.count else { return try body(row) }
        let part = matcher.parts[index]
        if part.shortest != .none { return try matchShortest(index, part) }
        nodeIDs = Array(repeating: -1, count: part.nodes.count)
        segments = Array(repeating: [], count: part.relationships.count)
        let (anchorPosition, candidates) = try chooseAnchor(part)
        for candidate in candidates {
            try ctx.check()
            guard try nodeMatches(part.nodes[anchorPosition], candidate) else { continue }
            let saved = saveBindings(part)
            let savedAnchor = anchor
            anchor = anchorPosition
            bindNode(part.nodes[anchorPosition], at: anchorPosition, candidate)
            let go = try extendRight(index, part, from: anchorPosition)
            anchor = savedAnchor
            restoreBindings(part, saved)
            if !go { return false }
        }
        return true
    }

    // MARK: Anchor choice

    mutating func chooseAnchor(_ part: CompiledPart) throws -> (Int, [ElementID]) {
        // A bound node is the best anchor.
        for (i, n) in part.nodes.enumerated() {
            if let s = n.slot, bound[s] {
                switch row[s] {
                case .node(let node): return (i, graph.nodeExists(node.id) ? [node.id] : [])
                case .null: return (i, [])
                default:
                    throw CypherError(.typeError, "InvalidArgumentType", "variable is not a node", phase: .runtime)
                }
            }
        }
        // A bound relationship pins its endpoints.
        for (i, r) in part.relationships.enumerated() where r.range == nil {
            if let s = r.slot, bound[s] {
                guard case .relationship(let rel) = row[s], let (start, end) = graph.relationshipEndpoints(rel.id) else {
                    return (i, [])
                }
                switch r.direction {
                case .right: return (i, [start])
                case .left: return (i, [end])
                case .both: return (i, start == end ? [start] : [start, end])
                }
            }
        }
        var best: (position: Int, cost: Int, ids: [ElementID]?) = (0, Int.max, nil)
        for (i, n) in part.nodes.enumerated() {
            if let ids = try indexCandidates(n) {
                if ids.count < best.cost { best = (i, ids.count, ids) }
                continue
            }
            let cost = n.labels.isEmpty ? graph.nodeCount : n.labels.map { graph.countNodes(withLabel: $0) }.min() ?? 0
            if cost < best.cost { best = (i, cost, nil) }
        }
        if let ids = best.ids { return (best.position, ids) }
        let n = part.nodes[best.position]
        if n.labels.isEmpty { return (best.position, graph.allNodeIDs()) }
        var smallest = n.labels[0]
        for l in n.labels where graph.countNodes(withLabel: l) < graph.countNodes(withLabel: smallest) { smallest = l }
        return (best.position, graph.nodeIDs(withLabel: smallest))
    }

    /// Candidates from a property index, when the node has a label and an indexed equality.
    func indexCandidates(_ n: CompiledNode) throws -> [ElementID]? {
        guard !n.labels.isEmpty, !graph.indexes.isEmpty else { return nil }
        var conditions: [(String, Value)] = []
        if let props = n.properties, case .map(let m) = try ctx.eval(props, row) {
            for (k, v) in m { conditions.append((k, v)) }
        }
        for hint in n.hints where expressionIsAvailable(hint.value) {
            conditions.append((hint.key, try ctx.eval(hint.value, row)))
        }
        for (key, value) in conditions {
            if value.isNull || containsNullOrNaN(value) { return [] }
            for label in n.labels {
                if let ids = graph.indexedNodeIDs(label: label, key: key, value: value) { return ids }
            }
        }
        return nil
    }

    /// Whether every variable the expression reads is already bound.
    func expressionIsAvailable(_ e: Expr) -> Bool {
        var ok = true
        e.forEachVariable { name in
            if let s = ctx.slots[name], !bound[s] { ok = false }
        }
        return ok
    }

    func containsNullOrNaN(_ v: Value) -> Bool {
        switch v {
        case .null: return true
        case .float(let d): return d.isNaN
        case .list(let l): return l.contains(where: containsNullOrNaN)
        case .map(let m): return m.values.contains(where: containsNullOrNaN)
        default: return false
        }
    }

    // MARK: Checks and bindings

    mutating func nodeMatches(_ n: CompiledNode, _ id: ElementID) throws -> Bool {
        if let s = n.slot, bound[s] {
            guard case .node(let bn) = row[s], bn.id == id else { return false }
        }
        for l in n.labels where !graph.nodeHasLabel(id, l) { return false }
        if let props = n.properties {
            guard try propertiesMatch(props, graph.nodeProperties(id)) else { return false }
        }
        if let predicate = n.predicate {
            var probe = row
            if let s = n.slot { probe[s] = ctx.nodeValue(id) }
            guard try ctx.eval(predicate, probe) == .bool(true) else { return false }
        }
        return true
    }

    func propertiesMatch(_ expr: Expr, _ stored: ValueMap) throws -> Bool {
        let wanted = try ctx.eval(expr, row)
        guard case .map(let m) = wanted else {
            if wanted.isNull { return true }
            throw CypherError(.typeError, "InvalidArgumentType", "expected a map of properties", phase: .runtime)
        }
        for (k, v) in m {
            guard Value.cypherEquals(stored[k] ?? .null, v) == true else { return false }
        }
        return true
    }

    mutating func relationshipMatches(_ r: CompiledRelationship, _ id: ElementID) throws -> Bool {
        if !r.types.isEmpty {
            guard let t = graph.relationshipType(id), r.types.contains(t) else { return false }
        }
        if let props = r.properties {
            guard try propertiesMatch(props, graph.relationshipProperties(id)) else { return false }
        }
        if let predicate = r.predicate, let s = r.slot {
            var probe = row
            probe[s] = ctx.relationshipValue(id)
            guard try ctx.eval(predicate, probe) == .bool(true) else { return false }
        }
        return true
    }

    typealias SavedBindings = BoundSet

    func saveBindings(_ part: CompiledPart) -> SavedBindings { bound }

    mutating func restoreBindings(_ part: CompiledPart, _ saved: SavedBindings) { bound = saved }

    mutating func bindNode(_ n: CompiledNode, at position: Int, _ id: ElementID) {
        nodeIDs[position] = id
        if let s = n.slot, !bound[s] {
            row[s] = ctx.nodeValue(id)
            bound[s] = true
        }
    }

    mutating func bindRelationship(_ r: CompiledRelationship, at position: Int, _ ids: [ElementID]) -> Bool {
        segments[position] = ids
        guard let s = r.slot else { return true }
        let value: Value = r.range == nil ? ctx.relationshipValue(ids[0]) : .list(ids.map { ctx.relationshipValue($0) })
        if bound[s] {
            // A relationship variable bound earlier must be this one.
            return row[s] == value
        }
        row[s] = value
        bound[s] = true
        return true
    }
}

/// Which slots are bound during a search. Saved and restored at every step of the
/// backtracking, so it is a bit set held inline (no allocation) for rows up to 128 slots.
struct BoundSet {
    var low: UInt64 = 0
    var high: UInt64 = 0
    var overflow: [Bool]

    init(width: Int) {
        overflow = width > 128 ? Array(repeating: false, count: width - 128) : []
    }

    var count: Int { 128 + overflow.count }

    subscript(_ slot: Int) -> Bool {
        get {
            if slot < 64 { return low & (1 << UInt64(slot)) != 0 }
            if slot < 128 { return high & (1 << UInt64(slot - 64)) != 0 }
            let i = slot - 128
            return i < overflow.count && overflow[i]
        }
        set {
            if slot < 64 {
                if newValue { low |= 1 << UInt64(slot) } else { low &= ~(1 << UInt64(slot)) }
            } else if slot < 128 {
                if newValue { high |= 1 << UInt64(slot - 64) } else { high &= ~(1 << UInt64(slot - 64)) }
            } else if slot - 128 < overflow.count {
                overflow[slot - 128] = newValue
            }
        }
    }
}
