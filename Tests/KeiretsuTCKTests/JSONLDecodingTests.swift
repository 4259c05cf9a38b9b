// Reading `keiretsu run --format jsonl` output as DESIGN.md specifies it: tagged nodes,
// relationships and paths become values again, temporals compare as their text, error objects
// become reported errors, and the two snapshot statements become a graph snapshot.

import XCTest
import KeiretsuGraph
@testable import KeiretsuTCK

final class JSONLDecodingTests: XCTestCase {
    func object(_ json: String) throws -> Value { try Value.parseJSON(json) }

    func testTaggedValuesDecode() throws {
        let row = try object(#"""
            {"columns":["p","d","f"],"rows":[[{"_kind":"path","nodes":[{"_kind":"node","id":0,"labels":["A"],"properties":{"name":"a"}},{"_kind":"node","id":1,"labels":[],"properties":{}}],"relationships":[{"_kind":"relationship","id":5,"type":"T","start":1,"end":0,"properties":{"w":1.5}}]},{"_kind":"datetime","value":"2015-07-21T21:40:32.142+02:00[Europe/Stockholm]"},{"_kind":"float","value":"NaN"}]],"stats":{}}
            """#)
        XCTAssertEqual(JSONLBackend.columns(row), ["p", "d", "f"])
        guard case .list(let rows)? = JSONLBackend.field(row, "rows"), case .list(let cells)? = rows.first else {
            return XCTFail("no rows")
        }
        let values = cells.map(JSONLBackend.untag).map { TCKValue(actual: $0).canonical() }
        XCTAssertEqual(values, ["<(:A {name: 'a'})<-[:T {w: 1.5}]-()>",
                                "'2015-07-21T21:40:32.142+02:00[Europe/Stockholm]'", "NaN"])
    }

    func testErrorObject() throws {
        let e = JSONLBackend.error(try object(#"{"error":{"kind":"SyntaxError","code":"UnknownFunction","message":"no such function","line":1,"column":8}}"#))
        XCTAssertEqual(e, ReportedError(kind: "SyntaxError", code: "UnknownFunction", message: "no such function", phase: nil))
        XCTAssertNil(JSONLBackend.error(try object(#"{"columns":[],"rows":[]}"#)))
    }

    func testSnapshotStatements() throws {
        let nodes = try object(#"{"columns":["__tck_nodes"],"rows":[[{"_kind":"node","id":0,"labels":["N"],"properties":{"num":42}}]]}"#)
        let rels = try object(#"{"columns":["__tck_rels"],"rows":[]}"#)
        let empty = try object(#"{"columns":["__tck_nodes"],"rows":[]}"#)
        let before = try XCTUnwrap(JSONLBackend.snapshot(nodes, rels))
        let after = try XCTUnwrap(JSONLBackend.snapshot(empty, rels))
        let e = GraphSnapshot.diff(before: before, after: after)
        XCTAssertEqual(e.description, "-nodes 1, -labels 1, -properties 1")
        XCTAssertNil(JSONLBackend.snapshot(rels, nodes))
    }

    func testStatementTrimming() {
        XCTAssertEqual(JSONLBackend.trimStatement("  CREATE ()  ;\n ; "), "CREATE ()")
    }
}
