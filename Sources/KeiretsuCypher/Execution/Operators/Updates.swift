// CREATE, MERGE, SET, REMOVE, DELETE and FOREACH.

import KeiretsuGraph

struct CreateNode {
    var slot: Int?
    /// The variable was bound before this point: reuse the node rather than create one.
    var bound: Bool
    var labels: [String]
    var properties: Expr?
}

struct CreateRelationship {
    var slot: Int?
    var type: String
    var properties: Expr?
    /// true: left node → right node as written; false: `<-[]-`.
    var rightward: Bool
}

struct CreatePart {
    var pathSlot: Int?
    var nodes: [CreateNode]
    var relationships: [CreateRelationship]
}

extension ExecutionContext {
    /// Creates one pattern part for `row`, binding its variables into the row.
    func create(_ part: CreatePart, _ row: inout Row) throws {
        var ids: [ElementID] = []
        for n in part.nodes {
            if n.bound, let s = n.slot {
                guard case .node(let node) = row[s] else {
                    throw CypherError(.semanticError, "NullNodeInPattern", "cannot create a relationship to a null node", phase: .runtime)
                }
                guard graph.nodeExists(node.id) else { throw deletedEntity("node") }
                ids.append(node.id)
                continue
            }
            let id = try createNode(labels: n.labels, properties: try propertyMap(n.properties, row))
            if let s = n.slot { row[s] = nodeValue(id) }
            ids.append(id)
        }
        var relIDs: [ElementID] = []
        for (i, r) in part.relationships.enumerated() {
            let (a, b) = r.rightward ? (ids[i], ids[i + 1]) : (ids[i + 1], ids[i])
            let id = try createRelationship(type: r.type, start: a, end: b, properties: try propertyMap(r.properties, row))
            if let s = r.slot { row[s] = relationshipValue(id) }
            relIDs.append(id)
        }
        if let s = part.pathSlot {
            row[s] = .path(Path(nodes: ids.compactMap { graph.node($0) }, relationships: relIDs.compactMap { graph.relationship($0) }))
        }
    }
}

final class CreateOperator: PlanOperator {
    let parts: [CreatePart]
    init(_ parts: [CreatePart]) { self.parts = parts }
    override var name: String { "Create" }

    override func execute(_ input: [Row], _ ctx: ExecutionContext) throws -> [Row] {
        var out: [Row] = []
        out.reserveCapacity(input.count)
        for var row in input {
            try ctx.check()
            for p in parts { try ctx.create(p, &row) }
            out.append(row)
        }
        return out
    }
}

final class MergeOperator: PlanOperator {
    let matcher: PatternMatcher
    let creation: CreatePart
    let onCreate: [SetItem]
    let onMatch: [SetItem]

    init(matcher: PatternMatcher, creation: CreatePart, onCreate: [SetItem], onMatch: [SetItem]) {
        self.matcher = matcher
        self.creation = creation
        self.onCreate = onCreate
        self.onMatch = onMatch
    }

    override var name: String { "Merge" }

    override func execute(_ input: [Row], _ ctx: ExecutionContext) throws -> [Row] {
        var out: [Row] = []
        for row in input {
            try ctx.check()
            // Merging on a null property value can never match and must not create.
            let propertyMaps = creation.nodes.filter { !$0.bound }.compactMap(\.properties)
                + creation.relationships.compactMap(\.properties)
            for e in propertyMaps {
                if case .map(let m) = try ctx.eval(e, row), let key = m.first(where: { $0.value.isNull })?.key {
                    throw CypherError(.semanticError, "MergeReadOwnWrites",
                                      "cannot merge using a null property value for '\(key)'", offset: e.offset, phase: .runtime)
                }
            }
            var matches: [Row] = []
            try matcher.forEachMatch(row, ctx) { m in
                matches.append(m)
                return true
            }
            if matches.isEmpty {
                var created = row
                try ctx.create(creation, &created)
                try ctx.applySet(onCreate, created)
                out.append(created)
            } else {
                for m in matches {
                    try ctx.applySet(onMatch, m)
                    out.append(m)
                }
            }
        }
        return out
    }
}

final class SetOperator: PlanOperator {
    let items: [SetItem]
    init(_ items: [SetItem]) { self.items = items }
    override var name: String { "SetProperties" }

    override func execute(_ input: [Row], _ ctx: ExecutionContext) throws -> [Row] {
        for row in input {
            try ctx.check()
            try ctx.applySet(items, row)
        }
        return input
    }
}

final class RemoveOperator: PlanOperator {
    let items: [RemoveItem]
    init(_ items: [RemoveItem]) { self.items = items }
    override var name: String { "Remove" }

    override func execute(_ input: [Row], _ ctx: ExecutionContext) throws -> [Row] {
        for row in input {
            try ctx.check()
            try ctx.applyRemove(items, row)
        }
        return input
    }
}

final class DeleteOperator: PlanOperator {
    let expressions: [Expr]
    let detach: Bool

    init(_ expressions: [Expr], detach: Bool) {
        self.expressions = expressions
        self.detach = detach
    }

    override var name: String { detach ? "DetachDelete" : "Delete" }

    override func execute(_ input: [Row], _ ctx: ExecutionContext) throws -> [Row] {
        // Relationships first, across all rows, so `MATCH (a)-[r]-() DELETE a, r` works.
        var values: [Value] = []
        for row in input {
            for e in expressions {
                let v = try ctx.eval(e, row)
                switch v {
                case .null, .node, .relationship, .path, .list: values.append(v)
                default:
                    throw CypherError(.typeError, "InvalidArgumentType", "cannot delete \(v.typeName)", offset: e.offset, phase: .runtime)
                }
            }
        }
        func flatten(_ v: Value) -> [Value] {
            switch v {
            case .path(let p): return p.relationships.map(Value.relationship) + p.nodes.map(Value.node)
            case .list(let l): return l.flatMap(flatten)
            default: return [v]
            }
        }
        let all = values.flatMap(flatten)
        for v in all { if case .relationship = v { try ctx.delete(v, detach: detach) } }
        for v in all { if case .node = v { try ctx.delete(v, detach: detach) } }
        for v in all {
            switch v {
            case .node, .relationship, .null: continue
            default: try ctx.delete(v, detach: detach)
            }
        }
        return input
    }
}

final class ForeachOperator: PlanOperator {
    let slot: Int
    let list: Expr
    let body: Plan

    init(slot: Int, list: Expr, body: Plan) {
        self.slot = slot
        self.list = list
        self.body = body
    }

    override var name: String { "Foreach" }
    override var children: [Plan] { [body] }

    override func execute(_ input: [Row], _ ctx: ExecutionContext) throws -> [Row] {
        for row in input {
            let v = try ctx.eval(list, row)
            guard case .list(let items) = v else {
                if v.isNull { continue }
                throw ctx.listExpected(v)
            }
            for item in items {
                var inner = row
                inner[slot] = item
                _ = try body.run([inner], ctx)
            }
        }
        return input
    }
}
