// What `keiretsu schema` reports, computed from the GraphStore API alone.
//
//   labels          label, count                      (countNodes(withLabel:))
//   relationships   type, count                       (countRelationships(withType:))
//   patterns        from, type, to, count             one scan over the relationships; a node's
//                                                     labels are joined as `:A:B` (sorted), an
//                                                     unlabelled node is `()`
//   properties      key, on, types, count             one scan over nodes and relationships;
//                                                     `on` is `node` or `relationship`, types are
//                                                     the value type names seen (sorted)
//   indexes         name, label, properties, unique
//
// Every list is sorted, so the output never depends on hash order.

import KeiretsuCypher
import KeiretsuGraph

public struct GraphSchema {
    public struct Part {
        public var title: String
        public var result: QueryResult
    }

    public let parts: [Part]

    public init(graph: any GraphStore) {
        var parts: [Part] = []
        parts.append(Part(title: "Labels", result: QueryResult(
            columns: ["label", "count"],
            rows: graph.labelsInUse().map { [.string($0), .int(Int64(graph.countNodes(withLabel: $0)))] })))
        parts.append(Part(title: "Relationship types", result: QueryResult(
            columns: ["type", "count"],
            rows: graph.relationshipTypesInUse().map {
                [.string($0), .int(Int64(graph.countRelationships(withType: $0)))]
            })))
        parts.append(Part(title: "Relationship patterns", result: Self.patterns(graph)))
        parts.append(Part(title: "Property keys", result: Self.properties(graph)))
        parts.append(Part(title: "Indexes", result: QueryResult(
            columns: ["name", "label", "properties", "unique"],
            rows: graph.indexes.sorted { $0.name < $1.name }.map {
                [.string($0.name), .string($0.label), .list($0.properties.map { .string($0) }), .bool($0.unique)]
            })))
        self.parts = parts
    }

    static func labelSet(_ labels: [String]) -> String {
        labels.isEmpty ? "()" : labels.sorted(by: { compareStrings($0, $1) < 0 }).map { ":" + $0 }.joined()
    }

    static func patterns(_ graph: any GraphStore) -> QueryResult {
        struct Key: Hashable { var from: String, type: String, to: String }
        var counts: [Key: Int] = [:]
        var labelText: [ElementID: String] = [:]
        func text(_ id: ElementID) -> String {
            if let t = labelText[id] { return t }
            let t = labelSet(graph.nodeLabels(id))
            labelText[id] = t
            return t
        }
        for id in graph.allRelationshipIDs() {
            guard let type = graph.relationshipType(id), let (s, e) = graph.relationshipEndpoints(id) else { continue }
            counts[Key(from: text(s), type: type, to: text(e)), default: 0] += 1
        }
        let rows = counts.sorted {
            ($0.key.type, $0.key.from, $0.key.to) < ($1.key.type, $1.key.from, $1.key.to)
        }.map { entry -> [Value] in
            [.string(entry.key.from), .string(entry.key.type), .string(entry.key.to), .int(Int64(entry.value))]
        }
        return QueryResult(columns: ["from", "type", "to", "count"], rows: rows)
    }

    static func typeName(_ v: Value) -> String {
        guard case .list(let items) = v else { return v.typeName }
        let inner = Set(items.map(\.typeName))
        if inner.count == 1, let only = inner.first { return "LIST OF \(only)" }
        return inner.isEmpty ? "LIST" : "LIST OF ANY"
    }

    static func properties(_ graph: any GraphStore) -> QueryResult {
        struct Key: Hashable { var key: String, on: String }
        var types: [Key: Set<String>] = [:]
        var counts: [Key: Int] = [:]
        for id in graph.allNodeIDs() {
            for (k, v) in graph.nodeProperties(id) {
                let key = Key(key: k, on: "node")
                types[key, default: []].insert(typeName(v))
                counts[key, default: 0] += 1
            }
        }
        for id in graph.allRelationshipIDs() {
            for (k, v) in graph.relationshipProperties(id) {
                let key = Key(key: k, on: "relationship")
                types[key, default: []].insert(typeName(v))
                counts[key, default: 0] += 1
            }
        }
        let rows = counts.keys.sorted { ($0.key, $0.on) < ($1.key, $1.on) }.map { key -> [Value] in
            [.string(key.key), .string(key.on), .list((types[key] ?? []).sorted().map { .string($0) }),
             .int(Int64(counts[key] ?? 0))]
        }
        return QueryResult(columns: ["key", "on", "types", "count"], rows: rows)
    }
}
