// List and general scalar functions: the TCK's scenarios (List6, List9, List11, Conditional1),
// the placeholders it leaves empty (List7 head, List8 last, List10 reverse), and range()'s
// boundaries near Int64's limits (Functions+List.swift).

import XCTest
@testable import KeiretsuCypher
import KeiretsuGraph

private func r(_ name: String, _ args: Value..., file: StaticString = #filePath, line: UInt = #line) -> String {
    scalarResultList(name, args, file: file, line: line)
}

final class FunctionsListTests: XCTestCase {
    func testHeadLastTail() {
        XCTAssertEqual(r("head", [1, 2, 3]), "1")
        XCTAssertEqual(r("head", []), "null")
        XCTAssertEqual(r("head", [nil, 2]), "null")
        XCTAssertEqual(r("head", nil), "null")
        XCTAssertEqual(r("last", ["Pink", "Yellow", "Black"]), "'Black'")
        XCTAssertEqual(r("last", []), "null")
        XCTAssertEqual(r("last", nil), "null")
        XCTAssertEqual(r("tail", [1, 2, 3, 4, 5]), "[2, 3, 4, 5]")
        XCTAssertEqual(r("tail", scalarValue("tail", [1, 2, 3, 4, 5])), "[3, 4, 5]")  // TCK List9 [1]
        XCTAssertEqual(r("tail", [1]), "[]")
        XCTAssertEqual(r("tail", []), "[]")
        XCTAssertEqual(r("tail", nil), "null")
        for name in ["head", "last", "tail"] {
            XCTAssertEqual(r(name, "abc"), "!TypeError.InvalidArgumentValue", name)
            XCTAssertEqual(r(name, 1), "!TypeError.InvalidArgumentValue", name)
        }
    }

    func testSize() {
        XCTAssertEqual(r("size", [1, 2, 3]), "3")  // TCK List6 [1]
        XCTAssertEqual(r("size", [[], [], []]), "3")
        XCTAssertEqual(r("size", []), "0")
        XCTAssertEqual(r("size", nil), "null")  // TCK List6 [4]
        XCTAssertEqual(r("size", .map(["a": 1])), "!TypeError.InvalidArgumentValue")
        XCTAssertEqual(r("size", 12), "!TypeError.InvalidArgumentValue")
        let path = Value.path(Path(nodes: [Node(id: 0, labels: [], properties: [:])], relationships: []))
        XCTAssertEqual(r("size", path), "!TypeError.InvalidArgumentValue")
    }

    func testReverseList() {
        XCTAssertEqual(r("reverse", [4923, "abc", 521, nil, 487]), "[487, null, 521, 'abc', 4923]")
        XCTAssertEqual(r("reverse", []), "[]")
        XCTAssertEqual(r("reverse", [[1, 2], [3]]), "[[3], [1, 2]]")  // only the outer list
    }

    func testIsEmpty() {
        XCTAssertEqual(r("isEmpty", []), "true")
        XCTAssertEqual(r("isEmpty", [nil]), "false")
        XCTAssertEqual(r("isEmpty", ""), "true")
        XCTAssertEqual(r("isEmpty", " "), "false")
        XCTAssertEqual(r("isEmpty", .map([:])), "true")
        XCTAssertEqual(r("isEmpty", .map(["k": nil])), "false")
        XCTAssertEqual(r("isEmpty", nil), "null")
        XCTAssertEqual(r("isEmpty", 0), "!TypeError.InvalidArgumentValue")
    }

    func testCoalesceAndNullIf() {
        XCTAssertEqual(r("coalesce", nil, "Brown"), "'Brown'")
        XCTAssertEqual(r("coalesce", nil, nil, 3, 4), "3")
        XCTAssertEqual(r("coalesce", nil), "null")
        XCTAssertEqual(r("coalesce", [], 1), "[]")  // an empty list is not null
        XCTAssertEqual(r("nullIf", 4, 4), "null")
        XCTAssertEqual(r("nullIf", 4, 4.0), "null")  // = holds between 4 and 4.0
        XCTAssertEqual(r("nullIf", "abc", "def"), "'abc'")
        XCTAssertEqual(r("nullIf", nil, 1), "null")
        XCTAssertEqual(r("nullIf", 1, nil), "1")
        XCTAssertEqual(r("nullIf", [1, nil], [1, nil]), "[1, null]")  // = is null, not true
        XCTAssertEqual(r("nullIf", .float(.nan), .float(.nan)), "NaN")
    }

    /// TCK List11 [1] and [2], the examples verbatim.
    func testRangeMatchesTheTCK() {
        let twoArguments: [(Int64, Int64, String)] = [
            (-1236, -1234, "[-1236, -1235, -1234]"), (-1234, -1234, "[-1234]"),
            (-10, -3, "[-10, -9, -8, -7, -6, -5, -4, -3]"), (0, -123, "[]"), (0, -1, "[]"),
            (-1, 1, "[-1, 0, 1]"), (0, 0, "[0]"), (1234, 1236, "[1234, 1235, 1236]"),
        ]
        for (s, e, want) in twoArguments {
            XCTAssertEqual(r("range", .int(s), .int(e)), want, "range(\(s), \(e))")
        }
        let threeArguments: [(Int64, Int64, Int64, String)] = [
            (1381, -3412, -1298, "[1381, 83, -1215, -2513]"), (0, -2000, -1298, "[0, -1298]"),
            (10, -10, -3, "[10, 7, 4, 1, -2, -5, -8]"), (0, -1, -1, "[0, -1]"), (0, 1, -123, "[]"),
            (0, -123, 1, "[]"), (0, 0, -1, "[0]"), (0, 1, 2, "[0]"), (-10, 10, 3, "[-10, -7, -4, -1, 2, 5, 8]"),
            (-2000, 0, 1298, "[-2000, -702]"), (-3412, 1381, 1298, "[-3412, -2114, -816, 482]"),
        ]
        for (s, e, step, want) in threeArguments {
            XCTAssertEqual(r("range", .int(s), .int(e), .int(step)), want, "range(\(s), \(e), \(step))")
        }
    }

    /// TCK List11 [3]: the range is empty exactly when the direction and the step disagree.
    func testRangeDirection() throws {
        for stop: Int64 in [1, 2, 500, 1000, 1500] {
            for step: Int64 in [-1000, -3, -2, -1, 1, 2, 3, 1000] {
                let list = try integerRange(0, stop, step)
                XCTAssertEqual(list.isEmpty, stop.signum() != step.signum())
            }
        }
    }

    func testRangeErrors() {
        for (s, e): (Int64, Int64) in [(0, 0), (2, 8), (-2, 8), (2, -8)] {  // TCK List11 [4]
            XCTAssertEqual(r("range", .int(s), .int(e), 0), "!ArgumentError.NumberOutOfRange")
        }
        let invalid: [[Value]] = [  // TCK List11 [5]
            [true, 1, 1], [0, true, 1], [0, 1, true], [-1.1, 1, 1], [-0.0, 1, 1], [0.0, 1, 1],
            [0, 1.1, 1], [0, -0.0, 1], [0, 1, 1.1], ["xyz", 1, 1], [0, "xyz", 1], [0, 1, "xyz"],
            [[0], 1, 1], [0, [1], 1], [0, 1, [1]], [.map(["start": 0]), 1, 1], [0, 1, .map(["step": 1])],
        ]
        for args in invalid {
            XCTAssertEqual(scalarResultList("range", args), "!ArgumentError.InvalidArgumentType", "\(args)")
        }
        XCTAssertEqual(r("range", nil, 1), "null")
        XCTAssertEqual(r("range", 0, 1, nil), "null")
    }

    func testRangeNearTheIntegerLimits() throws {
        XCTAssertEqual(try integerRange(Int64.max - 2, Int64.max, 1), [Int64.max - 2, Int64.max - 1, Int64.max])
        XCTAssertEqual(try integerRange(Int64.min, Int64.min + 1, 1), [Int64.min, Int64.min + 1])
        XCTAssertEqual(try integerRange(Int64.min + 2, Int64.min, -1), [Int64.min + 2, Int64.min + 1, Int64.min])
        XCTAssertEqual(try integerRange(Int64.max - 1, Int64.max, 5), [Int64.max - 1])  // the next step would overflow
        XCTAssertEqual(try integerRange(Int64.min, Int64.max, Int64.max), [Int64.min, -1, Int64.max - 1])
        XCTAssertEqual(try integerRange(Int64.max, Int64.min, Int64.min), [Int64.max, -1])
        XCTAssertEqual(try integerRange(0, 5, Int64.min), [])
    }

    func testHugeRangesAreRefused() throws {
        XCTAssertEqual(r("range", .int(Int64.min), .int(Int64.max)), "!ArgumentError.NumberOutOfRange")
        XCTAssertEqual(r("range", 0, .int(Int64(maxRangeLength))), "!ArgumentError.NumberOutOfRange")
        // The limit itself is allowed, one more is not (checked with a small limit so the test
        // does not allocate ten million values).
        XCTAssertEqual(try integerRange(1, 1000, 1, limit: 1000).count, 1000)
        XCTAssertThrowsError(try integerRange(0, 1000, 1, limit: 1000))
        XCTAssertEqual(try integerRange(0, 2000, 2, limit: 1001).count, 1001)
    }

    func testConvertingLists() {
        XCTAssertEqual(r("toBooleanList", nil), "null")
        XCTAssertEqual(r("toBooleanList", [nil, nil]), "[null, null]")
        XCTAssertEqual(r("toBooleanList", ["a string", true, "false", nil, ["A", "B"], 0, 1.5]),
                       "[null, true, false, null, null, false, null]")
        XCTAssertEqual(r("toFloatList", ["a string", 2.5, "3.14159", nil, ["A", "B"], 2, true]),
                       "[null, 2.5, 3.14159, null, null, 2.0, null]")
        XCTAssertEqual(r("toIntegerList", ["a string", 2, "5", nil, ["A", "B"], 2.9, true, .float(.nan)]),
                       "[null, 2, 5, null, null, 2, 1, null]")
        XCTAssertEqual(r("toStringList", ["already a string", 2, 2.5, true, nil, ["A", "B"], .map([:])]),
                       "['already a string', '2', '2.5', 'true', null, null, null]")
        for name in ["toBooleanList", "toFloatList", "toIntegerList", "toStringList"] {
            XCTAssertEqual(r(name, []), "[]", name)
            XCTAssertEqual(r(name, "abc"), "!TypeError.InvalidArgumentValue", name)
            XCTAssertEqual(r(name, 1), "!TypeError.InvalidArgumentValue", name)
        }
    }
}
