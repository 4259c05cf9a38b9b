// What a correct GraphML export of a graph must read back as: in keiretsu's own reader (the
// original values, minus the characters XML cannot hold), and in networkx and igraph (the
// widened key types, the encoded names), in the [type, text] notation of graphml_check.py.

import Foundation
import KeiretsuGraph
import XCTest

@testable import KeiretsuExport

enum GraphMLExpectations {
    /// A Python value as graphml_check.py prints it.
    struct PyValue: Equatable, CustomStringConvertible {
        var type: String
        var text: String

        var description: String { "\(type):\(text.prefix(60))" }

        /// Equal as values: floats numerically (NaN equals NaN, -0.0 differs from 0.0 by sign).
        func matches(_ other: PyValue, intAsFloat: Bool = false) -> Bool {
            var a = self, b = other
            if intAsFloat {
                if a.type == "int" { a.type = "float" }
                if b.type == "int" { b.type = "float" }
            }
            guard a.type == b.type else { return false }
            if a.type == "float" {
                guard let x = Double(a.text), let y = Double(b.text) else { return a.text == b.text }
                if x.isNaN || y.isNaN { return x.isNaN && y.isNaN }
                return x == y && x.sign == y.sign
            }
            return a.text == b.text
        }
    }

    /// Attributes networkx should show for element `n<id>` / `e<id>`.
    static func expectedAttributes(graph: MemoryGraph, plan: GraphMLKeyPlan, node id: ElementID) -> [String: PyValue] {
        var out: [String: PyValue] = [:]
        let labels = graph.nodeLabels(id)
        if !labels.isEmpty { out["labels"] = PyValue(type: "str", text: GraphMLNames.xmlSafe(GraphMLNames.joinLabels(labels))) }
        for (name, value) in graph.nodeProperties(id) {
            guard let index = plan.nodeKeys[name] else { continue }
            let key = plan.keys[index]
            if let v = pyValue(value, kind: key.kind) { out[key.attrName] = v }
        }
        return out
    }

    static func expectedAttributes(graph: MemoryGraph, plan: GraphMLKeyPlan, relationship id: ElementID) -> [String: PyValue] {
        var out: [String: PyValue] = [:]
        let type = graph.relationshipType(id) ?? ""
        if !type.isEmpty { out["label"] = PyValue(type: "str", text: GraphMLNames.xmlSafe(type)) }
        for (name, value) in graph.relationshipProperties(id) {
            guard let index = plan.edgeKeys[name] else { continue }
            let key = plan.keys[index]
            if let v = pyValue(value, kind: key.kind) { out[key.attrName] = v }
        }
        return out
    }

    static func pyValue(_ value: Value, kind: GraphMLKind) -> PyValue? {
        switch (kind, value) {
        case (.boolean, .bool(let b)): return PyValue(type: "bool", text: b ? "True" : "False")
        case (.long, .int(let i)): return PyValue(type: "int", text: String(i))
        case (.double, .float(let d)), (.number, .float(let d)): return PyValue(type: "float", text: pythonFloat(d))
        case (.number, .int(let i)): return PyValue(type: "float", text: pythonFloat(Double(i)))
        default:
            return PyValue(type: "str", text: GraphMLNames.xmlSafe(kind.text(of: value)))
        }
    }

    static func pythonFloat(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        return "\(d)"
    }

    static func parse(_ json: Any?) -> [String: PyValue] {
        guard let dict = json as? [String: Any] else { return [:] }
        var out: [String: PyValue] = [:]
        for (k, v) in dict {
            if let pair = v as? [String], pair.count == 2 { out[k] = PyValue(type: pair[0], text: pair[1]) }
        }
        return out
    }

    /// The value keiretsu's reader must give back for `value`: strings lose the characters XML
    /// cannot hold; inside JSON text only U+FFFE/U+FFFF are lost (JSON escapes the controls).
    static func afterRoundTrip(_ value: Value, inJSON: Bool) -> Value {
        switch value {
        case .string(let s):
            if inJSON {
                return .string(String(String.UnicodeScalarView(s.unicodeScalars.map { $0.value == 0xFFFE || $0.value == 0xFFFF ? "\u{FFFD}" : $0 })))
            }
            return .string(GraphMLNames.xmlSafe(s))
        case .list(let items): return .list(items.map { afterRoundTrip($0, inJSON: true) })
        case .map(let m): return .map(m.mapValues { afterRoundTrip($0, inJSON: true) })
        default: return value
        }
    }

    /// Same case and same payload: 1 and 1.0 differ, NaN equals NaN, maps compare as sets of entries.
    static func strictlyEqual(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.float(let x), .float(let y)): return (x.isNaN && y.isNaN) || (x == y && x.sign == y.sign)
        case (.string(let x), .string(let y)): return x == y
        case (.temporal(let x), .temporal(let y)): return x == y
        case (.list(let x), .list(let y)): return x.count == y.count && zip(x, y).allSatisfy { strictlyEqual($0, $1) }
        case (.map(let x), .map(let y)):
            return x.count == y.count && x.allSatisfy { k, v in y[k].map { strictlyEqual(v, $0) } ?? false }
        default: return false
        }
    }

    /// Asserts that `loaded` holds the same nodes and relationships as `original`, in id order,
    /// as GraphML can carry them.
    static func assertRoundTrip(original: MemoryGraph, loaded: MemoryGraph, name: String,
                                file: StaticString = #filePath, line: UInt = #line) {
        let plan = GraphMLKeyPlan(graph: original, subgraph: .whole(graph: original))
        let a = original.allNodeIDs(), b = loaded.allNodeIDs()
        XCTAssertEqual(a.count, b.count, "\(name): node count", file: file, line: line)
        var position: [ElementID: ElementID] = [:]
        for (x, y) in zip(a, b) {
            position[x] = y
            XCTAssertEqual(original.nodeLabels(x).map(GraphMLNames.xmlSafe), loaded.nodeLabels(y), "\(name): labels of n\(x)", file: file, line: line)
            assertProperties(original.nodeProperties(x), loaded.nodeProperties(y), plan: plan, keys: plan.nodeKeys,
                             what: "\(name) n\(x)", file: file, line: line)
        }
        let ra = original.allRelationshipIDs(), rb = loaded.allRelationshipIDs()
        XCTAssertEqual(ra.count, rb.count, "\(name): relationship count", file: file, line: line)
        for (x, y) in zip(ra, rb) {
            XCTAssertEqual(original.relationshipType(x).map(GraphMLNames.xmlSafe), loaded.relationshipType(y), "\(name): type of e\(x)", file: file, line: line)
            if let (s, e) = original.relationshipEndpoints(x), let (s2, e2) = loaded.relationshipEndpoints(y) {
                XCTAssertEqual(position[s], s2, "\(name): start of e\(x)", file: file, line: line)
                XCTAssertEqual(position[e], e2, "\(name): end of e\(x)", file: file, line: line)
            }
            assertProperties(original.relationshipProperties(x), loaded.relationshipProperties(y), plan: plan, keys: plan.edgeKeys,
                             what: "\(name) e\(x)", file: file, line: line)
        }
    }

    static func assertProperties(_ original: ValueMap, _ loaded: ValueMap, plan: GraphMLKeyPlan, keys: [String: Int],
                                 what: String, file: StaticString, line: UInt) {
        XCTAssertEqual(Set(original.keys), Set(loaded.keys), "\(what): property names", file: file, line: line)
        for (k, v) in original {
            guard let index = keys[k] else { continue }
            let expected = afterRoundTrip(v, inJSON: plan.keys[index].kind == .json)
            let got = loaded[k] ?? .null
            XCTAssertTrue(strictlyEqual(expected, got), "\(what).\(k): expected \(expected.literal().prefix(80)), got \(got.literal().prefix(80))",
                          file: file, line: line)
        }
    }
}
