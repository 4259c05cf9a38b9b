// The in-memory store: writes keep indexes and adjacency consistent, transactions roll back
// completely, and uniqueness constraints hold.

import KeiretsuGraph
import XCTest

final class MemoryGraphTests: XCTestCase {
    func makeGraph() throws -> (MemoryGraph, [ElementID]) {
        let g = MemoryGraph()
        let a = try g.createNode(labels: ["Company"], properties: ["name": "A"])
        let b = try g.createNode(labels: ["Company", "Listed"], properties: ["name": "B"])
        let c = try g.createNode(labels: ["Person"], properties: ["name": "C"])
        try g.createRelationship(type: "HOLDS_STAKE", start: a, end: b, properties: ["percent": 43.0])
        try g.createRelationship(type: "HOLDS_ROLE", start: c, end: a, properties: [:])
        try g.createRelationship(type: "SELF", start: b, end: b, properties: [:])
        return (g, [a, b, c])
    }

    func snapshot(_ g: MemoryGraph) -> String {
        var lines: [String] = []
        for id in g.allNodeIDs() { lines.append(Value.node(g.node(id)!).literal(.sorted) + "#\(id)") }
        for id in g.allRelationshipIDs() {
            let r = g.relationship(id)!
            lines.append("\(r.start)-\(Value.relationship(r).literal(.sorted))->\(r.end)")
        }
        lines.append("labels=\(g.labelsInUse()) types=\(g.relationshipTypesInUse()) keys=\(g.propertyKeysInUse())")
        return lines.joined(separator: "\n")
    }

    func testAdjacencyAndLabels() throws {
        let (g, ids) = try makeGraph()
        XCTAssertEqual(g.nodeIDs(withLabel: "Company"), [ids[0], ids[1]])
        XCTAssertEqual(g.relationshipIDs(of: ids[1], direction: .both).count, 2, "the self-loop is listed once")
        XCTAssertEqual(g.degree(of: ids[0], direction: .outgoing), 1)
        XCTAssertThrowsError(try g.deleteNode(ids[0])) { XCTAssertEqual($0 as? GraphStoreError, .nodeHasRelationships(ids[0])) }
        XCTAssertTrue(g.removeLabel(ids[1], "Company"))
        XCTAssertEqual(g.nodeIDs(withLabel: "Company"), [ids[0]])
        XCTAssertTrue(try g.addLabel(ids[1], "Company"))
        XCTAssertEqual(g.nodeIDs(withLabel: "Company"), [ids[0], ids[1]])
    }

    func testRollbackRestoresEverything() throws {
        let (g, ids) = try makeGraph()
        try g.createIndex(IndexDescriptor(name: "i", label: "Company", properties: ["name"], unique: false))
        let before = snapshot(g)
        g.beginTransaction()
        try g.setNodeProperty(ids[0], "name", "Z")
        try g.setNodeProperty(ids[2], "name", .null)
        g.removeLabel(ids[1], "Listed")
        try g.addLabel(ids[2], "Company")
        for r in g.relationshipIDs(of: ids[1], direction: .both) { g.deleteRelationship(r) }
        try g.deleteNode(ids[1])
        let d = try g.createNode(labels: ["New"], properties: ["x": 1])
        try g.createRelationship(type: "T", start: d, end: ids[0], properties: [:])
        XCTAssertEqual(g.indexedNodeIDs(label: "Company", key: "name", value: "Z"), [ids[0]])
        g.rollbackTransaction()
        XCTAssertEqual(snapshot(g), before)
        XCTAssertEqual(g.indexedNodeIDs(label: "Company", key: "name", value: "A"), [ids[0]])
        XCTAssertEqual(g.indexedNodeIDs(label: "Company", key: "name", value: "Z"), [])
        XCTAssertFalse(g.nodeExists(d))
        // Ids are not reused after a rollback.
        let e = try g.createNode(labels: [], properties: [:])
        XCTAssertGreaterThan(e, d)
    }

    func testUniqueness() throws {
        let (g, ids) = try makeGraph()
        try g.createIndex(IndexDescriptor(name: "u", label: "Company", properties: ["name"], unique: true))
        XCTAssertThrowsError(try g.createNode(labels: ["Company"], properties: ["name": "A"]))
        XCTAssertThrowsError(try g.setNodeProperty(ids[1], "name", "A"))
        XCTAssertNoThrow(try g.setNodeProperty(ids[0], "name", "A"), "a node may keep its own value")
        try g.setNodeProperty(ids[0], "country", "FR")
        try g.setNodeProperty(ids[1], "country", "FR")
        XCTAssertThrowsError(try g.createIndex(IndexDescriptor(name: "u2", label: "Company", properties: ["country"], unique: true))) {
            XCTAssertEqual($0 as? GraphStoreError, .constraintViolatedByExistingData(label: "Company", property: "country"))
        }
        // Integer and float keys are the same value for uniqueness.
        try g.setNodeProperty(ids[0], "name", 1)
        XCTAssertThrowsError(try g.setNodeProperty(ids[1], "name", 1.0))
    }

    func testRollbackKeepsPropertyOrder() throws {
        let g = MemoryGraph()
        let a = try g.createNode(labels: ["A"], properties: ["x": 1, "y": 2, "z": 3])
        let b = try g.createNode(labels: ["A"], properties: [:])
        let r = try g.createRelationship(type: "T", start: a, end: b, properties: ["p": 1, "q": 2])
        g.beginTransaction()
        try g.setNodeProperty(a, "x", .null)
        try g.setNodeProperty(a, "y", 20)
        try g.setRelationshipProperty(r, "p", .null)
        g.rollbackTransaction()
        XCTAssertEqual(Array(g.nodeProperties(a).keys), ["x", "y", "z"])
        XCTAssertEqual(g.nodeProperties(a)["y"], 2)
        XCTAssertEqual(Array(g.relationshipProperties(r).keys), ["p", "q"])
    }
}
