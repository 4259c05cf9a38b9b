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
            } else {
                throw Binder.error("UnknownFunction", "unknown function '\(name)'", at: e.offset, length: name.utf8.count)
            }
            for a in args { try checkExpression(a, scope, allowAggregates: allowAggregates) }
        case .listComprehension(let v, let list, let predicate, let projection):
            try checkExpression(list, scope, allowAggregates: allowAggregates)
            var inner = scope
            inner.add(v, .value)
            _ = slot(v)
            if let predicate { try checkExpression(predicate, inner) }
            if let projection { try checkExpression(projection, inner, allowAggregates: allowAggregates) }
        case .quantifier(_, let v, let list, let predicate):
            try checkExpression(list, scope, allowAggregates: allowAggregates)
            var inner = scope
            inner.add(v, .value)
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
        default:
            for c in e.children { try checkExpression(c, scope, allowAggregates: allowAggregates) }
        }
    }
}
