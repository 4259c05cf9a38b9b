// The binder: checks a parsed query against openCypher's scoping and typing rules and plans it.
//
// It walks the clauses in order with the set of variables in scope, reporting what the TCK
// calls compile-time errors (UndefinedVariable, VariableAlreadyBound, VariableTypeConflict,
// NoExpressionAlias, InvalidAggregation …), and emits one or more operators per clause. Every
// name the statement uses gets one row slot; nested queries (EXISTS, CALL { }) share the slots
// of the statement they sit in.

import KeiretsuGraph

enum VariableKind: Equatable {
    case node, relationship, relationshipList, path, value
    /// A value whose type the binder knows and which is not a graph element.
    case typed(StaticType)
}

struct Scope {
    /// Variables in scope, in the order they were introduced.
    private(set) var names: [String] = []
    private(set) var kinds: [String: VariableKind] = [:]

    func contains(_ name: String) -> Bool { kinds[name] != nil }
    func kind(_ name: String) -> VariableKind? { kinds[name] }

    mutating func add(_ name: String, _ kind: VariableKind) {
        if kinds[name] == nil { names.append(name) }
        kinds[name] = kind
    }
}

/// A pattern predicate or comprehension, ready to run.
struct CompiledPatternExpression {
    var matcher: PatternMatcher
}

struct BoundStatement {
    var query: SubqueryPlan
    var columns: [String]
    var slots: [String: Int]
    var compiledPatterns: [Int: CompiledPatternExpression]
    var compiledSubqueries: [Int: Plan]
}

struct Binder {
    var slots: [String: Int] = [:]
    var compiledPatterns: [Int: CompiledPatternExpression] = [:]
    var compiledSubqueries: [Int: Plan] = [:]
    let procedures: [String: Procedure]
    /// Names of the parameters the statement is run with; a reference to any other is a
    /// compile-time ParameterMissing error.
    let parameterNames: Set<String>?
    var hiddenCount = 0

    init(procedures: [String: Procedure], parameterNames: Set<String>? = nil) {
        self.procedures = procedures
        self.parameterNames = parameterNames
    }

    mutating func slot(_ name: String) -> Int {
        if let s = slots[name] { return s }
        let s = slots.count
        slots[name] = s
        return s
    }

    /// A slot for a value the user cannot name (aggregates, sort keys).
    mutating func hiddenSlot() -> (String, Int) {
        hiddenCount += 1
        let name = " hidden\(hiddenCount)"
        return (name, slot(name))
    }

    static func error(_ code: String, _ message: String, at offset: Int, length: Int = 1) -> CypherError {
        CypherError(.syntaxError, code, message, offset: offset, length: length, phase: .compileTime)
    }

    mutating func bindStatement(_ query: Query) throws -> BoundStatement {
        let (plan, columns) = try bindQuery(query, outer: Scope(), requireReturn: false)
        return BoundStatement(query: plan, columns: columns, slots: slots, compiledPatterns: compiledPatterns,
                              compiledSubqueries: compiledSubqueries)
    }

    /// Binds a query (with its UNION parts). Returns the plan and the column names.
    mutating func bindQuery(_ query: Query, outer: Scope, requireReturn: Bool, subquery: Bool = false)
        throws -> (SubqueryPlan, [String])
    {
        if query.unionAll.contains(true) && query.unionAll.contains(false) {
            throw Binder.error("InvalidClauseComposition", "cannot mix UNION and UNION ALL", at: query.offset)
        }
        var plans: [Plan] = []
        var columnSlots: [[Int]] = []
        var columns: [String]? = nil
        for part in query.parts {
            let (operators, partColumns, _) = try bindSingleQuery(part, outer: outer, subquery: subquery)
            if let columns, let partColumns, columns != partColumns.map(\.0) {
                throw Binder.error("DifferentColumnsInUnion", "all parts of a UNION must return the same columns",
                                   at: part.clauses.last?.offset ?? query.offset)
            }
            if query.parts.count > 1 && partColumns == nil {
                throw Binder.error("InvalidClauseComposition", "each part of a UNION must end with RETURN",
                                   at: part.clauses.last?.offset ?? query.offset)
            }
            if columns == nil { columns = partColumns?.map(\.0) }
            columnSlots.append(partColumns?.map(\.1) ?? [])
            plans.append(Plan(operators))
        }
        if requireReturn && columns == nil {
            throw Binder.error("InvalidClauseComposition", "the subquery must end with RETURN", at: query.offset)
        }
        return (SubqueryPlan(plans: plans, columnSlots: columnSlots, unionAll: query.unionAll, returns: columns != nil),
                columns ?? [])
    }

    /// Binds the clauses of one single query. Returns its operators, its result columns (name,
    /// slot) when it ends with RETURN (or a standalone CALL), and the scope at its end.
    mutating func bindSingleQuery(_ query: SingleQuery, outer: Scope, subquery: Bool = false) throws
        -> ([PlanOperator], [(String, Int)]?, Scope)
    {
        if outer.names.isEmpty, let (operators, columns) = rewrite(query) {
            return (operators, columns, Scope())
        }
        var scope = outer
        var operators: [PlanOperator] = []
        var columns: [(String, Int)]? = nil
        let clauses = query.clauses
        for (i, clause) in clauses.enumerated() {
            let isLast = i == clauses.count - 1
            if columns != nil {
                throw Binder.error("InvalidClauseComposition", "RETURN can only be the last clause", at: clause.offset)
            }
            // Importing WITH at the start of a CALL { } subquery sees the outer scope; anything
            // else in a subquery starts from an empty scope.
            switch clause.kind {
            case .return_(let projection):
                let (ops, cols, newScope) = try bindProjection(projection, predicate: nil, scope: scope, isReturn: true)
                operators += ops
                columns = cols
                scope = newScope
            case .with(let projection, let predicate):
                let (ops, _, newScope) = try bindProjection(projection, predicate: predicate, scope: scope, isReturn: false)
                operators += ops
                scope = newScope
            case .callProcedure(let name, let arguments, let yield, let yieldAll, let predicate):
                let standalone = clauses.count == 1
                let (ops, cols) = try bindProcedureCall(name: name, arguments: arguments, yield: yield, yieldAll: yieldAll,
                                                        predicate: predicate, standalone: standalone, scope: &scope,
                                                        offset: clause.offset)
                operators += ops
                if standalone { columns = cols }
            default:
                operators += try bindClause(clause, scope: &scope)
            }
            if isLast && columns == nil && !subquery {
                switch clause.kind {
                case .match, .with, .unwind:
                    throw Binder.error("InvalidClauseComposition", "a query cannot end with \(clause.name)", at: clause.offset)
                default: break
                }
            }
        }
        return (operators, columns, scope)
    }
}
