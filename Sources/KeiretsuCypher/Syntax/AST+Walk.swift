// Walking expressions: child expressions, the variables an expression reads, and whether it
// contains an aggregation.

extension Expr {
    /// The direct subexpressions (patterns and subqueries are handled by their own walkers).
    var children: [Expr] {
        switch kind {
        case .literal, .parameter, .variable, .countStar: return []
        case .property(let b, _): return [b]
        case .subscript_(let a, let b): return [a, b]
        case .slice(let a, let b, let c): return [a] + [b, c].compactMap { $0 }
        case .hasLabels(let b, _): return [b]
        case .list(let items): return items
        case .map(let entries): return entries.map(\.1)
        case .mapProjection(let b, let items):
            return [b] + items.compactMap { if case .entry(_, let e) = $0 { return e } else { return nil } }
        case .not(let e), .negate(let e), .unaryPlus(let e): return [e]
        case .binary(_, let a, let b): return [a, b]
        case .comparison(let first, let rest): return [first] + rest.map(\.1)
        case .isNull(let e, _): return [e]
        case .function(_, _, let args): return args
        case .caseExpression(let subject, let alternatives, let otherwise):
            return [subject].compactMap { $0 } + alternatives.flatMap { [$0.0, $0.1] } + [otherwise].compactMap { $0 }
        case .listComprehension(_, let list, let predicate, let projection):
            return [list] + [predicate, projection].compactMap { $0 }
        case .patternComprehension(_, _, let predicate, let projection):
            return [predicate].compactMap { $0 } + [projection]
        case .quantifier(_, _, let list, let predicate): return [list] + [predicate].compactMap { $0 }
        case .reduce(_, let initial, _, let list, let body): return [initial, list, body]
        case .existsSubquery, .patternPredicate: return []
        }
    }

    /// Calls `body` with every variable the expression reads from its surroundings (variables
    /// introduced by comprehensions, quantifiers and reduce are excluded inside their scope).
    func forEachVariable(_ body: (String) -> Void) {
        var local: [String] = []
        walkVariables(&local, body)
    }

    private func walkVariables(_ local: inout [String], _ body: (String) -> Void) {
        switch kind {
        case .variable(let name):
            if !local.contains(name) { body(name) }
        case .mapProjection(let b, let items):
            b.walkVariables(&local, body)
            for item in items {
                switch item {
                case .entry(_, let e): e.walkVariables(&local, body)
                case .variable(let name): if !local.contains(name) { body(name) }
                default: break
                }
            }
        case .listComprehension(let v, let list, let predicate, let projection):
            list.walkVariables(&local, body)
            local.append(v)
            predicate?.walkVariables(&local, body)
            projection?.walkVariables(&local, body)
            local.removeLast()
        case .quantifier(_, let v, let list, let predicate):
            list.walkVariables(&local, body)
            local.append(v)
            predicate?.walkVariables(&local, body)
            local.removeLast()
        case .reduce(let acc, let initial, let v, let list, let e):
            initial.walkVariables(&local, body)
            list.walkVariables(&local, body)
            local.append(acc)
            local.append(v)
            e.walkVariables(&local, body)
            local.removeLast(2)
        case .patternComprehension(let pathVariable, let pattern, let predicate, let projection):
            var introduced: [String] = pathVariable.map { [$0] } ?? []
            pattern.forEachVariable { name in
                if !local.contains(name) && !introduced.contains(name) { body(name) }
            }
            introduced += pattern.variableNames
            local += introduced
            predicate?.walkVariables(&local, body)
            projection.walkVariables(&local, body)
            local.removeLast(introduced.count)
        case .patternPredicate(let pattern):
            for name in pattern.variableNames where !local.contains(name) { body(name) }
            pattern.forEachVariable { name in if !local.contains(name) { body(name) } }
        case .existsSubquery(let query):
            // Outer variables referenced inside the subquery.
            for name in query.referencedNames where !local.contains(name) { body(name) }
        default:
            for c in children { c.walkVariables(&local, body) }
        }
    }

    /// Whether an aggregating function call (or count(*)) appears outside nested subqueries.
    var containsAggregate: Bool {
        switch kind {
        case .countStar: return true
        case .function(let name, _, let args):
            if FunctionLibrary.isAggregate(name) { return true }
            return args.contains { $0.containsAggregate }
        case .listComprehension, .quantifier, .reduce, .patternComprehension:
            return children.contains { $0.containsAggregate }
        default:
            return children.contains { $0.containsAggregate }
        }
    }

    var isAggregateCall: Bool {
        switch kind {
        case .countStar: return true
        case .function(let name, _, _): return FunctionLibrary.isAggregate(name)
        default: return false
        }
    }
}

extension PatternElement {
    /// Names bound by the pattern's nodes and relationships.
    var variableNames: [String] {
        var names: [String] = []
        for n in nodes { if let v = n.variable, !names.contains(v) { names.append(v) } }
        for r in relationships { if let v = r.variable, !names.contains(v) { names.append(v) } }
        return names
    }

    /// Variables read by the pattern's property maps and inline predicates.
    func forEachVariable(_ body: (String) -> Void) {
        for n in nodes {
            n.properties?.forEachVariable(body)
            n.predicate?.forEachVariable { if $0 != n.variable { body($0) } }
        }
        for r in relationships {
            r.properties?.forEachVariable(body)
            r.predicate?.forEachVariable { if $0 != r.variable { body($0) } }
        }
    }
}

extension Query {
    /// Every name read anywhere in the query (an over-approximation used to find which outer
    /// variables a subquery can see).
    var referencedNames: [String] {
        var names: [String] = []
        func add(_ n: String) { if !names.contains(n) { names.append(n) } }
        func visit(_ e: Expr?) { e?.forEachVariable(add) }
        func visitPattern(_ p: PatternElement) {
            p.variableNames.forEach(add)
            p.forEachVariable(add)
        }
        func visitClauses(_ clauses: [Clause]) {
            for c in clauses {
                switch c.kind {
                case .match(_, let patterns, let predicate):
                    patterns.forEach { visitPattern($0.element) }
                    visit(predicate)
                case .unwind(let e, _): visit(e)
                case .with(let p, let predicate):
                    p.items.forEach { visit($0.expression) }
                    p.orderBy.forEach { visit($0.expression) }
                    visit(predicate)
                case .return_(let p):
                    p.items.forEach { visit($0.expression) }
                    p.orderBy.forEach { visit($0.expression) }
                case .create(let patterns): patterns.forEach { visitPattern($0.element) }
                case .merge(let part, _, _): visitPattern(part.element)
                case .set, .remove: break
                case .delete(let es, _): es.forEach(visit)
                case .foreach(_, let list, let body):
                    visit(list)
                    visitClauses(body)
                case .callSubquery(let q): q.referencedNames.forEach(add)
                case .callProcedure(_, let args, _, _, let predicate):
                    args?.forEach(visit)
                    visit(predicate)
                }
            }
        }
        for part in parts { visitClauses(part.clauses) }
        return names
    }
}
