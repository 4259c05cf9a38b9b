// Static types: what the binder can tell about an expression's type before running it.
//
// openCypher rejects at compile time an operator applied to operands whose types are already
// known to be wrong (`RETURN 123 AND true`, `RETURN [] OR false`); the same mistake hidden
// behind a variable or a parameter is a TypeError at run time. The inference here is
// deliberately shallow: literals, list and map literals, graph-element variables, and the
// result types of operators whose result type does not depend on values.

import KeiretsuGraph

enum StaticType: Equatable {
    case boolean, integer, float, string, list, map, node, relationship, path, temporal, null

    var name: String {
        switch self {
        case .boolean: return "BOOLEAN"
        case .integer: return "INTEGER"
        case .float: return "FLOAT"
        case .string: return "STRING"
        case .list: return "LIST"
        case .map: return "MAP"
        case .node: return "NODE"
        case .relationship: return "RELATIONSHIP"
        case .path: return "PATH"
        case .temporal: return "TEMPORAL"
        case .null: return "NULL"
        }
    }
}

extension Binder {
    /// The type `e` is certain to have, or nil when it depends on data.
    func staticType(_ e: Expr, _ scope: Scope) -> StaticType? {
        switch e.kind {
        case .literal(let v):
            switch v {
            case .null: return .null
            case .bool: return .boolean
            case .int: return .integer
            case .float: return .float
            case .string: return .string
            case .list: return .list
            case .map: return .map
            case .temporal: return .temporal
            default: return nil
            }
        case .list, .listComprehension, .patternComprehension: return .list
        case .map, .mapProjection: return .map
        case .variable(let name):
            switch scope.kind(name) {
            case .node: return .node
            case .relationship: return .relationship
            case .path: return .path
            case .relationshipList: return .list
            case .typed(let t): return t
            default: return nil
            }
        case .not, .comparison, .isNull, .quantifier, .existsSubquery, .patternPredicate, .hasLabels:
            return .boolean
        case .binary(let op, let a, let b):
            switch op {
            case .and, .or, .xor, .startsWith, .endsWith, .contains, .in, .regexMatch: return .boolean
            case .power: return .float
            case .add, .subtract, .multiply, .divide, .modulo:
                let ta = staticType(a, scope), tb = staticType(b, scope)
                switch (ta, tb) {
                case (.integer, .integer): return .integer
                case (.float, .float), (.integer, .float), (.float, .integer): return .float
                case (.string, .string) where op == .add: return .string
                case (.list, _) where op == .add, (_, .list) where op == .add: return .list
                default: return nil
                }
            }
        default:
            return nil
        }
    }

    /// The kind of a comprehension variable: the element type of a list literal whose elements
    /// all share one known type.
    func elementKind(_ list: Expr, _ scope: Scope) -> VariableKind {
        guard case .list(let items) = list.kind, let first = items.first,
              let t = staticType(first, scope), t != .null, t != .node, t != .relationship, t != .path
        else { return .value }
        for item in items.dropFirst() where staticType(item, scope) != t { return .value }
        return .typed(t)
    }

    /// Whether an arithmetic operator can apply to operands of these known types.
    func arithmeticAccepts(_ op: BinaryOperator, _ a: StaticType, _ b: StaticType) -> Bool {
        if a == .null || b == .null { return true }
        let numeric: [StaticType] = [.integer, .float]
        if numeric.contains(a) && numeric.contains(b) { return true }
        if a == .temporal || b == .temporal { return true }
        if op == .add {
            if a == .list || b == .list { return true }
            if a == .string && (b == .string || numeric.contains(b)) { return true }
            if b == .string && numeric.contains(a) { return true }
        }
        return false
    }

    /// A WHERE clause needs a boolean.
    func checkPredicateType(_ e: Expr, _ scope: Scope) throws {
        guard let t = staticType(e, scope), t != .boolean, t != .null else { return }
        throw Binder.error("InvalidArgumentType", "WHERE expects a boolean, got \(t.name)", at: e.offset, length: e.length)
    }

    /// Patterns used as values (outside WHERE, exists() and comprehension predicates) are not
    /// allowed: `RETURN (n)-->()` must be written `RETURN exists((n)-->())` or as a pattern
    /// comprehension.
    func rejectBarePatterns(_ e: Expr) throws {
        switch e.kind {
        case .patternPredicate:
            throw Binder.error("UnexpectedSyntax", "a pattern cannot be used as a value here; use exists() or [pattern | …]",
                               at: e.offset, length: e.length)
        case .function(let name, _, _) where name.lowercased() == "exists":
            return
        case .listComprehension(_, let list, _, let projection):
            try rejectBarePatterns(list)
            if let projection { try rejectBarePatterns(projection) }
        case .quantifier(_, _, let list, _):
            try rejectBarePatterns(list)
        case .patternComprehension(_, _, _, let projection):
            try rejectBarePatterns(projection)
        case .caseExpression, .not, .binary, .comparison, .isNull:
            // Boolean contexts inside a projection may hold pattern predicates.
            return
        default:
            for c in e.children { try rejectBarePatterns(c) }
        }
    }

    /// Boolean operators need boolean (or null) operands.
    func checkBooleanOperand(_ e: Expr, _ scope: Scope, _ op: String) throws {
        guard let t = staticType(e, scope), t != .boolean, t != .null else { return }
        throw Binder.error("InvalidArgumentType", "\(op) expects a boolean, got \(t.name)", at: e.offset, length: e.length)
    }
}
