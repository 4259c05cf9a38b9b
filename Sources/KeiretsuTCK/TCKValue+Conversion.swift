// Between engine Values and TCK values.
//
// Actual → TCK (for comparison): graph elements lose their identity and keep what the TCK
// notation shows (labels, type, properties, hop directions); temporals become their ISO string,
// because the TCK writes temporal results as strings.
//
// TCK → Value (for `parameters are:` and test procedure tables): only data values can be
// passed in; a node, relationship or path cell in such a table is an error.

import KeiretsuGraph

extension TCKValue {
    public init(actual value: Value) {
        switch value {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .float(let d): self = .float(d)
        case .string(let s): self = .string(s)
        case .list(let l): self = .list(l.map(TCKValue.init(actual:)))
        case .map(let m): self = .map(m.map { ($0.key, TCKValue(actual: $0.value)) })
        case .node(let n): self = TCKValue(node: n)
        case .relationship(let r): self = TCKValue(relationship: r)
        case .path(let p):
            guard let first = p.nodes.first else {
                self = .path(start: .null, hops: [])
                return
            }
            var hops: [PathHop] = []
            // A well-formed path has one more node than relationships; a malformed one (from a
            // foreign JSON stream, say) must still not trap, so every index is checked.
            for (k, r) in p.relationships.enumerated() {
                guard k < p.nodes.count else { break }
                let previous = p.nodes[k]
                let next = k + 1 < p.nodes.count ? TCKValue(node: p.nodes[k + 1]) : .null
                // A hop is forward when the relationship starts at the node before it. For a
                // self-loop both readings hold; forward is chosen.
                let forward = r.start == previous.id
                hops.append(PathHop(relationship: TCKValue(relationship: r), forward: forward, node: next))
            }
            self = .path(start: TCKValue(node: first), hops: hops)
        case .temporal(let t): self = .string(t.isoString)
        }
    }

    init(node n: Node) {
        self = .node(labels: n.labels, properties: n.properties.map { ($0.key, TCKValue(actual: $0.value)) })
    }

    init(relationship r: Relationship) {
        self = .relationship(type: r.type, properties: r.properties.map { ($0.key, TCKValue(actual: $0.value)) })
    }

    /// The engine value this TCK value denotes, for parameters and procedure rows.
    public func toValue() throws -> Value {
        switch self {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .float(let d): return .float(d)
        case .string(let s): return .string(s)
        case .list(let l): return .list(try l.map { try $0.toValue() })
        case .map(let entries):
            var m = ValueMap()
            for e in entries { m[e.key] = try e.value.toValue() }
            return .map(m)
        case .node, .relationship, .path:
            throw TCKValueError(text: canonical(), position: 0,
                               message: "graph elements cannot be passed as parameters or procedure values")
        }
    }
}
