// Shared pieces of the function families: how a function is declared, how it reads its
// arguments, and the errors it raises.
//
// Error codes follow the openCypher TCK, which raises at run time:
//   TypeError.InvalidArgumentValue     a function got a value of a type it does not accept
//                                      (toBoolean(1.0), labels(1), type('') — TypeConversion1–4,
//                                      Graph3 [9], Graph4 [6]);
//   ArgumentError.InvalidArgumentType  range() with a non-integer bound or step (List11 [5]);
//   ArgumentError.NumberOutOfRange     a number outside the function's domain (range() step 0,
//                                      List11 [4]; percentiles outside [0, 1], Aggregation6);
//   EntityNotFound.DeletedEntityAccess labels()/keys()/properties() of an element deleted
//                                      earlier in the same query (Return2 [16]).
// The TCK has no code for integer overflow at run time; GQL calls it "numeric value out of
// range" (SQLSTATE 22003), so overflow is ArgumentError.NumberOutOfRange too.
//
// Errors carry no offset: the executor adds the position of the call.

import KeiretsuGraph

extension CypherError {
    /// A function argument of a type the function does not accept.
    static func invalidArgumentValue(_ function: String, expected: String, got value: Value) -> CypherError {
        CypherError(.typeError, "InvalidArgumentValue",
                    "\(function)() expects \(expected), got \(value.typeName)", phase: .runtime)
    }

    /// A number outside the domain of a function.
    static func numberOutOfRange(_ function: String, _ detail: String) -> CypherError {
        CypherError(.argumentError, "NumberOutOfRange", "\(function)(): \(detail)", phase: .runtime)
    }

    /// Integer arithmetic that does not fit in 64 bits. Shared with the executor's operators so
    /// that `+` and `sum()` report overflow alike.
    static func integerOverflow(_ context: String) -> CypherError {
        CypherError(.argumentError, "NumberOutOfRange", "integer overflow in \(context)", phase: .runtime)
    }

    /// A function argument whose value (not type) is unusable, such as an unknown rounding mode.
    static func invalidArgumentChoice(_ function: String, _ detail: String) -> CypherError {
        CypherError(.argumentError, "InvalidArgumentValue", "\(function)(): \(detail)", phase: .runtime)
    }

    /// Reading labels or properties of a node or relationship deleted earlier in the query.
    static func deletedEntityAccess(_ function: String, _ what: String) -> CypherError {
        CypherError(.entityNotFound, "DeletedEntityAccess",
                    "\(function)() reads a \(what) that has been deleted", phase: .runtime)
    }
}

/// Declares a scalar function. `name` is the display spelling (`toInteger`); the registry key is
/// its lower-cased form, and the display name appears in error messages.
func scalar(_ name: String, arity: ClosedRange<Int>,
            _ body: @escaping @Sendable (_ context: FunctionContext, _ arguments: FunctionArguments) throws -> Value)
    -> ScalarFunction
{
    ScalarFunction(name: name.lowercased(), minArity: arity.lowerBound, maxArity: arity.upperBound) { context, values in
        try body(context, FunctionArguments(function: name, values: values))
    }
}

/// Declares a variadic scalar function (at least `minArity` arguments).
func variadicScalar(_ name: String, minArity: Int,
                    _ body: @escaping @Sendable (_ context: FunctionContext, _ arguments: FunctionArguments) throws -> Value)
    -> ScalarFunction
{
    ScalarFunction(name: name.lowercased(), minArity: minArity, maxArity: nil) { context, values in
        try body(context, FunctionArguments(function: name, values: values))
    }
}

/// A function's evaluated arguments with the function's name, for messages. Reading past the
/// end gives null rather than trapping, so a miscounted call can never crash the process (the
/// executor checks arity before calling).
struct FunctionArguments {
    let function: String
    let values: [Value]

    var count: Int { values.count }

    subscript(_ i: Int) -> Value { i >= 0 && i < values.count ? values[i] : .null }

    /// True when any argument is null: the common "null in, null out" rule.
    var anyNull: Bool { values.contains { $0.isNull } }

    /// The argument as a Double (integers widen); a TypeError for anything but a number.
    func number(_ i: Int) throws -> Double {
        switch self[i] {
        case .int(let v): return Double(v)
        case .float(let v): return v
        default: throw CypherError.invalidArgumentValue(function, expected: "a number", got: self[i])
        }
    }

    func string(_ i: Int) throws -> String {
        if case .string(let s) = self[i] { return s }
        throw CypherError.invalidArgumentValue(function, expected: "a STRING", got: self[i])
    }

    func list(_ i: Int) throws -> [Value] {
        if case .list(let l) = self[i] { return l }
        throw CypherError.invalidArgumentValue(function, expected: "a LIST", got: self[i])
    }

    /// An INTEGER argument. Floats are refused: Cypher never narrows implicitly.
    func integer(_ i: Int) throws -> Int64 {
        if case .int(let v) = self[i] { return v }
        throw CypherError.invalidArgumentValue(function, expected: "an INTEGER", got: self[i])
    }

    /// A non-negative INTEGER (substring(), left(), right()); null is an error here, as Neo4j
    /// documents for these length and position arguments.
    func nonNegativeInteger(_ i: Int, _ what: String) throws -> Int64 {
        let v = try integer(i)
        if v < 0 { throw CypherError.numberOutOfRange(function, "\(what) must not be negative, got \(v)") }
        return v
    }
}

/// The current state of a node: the store's copy when the node still exists, otherwise the
/// snapshot carried by the value (a node deleted earlier in the same query).
func refreshedNode(_ node: Node, in graph: any GraphStore) -> Node {
    graph.node(node.id) ?? node
}

func refreshedRelationship(_ rel: Relationship, in graph: any GraphStore) -> Relationship {
    graph.relationship(rel.id) ?? rel
}
