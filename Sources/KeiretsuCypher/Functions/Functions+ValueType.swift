// valueType(x): the most precise type of a value, as a normalised type string (Neo4j Cypher
// manual, "valueType()" and "Type normalization"; GQL value types).
//
//   valueType(null)            'NULL'
//   valueType(1)               'INTEGER NOT NULL' (likewise BOOLEAN, STRING, FLOAT, MAP, NODE,
//                              RELATIONSHIP, PATH, DATE, LOCAL TIME, ZONED TIME,
//                              LOCAL DATETIME, ZONED DATETIME, DURATION)
//   valueType([])              'LIST<NOTHING> NOT NULL'
//   valueType([1, 2])          'LIST<INTEGER NOT NULL> NOT NULL'
//   valueType([1, 'a'])        'LIST<STRING NOT NULL | INTEGER NOT NULL> NOT NULL'
//   valueType([1, null])       'LIST<INTEGER> NOT NULL'   (a null element makes every member
//                                                         of the union nullable)
//   valueType([null])          'LIST<NULL> NOT NULL'
//   valueType([[1], ['a']])    'LIST<LIST<STRING NOT NULL | INTEGER NOT NULL> NOT NULL> NOT NULL'
//                              (list members of a union merge into one list of the union)
//
// Union members are ordered as the manual lists the types: BOOLEAN, STRING, INTEGER, FLOAT,
// DATE, LOCAL TIME, ZONED TIME, LOCAL DATETIME, ZONED DATETIME, DURATION, NODE, RELATIONSHIP,
// MAP, LIST, PATH. Never an error; null is a value with a type too.

import KeiretsuGraph

let valueTypeFunctions: [ScalarFunction] = [
    scalar("valueType", arity: 1...1) { _, args in .string(valueTypeName(args[0])) }
]

func valueTypeName(_ v: Value) -> String {
    var t = ValueTypeUnion()
    t.add(v)
    return t.rendered
}

/// A normalised union of value types.
struct ValueTypeUnion {
    /// Ranks of the non-list member types (see `typeRank`).
    var simple: Set<Int> = []
    /// The merged element type when a list type is a member: empty or one element (an array
    /// because a struct cannot hold itself directly).
    var listElement: [ValueTypeUnion] = []
    var nullable = false

    mutating func add(_ v: Value) {
        switch v {
        case .null: nullable = true
        case .list(let elements):
            var inner = listElement.first ?? ValueTypeUnion()
            for e in elements { inner.add(e) }
            listElement = [inner]
        default: simple.insert(ValueTypeUnion.typeRank(v))
        }
    }

    var rendered: String {
        var members: [(Int, String)] = simple.map { ($0, ValueTypeUnion.names[$0]) }
        if let inner = listElement.first { members.append((ValueTypeUnion.listRank, "LIST<\(inner.rendered)> NOT NULL")) }
        if members.isEmpty { return nullable ? "NULL" : "NOTHING" }
        members.sort { $0.0 < $1.0 }
        let suffix = nullable ? "" : " NOT NULL"
        return members.map { rank, name in
            // A list member renders its own NOT NULL; strip it again when the union is nullable.
            if rank == ValueTypeUnion.listRank {
                return nullable ? String(name.dropLast(" NOT NULL".count)) : name
            }
            return name + suffix
        }.joined(separator: " | ")
    }

    static let names = [
        "BOOLEAN", "STRING", "INTEGER", "FLOAT", "DATE", "LOCAL TIME", "ZONED TIME",
        "LOCAL DATETIME", "ZONED DATETIME", "DURATION", "NODE", "RELATIONSHIP", "MAP", "LIST", "PATH",
    ]
    static let listRank = 13

    static func typeRank(_ v: Value) -> Int {
        switch v {
        case .bool: return 0
        case .string: return 1
        case .int: return 2
        case .float: return 3
        case .temporal(let t):
            switch t {
            case .date: return 4
            case .localTime: return 5
            case .time: return 6
            case .localDateTime: return 7
            case .dateTime: return 8
            case .duration: return 9
            }
        case .node: return 10
        case .relationship: return 11
        case .map: return 12
        case .list: return listRank
        case .path: return 14
        case .null: return -1
        }
    }
}
