// Matching actual engine values and results against TCK expectations: integer vs float, NaN,
// graph elements by content, paths with directions, temporals as strings, row multisets vs
// sequences, list order, and column names.

import XCTest
import KeiretsuGraph
@testable import KeiretsuTCK

final class ComparatorTests: XCTestCase {
    func matches(_ expected: String, _ actual: Value, ignoringListOrder: Bool = false) throws -> Bool {
        try TCKValue.parse(expected).canonical(ignoringListOrder: ignoringListOrder)
            == TCKValue(actual: actual).canonical(ignoringListOrder: ignoringListOrder)
    }

    func node(_ id: Int, _ labels: [String], _ props: ValueMap = [:]) -> Node {
        Node(id: id, labels: labels, properties: props)
    }

    func testIntegerNeverEqualsFloat() throws {
        XCTAssertTrue(try matches("1", .int(1)))
        XCTAssertFalse(try matches("1", .float(1.0)))
        XCTAssertFalse(try matches("1.0", .int(1)))
        XCTAssertTrue(try matches("1.0", .float(1.0)))
        XCTAssertFalse(try matches("[1]", .list([.float(1)])))
        XCTAssertFalse(try matches("{a: 1}", .map(["a": .float(1)])))
    }

    func testFloatSpecials() throws {
        XCTAssertTrue(try matches("NaN", .float(.nan)))
        XCTAssertTrue(try matches("[NaN]", .list([.float(.nan)])))
        XCTAssertTrue(try matches("Inf", .float(.infinity)))
        XCTAssertTrue(try matches("-Inf", .float(-.infinity)))
        XCTAssertFalse(try matches("Inf", .float(-.infinity)))
        XCTAssertTrue(try matches(".5", .float(0.5)))
        XCTAssertTrue(try matches("1e308", .float(1e308)))
        XCTAssertTrue(try matches("0.0", .float(-0.0)))
        XCTAssertTrue(try matches("0.30000000000000004", .float(0.1 + 0.2)))
        XCTAssertFalse(try matches("0.3", .float(0.1 + 0.2)))
    }

    func testNodesCompareByLabelSetAndProperties() throws {
        XCTAssertTrue(try matches("(:A:B {p: 1})", .node(node(7, ["B", "A"], ["p": 1]))))
        XCTAssertFalse(try matches("(:A {p: 1})", .node(node(7, ["B", "A"], ["p": 1]))))
        XCTAssertFalse(try matches("(:A:B)", .node(node(7, ["B", "A"], ["p": 1]))))
        XCTAssertFalse(try matches("(:A:B {p: 1.0})", .node(node(7, ["A", "B"], ["p": 1]))))
        XCTAssertTrue(try matches("()", .node(node(3, []))))
        let r = Relationship(id: 1, type: "T", start: 1, end: 2, properties: ["w": "x"])
        XCTAssertTrue(try matches("[:T {w: 'x'}]", .relationship(r)))
        XCTAssertFalse(try matches("[:S {w: 'x'}]", .relationship(r)))
        XCTAssertFalse(try matches("[:T]", .relationship(r)))
    }

    func testPathsHopByHopWithDirection() throws {
        let a = node(1, ["A"]), b = node(2, ["B"]), c = node(3, [])
        let t = Relationship(id: 10, type: "T", start: 1, end: 2, properties: [:])
        let s = Relationship(id: 11, type: "S", start: 3, end: 2, properties: [:])
        let p = Value.path(Path(nodes: [a, b, c], relationships: [t, s]))
        XCTAssertTrue(try matches("<(:A)-[:T]->(:B)<-[:S]-()>", p))
        XCTAssertFalse(try matches("<(:A)-[:T]->(:B)-[:S]->()>", p))
        XCTAssertFalse(try matches("<(:A)<-[:T]-(:B)<-[:S]-()>", p))
        XCTAssertFalse(try matches("<(:A)-[:T]->(:B)>", p))
        // The same relationships walked the other way round.
        let back = Value.path(Path(nodes: [c, b, a], relationships: [s, t]))
        XCTAssertTrue(try matches("<()-[:S]->(:B)<-[:T]-(:A)>", back))
        XCTAssertTrue(try matches("<(:A)>", .path(Path(nodes: [a], relationships: []))))
    }

    func testTemporalsCompareAsTheirISOString() throws {
        guard let d = LocalDate(year: 2015, month: 7, day: 21) else { return XCTFail("bad date") }
        let date = Value.temporal(.date(d))
        XCTAssertTrue(try matches("'2015-07-21'", date))
        XCTAssertFalse(try matches("'2015-07-22'", date))
        XCTAssertTrue(try matches("['2015-07-21']", .list([date])))
        let t = Value.temporal(.localTime(LocalTime(nanosOfDay: (21 * 3600 + 40 * 60 + 32) * 1_000_000_000 + 142_000_000)))
        XCTAssertTrue(try matches("'21:40:32.142'", t), TCKValue(actual: t).canonical())
    }

    func testListOrderOnlyIgnoredWhenAsked() throws {
        let actual = Value.list(["Bar", "Foo"])
        XCTAssertFalse(try matches("['Foo', 'Bar']", actual))
        XCTAssertTrue(try matches("['Foo', 'Bar']", actual, ignoringListOrder: true))
        // Multisets: multiplicity counts.
        XCTAssertFalse(try matches("['Foo', 'Foo', 'Bar']", .list(["Foo", "Bar", "Bar"]), ignoringListOrder: true))
        // Nested lists and lists inside maps are unordered too.
        XCTAssertTrue(try matches("{a: [[2, 1], [3]]}", .map(["a": .list([.list([3]), .list([1, 2])])]), ignoringListOrder: true))
    }

    func table(_ rows: [[String]], ordered: Bool, ignoring: Bool = false) throws -> ExpectedResult {
        try ExpectedResult.parse(table: rows, ordered: ordered, ignoringListOrder: ignoring)
    }

    func testRowsAsMultisetOrSequence() throws {
        let any = try table([["x"], ["1"], ["2"], ["2"]], ordered: false)
        XCTAssertNil(any.mismatch(columns: ["x"], rows: [[2], [1], [2]]))
        XCTAssertNotNil(any.mismatch(columns: ["x"], rows: [[2], [1], [1]]))
        XCTAssertNotNil(any.mismatch(columns: ["x"], rows: [[2], [1]]))
        let ordered = try table([["x"], ["1"], ["2"], ["2"]], ordered: true)
        XCTAssertNil(ordered.mismatch(columns: ["x"], rows: [[1], [2], [2]]))
        let wrongOrder = ordered.mismatch(columns: ["x"], rows: [[2], [1], [2]])
        XCTAssertEqual(wrongOrder, "row 1 differs: expected 2, got 1 (same rows, wrong order)".replacingOccurrences(of: "expected 2, got 1", with: "expected 1, got 2"))
    }

    func testColumnsMustMatchExactly() throws {
        let t = try table([["a", "b"], ["1", "2"]], ordered: false)
        XCTAssertNil(t.mismatch(columns: ["a", "b"], rows: [[1, 2]]))
        XCTAssertEqual(t.mismatch(columns: ["b", "a"], rows: [[2, 1]]), "columns differ: expected [\"a\", \"b\"], got [\"b\", \"a\"]")
        XCTAssertNotNil(t.mismatch(columns: ["a"], rows: [[1]]))
        // A header-only table expects no rows but still names the columns.
        let none = try table([["num"]], ordered: false)
        XCTAssertNil(none.mismatch(columns: ["num"], rows: []))
        XCTAssertNotNil(none.mismatch(columns: ["num"], rows: [[42]]))
        // `the result should be empty` ignores the columns.
        XCTAssertNil(ExpectedResult.empty.mismatch(columns: ["whatever"], rows: []))
        XCTAssertNotNil(ExpectedResult.empty.mismatch(columns: [], rows: [[]]))
    }

    func testMismatchReportListsMissingAndUnexpectedRows() throws {
        let t = try table([["x"], ["1"], ["2"]], ordered: false)
        let report = try XCTUnwrap(t.mismatch(columns: ["x"], rows: [[1], [3.5], [3.5]]))
        XCTAssertTrue(report.contains("missing 1:\n      | 2 |"), report)
        XCTAssertTrue(report.contains("unexpected 1:\n      | 3.5  (×2) |"), report)
    }
}
