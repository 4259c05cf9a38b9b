// Helpers shared by the persistence tests: scratch folders, an exact dump of a graph (types,
// ids, order — so "the same graph" means the same bytes, not Cypher equivalence), and a graph
// that exercises every value kind.

import Foundation
@testable import KeiretsuGraph
import XCTest

/// A fresh folder under the system temporary directory, removed by `remove()`.
struct ScratchFolder {
    let path: String

    init(_ name: String = "keiretsu-persistence") {
        path = NSTemporaryDirectory() + "\(name)-\(getpid())-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

extension Value {
    /// The exact encoding as hex: equal only when type and bits are equal.
    var exactKey: String {
        var w = ByteWriter()
        ValueCodec.encode(self, into: &w)
        return w.bytes.map { String(format: "%02x", $0) }.joined()
    }
}

/// Every node and relationship with ids, labels, types, endpoints, properties (in order, with
/// exact types), adjacency, the label index, counts and indexes.
func exactDump(_ g: MemoryGraph) -> String {
    var lines: [String] = []
    for id in g.allNodeIDs() {
        let n = g.nodeRecord(id)!
        let props = n.properties.map { "\($0.key)=\($0.value.literal(.sorted)):\($0.value.exactKey)" }
        lines.append("n\(id) \(n.labels) \(props) out=\(n.outgoing) in=\(n.incoming)")
    }
    for id in g.allRelationshipIDs() {
        let r = g.relationshipRecord(id)!
        let props = r.properties.map { "\($0.key)=\($0.value.literal(.sorted)):\($0.value.exactKey)" }
        lines.append("r\(id) \(r.type) \(r.start)->\(r.end) \(props)")
    }
    for label in g.labelsInUse() { lines.append("label \(label): \(g.nodeIDs(withLabel: label))") }
    for type in g.relationshipTypesInUse() { lines.append("type \(type): \(g.countRelationships(withType: type))") }
    lines.append("keys \(g.propertyKeysInUse())")
    for index in g.indexes { lines.append("index \(index.name) :\(index.label)\(index.properties) unique=\(index.unique)") }
    lines.append("slots \(g.nodes.count) \(g.relationships.count) counts \(g.nodeCount) \(g.relationshipCount)")
    return lines.joined(separator: "\n")
}

/// Values of every kind the store can hold, with the awkward corners (NaN, -0.0, extremes,
/// zone names, nested collections).
let awkwardValues: [Value] = [
    .bool(true), .bool(false), .int(0), .int(-1), .int(.max), .int(.min), .float(1.0), .float(-0.0),
    .float(.nan), .float(.infinity), .float(-.infinity), .float(5e-324), .string(""), .string("it's \u{1F697} 日本"),
    .list([]), .list([.int(1), .float(1.0), .string("1")]), .list([.list([.null, .bool(true)])]),
    .map(["b": .int(2), "a": .map(["x": .null])]),
    .temporal(.date(LocalDate(epochDay: -719_468))), .temporal(.localTime(LocalTime(nanosOfDay: 86_399_999_999_999))),
    .temporal(.time(LocalTime(nanosOfDay: 1), offset: -18 * 3600)),
    .temporal(.localDateTime(LocalDate(epochDay: 19_385), LocalTime(nanosOfDay: 45_296_000_000_789))),
    .temporal(.dateTime(LocalDate(epochDay: 16_637), LocalTime(nanosOfDay: 78_032_142_000_000), offset: 7200,
                        zone: "Europe/Stockholm")),
    .temporal(.dateTime(LocalDate(epochDay: 0), LocalTime(nanosOfDay: 0), offset: 0, zone: nil)),
    .temporal(.duration(Duration(months: -14, days: 3, seconds: -5, nanoseconds: 500))),
]

/// A graph with labels, several property shapes, every value kind, parallel edges, a self-loop,
/// a deleted node and relationship (free slots), and an index plus a unique constraint.
func richGraph() throws -> MemoryGraph {
    let g = MemoryGraph()
    let a = try g.createNode(labels: ["Company"], properties: ["name": "A", "founded": 1999])
    let b = try g.createNode(labels: ["Company", "Listed"], properties: ["name": "B", "revenue": 12.5])
    let gone = try g.createNode(labels: ["Temp"], properties: [:])
    let c = try g.createNode(labels: ["Person"], properties: ["name": "C"])
    var props = ValueMap()
    for (i, v) in awkwardValues.enumerated() { props["p\(i)"] = v }
    let d = try g.createNode(labels: [], properties: props)
    try g.createRelationship(type: "HOLDS_STAKE", start: a, end: b, properties: ["percent": 43.0, "asOf": awkwardValues[21]])
    try g.createRelationship(type: "HOLDS_STAKE", start: a, end: b, properties: ["percent": 15])
    let temp = try g.createRelationship(type: "TEMP", start: gone, end: a, properties: [:])
    try g.createRelationship(type: "SELF", start: b, end: b, properties: [:])
    try g.createRelationship(type: "HOLDS_ROLE", start: c, end: a, properties: ["role": "CEO"])
    try g.createRelationship(type: "ODD", start: d, end: c, properties: props)
    g.deleteRelationship(temp)
    try g.deleteNode(gone)
    try g.createIndex(IndexDescriptor(name: "company_name", label: "Company", properties: ["name"], unique: true))
    try g.createIndex(IndexDescriptor(name: "person_name", label: "Person", properties: ["name"], unique: false))
    return g
}

func XCTAssertThrowsPersistence(_ expression: @autoclosure () throws -> Any, _ codes: Set<String>,
                                file: StaticString = #filePath, line: UInt = #line) {
    do {
        _ = try expression()
        XCTFail("expected a PersistenceError \(codes.sorted())", file: file, line: line)
    } catch let e as PersistenceError {
        XCTAssertTrue(codes.contains(e.code), "got \(e)", file: file, line: line)
    } catch {
        XCTFail("expected a PersistenceError, got \(error)", file: file, line: line)
    }
}
