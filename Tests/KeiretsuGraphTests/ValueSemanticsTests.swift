// The semantics written on Value: equivalence and hashing agree, the ORDER BY order is total
// and consistent, three-valued equality and comparability follow openCypher, and the JSON and
// literal forms read back.

import KeiretsuGraph
import XCTest

final class ValueSemanticsTests: XCTestCase {
    /// Values in groups: each group's members are equivalent to each other and to no member of
    /// another group.
    let groups: [[Value]] = [
        [.null],
        [.bool(true)],
        [.bool(false)],
        [.int(1), .float(1.0)],
        [.int(0), .float(0.0), .float(-0.0)],
        [.float(.nan), .float(-.nan)],
        [.float(1.5)],
        [.float(.infinity)],
        [.int(Int64.max)],
        [.float(9_223_372_036_854_775_807.0)],  // 2^63, not equal to Int64.max
        [.string("a")],
        // Strings compare by code points, as in Neo4j: canonically equivalent spellings differ.
        [.string("\u{E9}")],
        [.string("e\u{301}")],
        [.list([.int(1), .null])],
        [.list([])],
        [.map(["a": .int(1), "b": .int(2)]), .map(["b": .int(2), "a": .float(1)])],
        [.temporal(.date(LocalDate(epochDay: 0)))],
    ]

    func testEquivalenceAndHashingAgree() {
        for (i, g) in groups.enumerated() {
            for a in g {
                for b in g {
                    XCTAssertEqual(a, b, "\(a.literal()) ≡ \(b.literal())")
                    XCTAssertEqual(a.hashValue, b.hashValue, "hash(\(a.literal())) = hash(\(b.literal()))")
                }
                for (j, h) in groups.enumerated() where j != i {
                    for b in h { XCTAssertNotEqual(a, b, "\(a.literal()) ≢ \(b.literal())") }
                }
            }
        }
    }

    func testThreeValuedEquality() {
        XCTAssertNil(Value.cypherEquals(.null, .null))
        XCTAssertEqual(Value.cypherEquals(.int(1), .float(1)), true)
        XCTAssertEqual(Value.cypherEquals(.float(.nan), .float(.nan)), false)
        XCTAssertEqual(Value.cypherEquals(.string("1"), .int(1)), false)
        XCTAssertNil(Value.cypherEquals(.list([.int(1), .null]), .list([.int(1), .null])))
        XCTAssertEqual(Value.cypherEquals(.list([.int(2), .null]), .list([.int(1), .null])), false)
    }

    func testComparability() {
        XCTAssertEqual(Value.cypherCompare(.int(1), .float(1.5)), -1)
        XCTAssertNil(Value.cypherCompare(.int(1), .string("1")))
        XCTAssertNil(Value.cypherCompare(.map([:]), .map([:])))
        XCTAssertEqual(Value.cypherCompare(.string("a"), .string("b")), -1)
        XCTAssertEqual(Value.cypherCompare(.int(Int64.max), .float(9_223_372_036_854_775_807.0)), -1)
    }

    func testOrderByIsATotalOrder() {
        let all = groups.flatMap { $0 }
        for a in all {
            XCTAssertEqual(Value.orderCompare(a, a), 0)
            for b in all {
                XCTAssertEqual(Value.orderCompare(a, b), -Value.orderCompare(b, a), "\(a.literal()) vs \(b.literal())")
                for c in all where Value.orderCompare(a, b) <= 0 && Value.orderCompare(b, c) <= 0 {
                    XCTAssertLessThanOrEqual(Value.orderCompare(a, c), 0)
                }
            }
        }
        // Numbers sort before null, NaN after every other number.
        XCTAssertEqual(Value.orderCompare(.float(.nan), .float(.infinity)), 1)
        XCTAssertEqual(Value.orderCompare(.float(.nan), .null), -1)
        XCTAssertEqual(Value.orderCompare(.string("z"), .int(0)), -1)
    }

    func testLiterals() {
        XCTAssertEqual(Value.float(1).literal(), "1.0")
        XCTAssertEqual(Value.float(.nan).literal(), "NaN")
        XCTAssertEqual(Value.string("it's\n").literal(), "'it\\'s\\n'")
        XCTAssertEqual(Value.map(["b": 1, "a": 2]).literal(.sorted), "{a: 2, b: 1}")
        XCTAssertEqual(Value.map(["weird key": 1]).literal(), "{`weird key`: 1}")
        XCTAssertEqual(Value.temporal(.date(LocalDate(year: 2023, month: 1, day: 28)!)).literal(), "date('2023-01-28')")
    }

    func testJSONRoundTrip() throws {
        let values: [Value] = [
            .null, .bool(true), .int(-42), .float(1), .float(2.5e-300), .float(.nan), .float(-.infinity),
            .string("quote \" backslash \\ newline \n emoji 🚗 日本"), .list([.int(1), .list([])]),
            .map(["k": .map(["n": .null])]), .temporal(.date(LocalDate(year: 2023, month: 1, day: 28)!)),
        ]
        for v in values {
            let text = v.json()
            let back = try Value.parseJSON(text)
            XCTAssertEqual(back, v, text)
            XCTAssertEqual(back.typeName, v.typeName, text)
        }
        XCTAssertEqual(Value.float(1).json(), "1.0")
        XCTAssertEqual(try Value.parseJSON("1"), .int(1))
        XCTAssertEqual(try Value.parseJSON("1.0").typeName, "FLOAT")
        XCTAssertThrowsError(try Value.parseJSON("{\"a\":}"))
        XCTAssertThrowsError(try Value.parseJSON("[1,"))
    }

    func testDates() {
        for (y, m, d) in [(1970, 1, 1), (2000, 2, 29), (1600, 3, 1), (-44, 3, 15), (9999, 12, 31)] {
            let date = LocalDate(year: Int64(y), month: m, day: d)
            XCTAssertNotNil(date)
            XCTAssertEqual(date.map { [$0.year, Int64($0.month), Int64($0.day)] }, [Int64(y), Int64(m), Int64(d)])
        }
        XCTAssertNil(LocalDate(year: 2023, month: 2, day: 29))
        XCTAssertEqual(LocalDate.parse("2023-01-28")?.isoString, "2023-01-28")
        XCTAssertEqual(LocalDate(epochDay: 0).dayOfWeek, 4)  // a Thursday
        XCTAssertNil(LocalDate.parse("2023-13-01"))
    }
}
