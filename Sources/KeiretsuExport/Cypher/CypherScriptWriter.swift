// CypherScriptWriter: a script of Cypher statements that re-creates a subgraph in keiretsu,
// Neo4j, Memgraph or FalkorDB — the way out for a graph that outgrows one machine.
//
// Nodes go in UNWIND batches of up to 1,000, one batch per label list (labels cannot be
// parameters in Cypher), relationships in batches per type; each node is tagged with a
// temporary label and an id property so that the relationship batches can find their endpoints:
//
//   UNWIND [{i: 3, p: {name: 'A'}}, …] AS row
//   CREATE (n:Company:_KeiretsuExport {_keiretsuExportId: row.i}) SET n += row.p;
//   UNWIND [{s: 3, e: 4, p: {percent: 43.0}}, …] AS row
//   MATCH (a:_KeiretsuExport {_keiretsuExportId: row.s}), (b:_KeiretsuExport {_keiretsuExportId: row.e})
//   CREATE (a)-[r:HOLDS_STAKE]->(b) SET r += row.p;
//   MATCH (n:_KeiretsuExport) REMOVE n:_KeiretsuExport, n._keiretsuExportId;
//
// Literals are openCypher's: strings with the escapes the lexers read, floats with a point or a
// signed exponent without `+` (the openCypher grammar has no `e+`), NaN and the infinities as
// `(0.0 / 0.0)`, `(1.0 / 0.0)`, `(-1.0 / 0.0)` (IEEE float division, which Neo4j and keiretsu
// evaluate so), the smallest integer as an expression (its magnitude alone overflows the
// lexer), temporals through their constructors, `date('2023-01-28')`. If the graph already uses
// the temporary label or property name, a numbered variant is taken.

import KeiretsuGraph

public enum CypherScriptWriter {
    public static func write(graph: any GraphStore, subgraph: Subgraph, to sink: any ByteSink,
                             batchSize: Int = 1000) throws {
        let batch = max(1, batchSize)
        let tag = uniqueName("_KeiretsuExport", taken: Set(graph.labelsInUse()))
        let idKey = uniqueName("_keiretsuExportId", taken: Set(graph.propertyKeysInUse()))
        let tagText = quoteIdentifierIfNeeded(tag), idText = quoteIdentifierIfNeeded(idKey)
        var out = TextOutput(sink)
        try out.write("// Cypher script written by keiretsu: \(subgraph.nodes.count) nodes, \(subgraph.relationships.count) relationships.\n")
        try out.write("// Nodes carry the temporary label \(tagText) and property \(idText) until the last statement.\n")
        try out.write("// Large graphs in Neo4j load much faster with an index created first:\n")
        try out.write("//   CREATE INDEX FOR (n:\(tagText)) ON (n.\(idText));\n")

        // Nodes: one pending batch per label list, written when it holds `batch` rows; the
        // rest at the end in sorted order. Memory stays at one batch per label list.
        var nodeBatches: [[String]: [String]] = [:]
        func flushNodes(_ labels: [String]) throws {
            guard let rows = nodeBatches[labels], !rows.isEmpty else { return }
            let labelText = (labels + [tag]).map { ":" + quoteIdentifierIfNeeded($0) }.joined()
            try out.write("UNWIND [" + rows.joined(separator: ", ") + "] AS row\n")
            try out.write("CREATE (n\(labelText) {\(idText): row.i}) SET n += row.p;\n")
            nodeBatches[labels] = []
        }
        for id in subgraph.nodes {
            guard let node = graph.node(id) else { continue }
            var row = "{i: \(id), p: "
            writeProperties(node.properties, to: &row)
            row += "}"
            nodeBatches[node.labels, default: []].append(row)
            if nodeBatches[node.labels]?.count ?? 0 >= batch { try flushNodes(node.labels) }
        }
        for labels in nodeBatches.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) { try flushNodes(labels) }

        // Relationships: likewise, one pending batch per type.
        var relationshipBatches: [String: [String]] = [:]
        func flushRelationships(_ type: String) throws {
            guard let rows = relationshipBatches[type], !rows.isEmpty else { return }
            try out.write("UNWIND [" + rows.joined(separator: ", ") + "] AS row\n")
            try out.write("MATCH (a:\(tagText) {\(idText): row.s}), (b:\(tagText) {\(idText): row.e})\n")
            try out.write("CREATE (a)-[r:\(quoteIdentifierIfNeeded(type))]->(b) SET r += row.p;\n")
            relationshipBatches[type] = []
        }
        for id in subgraph.relationships {
            guard let rel = graph.relationship(id) else { continue }
            var row = "{s: \(rel.start), e: \(rel.end), p: "
            writeProperties(rel.properties, to: &row)
            row += "}"
            relationshipBatches[rel.type, default: []].append(row)
            if relationshipBatches[rel.type]?.count ?? 0 >= batch { try flushRelationships(rel.type) }
        }
        for type in relationshipBatches.keys.sorted() { try flushRelationships(type) }
        if !subgraph.nodes.isEmpty {
            try out.write("MATCH (n:\(tagText)) REMOVE n:\(tagText), n.\(idText);\n")
        }
        try out.flush()
    }

    static func uniqueName(_ base: String, taken: Set<String>) -> String {
        var name = base
        var n = 2
        while taken.contains(name) {
            name = "\(base)\(n)"
            n += 1
        }
        return name
    }

    /// `v` as an openCypher expression that evaluates to `v` (see the file comment).
    static func writeLiteral(_ v: Value, to out: inout String) {
        switch v {
        case .int(let i) where i == Int64.min:
            out += "(-9223372036854775807 - 1)"
        case .float(let d):
            if d.isNaN {
                out += "(0.0 / 0.0)"
            } else if d.isInfinite {
                out += d < 0 ? "(-1.0 / 0.0)" : "(1.0 / 0.0)"
            } else {
                out += formatDouble(d).split(separator: "+", omittingEmptySubsequences: false).joined()
            }
        case .list(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += ", " }
                writeLiteral(item, to: &out)
            }
            out += "]"
        case .map(let m):
            writeMap(m, to: &out)
        case .string(let s) where isPlainASCII(s, except: [0x27, 0x5C]):
            out += "'" + s + "'"  // the common case, without the per-character escaping pass
        default:
            v.writeLiteral(to: &out, .plain)
        }
    }

    /// A property map for `SET n += row.p`. Cypher stores no maps (nor lists of lists or maps)
    /// as properties, so such a value — which a GraphML import can bring in — is written as its
    /// JSON text, the same form GraphML and the JSON export give it.
    static func writeProperties(_ m: ValueMap, to out: inout String) {
        var storable = ValueMap()
        for (k, v) in m {
            switch v {
            case .map: storable[k] = .string(v.json())
            case .list(let items) where items.contains(where: { if case .map = $0 { return true }; if case .list = $0 { return true }; return false }):
                storable[k] = .string(v.json())
            default: storable[k] = v
            }
        }
        writeMap(storable, to: &out)
    }

    static func writeMap(_ m: ValueMap, to out: inout String) {
        out += "{"
        var first = true
        for (k, v) in m where !v.isNull {
            if !first { out += ", " }
            first = false
            out += (isPlainASCIIName(k) ? k : quoteIdentifierIfNeeded(k)) + ": "
            writeLiteral(v, to: &out)
        }
        out += "}"
    }

    /// Printable ASCII without any of `except`.
    static func isPlainASCII(_ s: String, except: [UInt8]) -> Bool {
        s.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && !except.contains($0) }
    }

    /// `[A-Za-z_][A-Za-z0-9_]*`: an identifier that needs no back-quotes in any Cypher dialect.
    static func isPlainASCIIName(_ s: String) -> Bool {
        guard let first = s.utf8.first, first == 0x5F || (first | 0x20 >= 0x61 && first | 0x20 <= 0x7A) else { return false }
        return s.utf8.allSatisfy { $0 == 0x5F || ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }
    }
}
