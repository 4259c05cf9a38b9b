// GraphML export, checked by the tools users open it with: xmllint against graphml.xsd,
// networkx and igraph (through Python/graphml_check.py), and keiretsu's own reader.

import Foundation
import KeiretsuCypher
import KeiretsuGraph
import XCTest

@testable import KeiretsuExport

final class GraphMLWriterTests: XCTestCase {
    private func writeFile(_ graph: MemoryGraph, name: String, in dir: URL) throws -> URL {
        let url = dir.appendingPathComponent("\(name).graphml")
        try exportGraph(graph, subgraph: .whole(graph: graph), format: .graphml, toFile: url.path)
        return url
    }

    func testEveryAdversarialGraphValidatesAgainstTheGraphMLSchema() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, build) in AdversarialGraphs.all {
            let url = try writeFile(try build(), name: name, in: dir)
            try TestSupport.assertSchemaValid(url)
        }
    }

    func testEveryAdversarialGraphRoundTripsThroughTheReader() throws {
        for (name, build) in AdversarialGraphs.all {
            let original = try build()
            let text = try TestSupport.graphML(original)
            let loaded = MemoryGraph()
            let warnings = try GraphMLReader.load(text: text, name: "\(name).graphml", into: loaded)
            XCTAssertEqual(warnings, [], name)
            GraphMLExpectations.assertRoundTrip(original: original, loaded: loaded, name: name)
        }
    }

    func testNetworkxAndIgraphReadTheSameCountsLabelsTypesAndValues() throws {
        guard TestSupport.which("python3") != nil else { throw XCTSkip("python3 is not on PATH") }
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, build) in AdversarialGraphs.all {
            let graph = try build()
            let url = try writeFile(graph, name: name, in: dir)
            let result = try TestSupport.run("python3", [TestSupport.checkerScript.path, "read", url.path])
            XCTAssertEqual(result.status, 0, "\(name): checker failed: \(result.stderr)")
            let json = try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any] ?? [:]
            try checkNetworkx(json["networkx"] as? [String: Any] ?? [:], graph: graph, name: name)
            if name == "numbers" {
                // igraph (1.0) refuses any subnormal double ("Integer or double overflow": glibc's
                // strtod flags them ERANGE), whatever its spelling, so igraph reads this graph
                // without its 5e-324.
                let tame = try AdversarialGraphs.numbers(subnormals: false)
                let tameURL = try writeFile(tame, name: "numbers-normal", in: dir)
                let r = try TestSupport.run("python3", [TestSupport.checkerScript.path, "read", tameURL.path])
                let j = try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any] ?? [:]
                try checkIgraph(j["igraph"] as? [String: Any] ?? [:], graph: tame, name: "numbers-normal")
            } else {
                try checkIgraph(json["igraph"] as? [String: Any] ?? [:], graph: graph, name: name)
            }
        }
    }

    private func checkNetworkx(_ nx: [String: Any], graph: MemoryGraph, name: String) throws {
        if let error = nx["error"] as? String { return XCTFail("\(name): networkx: \(error)") }
        let plan = GraphMLKeyPlan(graph: graph, subgraph: .whole(graph: graph))
        let nodes = nx["nodes"] as? [String: Any] ?? [:]
        XCTAssertEqual(nodes.count, graph.nodeCount, "\(name): networkx node count")
        for id in graph.allNodeIDs() {
            let expected = GraphMLExpectations.expectedAttributes(graph: graph, plan: plan, node: id)
            let got = GraphMLExpectations.parse(nodes["n\(id)"])
            assertSameAttributes(expected, got, "\(name): networkx n\(id)")
        }
        let edges = nx["edges"] as? [[Any]] ?? []
        XCTAssertEqual(edges.count, graph.relationshipCount, "\(name): networkx edge count")
        // networkx lists edges by adjacency, not file order: match them by their `id`.
        var byID: [String: (String, String, [String: GraphMLExpectations.PyValue])] = [:]
        for e in edges where e.count == 4 {
            var attrs = GraphMLExpectations.parse(e[3])
            attrs["id"] = nil  // the edge id itself, compared through the dictionary key
            byID[e[2] as? String ?? ""] = (e[0] as? String ?? "", e[1] as? String ?? "", attrs)
        }
        for id in graph.allRelationshipIDs() {
            guard let (s, t, attrs) = byID["e\(id)"], let (start, end) = graph.relationshipEndpoints(id) else {
                XCTFail("\(name): networkx lost edge e\(id)")
                continue
            }
            XCTAssertEqual(s, "n\(start)", "\(name): e\(id) source")
            XCTAssertEqual(t, "n\(end)", "\(name): e\(id) target")
            let expected = GraphMLExpectations.expectedAttributes(graph: graph, plan: plan, relationship: id)
            assertSameAttributes(expected, attrs, "\(name): networkx e\(id)")
        }
    }

    private func checkIgraph(_ ig: [String: Any], graph: MemoryGraph, name: String) throws {
        if let error = ig["error"] as? String { return XCTFail("\(name): igraph: \(error)") }
        let plan = GraphMLKeyPlan(graph: graph, subgraph: .whole(graph: graph))
        let vertices = ig["vertices"] as? [Any] ?? []
        XCTAssertEqual(vertices.count, graph.nodeCount, "\(name): igraph vertex count")
        for (id, vertex) in zip(graph.allNodeIDs(), vertices) {
            let got = GraphMLExpectations.parse(vertex)
            XCTAssertEqual(got["id"]?.text, "n\(id)", "\(name): igraph vertex order")
            for (attr, value) in GraphMLExpectations.expectedAttributes(graph: graph, plan: plan, node: id) {
                // igraph keeps every number as a double.
                XCTAssertTrue(got[attr].map { value.matches($0, intAsFloat: true) } ?? false,
                              "\(name): igraph n\(id).\(attr): expected \(value), got \(got[attr].map(\.description) ?? "nothing")")
            }
        }
        let edges = ig["edges"] as? [[Any]] ?? []
        XCTAssertEqual(edges.count, graph.relationshipCount, "\(name): igraph edge count")
        for (id, edge) in zip(graph.allRelationshipIDs(), edges) where edge.count == 4 {
            guard let (start, end) = graph.relationshipEndpoints(id) else { continue }
            XCTAssertEqual(edge[0] as? String, "n\(start)", "\(name): igraph e\(id) source")
            XCTAssertEqual(edge[1] as? String, "n\(end)", "\(name): igraph e\(id) target")
            let got = GraphMLExpectations.parse(edge[3])
            for (attr, value) in GraphMLExpectations.expectedAttributes(graph: graph, plan: plan, relationship: id) {
                XCTAssertTrue(got[attr].map { value.matches($0, intAsFloat: true) } ?? false,
                              "\(name): igraph e\(id).\(attr): expected \(value), got \(got[attr].map(\.description) ?? "nothing")")
            }
        }
    }

    private func assertSameAttributes(_ expected: [String: GraphMLExpectations.PyValue],
                                      _ got: [String: GraphMLExpectations.PyValue], _ what: String) {
        XCTAssertEqual(Set(expected.keys), Set(got.keys), "\(what): attribute names")
        for (k, v) in expected {
            XCTAssertTrue(got[k].map { v.matches($0) } ?? false, "\(what).\(k): expected \(v), got \(got[k].map(\.description) ?? "nothing")")
        }
    }

    // MARK: Keys and names

    func testKeysAreTypedWidenedAndAnnotated() throws {
        let text = try TestSupport.graphML(try AdversarialGraphs.mixed())
        // v: 1 and 2.5 → double (keiretsu:number); w: 1, "one", [1] → JSON text; z: 2.5 and 3 → number.
        XCTAssertTrue(text.contains(#"attr.name="v" attr.type="double">"#), text)
        XCTAssertTrue(text.contains("<desc>keiretsu:number</desc>"))
        XCTAssertTrue(text.contains(#"attr.name="w" attr.type="string">"#))
        XCTAssertTrue(text.contains("<desc>keiretsu:json</desc>"))
        XCTAssertTrue(text.contains(#"<key id="k0" for="node" attr.name="labels" attr.type="string">"#))
        XCTAssertTrue(text.contains(#"<key id="k1" for="edge" attr.name="label" attr.type="string">"#))
        // An integer in a widened key is written without a point, so it reads back as an integer.
        XCTAssertTrue(text.contains(">1</data>"))
        XCTAssertTrue(text.contains(">2.5</data>"))
    }

    func testExtremeNumbersAreSpelledTheWayJavaAndPythonReadThem() throws {
        let text = try TestSupport.graphML(try AdversarialGraphs.numbers())
        for spelled in [">NaN<", ">Infinity<", ">-Infinity<", ">1e+308<", ">5e-324<", ">-0.0<",
                        ">9223372036854775807<", ">-9223372036854775808<"] {
            XCTAssertTrue(text.contains(spelled), "missing \(spelled)")
        }
    }

    func testPropertyNamesBecomeNMTOKENsThatDecodeBack() {
        for name in AdversarialGraphs.nastyNames + ["_x005F_", "__x", "x_", "_x12345_", "\u{1F600}", "a_xAB_b"] {
            let token = GraphMLNames.encode(name)
            XCTAssertFalse(token.isEmpty)
            XCTAssertTrue(token.unicodeScalars.allSatisfy(GraphMLNames.isNameChar), "\(token) is not an NMTOKEN")
            XCTAssertEqual(GraphMLNames.decode(token), name, "round trip of \(name) via \(token)")
        }
        XCTAssertEqual(GraphMLNames.encode("x y"), "x_x0020_y")
        XCTAssertEqual(GraphMLNames.encode("labels"), "_x006C_abels")
        XCTAssertEqual(GraphMLNames.encode("id"), "_x0069_d")
        XCTAssertEqual(GraphMLNames.encode("emoji😀"), "emoji_x01F600_")
        XCTAssertEqual(GraphMLNames.encode("株式"), "株式")
    }

    func testLabelListsSplitBackExactly() {
        for labels in [["Company"], ["A", "B"], ["a:b", "c\\d", ""], ["Label With Spaces", ":"], []] {
            XCTAssertEqual(GraphMLNames.splitLabels(GraphMLNames.joinLabels(labels)), labels)
        }
        XCTAssertEqual(GraphMLNames.joinLabels(["Company", "Other"]), ":Company:Other")
    }

    func testCharactersXMLCannotHoldAreReplaced() {
        XCTAssertEqual(GraphMLNames.xmlSafe("a\u{01}b\u{FFFE}c\u{FFFF}d\te\nf\rg"), "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\te\nf\rg")
        XCTAssertEqual(GraphMLNames.xmlSafe("日本語 😀"), "日本語 😀")
    }

    // MARK: Output behaviour

    func testOutputIsDeterministic() throws {
        let a = try TestSupport.graphML(try AdversarialGraphs.alliance())
        let b = try TestSupport.graphML(try AdversarialGraphs.alliance())
        XCTAssertEqual(a, b)
    }

    func testASubgraphExportsOnlyItsElements() throws {
        let g = try AdversarialGraphs.loops()
        let sub = Subgraph(graph: g, nodes: [], relationships: [2])
        let text = try TestSupport.graphML(g, sub)
        XCTAssertTrue(text.contains(#"<edge id="e2" source="n0" target="n1">"#))
        XCTAssertFalse(text.contains(#"id="e3""#))
        XCTAssertTrue(text.contains(#"parse.nodes="2" parse.edges="1""#))
    }

    func testAFailingSinkSurfacesItsOwnError() throws {
        final class FullDisk: ByteSink {
            func write(_ bytes: UnsafeRawBufferPointer) throws {
                throw CypherError(.databaseError, "WriteFailed", "no space left on device")
            }
        }
        let g = try AdversarialGraphs.strings()
        XCTAssertThrowsError(try GraphMLWriter.write(graph: g, subgraph: .whole(graph: g), to: FullDisk())) { error in
            XCTAssertEqual((error as? CypherError)?.qualifiedCode, "DatabaseError.WriteFailed")
            XCTAssertEqual((error as? CypherError)?.message, "no space left on device")
        }
    }
}
