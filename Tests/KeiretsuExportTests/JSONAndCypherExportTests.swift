// The JSON graph export reads back with KeiretsuGraph's own decoder; the Cypher script export
// prints literals every Cypher system reads and, once the engine runs, re-creates the graph.

import Foundation
import KeiretsuCypher
import KeiretsuGraph
import XCTest

@testable import KeiretsuExport

final class JSONAndCypherExportTests: XCTestCase {
    // MARK: JSON

    func testJSONExportDecodesBackToTheSameElements() throws {
        for (name, build) in AdversarialGraphs.all {
            let g = try build()
            let sink = MemorySink()
            try exportGraph(g, subgraph: .whole(graph: g), format: .json, to: sink)
            let value = try Value.parseJSON(sink.text)
            guard case .map(let top) = value, case .list(let nodes)? = top["nodes"], case .list(let rels)? = top["relationships"] else {
                return XCTFail("\(name): not {nodes, relationships}")
            }
            XCTAssertEqual(Array(top.keys), ["nodes", "relationships"])
            XCTAssertEqual(nodes.count, g.nodeCount, name)
            XCTAssertEqual(rels.count, g.relationshipCount, name)
            for (id, node) in zip(g.allNodeIDs(), nodes) {
                guard case .map(let m) = node, case .map(let props)? = m["properties"] else { return XCTFail("\(name): node shape") }
                XCTAssertEqual(m["_kind"], "node")
                XCTAssertEqual(m["id"], .int(Int64(id)))
                XCTAssertEqual(m["labels"], .list(g.nodeLabels(id).map { .string($0) }))
                XCTAssertTrue(GraphMLExpectations.strictlyEqual(.map(props), .map(g.nodeProperties(id))), "\(name) node \(id)")
            }
            for (id, rel) in zip(g.allRelationshipIDs(), rels) {
                guard case .map(let m) = rel, case .map(let props)? = m["properties"] else { return XCTFail("\(name): rel shape") }
                XCTAssertEqual(m["type"], .string(g.relationshipType(id) ?? ""))
                XCTAssertEqual(m["start"], .int(Int64(g.relationshipEndpoints(id)?.0 ?? -1)))
                XCTAssertTrue(GraphMLExpectations.strictlyEqual(.map(props), .map(g.relationshipProperties(id))), "\(name) rel \(id)")
            }
        }
    }

    func testJSONOfAnEmptyGraph() throws {
        let sink = MemorySink()
        try exportGraph(MemoryGraph(), subgraph: .whole(graph: MemoryGraph()), format: .json, to: sink)
        XCTAssertEqual(sink.text, "{\"nodes\":[],\"relationships\":[]}\n")
    }

    // MARK: Cypher

    private func script(_ g: MemoryGraph, batchSize: Int = 1000) throws -> String {
        let sink = MemorySink()
        try exportGraph(g, subgraph: .whole(graph: g), format: .cypher, options: ExportOptions(cypherBatchSize: batchSize), to: sink)
        return sink.text
    }

    func testCypherLiteralsAreOnesEveryEngineReads() throws {
        let text = try script(try AdversarialGraphs.numbers())
        XCTAssertTrue(text.contains("f: (0.0 / 0.0)"))
        XCTAssertTrue(text.contains("f: (1.0 / 0.0)"))
        XCTAssertTrue(text.contains("f: (-1.0 / 0.0)"))
        XCTAssertTrue(text.contains("f: 1e308"), "no e+ exponent")
        XCTAssertFalse(text.contains("e+"))
        XCTAssertTrue(text.contains("f: 5e-324"))
        XCTAssertTrue(text.contains("i: (-9223372036854775807 - 1)"))
        XCTAssertTrue(text.contains("i: 9223372036854775807"))
        let collections = try script(try AdversarialGraphs.collections())
        XCTAssertTrue(collections.contains("since: date('2023-01-28')"), collections)
        // A map property travels as its JSON text (Cypher cannot store maps).
        XCTAssertTrue(collections.contains(#""key with space":"v""#), collections)
        XCTAssertTrue(collections.contains(#""deep":[{"_kind":"float","value":"NaN"},{"_kind":"float","value":"Infinity"},null,true]"#))
        let strings = try script(try AdversarialGraphs.strings())
        XCTAssertTrue(strings.contains(#"'back\\slash \\N \\G \\\\ \\"'"#), "backslashes doubled")
        XCTAssertTrue(strings.contains(#"'quote " and \'apostrophe\''"#))
        XCTAssertTrue(strings.contains(#"'new\nline and\r\ncrlf and\rcr'"#))
    }

    func testCypherBatchesByLabelsAndTypeAndCleansUp() throws {
        let text = try script(try AdversarialGraphs.loops(), batchSize: 2)
        let statements = text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        // 2 nodes (one batch); HOLDS_STAKE ×5 in batches of 2 → 3; PARTNERS_WITH 1; MERGES_WITH 2 → 1; cleanup.
        let unwinds = statements.filter { $0.contains("UNWIND") }
        XCTAssertEqual(unwinds.count, 1 + 3 + 1 + 1, text)
        XCTAssertTrue(text.contains("CREATE (n:Company:_KeiretsuExport {_keiretsuExportId: row.i}) SET n += row.p;"))
        XCTAssertTrue(text.contains("CREATE (a)-[r:HOLDS_STAKE]->(b) SET r += row.p;"))
        XCTAssertTrue(text.hasSuffix("MATCH (n:_KeiretsuExport) REMOVE n:_KeiretsuExport, n._keiretsuExportId;\n"))
        let keywords = try script(try AdversarialGraphs.keywords())
        XCTAssertTrue(keywords.contains("CREATE (n:`Label With Spaces`:Organization:_KeiretsuExport"), keywords)
        XCTAssertTrue(keywords.contains("[r:`TYPE WITH SPACE`]"))
    }

    func testTheTemporaryNamesAvoidNamesTheGraphUses() throws {
        let g = MemoryGraph()
        try g.node(["_KeiretsuExport"], ["_keiretsuExportId": 1])
        let text = try script(g)
        XCTAssertTrue(text.contains("CREATE (n:_KeiretsuExport:_KeiretsuExport2 {_keiretsuExportId2: row.i})"), text)
    }

    /// Runs the script in a fresh keiretsu database and compares the graphs (as multisets of
    /// elements: the script creates nodes batch by batch, so ids come out in another order).
    func testTheScriptRecreatesTheGraphInKeiretsu() throws {
        let probe = Database()
        do {
            _ = try probe.execute("RETURN 1")
        } catch {
            throw XCTSkip("the Cypher engine does not run queries yet: \(error)")
        }
        let temporalsWork = (try? probe.execute("RETURN date('2023-01-28')")) != nil
        for (name, build) in AdversarialGraphs.all {
            // `` (the empty property name) is no Cypher identifier.
            if name == "names" { continue }
            if !temporalsWork && (name == "collections" || name == "mixed") {
                print("note: \(name) not replayed: the engine has no date() function yet")
                continue
            }
            let original = try build()
            let db = Database()
            try db.executeScript(try script(original, batchSize: 3)) { _ in }
            // Maps (and lists holding collections) cannot be Cypher properties: the script
            // carries them as their JSON text.
            XCTAssertEqual(signature(db.graph), signature(original, collectionsAsJSON: true), name)
            XCTAssertEqual(db.graph.propertyKeysInUse(), original.propertyKeysInUse(), "\(name): temporary id removed")
            XCTAssertEqual(db.graph.labelsInUse(), original.labelsInUse(), "\(name): temporary label removed")
        }
    }

    /// Every node and relationship as text without ids, sorted. Floats print by their bits so
    /// that -0.0 differs from 0.0; every NaN prints as NaN.
    private func signature(_ g: MemoryGraph, collectionsAsJSON: Bool = false) -> [String] {
        func property(_ v: Value) -> Value {
            guard collectionsAsJSON else { return v }
            switch v {
            case .map: return .string(v.json())
            case .list(let items) where items.contains(where: { if case .map = $0 { return true }; if case .list = $0 { return true }; return false }):
                return .string(v.json())
            default: return v
            }
        }
        func props(_ m: ValueMap) -> Value {
            var out = ValueMap()
            for (k, v) in m { out[k] = property(v) }
            return .map(out)
        }
        func text(_ v: Value) -> String {
            switch v {
            case .float(let d): return d.isNaN ? "NaN" : "f\(d.bitPattern)"  // x86's 0.0/0.0 is a negative NaN
            case .list(let l): return "[" + l.map(text).joined(separator: ",") + "]"
            case .map(let m): return "{" + m.keys.sorted().map { "\($0):\(text(m[$0] ?? .null))" }.joined(separator: ",") + "}"
            default: return v.literal()
            }
        }
        func node(_ id: ElementID) -> String { "(\(g.nodeLabels(id)) \(text(props(g.nodeProperties(id)))))" }
        let nodes = g.allNodeIDs().map(node)
        let rels = g.allRelationshipIDs().compactMap { id -> String? in
            guard let (s, e) = g.relationshipEndpoints(id) else { return nil }
            return "\(node(s))-[\(g.relationshipType(id) ?? "") \(text(props(g.relationshipProperties(id))))]->\(node(e))"
        }
        return (nodes + rels).sorted()
    }
}
