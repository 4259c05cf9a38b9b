// Functions over nodes, relationships and paths against a real MemoryGraph: current state read
// by id rather than from stale snapshots, deleted elements (TCK Return2 [14]–[16]), and the
// TCK's Graph3/4/8/9 and Path1–3 scenarios (Functions+Graph.swift, Functions+ValueType.swift).

import XCTest
@testable import KeiretsuCypher
import KeiretsuGraph

final class FunctionsGraphTests: XCTestCase {
    var graph = MemoryGraph()
    var a = Node(id: 0, labels: [], properties: [:])
    var b = Node(id: 0, labels: [], properties: [:])
    var knows = Relationship(id: 0, type: "", start: 0, end: 0, properties: [:])

    override func setUpWithError() throws {
        graph = MemoryGraph()
        let ai = try graph.createNode(labels: ["Foo", "Bar"], properties: ["name": "Popeye", "level": 9001])
        let bi = try graph.createNode(labels: [], properties: [:])
        let ri = try graph.createRelationship(type: "KNOWS", start: ai, end: bi, properties: ["status": "bad", "year": "2015"])
        a = graph.node(ai)!
        b = graph.node(bi)!
        knows = graph.relationship(ri)!
    }

    private func r(_ name: String, _ args: Value..., file: StaticString = #filePath, line: UInt = #line) -> String {
        scalarResultList(name, args, graph: graph, file: file, line: line)
    }

    func testIdentity() {
        XCTAssertEqual(r("id", .node(b)), String(b.id))
        XCTAssertEqual(r("id", .relationship(knows)), String(knows.id))
        XCTAssertEqual(r("elementId", .node(b)), "'\(b.id)'")
        XCTAssertEqual(r("elementId", .relationship(knows)), "'\(knows.id)'")
        XCTAssertEqual(r("id", nil), "null")
        XCTAssertEqual(r("elementId", nil), "null")
        XCTAssertEqual(r("id", 1), "!TypeError.InvalidArgumentValue")
        XCTAssertEqual(r("elementId", .map([:])), "!TypeError.InvalidArgumentValue")
    }

    func testLabels() {
        XCTAssertEqual(r("labels", .node(a)), "['Foo', 'Bar']")  // TCK Graph3 [2]
        XCTAssertEqual(r("labels", .node(b)), "[]")  // Graph3 [1]
        XCTAssertEqual(r("labels", nil), "null")  // Graph3 [7]
        XCTAssertEqual(r("labels", 1), "!TypeError.InvalidArgumentValue")  // Graph3 [9]
        XCTAssertEqual(r("labels", .relationship(knows)), "!TypeError.InvalidArgumentValue")
    }

    func testType() {
        XCTAssertEqual(r("type", .relationship(knows)), "'KNOWS'")  // TCK Graph4 [1]
        XCTAssertEqual(r("type", nil), "null")  // Graph4 [3]
        for invalid: Value in [0, 1.0, true, "", []] {  // Graph4 [6]
            XCTAssertEqual(r("type", invalid), "!TypeError.InvalidArgumentValue", invalid.literal())
        }
        XCTAssertEqual(r("type", .node(a)), "!TypeError.InvalidArgumentValue")
    }

    func testKeysAndProperties() {
        XCTAssertEqual(r("keys", .node(a)), "['name', 'level']")
        XCTAssertEqual(r("keys", .node(b)), "[]")  // TCK Graph8 [3]
        XCTAssertEqual(r("keys", .relationship(knows)), "['status', 'year']")  // Graph8 [5]
        XCTAssertEqual(r("keys", .map(["exists": 42, "missing": nil])), "['exists', 'missing']")
        XCTAssertEqual(r("keys", nil), "null")
        XCTAssertEqual(r("properties", .node(a)), "{name: 'Popeye', level: 9001}")  // Graph9 [1]
        XCTAssertEqual(r("properties", .relationship(knows)), "{status: 'bad', year: '2015'}")  // Graph9 [2]
        XCTAssertEqual(r("properties", nil), "null")  // Graph9 [3]
        XCTAssertEqual(r("properties", .map(["name": "Popeye", "level": 9001])), "{name: 'Popeye', level: 9001}")
        for invalid: Value in [1, "Cypher", [true, false]] {  // Graph9 [5]–[7], at run time
            XCTAssertEqual(r("properties", invalid), "!TypeError.InvalidArgumentValue")
            XCTAssertEqual(r("keys", invalid), "!TypeError.InvalidArgumentValue")
        }
    }

    /// The value's snapshot is stale after SET/REMOVE; the functions read the store.
    func testStaleSnapshotsAreRefreshed() throws {
        let stale = a
        try graph.setNodeProperty(a.id, "level", 1)
        try graph.setNodeProperty(a.id, "name", .null)
        try graph.addLabel(a.id, "Sailor")
        graph.removeLabel(a.id, "Foo")
        try graph.setRelationshipProperty(knows.id, "year", 2016)
        XCTAssertEqual(r("labels", .node(stale)), "['Bar', 'Sailor']")
        XCTAssertEqual(r("keys", .node(stale)), "['level']")
        XCTAssertEqual(r("properties", .node(stale)), "{level: 1}")
        XCTAssertEqual(r("properties", .relationship(knows)), "{status: 'bad', year: 2016}")
        XCTAssertEqual(r("startNode", .relationship(knows)), "(:Bar:Sailor {level: 1})")
        let path = Value.path(Path(nodes: [stale, b], relationships: [knows]))
        XCTAssertEqual(r("nodes", path), "[(:Bar:Sailor {level: 1}), ()]")
        XCTAssertEqual(r("relationships", path), "[[:KNOWS {status: 'bad', year: 2016}]]")
    }

    /// TCK Return2 [14]–[16]: type() of a deleted relationship answers; labels and properties of
    /// deleted elements are an EntityNotFound error.
    func testDeletedElements() throws {
        graph.deleteRelationship(knows.id)
        try graph.deleteNode(a.id)
        XCTAssertEqual(r("type", .relationship(knows)), "'KNOWS'")
        XCTAssertEqual(r("id", .node(a)), String(a.id))
        XCTAssertEqual(r("elementId", .relationship(knows)), "'\(knows.id)'")
        XCTAssertEqual(r("labels", .node(a)), "!EntityNotFound.DeletedEntityAccess")
        XCTAssertEqual(r("keys", .node(a)), "!EntityNotFound.DeletedEntityAccess")
        XCTAssertEqual(r("properties", .node(a)), "!EntityNotFound.DeletedEntityAccess")
        XCTAssertEqual(r("keys", .relationship(knows)), "!EntityNotFound.DeletedEntityAccess")
        XCTAssertEqual(r("properties", .relationship(knows)), "!EntityNotFound.DeletedEntityAccess")
        // Endpoints come from the snapshot; a deleted endpoint is a bare reference by id.
        XCTAssertEqual(r("id", scalarValue("startNode", .relationship(knows), graph: graph)), String(a.id))
        XCTAssertEqual(r("endNode", .relationship(knows)), "()")
        XCTAssertEqual(r("id", scalarValue("endNode", .relationship(knows), graph: graph)), String(b.id))
        // A deleted element inside a path keeps its snapshot.
        let path = Value.path(Path(nodes: [a, b], relationships: [knows]))
        XCTAssertEqual(r("nodes", path), "[(:Foo:Bar {name: 'Popeye', level: 9001}), ()]")
    }

    func testEndpoints() {
        XCTAssertEqual(r("startNode", .relationship(knows)), "(:Foo:Bar {name: 'Popeye', level: 9001})")
        XCTAssertEqual(r("endNode", .relationship(knows)), "()")
        XCTAssertEqual(r("id", scalarValue("endNode", .relationship(knows), graph: graph)), String(b.id))
        XCTAssertEqual(r("startNode", nil), "null")
        XCTAssertEqual(r("endNode", .node(a)), "!TypeError.InvalidArgumentValue")
    }

    func testPaths() {
        let single = Value.path(Path(nodes: [a], relationships: []))
        let one = Value.path(Path(nodes: [a, b], relationships: [knows]))
        let back = Value.path(Path(nodes: [b, a], relationships: [knows]))  // traversed backwards
        XCTAssertEqual(r("length", single), "0")  // TCK Path3 [1]
        XCTAssertEqual(r("length", one), "1")
        XCTAssertEqual(r("nodes", back), "[(), (:Foo:Bar {name: 'Popeye', level: 9001})]")
        XCTAssertEqual(r("relationships", single), "[]")
        XCTAssertEqual(r("relationships", back), "[[:KNOWS {status: 'bad', year: '2015'}]]")
        XCTAssertEqual(r("head", scalarValue("nodes", one, graph: graph)), "(:Foo:Bar {name: 'Popeye', level: 9001})")
        for name in ["length", "nodes", "relationships"] {
            XCTAssertEqual(r(name, nil), "null", name)  // TCK Path1 [1], Path2 [3]
            XCTAssertEqual(r(name, .node(a)), "!TypeError.InvalidArgumentValue", name)  // Path3 [2]
            XCTAssertEqual(r(name, .relationship(knows)), "!TypeError.InvalidArgumentValue", name)  // Path3 [3]
            XCTAssertEqual(r(name, [1]), "!TypeError.InvalidArgumentValue", name)
        }
    }

    func testValueType() {
        let date = Value.temporal(.date(LocalDate(year: 2023, month: 1, day: 28)!))
        let cases: [(Value, String)] = [
            (nil, "NULL"), ("abc", "STRING NOT NULL"), (1, "INTEGER NOT NULL"), (2.0, "FLOAT NOT NULL"),
            (true, "BOOLEAN NOT NULL"), (.map([:]), "MAP NOT NULL"), (.node(a), "NODE NOT NULL"),
            (.relationship(knows), "RELATIONSHIP NOT NULL"),
            (.path(Path(nodes: [a], relationships: [])), "PATH NOT NULL"),
            (date, "DATE NOT NULL"),
            ([date], "LIST<DATE NOT NULL> NOT NULL"),
            ([], "LIST<NOTHING> NOT NULL"),
            ([1, 2], "LIST<INTEGER NOT NULL> NOT NULL"),
            ([1, "a", 2.5, 3], "LIST<STRING NOT NULL | INTEGER NOT NULL | FLOAT NOT NULL> NOT NULL"),
            ([1, nil], "LIST<INTEGER> NOT NULL"),
            ([nil], "LIST<NULL> NOT NULL"),
            ([[1], ["a"]], "LIST<LIST<STRING NOT NULL | INTEGER NOT NULL> NOT NULL> NOT NULL"),
            ([[1], nil, true], "LIST<BOOLEAN | LIST<INTEGER NOT NULL>> NOT NULL"),
            ([[]], "LIST<LIST<NOTHING> NOT NULL> NOT NULL"),
        ]
        for (v, want) in cases {
            XCTAssertEqual(r("valueType", v), "'\(want)'", v.literal())
        }
    }
}
