// MATCH and OPTIONAL MATCH: extend each row with every embedding of the pattern that satisfies
// the WHERE clause. OPTIONAL MATCH keeps a row that has none, with the new variables null.

import KeiretsuGraph

final class MatchOperator: PlanOperator {
    let matcher: PatternMatcher
    let predicate: Expr?
    let optional: Bool
    /// Slots the pattern introduces (set to null for an OPTIONAL MATCH without a match).
    let introduced: [Int]
    let summary: String

    init(matcher: PatternMatcher, predicate: Expr?, optional: Bool, introduced: [Int], summary: String) {
        self.matcher = matcher
        self.predicate = predicate
        self.optional = optional
        self.introduced = introduced
        self.summary = summary
    }

    override var name: String { optional ? "OptionalMatch" : "Match" }
    override var detail: String { summary }

    override var streams: Bool { true }

    override func stream(_ row: Row, _ ctx: ExecutionContext, _ emit: (Row) throws -> Bool) throws -> Bool {
        var matched = false
        var go = true
        try matcher.forEachMatch(row, ctx) { extended in
            try ctx.check()
            if let predicate = self.predicate {
                guard try ctx.eval(predicate, extended) == .bool(true) else { return true }
            }
            matched = true
            go = try emit(extended)
            return go
        }
        if optional && !matched {
            var empty = row
            for s in introduced { empty[s] = .null }
            return try emit(empty)
        }
        return go
    }

    override func execute(_ input: [Row], _ ctx: ExecutionContext) throws -> [Row] {
        var out: [Row] = []
        for row in input { _ = try stream(row, ctx) { out.append($0); return true } }
        return out
    }
}

/// WHERE after WITH, and YIELD … WHERE.
final class FilterOperator: PlanOperator {
    let predicate: Expr

    init(_ predicate: Expr) { self.predicate = predicate }

    override var name: String { "Filter" }
    override var streams: Bool { true }

    override func stream(_ row: Row, _ ctx: ExecutionContext, _ emit: (Row) throws -> Bool) throws -> Bool {
        try ctx.check()
        guard try ctx.eval(predicate, row) == .bool(true) else { return true }
        return try emit(row)
    }

    override func execute(_ input: [Row], _ ctx: ExecutionContext) throws -> [Row] {
        var out: [Row] = []
        for row in input {
            try ctx.check()
            if try ctx.eval(predicate, row) == .bool(true) { out.append(row) }
        }
        return out
    }
}

/// UNWIND list AS x: one row per element; null and the empty list give none; a non-list value
/// gives one row holding it.
final class UnwindOperator: PlanOperator {
    let list: Expr
    let slot: Int
    let variable: String

    init(list: Expr, slot: Int, variable: String) {
        self.list = list
        self.slot = slot
        self.variable = variable
    }

    override var name: String { "Unwind" }
    override var detail: String { variable }
    override var streams: Bool { true }

    override func stream(_ row: Row, _ ctx: ExecutionContext, _ emit: (Row) throws -> Bool) throws -> Bool {
        switch try ctx.eval(list, row) {
        case .null: return true
        case .list(let items):
            var r = row
            for item in items {
                try ctx.check()
                r[slot] = item
                if !(try emit(r)) { return false }
            }
            return true
        case let v:
            var r = row
            r[slot] = v
            return try emit(r)
        }
    }

    override func execute(_ input: [Row], _ ctx: ExecutionContext) throws -> [Row] {
        var out: [Row] = []
        for row in input {
            switch try ctx.eval(list, row) {
            case .null: continue
            case .list(let items):
                for item in items {
                    try ctx.check()
                    var r = row
                    r[slot] = item
                    out.append(r)
                }
            case let v:
                var r = row
                r[slot] = v
                out.append(r)
            }
        }
        return out
    }
}
