// Property lookup, subscripts, slices, map projections and function calls.
//
//   n.key      node/relationship: the stored property, read from the store (null if absent);
//              a deleted element is an EntityNotFound error. map.key: the entry or null.
//              temporal.key: a component (`year`, `month` …). null.key: null.
//   list[i]    0-based, negative counts from the end, out of range is null; i must be an integer
//   map[k]     k must be a string; node[k] and rel[k] read properties dynamically
//   list[a..b] half-open, negative bounds count from the end, clamped; a null bound gives null

import KeiretsuGraph

extension ExecutionContext {
    func property(of base: Value, _ key: String) throws -> Value {
        switch base {
        case .null: return .null
        case .node(let n):
            guard graph.nodeExists(n.id) else { throw deletedEntity("node") }
            return graph.nodeProperty(n.id, key)
        case .relationship(let r):
            guard graph.relationshipExists(r.id) else { throw deletedEntity("relationship") }
            return graph.relationshipProperty(r.id, key)
        case .map(let m):
            return m[key] ?? .null
        case .temporal(let t):
            guard let v = try TemporalComponents.component(t, key) else {
                throw CypherError(.argumentError, "InvalidArgumentValue", "\(t.typeName) has no component '\(key)'", phase: .runtime)
            }
            return v
        default:
            throw CypherError(.typeError, "InvalidArgumentType", "cannot read property '\(key)' of \(base.typeName)", phase: .runtime)
        }
    }

    func deletedEntity(_ what: String) -> CypherError {
        CypherError(.entityNotFound, "DeletedEntityAccess", "the \(what) was deleted in this statement", phase: .runtime)
    }

    func elementAt(_ base: Value, _ index: Value) throws -> Value {
        switch (base, index) {
        case (.null, _), (_, .null): return .null
        case let (.list(items), .int(i)):
            let n = Int64(items.count)
            let k = i < 0 ? n + i : i
            guard k >= 0 && k < n else { return .null }
            return items[Int(k)]
        case (.list, _):
            throw CypherError(.typeError, "InvalidArgumentType", "list index must be an integer, got \(index.typeName)", phase: .runtime)
        case let (.map(m), .string(k)):
            return m[k] ?? .null
        case let (.node, .string(k)), let (.relationship, .string(k)):
            return try property(of: base, k)
        case (.map, _), (.node, _), (.relationship, _):
            throw CypherError(.typeError, "MapElementAccessByNonString", "map keys must be strings, got \(index.typeName)", phase: .runtime)
        default:
            throw CypherError(.typeError, "InvalidArgumentType", "cannot index into \(base.typeName)", phase: .runtime)
        }
    }

    func slice(_ base: Value, _ from: Value?, _ to: Value?) throws -> Value {
        if base.isNull || from?.isNull == true || to?.isNull == true { return .null }
        guard case .list(let items) = base else {
            throw CypherError(.typeError, "InvalidArgumentType", "cannot slice \(base.typeName)", phase: .runtime)
        }
        let n = Int64(items.count)
        func bound(_ v: Value?, _ fallback: Int64) throws -> Int64 {
            guard let v else { return fallback }
            guard case .int(let i) = v else {
                throw CypherError(.typeError, "InvalidArgumentType", "slice bounds must be integers", phase: .runtime)
            }
            let k = i < 0 ? n + i : i
            return min(max(k, 0), n)
        }
        let a = try bound(from, 0), b = try bound(to, n)
        guard a < b else { return .list([]) }
        return .list(Array(items[Int(a)..<Int(b)]))
    }

    func mapProjection(_ base: Value, _ items: [MapProjectionItem], _ row: Row) throws -> Value {
        if base.isNull { return .null }
        var out = ValueMap()
        for item in items {
            switch item {
            case .property(let key):
                out[key] = try property(of: base, key)
            case .entry(let key, let e):
                out[key] = try eval(e, row)
            case .variable(let name):
                out[name] = slots[name].map { row[$0] } ?? .null
            case .allProperties:
                switch base {
                case .node(let n): for (k, v) in graph.nodeProperties(n.id) { out[k] = v }
                case .relationship(let r): for (k, v) in graph.relationshipProperties(r.id) { out[k] = v }
                case .map(let m): for (k, v) in m { out[k] = v }
                default:
                    throw CypherError(.typeError, "InvalidArgumentType", "cannot project \(base.typeName)", phase: .runtime)
                }
            }
        }
        return .map(out)
    }

    func callFunction(_ name: String, distinct: Bool, _ arguments: [Expr], _ row: Row, at e: Expr) throws -> Value {
        guard let f = FunctionLibrary.scalar(name) else {
            if FunctionLibrary.isAggregate(name) {
                throw CypherError(.syntaxError, "InvalidAggregation", "aggregation is not allowed here", phase: .compileTime)
            }
            throw CypherError(.syntaxError, "UnknownFunction", "unknown function '\(name)'", phase: .compileTime)
        }
        var args: [Value] = []
        args.reserveCapacity(arguments.count)
        for a in arguments { args.append(try eval(a, row)) }
        return try f.body(functionContext, args)
    }
}
