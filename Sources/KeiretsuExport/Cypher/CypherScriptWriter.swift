// CypherScriptWriter: a script of Cypher statements that re-creates a subgraph in keiretsu,
// Neo4j, Memgraph or FalkorDB — the way out for a graph that outgrows one machine.
//
// Nodes go in UNWIND batches, one batch per run of nodes with the same labels (labels cannot be
// parameters in Cypher), each node tagged with a temporary label and an id property so that the
// relationship batches can find their endpoints:
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

        // Nodes: runs of equal label lists, at most `batch` per statement.
        var rows: [String] = []
        var currentLabels: [String]? = nil
        func flushNodes() throws {
            guard let labels = currentLabels, !rows.isEmpty else { return }
            let labelText = (labels + [tag]).map { ":" + quoteIdentifierIfNeeded($0) }.joined()
            try out.write("UNWIND [" + rows.joined(separator: ", ") + "] AS row\n")
            try out.write("CREATE (n\(labelText) {\(idText): row.i}) SET n += row.p;\n")
            rows.removeAll(keepingCapacity: true)
        }
        for id in subgraph.nodes {
            let labels = graph.nodeLabels(id)
            if labels != currentLabels || rows.count >= batch {
                try flushNodes()
                currentLabels = labels
            }
            var row = "{i: \(id), p: "
            writeMap(graph.nodeProperties(id), to: &row)
            row += "}"
            rows.append(row)
        }
        try flushNodes()

        // Relationships: runs of equal types.
        var currentType: String? = nil
        func flushRelationships() throws {
            guard let type = currentType, !rows.isEmpty else { return }
            try out.write("UNWIND [" + rows.joined(separator: ", ") + "] AS row\n")
            try out.write("MATCH (a:\(tagText) {\(idText): row.s}), (b:\(tagText) {\(idText): row.e})\n")
            try out.write("CREATE (a)-[r:\(quoteIdentifierIfNeeded(type))]->(b) SET r += row.p;\n")
            rows.removeAll(keepingCapacity: true)
        }
        for id in subgraph.relationships {
            guard let (start, end) = graph.relationshipEndpoints(id) else { continue }
            let type = graph.relationshipType(id) ?? ""
            if type != currentType || rows.count >= batch {
                try flushRelationships()
                currentType = type
            }
            var row = "{s: \(start), e: \(end), p: "
            writeMap(graph.relationshipProperties(id), to: &row)
            row += "}"
            rows.append(row)
        }
        try flushRelationships()
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
        default:
            v.writeLiteral(to: &out, .plain)
        }
    }

    static func writeMap(_ m: ValueMap, to out: inout String) {
        out += "{"
        var first = true
        for (k, v) in m where !v.isNull {
            if !first { out += ", " }
            first = false
            out += quoteIdentifierIfNeeded(k) + ": "
            writeLiteral(v, to: &out)
        }
        out += "}"
    }
}
