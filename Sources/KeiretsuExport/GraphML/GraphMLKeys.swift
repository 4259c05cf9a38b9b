// The `<key>` declarations of a GraphML export: one per property name and domain (node, edge),
// typed from the values the subgraph actually holds.
//
// GraphML wants the type of a key before any `<data>` that uses it (graphml primer §4.2), so the
// writer makes a first pass over the subgraph to collect every property name with the join of
// its value kinds, then a second pass to write. The join, per DESIGN.md "Exports":
//
//   all booleans → boolean         all integers → long          all floats → double
//   integers and floats → double, integers written without a point, so that keiretsu reads
//                         them back as integers and everyone else as the same number
//   all strings → string           all dates (or all of one temporal type) → string, ISO text
//   lists, maps, and any other mix → string holding each value's JSON text (DESIGN.md
//                         encoding, so `"1"` and `1` stay apart)
//
// Every key carries `<desc>keiretsu:KIND</desc>`: other tools ignore it, and keiretsu's reader
// uses it to restore lists, maps, temporals, integers in a widened key and encoded names.

import KeiretsuGraph

/// How the values of one key are written and read back.
enum GraphMLKind: Hashable, Sendable {
    case boolean, long, double
    /// Integers and floats mixed: `attr.type="double"`, integers printed without a point.
    case number
    case string
    /// JSON text of each value (lists, maps and mixed kinds).
    case json
    /// One temporal type, by its constructor name (`date`, `datetime`, …), as ISO text.
    case temporal(String)
    /// The node labels key.
    case labels
    /// The relationship type key.
    case type

    /// The GraphML `attr.type`.
    var attrType: String {
        switch self {
        case .boolean: return "boolean"
        case .long: return "long"
        case .double, .number: return "double"
        case .string, .json, .temporal, .labels, .type: return "string"
        }
    }

    /// The word after `keiretsu:` in the key's description.
    var annotation: String {
        switch self {
        case .boolean: return "boolean"
        case .long: return "long"
        case .double: return "double"
        case .number: return "number"
        case .string: return "string"
        case .json: return "json"
        case .temporal(let name): return name
        case .labels: return "labels"
        case .type: return "type"
        }
    }

    init?(annotation: String) {
        switch annotation {
        case "boolean": self = .boolean
        case "long": self = .long
        case "double": self = .double
        case "number": self = .number
        case "string": self = .string
        case "json": self = .json
        case "labels": self = .labels
        case "type": self = .type
        case "date", "localtime", "time", "localdatetime", "datetime", "duration": self = .temporal(annotation)
        default: return nil
        }
    }

    /// The kind of a single property value; nil for null, which is never stored.
    init?(of value: Value) {
        switch value {
        case .null: return nil
        case .bool: self = .boolean
        case .int: self = .long
        case .float: self = .double
        case .string: self = .string
        case .temporal(let t): self = .temporal(t.constructorName)
        case .list, .map, .node, .relationship, .path: self = .json
        }
    }

    /// The least kind that holds values of both kinds.
    func joined(with other: GraphMLKind) -> GraphMLKind {
        if self == other { return self }
        switch (self, other) {
        case (.long, .double), (.double, .long), (.number, .long), (.number, .double), (.long, .number),
            (.double, .number):
            return .number
        default:
            return .json
        }
    }

    /// The `<data>` text of `value` in a key of this kind (before XML sanitising).
    func text(of value: Value) -> String {
        switch (self, value) {
        case (.boolean, .bool(let b)): return b ? "true" : "false"
        case (.long, .int(let i)), (.number, .int(let i)): return String(i)
        case (.double, .float(let d)), (.number, .float(let d)): return formatDouble(d)
        case (.string, .string(let s)): return s
        case (.temporal, .temporal(let t)): return t.isoString
        default: return value.json()
        }
    }
}

enum GraphMLDomain: String, Sendable {
    case node, edge
}

struct GraphMLKey: Sendable {
    var id: String
    var domain: GraphMLDomain
    /// The property name (empty for the labels and type keys).
    var name: String
    /// `attr.name`: the encoded property name, or `labels` / `label`.
    var attrName: String
    var kind: GraphMLKind
}

/// All keys of one export, in the order they are declared: labels, type, then node and edge
/// properties sorted by name.
struct GraphMLKeyPlan {
    var keys: [GraphMLKey] = []
    var nodeKeys: [String: Int] = [:]
    var edgeKeys: [String: Int] = [:]

    static let labelsKeyIndex = 0
    static let typeKeyIndex = 1

    init(graph: any GraphStore, subgraph: Subgraph) {
        var nodeKinds: [String: GraphMLKind] = [:]
        var edgeKinds: [String: GraphMLKind] = [:]
        // The kind seen last is checked first: most properties hold one kind throughout, so the
        // dictionary is written only when a name is new or its kind widens.
        for id in subgraph.nodes {
            for (name, value) in graph.nodeProperties(id) {
                guard let kind = GraphMLKind(of: value) else { continue }
                if let known = nodeKinds[name] {
                    if known != kind { nodeKinds[name] = known.joined(with: kind) }
                } else {
                    nodeKinds[name] = kind
                }
            }
        }
        for id in subgraph.relationships {
            for (name, value) in graph.relationshipProperties(id) {
                guard let kind = GraphMLKind(of: value) else { continue }
                if let known = edgeKinds[name] {
                    if known != kind { edgeKinds[name] = known.joined(with: kind) }
                } else {
                    edgeKinds[name] = kind
                }
            }
        }
        keys.append(GraphMLKey(id: "k0", domain: .node, name: "", attrName: "labels", kind: .labels))
        keys.append(GraphMLKey(id: "k1", domain: .edge, name: "", attrName: "label", kind: .type))
        for (domain, kinds) in [(GraphMLDomain.node, nodeKinds), (.edge, edgeKinds)] {
            // Sorted by the UTF-8 bytes of the name: the same order on every platform.
            for name in kinds.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                guard let kind = kinds[name] else { continue }
                let index = keys.count
                keys.append(GraphMLKey(id: "k\(index)", domain: domain, name: name,
                                       attrName: GraphMLNames.encode(name), kind: kind))
                if domain == .node { nodeKeys[name] = index } else { edgeKeys[name] = index }
            }
        }
    }
}
