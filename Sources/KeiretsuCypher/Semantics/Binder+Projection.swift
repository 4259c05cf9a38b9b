// Binding WITH and RETURN: projection, aggregation, DISTINCT, ORDER BY, SKIP, LIMIT and WITH's
// WHERE.
//
// Aggregation follows openCypher: the items without aggregates are the grouping keys; in an
// item that contains an aggregate, every part outside the aggregate calls must be a grouping
// key (or constant), otherwise the expression is ambiguous. ORDER BY may name a projected item
// by repeating its expression (`RETURN count(*) ORDER BY count(*)`).

import KeiretsuGraph

extension Binder {
    mutating func bindProjection(_ p: Projection, predicate: Expr?, scope: Scope, isReturn: Bool) throws
        -> ([PlanOperator], [(String, Int)], Scope)
    {
        var items = p.items
        if p.includeExisting {
            let visible = scope.names.sorted { compareStrings($0, $1) < 0 }
            if visible.isEmpty && items.isEmpty && isReturn {
                throw Binder.error("NoVariablesInScope", "RETURN * and WITH * need variables in scope", at: p.offset)
            }
            items = visible.map { ProjectionItem(expression: Expr(.variable($0), at: p.offset), alias: nil, text: $0) } + items
        }
        // ORDER BY items that mix aggregates with other expressions are checked first: the
        // ambiguity is the more specific mistake.
        if items.contains(where: { $0.expression.containsAggregate }) {
            let keys = items.filter { !$0.expression.containsAggregate }
            var projected = Set<String>()
            for item in items { item.expression.forEachVariable { projected.insert($0) } }
            for s in p.orderBy where s.expression.containsAggregate {
                // A variable the projection does not mention at all is simply out of scope.
                var missing: String? = nil
                s.expression.forEachVariable { v in
                    if !projected.contains(v) && !items.contains(where: { $0.name == v }) { missing = missing ?? v }
                }
                if let v = missing {
                    throw Binder.error("UndefinedVariable", "variable '\(v)' not defined", at: s.expression.offset)
                }
                try checkAmbiguity(s.expression, keyTexts: keys.map { $0.expression.description },
                                   keyNames: keys.map(\.name) + items.filter { $0.alias != nil }.map(\.name))
            }
        }
        var names: [String] = []
        for item in items {
            if !isReturn && item.alias == nil {
                if case .variable = item.expression.kind {} else {
                    throw Binder.error("NoExpressionAlias", "expressions in WITH must be aliased (use AS)", at: item.expression.offset)
                }
            }
            if names.contains(item.name) {
                throw Binder.error("ColumnNameConflict", "column '\(item.name)' is defined more than once", at: item.expression.offset)
            }
            names.append(item.name)
            try checkExpression(item.expression, scope, allowAggregates: true)
            try rejectBarePatterns(item.expression)
        }
        var newScope = Scope()
        for item in items {
            if case .variable(let v) = item.expression.kind, let k = scope.kind(v) {
                newScope.add(item.name, k)
            } else if let t = staticType(item.expression, scope), t != .null, t != .node, t != .relationship, t != .path {
                newScope.add(item.name, .typed(t))
            } else {
                newScope.add(item.name, .value)
            }
        }
        var ops: [PlanOperator] = []
        let aggregating = items.contains { $0.expression.containsAggregate }
        let itemSlots = items.map { slot($0.name) }
        if aggregating {
            let keyItems = items.enumerated().filter { !$0.element.expression.containsAggregate }
            let keyTexts = keyItems.map { $0.element.expression.description }
            let keyNames = keyItems.map { $0.element.name }
            var aggregates: [AggregateCall] = []
            var outputs: [(expression: Expr, slot: Int, name: String)] = []
            for (i, item) in items.enumerated() where item.expression.containsAggregate {
                try checkAmbiguity(item.expression, keyTexts: keyTexts, keyNames: keyNames)
                let rewritten = try extractAggregates(item.expression, into: &aggregates)
                outputs.append((rewritten, itemSlots[i], item.name))
            }
            // ORDER BY may use aggregates that are not projected; compute them too.
            ops.append(AggregateOperator(keys: keyItems.map { ($0.element.expression, itemSlots[$0.offset], $0.element.name) },
                                         aggregates: aggregates, outputs: outputs))
        } else {
            var projected: [(expression: Expr, slot: Int, name: String)] = []
            for (i, item) in items.enumerated() {
                // `WITH a` keeps a where it is.
                if case .variable(let v) = item.expression.kind, v == item.name { continue }
                projected.append((item.expression, itemSlots[i], item.name))
            }
            if !projected.isEmpty { ops.append(ProjectOperator(items: projected)) }
        }
        if p.distinct { ops.append(DistinctOperator(slots: itemSlots)) }

        if !p.orderBy.isEmpty {
            // Sort keys see the projected names; without aggregation or DISTINCT also what was in
            // scope before.
            var orderScope = newScope
            if !aggregating && !p.distinct {
                for n in scope.names where !orderScope.contains(n) { orderScope.add(n, scope.kind(n) ?? .value) }
            }
            var sortItems: [(expression: Expr, ascending: Bool)] = []
            for s in p.orderBy {
                let e = replaceProjected(s.expression, items)
                if aggregating { try checkExpression(e, orderScope, allowAggregates: true) }
                if e.containsAggregate {
                    throw Binder.error("InvalidAggregation", "ORDER BY can only use aggregates that are projected",
                                       at: s.expression.offset)
                }
                try checkExpression(e, orderScope)
                sortItems.append((e, s.ascending))
            }
            ops.append(SortOperator(items: sortItems))
        }
        if let skip = p.skip {
            try checkRowCount(skip, clause: "SKIP")
            ops.append(SkipOperator(skip))
        }
        if let limit = p.limit {
            try checkRowCount(limit, clause: "LIMIT")
            ops.append(LimitOperator(limit))
        }
        if let predicate {
            // WITH's WHERE sees the projected names and, like ORDER BY, what was in scope before.
            var whereScope = newScope
            for n in scope.names where !whereScope.contains(n) { whereScope.add(n, scope.kind(n) ?? .value) }
            let rewritten = replaceProjected(predicate, items)
            try checkExpression(rewritten, aggregating ? newScope : whereScope)
            try checkPredicateType(rewritten, aggregating ? newScope : whereScope)
            ops.append(FilterOperator(rewritten))
        }
        return (ops, zip(names, itemSlots).map { ($0, $1) }, newScope)
    }

    /// SKIP and LIMIT take constant, non-negative integers.
    func checkRowCount(_ e: Expr, clause: String) throws {
        var readsVariable = false
        e.forEachVariable { _ in readsVariable = true }
        if readsVariable || e.containsPatternOrSubquery {
            throw Binder.error("NonConstantExpression", "\(clause) must not depend on variables", at: e.offset)
        }
        switch e.kind {
        case .literal(.int(let n)) where n < 0:
            throw Binder.error("NegativeIntegerArgument", "\(clause) must not be negative", at: e.offset)
        case .literal(.float):
            throw Binder.error("InvalidArgumentType", "\(clause) must be an integer", at: e.offset)
        default: break
        }
    }

    /// Rewrites the parts of a sort or filter expression that repeat a projected item into a
    /// reference to its column: `WITH a.name AS name, count(*) AS c ORDER BY a.name + 'C'`
    /// sorts by `name + 'C'`.
    func replaceProjected(_ e: Expr, _ items: [ProjectionItem]) -> Expr {
        let text = e.description
        for item in items where item.expression.description == text {
            if case .variable(let v) = e.kind, v == item.name { return e }
            return Expr(.variable(item.name), at: e.offset, length: e.length)
        }
        switch e.kind {
        case .listComprehension, .quantifier, .reduce, .patternComprehension, .existsSubquery, .patternPredicate:
            return e
        default:
            return e.mapChildren { replaceProjected($0, items) }
        }
    }

    /// In an item containing aggregates, the non-aggregate parts must be grouping keys.
    func checkAmbiguity(_ e: Expr, keyTexts: [String], keyNames: [String]) throws {
        if e.isAggregateCall { return }
        var readsVariable = false
        e.forEachVariable { _ in readsVariable = true }
        if !readsVariable { return }
        if keyTexts.contains(e.description) {
            // Only simple keys (a variable, or a property of one) may be reused next to an
            // aggregate; `a.x + b.x + count(*)` is ambiguous even when `a.x + b.x` is projected.
            switch e.kind {
            case .variable, .property: return
            default: break
            }
        }
        if case .variable(let v) = e.kind {
            if keyNames.contains(v) || keyTexts.contains(v) { return }
            throw Binder.error("AmbiguousAggregationExpression",
                               "'\(v)' is used next to an aggregate but is not a grouping key", at: e.offset)
        }
        switch e.kind {
        case .listComprehension(let v, _, _, _), .quantifier(_, let v, _, _):
            for c in e.children { try checkAmbiguity(c, keyTexts: keyTexts, keyNames: keyNames + [v]) }
        case .reduce(let acc, _, let v, _, _):
            for c in e.children { try checkAmbiguity(c, keyTexts: keyTexts, keyNames: keyNames + [acc, v]) }
        case .patternComprehension, .existsSubquery, .patternPredicate:
            throw Binder.error("AmbiguousAggregationExpression", "expression mixes aggregates and non-grouped values", at: e.offset)
        default:
            for c in e.children { try checkAmbiguity(c, keyTexts: keyTexts, keyNames: keyNames) }
        }
    }

    /// Replaces each aggregate call with a hidden variable and records the call.
    mutating func extractAggregates(_ e: Expr, into calls: inout [AggregateCall]) throws -> Expr {
        switch e.kind {
        case .countStar:
            let (name, s) = hiddenSlot()
            guard let count = FunctionLibrary.aggregate("count") else { return e }
            calls.append(AggregateCall(function: count, arguments: [], distinct: false, slot: s, text: "count(*)"))
            return Expr(.variable(name), at: e.offset, length: e.length)
        case .function(let fname, let distinct, let args) where FunctionLibrary.isAggregate(fname):
            guard let f = FunctionLibrary.aggregate(fname) else { return e }
            let (name, s) = hiddenSlot()
            calls.append(AggregateCall(function: f, arguments: args, distinct: distinct, slot: s, text: e.description))
            return Expr(.variable(name), at: e.offset, length: e.length)
        default:
            return try e.mapChildren { try extractAggregates($0, into: &calls) }
        }
    }
}

extension Expr {
    var containsPatternOrSubquery: Bool {
        switch kind {
        case .patternPredicate, .patternComprehension, .existsSubquery: return true
        default: return children.contains { $0.containsPatternOrSubquery }
        }
    }

    /// The expression with each direct child replaced by `transform(child)`.
    func mapChildren(_ transform: (Expr) throws -> Expr) rethrows -> Expr {
        var copy = self
        switch kind {
        case .literal, .parameter, .variable, .countStar, .existsSubquery, .patternPredicate:
            return self
        case .property(let b, let k): copy.kind = .property(try transform(b), k)
        case .subscript_(let a, let b): copy.kind = .subscript_(try transform(a), try transform(b))
        case .slice(let a, let b, let c): copy.kind = .slice(try transform(a), try b.map(transform), try c.map(transform))
        case .hasLabels(let b, let l): copy.kind = .hasLabels(try transform(b), l)
        case .list(let items): copy.kind = .list(try items.map(transform))
        case .map(let entries): copy.kind = .map(try entries.map { ($0.0, try transform($0.1)) })
        case .mapProjection(let b, let items):
            copy.kind = .mapProjection(try transform(b), try items.map { item in
                if case .entry(let k, let e) = item { return .entry(k, try transform(e)) }
                return item
            })
        case .not(let e): copy.kind = .not(try transform(e))
        case .negate(let e): copy.kind = .negate(try transform(e))
        case .unaryPlus(let e): copy.kind = .unaryPlus(try transform(e))
        case .binary(let op, let a, let b): copy.kind = .binary(op, try transform(a), try transform(b))
        case .comparison(let first, let rest):
            copy.kind = .comparison(try transform(first), try rest.map { ($0.0, try transform($0.1)) })
        case .isNull(let e, let n): copy.kind = .isNull(try transform(e), negated: n)
        case .function(let name, let d, let args): copy.kind = .function(name: name, distinct: d, arguments: try args.map(transform))
        case .caseExpression(let s, let alts, let o):
            copy.kind = .caseExpression(subject: try s.map(transform), alternatives: try alts.map { (try transform($0.0), try transform($0.1)) },
                                        otherwise: try o.map(transform))
        case .listComprehension(let v, let l, let p, let proj):
            copy.kind = .listComprehension(variable: v, list: try transform(l), predicate: try p.map(transform), projection: try proj.map(transform))
        case .patternComprehension(let pv, let pattern, let p, let proj):
            copy.kind = .patternComprehension(pathVariable: pv, pattern: pattern, predicate: try p.map(transform), projection: try transform(proj))
        case .quantifier(let q, let v, let l, let p):
            copy.kind = .quantifier(q, variable: v, list: try transform(l), predicate: try p.map(transform))
        case .reduce(let acc, let i, let v, let l, let e):
            copy.kind = .reduce(accumulator: acc, initial: try transform(i), variable: v, list: try transform(l), expression: try transform(e))
        }
        return copy
    }
}
