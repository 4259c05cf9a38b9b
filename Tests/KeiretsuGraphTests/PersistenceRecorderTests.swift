// The redo side of MemoryGraph: what the change recorder captures, what rollback drops, and that
// replaying the changes (`apply`) rebuilds the same graph — ids, order and types included. Also
// the bulk builder, which must produce what one-at-a-time creation produces.

@testable import KeiretsuGraph
import XCTest

final class PersistenceRecorderTests: XCTestCase {
    func testRecorderCapturesCommittedWritesAndDropsRolledBackOnes() throws {
        let g = MemoryGraph()
        let recorder = GraphChangeRecorder()
        g.changeRecorder = recorder
        g.beginTransaction()
        let a = try g.createNode(labels: ["A"], properties: ["x": 1])
        g.commitTransaction()
        g.beginTransaction()
        _ = try g.createNode(labels: ["B"], properties: [:])
        try g.setNodeProperty(a, "x", 2)
        g.rollbackTransaction()
        g.beginTransaction()
        try g.setNodeProperty(a, "y", "z")
        try g.addLabel(a, "L")
        g.removeLabel(a, "A")
        g.commitTransaction()
        let changes = recorder.drain()
        XCTAssertTrue(recorder.isEmpty)
        XCTAssertEqual(changes.count, 4, "the rolled-back create and set and their undo are not recorded")
        guard case .createNode(let id, let labels, let props) = changes[0] else { return XCTFail("\(changes)") }
        XCTAssertEqual(id, a)
        XCTAssertEqual(labels, ["A"])
        XCTAssertEqual(props["x"]?.exactKey, Value.int(1).exactKey)
        guard case .setNodeProperty(_, "y", let v) = changes[1] else { return XCTFail("\(changes)") }
        XCTAssertEqual(v, "z")
    }

    func testReplayRebuildsTheSameGraph() throws {
        let source = MemoryGraph()
        let recorder = GraphChangeRecorder()
        source.changeRecorder = recorder
        // Built through the recorder, with a rolled-back transaction leaving free ids behind.
        source.beginTransaction()
        _ = try source.createNode(labels: ["Scratch"], properties: ["v": 1])
        source.rollbackTransaction()
        let built = try richGraph()
        for id in built.allNodeIDs() {
            let n = built.node(id)!
            _ = try source.apply(.createNode(id: id + 1, labels: n.labels, properties: n.properties))
        }
        for id in built.allRelationshipIDs() {
            let r = built.relationship(id)!
            _ = try source.apply(.createRelationship(id: id, type: r.type, start: r.start + 1, end: r.end + 1, properties: r.properties))
        }
        for index in built.indexes { try source.createIndex(index) }
        source.beginTransaction()
        try source.setNodeProperty(2, "name", .null)
        try source.setNodeProperty(2, "name", "B2")
        try source.setRelationshipProperty(0, "percent", 44.0)
        try source.addLabel(4, "Extra")
        source.commitTransaction()
        try source.dropIndex(named: "person_name")

        let replica = MemoryGraph()
        for change in recorder.drain() { try replica.apply(change) }
        XCTAssertEqual(exactDump(replica), exactDump(source))
        XCTAssertNil(replica.node(0), "the rolled-back id stays free")
    }

    func testApplyRefusesChangesThatDoNotFit() throws {
        let g = try richGraph()
        XCTAssertThrowsError(try g.apply(.createNode(id: 0, labels: [], properties: [:])))
        XCTAssertThrowsError(try g.apply(.deleteNode(999)))
        XCTAssertThrowsError(try g.apply(.deleteRelationship(999)))
        XCTAssertThrowsError(try g.apply(.createRelationship(id: 50, type: "T", start: 0, end: 999, properties: [:])))
        XCTAssertThrowsError(try g.apply(.setNodeProperty(999, key: "k", value: 1)))
        XCTAssertThrowsError(try g.apply(.createNode(id: 60, labels: ["Company"], properties: ["name": "A"]))) {
            XCTAssertEqual($0 as? GraphStoreError, .uniquenessViolated(label: "Company", property: "name", value: "A"))
        }
    }

    func testBuilderMatchesOneAtATimeCreation() throws {
        let slow = MemoryGraph()
        var builder = MemoryGraphBuilder()
        var generator = SplitMix(seed: 7)
        for i in 0..<300 {
            let labels = i % 3 == 0 ? ["Company"] : (i % 3 == 1 ? ["Person", "Person"] : [])
            let props: ValueMap = i % 4 == 0 ? [:] : ["name": .string("n\(i)"), "k": .int(Int64(i)), "gone": .null]
            XCTAssertEqual(try slow.createNode(labels: labels, properties: props), builder.addNode(labels: labels, properties: props))
        }
        for i in 0..<1500 {
            let s = Int(generator.next() % 300), e = i % 10 == 0 ? s : Int(generator.next() % 300)
            let props: ValueMap = i % 2 == 0 ? ["w": .float(Double(i))] : [:]
            XCTAssertEqual(try slow.createRelationship(type: "T\(i % 3)", start: s, end: e, properties: props),
                           try builder.addRelationship(type: "T\(i % 3)", start: s, end: e, properties: props))
        }
        let index = IndexDescriptor(name: "n", label: "Company", properties: ["name"], unique: true)
        try slow.createIndex(index)
        builder.addIndex(index)
        let fast = try builder.build()
        XCTAssertEqual(exactDump(fast), exactDump(slow))
        XCTAssertEqual(fast.invariantViolations(), [])
        var empty = MemoryGraphBuilder()
        XCTAssertThrowsError(try empty.addRelationship(type: "T", start: 0, end: 0, properties: [:]))
    }

    func testBuilderContinuesAGraphAndChecksConstraints() throws {
        let g = try richGraph()
        let before = exactDump(g)
        var builder = MemoryGraphBuilder(continuing: g)
        let n = builder.addNode(labels: ["Company"], properties: ["name": "A"])  // breaks the unique constraint
        XCTAssertEqual(n, g.nodes.count)
        XCTAssertThrowsError(try builder.build(into: g)) {
            XCTAssertEqual($0 as? GraphStoreError, .constraintViolatedByExistingData(label: "Company", property: "name"))
        }
        XCTAssertEqual(exactDump(g), before, "a failed build leaves the graph as it was")
        var ok = MemoryGraphBuilder(continuing: g)
        let m = ok.addNode(labels: ["Company"], properties: ["name": "Z"])
        try ok.addRelationship(type: "T", start: m, end: 0, properties: [:])
        try ok.build(into: g)
        XCTAssertEqual(g.indexedNodeIDs(label: "Company", key: "name", value: "Z"), [m])
        XCTAssertEqual(g.relationshipIDs(of: 0, direction: .incoming).count, 2)
        XCTAssertEqual(g.invariantViolations(), [])
    }
}
