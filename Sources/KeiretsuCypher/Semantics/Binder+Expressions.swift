// Checking expressions: variables in scope, known functions with the right number of
// arguments, aggregates only where allowed and never nested, and compiling the patterns and
// subqueries that expressions contain.

import KeiretsuGraph

extension Binder {
    mutating func checkExpression(_ e: Expr, _ scope: Scope, allowAggregates: Bool = false) throws {
        switch e.kind {
        case .variable(let name):
            guard scope.contains(name) else {
                throw Binder.error("UndefinedVariable", "variable '\(name)' not defined", at: e.offset, length: e.length)
            }
        case .countStar:
            guard allowAggregates else {
                throw Binder.error("InvalidAggregation", "count(*) is not allowed here", at: e.offset, length: e.length)
            }
        case .function(let name, _, let args):
            let lower = name.lowercased()
            if let f = FunctionLibrary.aggregate(lower) {
                guard allowAggregates else {
                    throw Binder.error("InvalidAggregation", "aggregation is not allowed here", at: e.offset, length: e.length)
                }
                guard args.count >= f.minArity && args.count <= f.maxArity else {
                    throw Binder.error("InvalidNumberOfArguments", "\(name) takes \(f.minArity)…\(f.maxArity) arguments",
                                       at: e.offset, length: e.length)
                }
                for a in args {
                    if a.callsFunction("rand") {
                        throw Binder.error("NonConstantExpression", "an aggregate cannot take a random argument", at: a.offset)
                    }
                    if a.containsAggregate {
                        throw Binder.error("NestedAggregation", "aggregates cannot be nested", at: a.offset, length: a.length)
                    }
                    try checkExpression(a, scope)
                }
                return
            }
            if lower == "exists" {
                guard args.count == 1 else {
                    throw Binder.error("InvalidNumberOfArguments", "exists() takes one argument", at: e.offset)
                }
                switch args[0].kind {
                case .property, .subscript_: break
                default:
                    throw Binder.error("InvalidArgumentType", "exists() takes a property or a pattern", at: args[0].offset)
                }
            } else if let f = FunctionLibrary.scalar(lower) {
                if args.count < f.minArity || (f.maxArity.map { args.count > $0 } ?? false) {
                    throw Binder.error("InvalidNumberOfArguments", "wrong number of arguments to \(name)()", at: e.offset,
                                       length: e.length)
                }
                if lower == "size", let first = args.first, case .patternPredicate = first.kind {
                    throw Binder.error("UnexpectedSyntax", "size() of a pattern is not allowed; use COUNT { } or size([…])",
                                       at: first.offset)
                }
                if let accepted = Binder.staticArgumentTypes[lower], let first = args.first,
                   let t = staticType(first, scope), t != .null, !accepted.contains(t) {
                    throw Binder.error("InvalidArgumentType", "\(name)() cannot take \(t.name)", at: first.offset, length: first.length)
                }
            } else {
                throw Binder.error("UnknownFunction", "unknown function '\(name)'", at: e.offset, length: name.utf8.count)
            }
            for a in args { try checkExpression(a, scope, allowAggregates: allowAggregates) }
        case .listComprehension(let v, let list, let predicate, let projection):
            try checkExpression(list, scope, allowAggregates: allowAggregates)
            var inner = scope
            inner.add(v, elementKind(list, scope))
            _ = slot(v)
            if let predicate { try checkExpression(predicate, inner) }
            if let projection { try checkExpression(projection, inner) }
        case .quantifier(_, let v, let list, let predicate):
            try checkExpression(list, scope, allowAggregates: allowAggregates)
            var inner = scope
            inner.add(v, elementKind(list, scope))
            _ = slot(v)
            if let predicate { try checkExpression(predicate, inner) }
        case .reduce(let acc, let initial, let v, let list, let body):
            try checkExpression(initial, scope, allowAggregates: allowAggregates)
            try checkExpression(list, scope, allowAggregates: allowAggregates)
            var inner = scope
            inner.add(acc, .value)
            inner.add(v, .value)
            _ = slot(acc)
            _ = slot(v)
            try checkExpression(body, inner)
        case .patternPredicate(let pattern):
            for name in pattern.variableNames where !scope.contains(name) {
                throw Binder.error("UndefinedVariable", "a pattern used as a predicate cannot introduce '\(name)'", at: e.offset)
            }
            var local = scope
            let part = PatternPart(pathVariable: nil, element: pattern, shortest: .none, offset: e.offset)
            let compiled = try compilePart(part, scope: scope, introduced: &local, uniqueRelationships: [])
            compiledPatterns[e.offset] = CompiledPatternExpression(
                matcher: PatternMatcher(parts: [compiled], initiallyBound: scope.names.map { slot($0) }))
        case .patternComprehension(let pathVariable, let pattern, let predicate, let projection):
            var local = scope
            let part = PatternPart(pathVariable: pathVariable, element: pattern, shortest: .none, offset: e.offset)
            let compiled = try compilePart(part, scope: scope, introduced: &local, uniqueRelationships: [])
            compiledPatterns[e.offset] = CompiledPatternExpression(
                matcher: PatternMatcher(parts: [compiled], initiallyBound: scope.names.map { slot($0) }))
            if let predicate { try checkExpression(predicate, local) }
            try checkExpression(projection, local)
        case .existsSubquery(let query):
            for part in query.parts {
                if let c = part.clauses.first(where: { $0.isUpdating }) {
                    throw Binder.error("InvalidClauseComposition", "an EXISTS subquery cannot update the graph", at: c.offset)
                }
            }
            let (plan, _) = try bindQuery(query, outer: scope, requireReturn: false, subquery: true)
            compiledSubqueries[e.offset] = plan.plans.first
            if plan.plans.count > 1 {
                throw Binder.error("InvalidClauseComposition", "UNION inside EXISTS is not supported", at: e.offset)
            }
        case .mapProjection(let base, let items):
            try checkExpression(base, scope, allowAggregates: allowAggregates)
            for item in items {
                switch item {
                case .entry(_, let v): try checkExpression(v, scope, allowAggregates: allowAggregates)
                case .variable(let name):
                    guard scope.contains(name) else {
                        throw Binder.error("UndefinedVariable", "variable '\(name)' not defined", at: e.offset)
                    }
                default: break
                }
            }
        case .binary(let op, let a, let b) where op == .and || op == .or || op == .xor:
            try checkExpression(a, scope, allowAggregates: allowAggregates)
            try checkExpression(b, scope, allowAggregates: allowAggregates)
            try checkBooleanOperand(a, scope, op.rawValue)
            try checkBooleanOperand(b, scope, op.rawValue)
        case .parameter(let name):
            if let known = parameterNames, !known.contains(name) {
                throw CypherError(.parameterMissing, "MissingParameter", "expected a parameter named $\(name)",
                                  offset: e.offset, length: e.length, phase: .compileTime)
            }
        case .property(let base, let key):
            try checkExpression(base, scope, allowAggregates: allowAggregates)
            if let t = staticType(base, scope), [.path, .list, .integer, .float, .string, .boolean].contains(t) {
                // The TCK files a path as a syntax error and other values as type errors.
                throw CypherError(t == .path ? .syntaxError : .typeError, "InvalidArgumentType",
                                  "cannot read property '\(key)' of \(t.name)", offset: e.offset, length: e.length,
                                  phase: .compileTime)
            }
        case .binary(.in, let a, let b):
            try checkExpression(a, scope, allowAggregates: allowAggregates)
            try checkExpression(b, scope, allowAggregates: allowAggregates)
            if let t = staticType(b, scope), t != .list, t != .null {
                throw Binder.error("InvalidArgumentType", "IN expects a list, got \(t.name)", at: b.offset, length: b.length)
            }
        case .binary(let op, let a, let b) where [.add, .subtract, .multiply, .divide, .modulo, .power].contains(op):
            try checkExpression(a, scope, allowAggregates: allowAggregates)
            try checkExpression(b, scope, allowAggregates: allowAggregates)
            if let ta = staticType(a, scope), let tb = staticType(b, scope), !arithmeticAccepts(op, ta, tb) {
                throw Binder.error("InvalidArgumentType", "cannot apply '\(op.rawValue)' to \(ta.name) and \(tb.name)",
                                   at: e.offset, length: e.length)
            }
        case .not(let inner):
            try checkExpression(inner, scope, allowAggregates: allowAggregates)
            try checkBooleanOperand(inner, scope, "NOT")
        default:
            for c in e.children { try checkExpression(c, scope, allowAggregates: allowAggregates) }
        }
    }
}

extension Expr {
    func callsFunction(_ name: String) -> Bool {
        if case .function(let f, _, _) = kind, f.lowercased() == name { return true }
        return children.contains { $0.callsFunction(name) }
    }
}

extension Binder {
    /// Argument types the graph and collection functions accept, for compile-time checks of
    /// arguments whose type is statically known.
    static let staticArgumentTypes: [String: [StaticType]] = [
        "labels": [.node],
        "type": [.relationship],
        "startnode": [.relationship],
        "endnode": [.relationship],
        "properties": [.node, .relationship, .map],
        "keys": [.node, .relationship, .map],
        "size": [.list, .string],
        "length": [.path],
        "nodes": [.path],
        "relationships": [.path],
    ]
}
