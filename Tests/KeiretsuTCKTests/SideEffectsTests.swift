// Side effects measured by diffing snapshots of a hand-built MemoryGraph: created and deleted
// elements, labels that appear or vanish from the graph, and property changes.

import XCTest
import KeiretsuGraph
@testable import KeiretsuTCK

final class SideEffectsTests: XCTestCase {
    func effects(_ graph: MemoryGraph, _ change: (MemoryGraph) throws -> Void) rethrows -> SideEffects {
        let before = GraphSnapshot(graph)
        try change(graph)
        return GraphSnapshot.diff(before: before, after: GraphSnapshot(graph))
    }

    func testNothingChangedIsAllZero() throws {
        let g = MemoryGraph()
        try g.createNode(labels: ["A"], properties: ["p": 1])
        let e = effects(g) { _ in }
        XCTAssertEqual(e, SideEffects())
        XCTAssertEqual(e.description, "none")
    }

    func testCreatedNodesRelationshipsLabelsAndProperties() throws {
        let g = MemoryGraph()
        let a = try g.createNode(labels: ["A"], properties: [:])
        let e = try effects(g) { g in
            let b = try g.createNode(labels: ["A", "B"], properties: ["name": "x", "n": 1])
            try g.createRelationship(type: "T", start: a, end: b, properties: ["w": 2.5])
        }
        var want = SideEffects()
        want.nodesCreated = 1
        want.relationshipsCreated = 1
        want.labelsAdded = 1  // only B is new to the graph; A already existed
        want.propertiesAdded = 3
        XCTAssertEqual(e, want)
        XCTAssertEqual(e.description, "+nodes 1, +relationships 1, +labels 1, +properties 3")
    }

    func testDeletedElementsCountTheirProperties() throws {
        let g = MemoryGraph()
        let a = try g.createNode(labels: ["N"], properties: ["num": 42])
        let b = try g.createNode(labels: [], properties: [:])
        let r = try g.createRelationship(type: "T", start: a, end: b, properties: ["id": 1])
        let e = try effects(g) { g in
            g.deleteRelationship(r)
            try g.deleteNode(a)
        }
        var want = SideEffects()
        want.nodesDeleted = 1
        want.relationshipsDeleted = 1
        want.labelsRemoved = 1
        want.propertiesRemoved = 2
        XCTAssertEqual(e, want)
    }

    func testPropertyChanges() throws {
        let g = MemoryGraph()
        let n = try g.createNode(labels: ["A"], properties: ["name": "Andres", "gone": true, "same": 1, "num": 1])
        let e = try effects(g) { g in
            try g.setNodeProperty(n, "name", "Michael")  // changed: -1 +1
            try g.setNodeProperty(n, "gone", .null)       // removed: -1
            try g.setNodeProperty(n, "same", 1)           // unchanged: 0
            try g.setNodeProperty(n, "num", 1.0)          // integer to float is a change
            try g.setNodeProperty(n, "new", [1, 2])       // added: +1
        }
        var want = SideEffects()
        want.propertiesAdded = 3
        want.propertiesRemoved = 3
        XCTAssertEqual(e, want)
    }

    func testLabelAssignmentIsNotALabelSideEffect() throws {
        let g = MemoryGraph()
        let a = try g.createNode(labels: ["A"], properties: [:])
        let b = try g.createNode(labels: [], properties: [:])
        let e = try effects(g) { g in
            try g.addLabel(b, "A")        // A exists already: no +labels
            try g.addLabel(a, "Fresh")    // a new label in the graph
            g.removeLabel(a, "A")         // A still on b: no -labels
        }
        var want = SideEffects()
        want.labelsAdded = 1
        XCTAssertEqual(e, want)
    }

    func testSideEffectTableParsing() throws {
        let e = try SideEffects.parse(table: [["+nodes", "1"], ["-properties", "2"]])
        XCTAssertEqual(e.nodesCreated, 1)
        XCTAssertEqual(e.propertiesRemoved, 2)
        XCTAssertEqual(e.relationshipsCreated, 0)
        XCTAssertThrowsError(try SideEffects.parse(table: [["+widgets", "1"]]))
        XCTAssertThrowsError(try SideEffects.parse(table: [["+nodes", "x"]]))
    }
}
