// Plan rewrites: shapes of query that the store can answer without running the general plan.
//
// Each rewrite is a named, self-contained rule that must give exactly the result the general
// plan gives; the engine tests run the same queries with and without it.
//
//   CountFromStore   MATCH (n) / (n:L) / ()-[r]->() / ()-[r:T]->() RETURN count(…)
//                    — the store keeps these counts, so no row is produced.

import KeiretsuGraph

extension Binder {
    /// A plan for `query` when a rewrite applies.
    mutating func rewrite(_ query: SingleQuery) -> ([PlanOperator], [(String, Int)])? {
        countFromStore(query)
    }

    mutating func countFromStore(_ query: SingleQuery) -> ([PlanOperator], [(String, Int)])? {
        guard query.clauses.count == 2,
              case .match(false, let patterns, nil) = query.clauses[0].kind, patterns.count == 1,
              case .return_(let projection) = query.clauses[1].kind,
              !projection.distinct, !projection.includeExisting, projection.items.count == 1,
              projection.orderBy.isEmpty, projection.skip == nil, projection.limit == nil
        else { return nil }
        let part = patterns[0]
        guard part.pathVariable == nil, part.shortest == .none else { return nil }
        let item = projection.items[0]
        // count(*) or count(v) of a variable of the pattern.
        var counted: String? = nil
        switch item.expression.kind {
        case .countStar: break
        case .function(let name, false, let args) where name.lowercased() == "count" && args.count == 1:
            guard case .variable(let v) = args[0].kind else { return nil }
            counted = v
        default: return nil
        }
        let element = part.element
        let start = element.start
        guard start.properties == nil, start.predicate == nil else { return nil }
        let source: CountSource
        if element.chain.isEmpty {
            guard start.labels.count <= 1, counted == nil || counted == start.variable else { return nil }
            source = start.labels.first.map { .label($0) } ?? .nodes
        } else {
            guard element.chain.count == 1 else { return nil }
            let (rel, end) = element.chain[0]
            guard start.labels.isEmpty, end.labels.isEmpty, end.properties == nil, end.predicate == nil,
                  rel.properties == nil, rel.predicate == nil, rel.range == nil, rel.direction != .both,
                  rel.types.count <= 1, start.variable == nil || start.variable != end.variable,
                  counted == nil || counted == rel.variable || counted == start.variable || counted == end.variable
            else { return nil }
            source = rel.types.first.map { .type($0) } ?? .relationships
        }
        let s = slot(item.name)
        return ([CountFromStoreOperator(source: source, slot: s)], [(item.name, s)])
    }
}

enum CountSource {
    case nodes, label(String), relationships, type(String)
}

final class CountFromStoreOperator: PlanOperator {
    let source: CountSource
    let slot: Int

    init(source: CountSource, slot: Int) {
        self.source = source
        self.slot = slot
    }

    override var name: String { "CountFromStore" }
    override var detail: String {
        switch source {
        case .nodes: return "nodes"
        case .label(let l): return ":" + l
        case .relationships: return "relationships"
        case .type(let t): return "[:\(t)]"
        }
    }

    override func execute(_ input: [Row], _ ctx: ExecutionContext) throws -> [Row] {
        let n: Int
        switch source {
        case .nodes: n = ctx.graph.nodeCount
        case .label(let l): n = ctx.graph.countNodes(withLabel: l)
        case .relationships: n = ctx.graph.relationshipCount
        case .type(let t): n = ctx.graph.countRelationships(withType: t)
        }
        return input.map { row in
            var r = row
            r[slot] = .int(Int64(n))
            return r
        }
    }
}
