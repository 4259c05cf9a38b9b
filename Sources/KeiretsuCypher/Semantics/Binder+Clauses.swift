// Binding the reading and updating clauses other than WITH/RETURN.

import KeiretsuGraph

extension Binder {
    mutating func bindClause(_ clause: Clause, scope: inout Scope) throws -> [PlanOperator] {
        switch clause.kind {
        case .match(let optional, let patterns, let predicate):
            return [try bindMatch(optional: optional, patterns: patterns, predicate: predicate, scope: &scope)]
        case .unwind(let list, let variable):
            try checkExpression(list, scope)
            if scope.contains(variable) {
                throw Binder.error("VariableAlreadyBound", "variable '\(variable)' is already defined", at: clause.offset)
            }
            scope.add(variable, .value)
            return [UnwindOperator(list: list, slot: slot(variable), variable: variable)]
        case .create(let patterns):
            var parts: [CreatePart] = []
            var local = scope
            for p in patterns { parts.append(try bindCreatePart(p, scope: &local, merge: false)) }
            scope = local
            return [CreateOperator(parts)]
        case .merge(let part, let onCreate, let onMatch):
            let before = scope
            var matchScope = scope
            let compiled = try compilePart(part, scope: before, introduced: &matchScope, uniqueRelationships: [])
            var local = scope
            let creation = try bindCreatePart(part, scope: &local, merge: true)
            let matcher = PatternMatcher(parts: [compiled], initiallyBound: before.names.map { slot($0) })
            for item in onCreate + onMatch { try checkSetItem(item, local) }
            scope = local
            return [MergeOperator(matcher: matcher, creation: creation, onCreate: onCreate, onMatch: onMatch)]
        case .set(let items):
            for item in items { try checkSetItem(item, scope) }
            return [SetOperator(items)]
        case .remove(let items):
            for item in items {
                switch item {
                case .property(let target, _): try checkExpression(target, scope)
                case .labels(let v, _, let offset): try checkVariable(v, scope, at: offset)
                }
            }
            return [RemoveOperator(items)]
        case .delete(let expressions, let detach):
            for e in expressions {
                try checkExpression(e, scope)
                switch e.kind {
                case .variable, .property, .subscript_, .function, .list, .parameter, .caseExpression: break
                case .hasLabels:
                    throw Binder.error("InvalidDelete", "DELETE takes nodes, relationships or paths, not a label test", at: e.offset)
                default:
                    throw Binder.error("InvalidArgumentType", "DELETE takes nodes, relationships or paths", at: e.offset)
                }
            }
            return [DeleteOperator(expressions, detach: detach)]
        case .foreach(let variable, let list, let body):
            try checkExpression(list, scope)
            var inner = scope
            if inner.contains(variable) {
                throw Binder.error("VariableAlreadyBound", "variable '\(variable)' is already defined", at: clause.offset)
            }
            inner.add(variable, .value)
            var ops: [PlanOperator] = []
            for c in body {
                guard c.isUpdating else {
                    throw Binder.error("InvalidClauseComposition", "FOREACH may only contain updating clauses", at: c.offset)
                }
                ops += try bindClause(c, scope: &inner)
            }
            return [ForeachOperator(slot: slot(variable), list: list, body: Plan(ops))]
        case .callSubquery(let query):
            // An importing WITH as the first clause sees the outer variables.
            let imports: Bool
            if case .with? = query.parts.first?.clauses.first?.kind { imports = true } else { imports = false }
            let (plan, columns) = try bindQuery(query, outer: imports ? scope : Scope(), requireReturn: false)
            for c in columns where scope.contains(c) {
                throw Binder.error("VariableAlreadyBound", "variable '\(c)' is already defined", at: clause.offset)
            }
            for c in columns { scope.add(c, .value) }
            return [SubqueryOperator(plan)]
        case .return_, .with, .callProcedure:
            return []  // handled by bindSingleQuery
        }
    }

    mutating func checkSetItem(_ item: SetItem, _ scope: Scope) throws {
        switch item {
        case .property(let target, _, let value):
            try checkExpression(target, scope)
            try checkExpression(value, scope)
            try rejectBarePatterns(value)
        case .replaceProperties(let v, let value, let offset), .mergeProperties(let v, let value, let offset):
            try checkVariable(v, scope, at: offset)
            try checkExpression(value, scope)
        case .labels(let v, _, let offset):
            try checkVariable(v, scope, at: offset)
        }
    }

    mutating func checkVariable(_ name: String, _ scope: Scope, at offset: Int) throws {
        guard scope.contains(name) else {
            throw Binder.error("UndefinedVariable", "variable '\(name)' not defined", at: offset, length: name.utf8.count)
        }
    }

    // MARK: MATCH

    mutating func bindMatch(optional: Bool, patterns: [PatternPart], predicate: Expr?, scope: inout Scope) throws -> PlanOperator {
        let before = scope
        var local = scope
        var parts: [CompiledPart] = []
        var seenRelationships: [String] = []
        for p in patterns {
            parts.append(try compilePart(p, scope: before, introduced: &local, uniqueRelationships: seenRelationships))
            for r in p.element.relationships { if let v = r.variable { seenRelationships.append(v) } }
        }
        if let predicate {
            try checkExpression(predicate, local)
            try checkPredicateType(predicate, local)
        }
        let introducedNames = local.names.filter { !before.contains($0) }
        // Equalities from WHERE that can drive index lookups.
        if let predicate {
            for conjunct in conjuncts(predicate) {
                guard case .comparison(let lhs, let rest) = conjunct.kind, rest.count == 1, rest[0].0 == .equal else { continue }
                for (a, b) in [(lhs, rest[0].1), (rest[0].1, lhs)] {
                    guard case .property(let base, let key) = a.kind, case .variable(let v) = base.kind,
                          introducedNames.contains(v) else { continue }
                    var readsIntroduced = false
                    b.forEachVariable { if introducedNames.contains($0) { readsIntroduced = true } }
                    if readsIntroduced { continue }
                    for pi in parts.indices {
                        for ni in parts[pi].nodes.indices where parts[pi].nodes[ni].slot == slots[v] {
                            parts[pi].nodes[ni].hints.append((key, b))
                        }
                    }
                }
            }
        }
        scope = local
        let matcher = PatternMatcher(parts: parts, initiallyBound: before.names.map { slot($0) })
        let summary = patterns.map { describePattern($0) }.joined(separator: ", ")
        return MatchOperator(matcher: matcher, predicate: predicate, optional: optional,
                             introduced: introducedNames.map { slot($0) }, summary: summary)
    }

    func conjuncts(_ e: Expr) -> [Expr] {
        if case .binary(.and, let a, let b) = e.kind { return conjuncts(a) + conjuncts(b) }
        return [e]
    }

    func describePattern(_ p: PatternPart) -> String {
        var s = ""
        if let v = p.pathVariable { s += v + " = " }
        func node(_ n: NodePattern) -> String {
            "(" + (n.variable ?? "") + n.labels.map { ":" + $0 }.joined() + ")"
        }
        s += node(p.element.start)
        for (r, n) in p.element.chain {
            var body = (r.variable ?? "") + (r.types.isEmpty ? "" : ":" + r.types.joined(separator: "|"))
            if let range = r.range { body += "*\(range.min.map(String.init) ?? "")..\(range.max.map(String.init) ?? "")" }
            let inner = body.isEmpty ? "" : "[\(body)]"
            switch r.direction {
            case .right: s += "-\(inner)->"
            case .left: s += "<-\(inner)-"
            case .both: s += "-\(inner)-"
            }
            s += node(n)
        }
        return s
    }
}
