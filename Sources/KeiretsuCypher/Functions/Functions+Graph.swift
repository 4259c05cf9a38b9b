// Functions over graph elements and paths (openCypher 9, "Scalar functions", "List
// functions"; TCK Graph3, Graph4, Graph8, Graph9, Path1–3, Return2 [14]–[16]).
//
// A node or relationship value carries a snapshot that may be stale: the query may have SET a
// property or REMOVEd a label since the value was bound. These functions therefore read the
// element's current state from the store by id. When the element has been deleted earlier in
// the query, labels(), keys() and properties() raise EntityNotFound.DeletedEntityAccess (TCK
// Return2 [16]), while id(), elementId() and type() answer from the snapshot (Return2 [14]:
// type() of a deleted relationship is still its type).
//
//   function              null in   accepts                     returns
//   id(x)                 null      NODE, RELATIONSHIP          INTEGER
//   elementId(x)          null      NODE, RELATIONSHIP          STRING: the id in decimal
//   labels(n)             null      NODE                        LIST<STRING> in label order
//   type(r)               null      RELATIONSHIP                STRING
//   keys(x)               null      NODE, RELATIONSHIP, MAP     LIST<STRING> in property order
//                                                               (a map's null-valued keys too)
//   properties(x)         null      NODE, RELATIONSHIP, MAP     MAP (a map is returned as is)
//   startNode(r),         null      RELATIONSHIP                NODE, current state; a deleted
//   endNode(r)                                                  endpoint is a bare reference
//   length(p)             null      PATH                        INTEGER, relationships count
//   nodes(p),             null      PATH                        LIST of current elements
//   relationships(p)
// Anything else is TypeError.InvalidArgumentValue. Functions whose wrong argument type the
// analyser can see (labels(path), length(node), properties(1)) are refused at compile time by
// the analyser (TCK Graph3 [8], Path3 [2]–[3], Graph9 [5]–[7]); the run-time check is the same
// test on values whose type was not known.

import KeiretsuGraph

let graphFunctions: [ScalarFunction] = [
    scalar("id", arity: 1...1) { _, args in
        switch args[0] {
        case .null: return .null
        case .node(let n): return .int(Int64(n.id))
        case .relationship(let r): return .int(Int64(r.id))
        default: throw CypherError.invalidArgumentValue("id", expected: "a NODE or RELATIONSHIP", got: args[0])
        }
    },
    scalar("elementId", arity: 1...1) { _, args in
        switch args[0] {
        case .null: return .null
        case .node(let n): return .string(String(n.id))
        case .relationship(let r): return .string(String(r.id))
        default: throw CypherError.invalidArgumentValue("elementId", expected: "a NODE or RELATIONSHIP", got: args[0])
        }
    },
    scalar("labels", arity: 1...1) { context, args in
        switch args[0] {
        case .null: return .null
        case .node(let n):
            guard context.graph.nodeExists(n.id) else { throw CypherError.deletedEntityAccess("labels", "node") }
            return .list(context.graph.nodeLabels(n.id).map { .string($0) })
        default: throw CypherError.invalidArgumentValue("labels", expected: "a NODE", got: args[0])
        }
    },
    scalar("type", arity: 1...1) { context, args in
        switch args[0] {
        case .null: return .null
        case .relationship(let r): return .string(context.graph.relationshipType(r.id) ?? r.type)
        default: throw CypherError.invalidArgumentValue("type", expected: "a RELATIONSHIP", got: args[0])
        }
    },
    scalar("keys", arity: 1...1) { context, args in
        if args[0].isNull { return .null }
        return .list(try propertyMap("keys", args[0], context.graph).keys.map { .string($0) })
    },
    scalar("properties", arity: 1...1) { context, args in
        if args[0].isNull { return .null }
        return .map(try propertyMap("properties", args[0], context.graph))
    },
    endpointFunction("startNode", start: true),
    endpointFunction("endNode", start: false),
    scalar("length", arity: 1...1) { _, args in
        switch args[0] {
        case .null: return .null
        case .path(let p): return .int(Int64(p.length))
        default: throw CypherError.invalidArgumentValue("length", expected: "a PATH", got: args[0])
        }
    },
    scalar("nodes", arity: 1...1) { context, args in
        switch args[0] {
        case .null: return .null
        case .path(let p): return .list(p.nodes.map { .node(refreshedNode($0, in: context.graph)) })
        default: throw CypherError.invalidArgumentValue("nodes", expected: "a PATH", got: args[0])
        }
    },
    scalar("relationships", arity: 1...1) { context, args in
        switch args[0] {
        case .null: return .null
        case .path(let p):
            return .list(p.relationships.map { .relationship(refreshedRelationship($0, in: context.graph)) })
        default: throw CypherError.invalidArgumentValue("relationships", expected: "a PATH", got: args[0])
        }
    },
]

/// The properties of a node or relationship as the store holds them now, or a map itself.
private func propertyMap(_ function: String, _ v: Value, _ graph: any GraphStore) throws -> ValueMap {
    switch v {
    case .map(let m): return m
    case .node(let n):
        guard graph.nodeExists(n.id) else { throw CypherError.deletedEntityAccess(function, "node") }
        return graph.nodeProperties(n.id)
    case .relationship(let r):
        guard graph.relationshipExists(r.id) else { throw CypherError.deletedEntityAccess(function, "relationship") }
        return graph.relationshipProperties(r.id)
    default:
        throw CypherError.invalidArgumentValue(function, expected: "a NODE, RELATIONSHIP or MAP", got: v)
    }
}

private func endpointFunction(_ name: String, start: Bool) -> ScalarFunction {
    scalar(name, arity: 1...1) { context, args in
        switch args[0] {
        case .null: return .null
        case .relationship(let r):
            let (s, e) = context.graph.relationshipEndpoints(r.id) ?? (r.start, r.end)
            let id = start ? s : e
            return .node(context.graph.node(id) ?? Node(id: id, labels: [], properties: [:]))
        default: throw CypherError.invalidArgumentValue(name, expected: "a RELATIONSHIP", got: args[0])
        }
    }
}
