// The abstract syntax tree the parser produces.
//
// It mirrors the openCypher grammar closely and keeps a byte offset on every expression, clause
// and pattern element so that later phases can point at the text they complain about. The tree is
// immutable; the analyzer checks it and the planner turns it into operators. `AST+Print.swift`
// prints it back as Cypher.

import KeiretsuGraph

struct Expr: Sendable {
    indirect enum Kind: Sendable {
        case literal(Value)
        case parameter(String)
        case variable(String)
        case property(Expr, String)
        /// `a[i]`, `m['k']`
        case subscript_(Expr, Expr)
        /// `a[from..to]`, either bound optional
        case slice(Expr, Expr?, Expr?)
        /// `n:A:B` — true when the node has every label (or the relationship has one of the types)
        case hasLabels(Expr, [String])
        case list([Expr])
        case map([(String, Expr)])
        case mapProjection(Expr, [MapProjectionItem])
        case not(Expr)
        case negate(Expr)
        case unaryPlus(Expr)
        case binary(BinaryOperator, Expr, Expr)
        /// `a < b <= c` — every adjacent pair must hold
        case comparison(Expr, [(ComparisonOperator, Expr)])
        case isNull(Expr, negated: Bool)
        case function(name: String, distinct: Bool, arguments: [Expr])
        case countStar
        case caseExpression(subject: Expr?, alternatives: [(Expr, Expr)], otherwise: Expr?)
        case listComprehension(variable: String, list: Expr, predicate: Expr?, projection: Expr?)
        case patternComprehension(pathVariable: String?, pattern: PatternElement, predicate: Expr?, projection: Expr)
        case quantifier(Quantifier, variable: String, list: Expr, predicate: Expr?)
        case reduce(accumulator: String, initial: Expr, variable: String, list: Expr, expression: Expr)
        /// `EXISTS { MATCH … }` or `EXISTS { (a)-->() WHERE … }`
        case existsSubquery(Query)
        /// A pattern used as a predicate: `WHERE (a)-->(b)`; also `exists((a)-->())`
        case patternPredicate(PatternElement)
    }

    var kind: Kind
    var offset: Int
    var length: Int = 1

    init(_ kind: Kind, at offset: Int, length: Int = 1) {
        self.kind = kind
        self.offset = offset
        self.length = length
    }
}

enum BinaryOperator: String, Sendable {
    case or = "OR", xor = "XOR", and = "AND"
    case add = "+", subtract = "-", multiply = "*", divide = "/", modulo = "%", power = "^"
    case startsWith = "STARTS WITH", endsWith = "ENDS WITH", contains = "CONTAINS"
    case `in` = "IN"
    case regexMatch = "=~"
}

enum ComparisonOperator: String, Sendable {
    case equal = "=", notEqual = "<>", less = "<", greater = ">", lessOrEqual = "<=", greaterOrEqual = ">="
}

enum Quantifier: String, Sendable {
    case all, any, none, single
}

enum MapProjectionItem: Sendable {
    /// `.name`
    case property(String)
    /// `key: expression`
    case entry(String, Expr)
    /// `variable` (shorthand for `variable: variable`)
    case variable(String)
    /// `.*`
    case allProperties
}

// MARK: - Patterns

struct NodePattern: Sendable {
    var variable: String?
    var labels: [String]
    /// A map literal or a parameter.
    var properties: Expr?
    /// `(n WHERE n.x > 1)` (newer Cypher); kept so the parser can accept it.
    var predicate: Expr?
    var offset: Int
}

enum RelationshipDirection: Sendable, Equatable {
    /// `-[]->`
    case right
    /// `<-[]-`
    case left
    /// `-[]-` (and `<-[]->`)
    case both
}

struct RelationshipPattern: Sendable {
    var variable: String?
    /// Alternatives: `[:A|B]` matches either type.
    var types: [String]
    var properties: Expr?
    var direction: RelationshipDirection
    /// `*min..max`; nil when the relationship is a single hop. `(nil, nil)` is `*`.
    var range: VariableLength?
    var predicate: Expr?
    var offset: Int
}

struct VariableLength: Sendable {
    var min: Int?
    var max: Int?
}

struct PatternElement: Sendable {
    var start: NodePattern
    var chain: [(RelationshipPattern, NodePattern)]

    var nodes: [NodePattern] { [start] + chain.map(\.1) }
    var relationships: [RelationshipPattern] { chain.map(\.0) }
}

enum ShortestPathKind: Sendable {
    case none, shortest, all
}

struct PatternPart: Sendable {
    var pathVariable: String?
    var element: PatternElement
    var shortest: ShortestPathKind
    var offset: Int
}

// MARK: - Clauses

struct ProjectionItem: Sendable {
    var expression: Expr
    var alias: String?
    /// The item's source text, which names the column when there is no alias.
    var text: String

    var name: String { alias ?? text }
}

struct SortItem: Sendable {
    var expression: Expr
    var ascending: Bool
}

struct Projection: Sendable {
    var distinct: Bool
    /// `RETURN *` / `WITH *`, possibly followed by more items.
    var includeExisting: Bool
    var items: [ProjectionItem]
    var orderBy: [SortItem]
    var skip: Expr?
    var limit: Expr?
    var offset: Int
}

enum SetItem: Sendable {
    /// `n.key = value` (the target may be any expression yielding an entity or map)
    case property(target: Expr, key: String, value: Expr)
    /// `n = map` replaces all properties
    case replaceProperties(variable: String, value: Expr, offset: Int)
    /// `n += map` merges
    case mergeProperties(variable: String, value: Expr, offset: Int)
    /// `n:A:B`
    case labels(variable: String, labels: [String], offset: Int)
}

enum RemoveItem: Sendable {
    case property(target: Expr, key: String)
    case labels(variable: String, labels: [String], offset: Int)
}

struct YieldItem: Sendable {
    var field: String
    var alias: String?
    var offset: Int
}

struct Clause: Sendable {
    enum Kind: Sendable {
        case match(optional: Bool, patterns: [PatternPart], predicate: Expr?)
        case unwind(Expr, variable: String)
        case with(Projection, predicate: Expr?)
        case return_(Projection)
        case create([PatternPart])
        case merge(PatternPart, onCreate: [SetItem], onMatch: [SetItem])
        case set([SetItem])
        case remove([RemoveItem])
        case delete([Expr], detach: Bool)
        case foreach(variable: String, list: Expr, body: [Clause])
        case callSubquery(Query)
        /// `CALL ns.proc(args) YIELD a, b AS c WHERE …`; `arguments == nil` is the implicit form
        /// `CALL ns.proc` that takes its arguments from same-named parameters.
        case callProcedure(name: String, arguments: [Expr]?, yield: [YieldItem]?, yieldAll: Bool, predicate: Expr?)
    }

    var kind: Kind
    var offset: Int

    var name: String {
        switch kind {
        case .match(let optional, _, _): return optional ? "OPTIONAL MATCH" : "MATCH"
        case .unwind: return "UNWIND"
        case .with: return "WITH"
        case .return_: return "RETURN"
        case .create: return "CREATE"
        case .merge: return "MERGE"
        case .set: return "SET"
        case .remove: return "REMOVE"
        case .delete(_, let detach): return detach ? "DETACH DELETE" : "DELETE"
        case .foreach: return "FOREACH"
        case .callSubquery: return "CALL"
        case .callProcedure: return "CALL"
        }
    }

    var isUpdating: Bool {
        switch kind {
        case .create, .merge, .set, .remove, .delete, .foreach: return true
        default: return false
        }
    }
}

struct SingleQuery: Sendable {
    var clauses: [Clause]
}

struct Query: Sendable {
    var parts: [SingleQuery]
    /// `unionAll[i]` joins `parts[i]` and `parts[i + 1]`.
    var unionAll: [Bool]
    var offset: Int
}

enum SchemaCommand: Sendable {
    case createIndex(name: String?, label: String, properties: [String], ifNotExists: Bool)
    case dropIndex(name: String, ifExists: Bool)
    case createUniqueConstraint(name: String?, label: String, property: String, ifNotExists: Bool)
    case dropConstraint(name: String, ifExists: Bool)
    case showIndexes
    case showConstraints
}

enum ExecutionMode: Sendable {
    case normal, explain, profile
}

enum Statement: Sendable {
    case query(Query, ExecutionMode)
    case schema(SchemaCommand, offset: Int)
}
