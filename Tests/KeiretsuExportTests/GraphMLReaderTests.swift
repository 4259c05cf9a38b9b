// GraphML import: files written by networkx, igraph, yEd and Neo4j APOC load with their data;
// malformed XML and structure violations are errors naming file and line, and load nothing.

import Foundation
import KeiretsuCypher
import KeiretsuGraph
import XCTest

@testable import KeiretsuExport

final class GraphMLReaderTests: XCTestCase {
    private func load(_ text: String, into graph: MemoryGraph = MemoryGraph(), name: String = "in.graphml") throws -> (MemoryGraph, [String]) {
        let warnings = try GraphMLReader.load(text: text, name: name, into: graph)
        return (graph, warnings)
    }

    private func node(_ g: MemoryGraph, named name: String) -> Node? {
        g.allNodeIDs().compactMap { g.node($0) }.first { $0.properties["name"] == .string(name) || $0.properties["id"] == .string(name) }
    }

    /// Asserts that loading `text` fails with `code` and a message starting `in.graphml:LINE:`.
    private func assertFails(_ text: String, code: String, line: Int, file: StaticString = #filePath, testLine: UInt = #line) {
        let target = MemoryGraph()
        _ = try? target.node(["Existing"], ["name": "kept"])
        XCTAssertThrowsError(try GraphMLReader.load(text: text, name: "in.graphml", into: target), file: file, line: testLine) { error in
            guard let e = error as? CypherError else { return XCTFail("not a CypherError: \(error)", file: file, line: testLine) }
            XCTAssertEqual(e.qualifiedCode, "InputError.\(code)", e.message, file: file, line: testLine)
            XCTAssertTrue(e.message.hasPrefix("in.graphml:\(line):"), e.message, file: file, line: testLine)
        }
        XCTAssertEqual(target.nodeCount, 1, "nothing half-loaded", file: file, line: testLine)
        XCTAssertEqual(target.relationshipCount, 0, file: file, line: testLine)
    }

    // MARK: Files from other tools

    func testAFileWrittenByNetworkxLoadsWithItsData() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("networkx.graphml").path
        let r = try TestSupport.run("python3", [TestSupport.checkerScript.path, "write-networkx", path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let g = MemoryGraph()
        // networkx's multigraph edge keys repeat per node pair (0, 1, 0), which graphml.xsd
        // forbids; edge ids are not kept, so that is no reason to refuse the file.
        XCTAssertEqual(try GraphMLReader.load(path: path, into: g), [])
        XCTAssertEqual(g.nodeCount, 3)
        XCTAssertEqual(g.relationshipCount, 3)
        let alice = try XCTUnwrap(node(g, named: "Alice"))
        XCTAssertEqual(alice.labels, [])
        XCTAssertEqual(alice.properties["id"], "Alice")  // the networkx node itself
        XCTAssertEqual(alice.properties["age"], .int(42))
        XCTAssertEqual(alice.properties["height"], .float(1.68))
        XCTAssertEqual(alice.properties["member"], .bool(true))  // networkx writes "True"
        XCTAssertEqual(alice.properties["city"], "Tōkyō <&>")
        let bob = try XCTUnwrap(node(g, named: "Bob"))
        XCTAssertTrue(bob.properties["height"]?.doubleValue?.isNaN ?? false)  // "nan"
        let rels = g.allRelationshipIDs().compactMap { g.relationship($0) }
        XCTAssertEqual(Set(rels.map(\.type)), [GraphMLLoader.defaultRelationshipType])
        XCTAssertEqual(rels.compactMap { $0.properties["since"] }, [.int(2019), .int(2020)])
        XCTAssertTrue(rels.contains { $0.properties["weight"] == .float(.infinity) })  // "inf"
    }

    func testAFileWrittenByIgraphLoadsWithItsData() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("igraph.graphml").path
        let r = try TestSupport.run("python3", [TestSupport.checkerScript.path, "write-igraph", path])
        guard r.status == 0 else { throw XCTSkip("igraph could not write a file: \(r.stderr)") }
        let g = MemoryGraph()
        XCTAssertEqual(try GraphMLReader.load(path: path, into: g), [])
        XCTAssertEqual(g.nodeCount, 3)
        XCTAssertEqual(g.relationshipCount, 3)
        let y = try XCTUnwrap(node(g, named: "y"))
        XCTAssertEqual(y.properties["score"], .float(2.0))  // igraph writes "2"
        XCTAssertEqual(y.properties["flag"], .bool(false))
        let loop = g.allRelationshipIDs().compactMap { g.relationship($0) }.first { $0.properties["kind"] == "loop" }
        XCTAssertEqual(loop?.start, loop?.end)
        XCTAssertEqual(loop?.properties["weight"], .float(3.0))
    }

    func testAYEdFileKeepsLabelTextAndIgnoresDrawingMarkup() throws {
        let yed = """
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml" xmlns:yed="http://www.yworks.com/xml/yed/3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <!--Created by yEd 3.23-->
              <key attr.name="Description" attr.type="string" for="graph" id="d0"/>
              <key for="port" id="d1" yfiles.type="portgraphics"/>
              <key attr.name="url" attr.type="string" for="node" id="d4"/>
              <key attr.name="description" attr.type="string" for="node" id="d5"/>
              <key for="node" id="d6" yfiles.type="nodegraphics"/>
              <key for="graphml" id="d7" yfiles.type="resources"/>
              <key for="edge" id="d10" yfiles.type="edgegraphics"/>
              <graph edgedefault="directed" id="G">
                <data key="d0"/>
                <node id="n0">
                  <data key="d5"/>
                  <data key="d6">
                    <y:ShapeNode>
                      <y:Geometry height="30.0" width="30.0" x="100.0" y="100.0"/>
                      <y:Fill color="#FFCC00" transparent="false"/>
                      <y:NodeLabel alignment="center" autoSizePolicy="content">First &amp; Co<y:LabelModel><y:SmartNodeLabelModel distance="4.0"/></y:LabelModel></y:NodeLabel>
                      <y:Shape type="rectangle"/>
                    </y:ShapeNode>
                  </data>
                </node>
                <node id="n1">
                  <data key="d4">http://example.org</data>
                  <data key="d6"><y:ShapeNode><y:NodeLabel>Second</y:NodeLabel></y:ShapeNode></data>
                </node>
                <edge id="e0" source="n0" target="n1">
                  <data key="d10">
                    <y:PolyLineEdge>
                      <y:Path sx="0.0" sy="0.0" tx="0.0" ty="0.0"/>
                      <y:Arrows source="none" target="standard"/>
                      <y:EdgeLabel alignment="center">owns</y:EdgeLabel>
                    </y:PolyLineEdge>
                  </data>
                </edge>
              </graph>
              <data key="d7"><y:Resources/></data>
            </graphml>
            """
        let (g, warnings) = try load(yed)
        XCTAssertEqual(warnings, [])
        XCTAssertEqual(g.nodeCount, 2)
        let first = try XCTUnwrap(node(g, named: "First & Co"))
        XCTAssertEqual(first.properties["description"], "")
        XCTAssertEqual(first.properties["id"], "n0")
        XCTAssertEqual(node(g, named: "Second")?.properties["url"], "http://example.org")
        XCTAssertEqual(g.allRelationshipIDs().compactMap { g.relationshipType($0) }, ["owns"])
    }

    func testANeo4jAPOCFileUsesItsLabelsTypesAndLists() throws {
        // APOC puts labels and types in XML attributes too, which graphml.xsd rejects; the reader
        // tolerates them and uses them when no data key says otherwise.
        let apoc = """
            <?xml version='1.0' encoding='UTF-8'?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
            <key id="born" for="node" attr.name="born" attr.type="long"/>
            <key id="name" for="node" attr.name="name"/>
            <key id="labels" for="node" attr.name="labels"/>
            <key id="label" for="edge" attr.name="label"/>
            <key id="roles" for="edge" attr.name="roles" attr.type="string" attr.list="string"/>
            <key id="rating" for="edge" attr.name="rating" attr.type="integer"/>
            <graph id="G" edgedefault="directed">
            <node id="n0" labels=":Person:Actor"><data key="labels">:Person:Actor</data><data key="born">1964</data><data key="name">Keanu</data></node>
            <node id="n1" labels=":Movie"><data key="name">The Film</data></node>
            <edge id="e0" source="n0" target="n1" label="ACTED_IN"><data key="label">ACTED_IN</data><data key="roles">["Neo","Thomas"]</data><data key="rating">5</data></edge>
            <edge id="e1" source="n1" target="n0" label="FEATURES"><data key="roles">not a list</data></edge>
            </graph>
            </graphml>
            """
        let (g, warnings) = try load(apoc)
        XCTAssertEqual(warnings.count, 1, "\(warnings)")
        XCTAssertTrue(warnings[0].contains("attr.type 'integer'"), warnings[0])
        let keanu = try XCTUnwrap(node(g, named: "Keanu"))
        XCTAssertEqual(keanu.labels, ["Person", "Actor"])
        XCTAssertEqual(keanu.properties["born"], .int(1964))
        XCTAssertNil(keanu.properties["id"], "APOC ids are synthetic")
        XCTAssertEqual(node(g, named: "The Film")?.labels, ["Movie"])  // from the XML attribute
        let rels = g.allRelationshipIDs().compactMap { g.relationship($0) }
        XCTAssertEqual(rels.map(\.type), ["ACTED_IN", "FEATURES"])
        XCTAssertEqual(rels[0].properties["roles"], ["Neo", "Thomas"])
        XCTAssertEqual(rels[0].properties["rating"], "5")  // unknown type: a string
        XCTAssertEqual(rels[1].properties["roles"], "not a list")
    }

    func testDefaultsForwardReferencesUndirectedEdgesAndNestedGraphs() throws {
        let text = """
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="w" for="edge" attr.name="weight" attr.type="double"><default>1.5</default></key>
              <key id="c" for="all" attr.name="color" attr.type="string"><default>red</default></key>
              <graph edgedefault="undirected">
                <edge source="late" target="outer"/>
                <node id="outer"><data key="c">blue</data>
                  <graph id="inner" edgedefault="directed"><node id="late"/></graph>
                </node>
                <hyperedge><endpoint node="late"/><endpoint node="outer"/></hyperedge>
              </graph>
            </graphml>
            """
        let (g, warnings) = try load(text)
        XCTAssertEqual(g.nodeCount, 2)
        XCTAssertEqual(node(g, named: "outer")?.properties["color"], "blue")
        XCTAssertEqual(node(g, named: "late")?.properties["color"], "red")
        let rel = try XCTUnwrap(g.allRelationshipIDs().first.flatMap { g.relationship($0) })
        XCTAssertEqual(rel.properties["weight"], .float(1.5))
        XCTAssertEqual(rel.properties["color"], "red")
        XCTAssertEqual(g.node(rel.start)?.properties["id"], "late")
        XCTAssertEqual(warnings.count, 3, "\(warnings)")  // undirected, nested graph, hyperedge
    }

    // MARK: Errors

    func testMalformedXMLIsAnErrorWithFileAndLine() {
        assertFails("<graphml>\n<graph edgedefault=\"directed\">\n<node id=\"a\">\n</graph>\n</graphml>", code: "MalformedXML", line: 4)
        assertFails("<graphml>\n<graph>\n<node id=\"a\" id=\"b\"/></graph></graphml>", code: "MalformedXML", line: 3)
        assertFails("", code: "MalformedXML", line: 1)
        assertFails("<graphml>\n\n<graph><node id='a'>\u{01}</node></graph></graphml>", code: "MalformedXML", line: 3)
        assertFails("<graphml><graph>\n<node id=\"a\">", code: "MalformedXML", line: 2)
    }

    func testStructureViolationsAreErrorsWithFileAndLine() {
        let head = "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n<key id=\"k\" for=\"node\" attr.name=\"n\" attr.type=\"long\"/>\n"
        assertFails("<gexf>\n</gexf>", code: "InvalidGraphML", line: 1)
        assertFails(head + "<graph edgedefault=\"directed\">\n<node id=\"a\"><data key=\"nope\">1</data></node></graph></graphml>",
                    code: "InvalidGraphML", line: 4)
        assertFails(head + "<graph edgedefault=\"directed\">\n<node id=\"a\"/>\n<node id=\"a\"/></graph></graphml>",
                    code: "InvalidGraphML", line: 5)
        assertFails(head + "<graph edgedefault=\"directed\">\n<node id=\"a\"/>\n<edge source=\"a\" target=\"ghost\"/></graph></graphml>",
                    code: "InvalidGraphML", line: 5)
        assertFails(head + "<graph edgedefault=\"directed\">\n<node id=\"a\"><data key=\"k\">many</data></node></graph></graphml>",
                    code: "InvalidGraphML", line: 4)
        assertFails(head + "<graph edgedefault=\"directed\">\n<node id=\"a\"><data key=\"k\">1</data><data key=\"k\">2</data></node></graph></graphml>",
                    code: "InvalidGraphML", line: 4)
        assertFails(head + "<graph edgedefault=\"directed\"/>\n<key id=\"late\"/></graphml>", code: "InvalidGraphML", line: 4)
        assertFails(head + "<key id=\"k\"/>\n</graphml>", code: "InvalidGraphML", line: 3)
        assertFails(head + "<node id=\"outside\"/>\n</graphml>", code: "InvalidGraphML", line: 3)
        assertFails(head + "<graph>\n<edge source=\"a\"/>\n</graph></graphml>", code: "InvalidGraphML", line: 4)
        assertFails(head + "<graph>\n<node/>\n</graph></graphml>", code: "InvalidGraphML", line: 4)
        assertFails("<!DOCTYPE graphml [<!ENTITY e \"x\">]>\n<graphml><graph>\n<node id=\"a\">&e;</node></graph></graphml>",
                    code: "InvalidGraphML", line: 3)
        // A keiretsu JSON key whose text is not JSON.
        assertFails("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n<key id=\"j\" for=\"node\" attr.name=\"t\" attr.type=\"string\"><desc>keiretsu:json</desc></key>\n<graph>\n<node id=\"a\"><data key=\"j\">[1,</data></node></graph></graphml>",
                    code: "InvalidGraphML", line: 4)
    }

    func testAMissingFileIsAnInputError() {
        XCTAssertThrowsError(try GraphMLReader.load(path: "/nonexistent/dir/x.graphml", into: MemoryGraph())) { error in
            XCTAssertEqual((error as? CypherError)?.qualifiedCode, "InputError.FileNotReadable")
        }
    }

    func testAConstraintViolationInTheTargetRollsTheWholeLoadBack() throws {
        let target = MemoryGraph()
        try target.createIndex(IndexDescriptor(name: "u", label: "Company", properties: ["name"], unique: true))
        try target.node(["Company"], ["name": "Taken"])
        let source = MemoryGraph()
        try source.node(["Company"], ["name": "Fresh"])
        try source.node(["Company"], ["name": "Taken"])
        let text = try TestSupport.graphML(source)
        XCTAssertThrowsError(try GraphMLReader.load(text: text, name: "x.graphml", into: target)) { error in
            XCTAssertEqual((error as? CypherError)?.kind, .constraintVerificationFailed)
        }
        XCTAssertEqual(target.nodeCount, 1)
        XCTAssertFalse(target.inTransaction)
    }

    func testLoadingAddsToAGraphThatAlreadyHoldsData() throws {
        let target = try AdversarialGraphs.loops()
        let before = target.nodeCount
        try GraphMLReader.load(text: try TestSupport.graphML(try AdversarialGraphs.alliance()), name: "a.graphml", into: target)
        XCTAssertEqual(target.nodeCount, before + 9)
    }
}
