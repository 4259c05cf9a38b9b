// The function library's interface: scalar functions and aggregations, looked up by name.
//
// The executor evaluates the arguments and calls `body`; a function never sees expressions,
// only values. Null handling is each function's own (most return null on a null argument; the
// rule table sits above each implementation). A function reports misuse by throwing a
// CypherError with phase `.runtime` and no offset; the executor adds the call's position.

import KeiretsuGraph

/// What a function may consult besides its arguments.
struct FunctionContext {
    /// For functions that read the graph: labels(), type(), properties(), keys(), startNode() …
    let graph: any GraphStore
    /// The statement's clock: date(), datetime.statement(), datetime.transaction() … all read
    /// this one instant (taken when the statement first calls a function); only the
    /// .realtime() variants read the system clock again.
    var statementTime: EpochInstant = .now()
}

struct ScalarFunction: Sendable {
    /// Lower-cased qualified name (`tolower`, `duration.between`).
    let name: String
    let minArity: Int
    /// nil: variadic.
    let maxArity: Int?
    let body: @Sendable (_ context: FunctionContext, _ arguments: [Value]) throws -> Value
}

/// An aggregation in progress. The executor creates one per group, feeds it each row's
/// argument value (after DISTINCT filtering when the call says DISTINCT), then asks for the
/// result.
protocol Aggregator {
    /// Called once per row with the evaluated argument(s). `count(*)` passes an empty array.
    mutating func add(_ arguments: [Value]) throws
    func result() throws -> Value
}

struct AggregateFunction: Sendable {
    let name: String
    let minArity: Int
    let maxArity: Int
    /// Creates a fresh aggregator. Arguments after the first (percentile's percentile) are
    /// constant per call and are passed with every `add`.
    let make: @Sendable () -> any Aggregator
}

enum FunctionLibrary {
    /// The scalar function called `name` (matched case-insensitively), if any.
    static func scalar(_ name: String) -> ScalarFunction? {
        scalarFunctions[name.lowercased()]
    }

    static func aggregate(_ name: String) -> AggregateFunction? {
        aggregateFunctions[name.lowercased()]
    }

    static func isAggregate(_ name: String) -> Bool { aggregateFunctions[name.lowercased()] != nil }

    /// All function names, for completion and "did you mean" suggestions.
    static var allNames: [String] { (Array(scalarFunctions.keys) + Array(aggregateFunctions.keys)).sorted() }

    static let scalarFunctions: [String: ScalarFunction] = {
        var table: [String: ScalarFunction] = [:]
        for f in builtinScalarFunctions { table[f.name] = f }
        return table
    }()

    static let aggregateFunctions: [String: AggregateFunction] = {
        var table: [String: AggregateFunction] = [:]
        for f in builtinAggregateFunctions { table[f.name] = f }
        return table
    }()
}

/// Registered by the files of Functions/ (one per family); see `Functions+*.swift`. Temporal
/// constructors (date(), duration.between() …) belong to the temporal family and join here.
let builtinScalarFunctions: [ScalarFunction] =
    mathFunctions + roundingFunctions + stringFunctions + listFunctions + conversionFunctions
    + graphFunctions + valueTypeFunctions + temporalFunctions
let builtinAggregateFunctions: [AggregateFunction] = aggregationFunctions + percentileFunctions
