// Value: every datum keiretsu stores, computes or prints.
//
// One enum covers the openCypher type system: null, booleans, 64-bit integers, IEEE floats,
// strings, lists, maps, graph elements and temporals. Its semantics are spelled out here and
// implemented in one file per concern:
//
//   Value+Equivalence.swift  Swift `==` and `hash(into:)` mean Cypher *equivalence* — the relation
//                            DISTINCT, grouping keys and UNION use. `null` is equivalent to `null`,
//                            NaN to NaN, and `1` to `1.0` (numbers compare by value, so hashing goes
//                            through one canonical numeric form).
//   Value+Comparison.swift   Cypher `=` (three-valued: `null = null` is null), the comparability
//                            relation behind `<` (incomparable pairs give null) and the total
//                            *orderability* used by ORDER BY.
//   Value+Literal.swift      printing a value back as a Cypher literal (`'it\'s'`, `1.0`, `[1, 2]`).
//
// Graph elements carry a snapshot of their labels/type and properties; the executor refreshes
// the snapshot from the store whenever it reads through one, so a stale copy is never observed.

import OrderedCollections

/// A property map or a Cypher map value. Keys keep insertion order, so output never depends on
/// hash order.
public typealias ValueMap = OrderedDictionary<String, Value>

public enum Value: Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case float(Double)
    case string(String)
    case list([Value])
    case map(ValueMap)
    case node(Node)
    case relationship(Relationship)
    case path(Path)
    case temporal(Temporal)
}

extension Value {
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The name of the value's type as openCypher error messages and `valueType()` spell it.
    public var typeName: String {
        switch self {
        case .null: return "NULL"
        case .bool: return "BOOLEAN"
        case .int: return "INTEGER"
        case .float: return "FLOAT"
        case .string: return "STRING"
        case .list: return "LIST"
        case .map: return "MAP"
        case .node: return "NODE"
        case .relationship: return "RELATIONSHIP"
        case .path: return "PATH"
        case .temporal(let t): return t.typeName
        }
    }

    /// The numeric value as a Double, for integers and floats.
    public var doubleValue: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .float(let d): return d
        default: return nil
        }
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }
}

extension Value: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .float(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: Value...) { self = .list(elements) }
}
