// round() in its three forms, against the examples of the Neo4j Cypher manual (which follows
// Java's Math.round and java.math.RoundingMode), plus decimal edge cases
// (Functions+Rounding.swift).

import XCTest
@testable import KeiretsuCypher
import KeiretsuGraph

private func r(_ args: Value..., file: StaticString = #filePath, line: UInt = #line) -> String {
    scalarResultList("round", args, file: file, line: line)
}

final class FunctionsRoundingTests: XCTestCase {
    func testOneArgumentRoundsTiesTowardsPositiveInfinity() {
        XCTAssertEqual(r(3.141592), "3.0")
        XCTAssertEqual(r(-1.5), "-1.0")
        XCTAssertEqual(r(2.5), "3.0")
        XCTAssertEqual(r(-2.5), "-2.0")
        XCTAssertEqual(r(0.5), "1.0")
        XCTAssertEqual(r(-0.5), "0.0")  // a zero result is +0.0, as Math.round gives 0
        XCTAssertEqual(r(-0.4), "0.0")
        XCTAssertEqual(r(0.49999999999999994), "0.0")  // the classic floor(x + 0.5) trap
        XCTAssertEqual(r(7), "7.0")
        XCTAssertEqual(r(.int(Int64.max)), "9.223372036854776e+18")
        XCTAssertEqual(r(4503599627370497.0), "4503599627370497.0")
    }

    func testPrecisionRoundsHalfUp() {
        XCTAssertEqual(r(3.141592, 3), "3.142")
        XCTAssertEqual(r(-1.55, 1), "-1.6")
        XCTAssertEqual(r(-1.5, 0), "-1.0")  // precision 0 aligns with round(-1.5)
        XCTAssertEqual(r(1.005, 2), "1.01")  // decided on the decimal 1.005, not 1.00499999…
        XCTAssertEqual(r(2.675, 2), "2.68")
        XCTAssertEqual(r(.float(0.1 + 0.2), 15), "0.3")
        XCTAssertEqual(r(1234.5678, 6), "1234.5678")  // nothing below the precision
        XCTAssertEqual(r(1234, -2), "1200.0")
        XCTAssertEqual(r(1250, -2), "1300.0")
        XCTAssertEqual(r(49.9, -2), "0.0")
        XCTAssertEqual(r(999.96, 1), "1000.0")  // carry across every digit
        XCTAssertEqual(r(1.5e-7, 7), "2e-07")
        XCTAssertEqual(r(1e300, 2), "1e+300")
        XCTAssertEqual(r(0.125, 2.9), "0.13")  // a float precision is truncated to 2
    }

    /// The manual's table: positive, negative, positive tie, negative tie at precision 1.
    func testRoundingModesMatchTheManual() {
        let inputs: [Double] = [1.249, -1.251, 1.25, -1.35]
        let expected: [String: [String]] = [
            "UP": ["1.3", "-1.3", "1.3", "-1.4"],
            "DOWN": ["1.2", "-1.2", "1.2", "-1.3"],
            "CEILING": ["1.3", "-1.2", "1.3", "-1.3"],
            "FLOOR": ["1.2", "-1.3", "1.2", "-1.4"],
            "HALF_UP": ["1.2", "-1.3", "1.3", "-1.4"],
            "HALF_DOWN": ["1.2", "-1.3", "1.2", "-1.3"],
            "HALF_EVEN": ["1.2", "-1.3", "1.2", "-1.4"],
        ]
        for (mode, results) in expected {
            for (x, want) in zip(inputs, results) {
                XCTAssertEqual(r(.float(x), 1, .string(mode)), want, "round(\(x), 1, '\(mode)')")
            }
        }
        XCTAssertEqual(r(2.5, 0, "HALF_EVEN"), "2.0")
        XCTAssertEqual(r(3.5, 0, "HALF_EVEN"), "4.0")
        XCTAssertEqual(r(-1.5, 0, "HALF_UP"), "-2.0")  // an explicit mode is honoured at precision 0
        XCTAssertEqual(r(1.21, 1, "half_down"), "1.2")  // mode names ignore case
        XCTAssertEqual(r(0.001, 0, "UP"), "1.0")
        XCTAssertEqual(r(-0.001, 0, "UP"), "-1.0")
        XCTAssertEqual(r(-0.001, 0, "CEILING"), "0.0")
    }

    func testExtremePrecisions() {
        XCTAssertEqual(r(1.5, .int(Int64.max)), "1.5")
        XCTAssertEqual(r(1.5, .int(Int64.min)), "0.0")
        XCTAssertEqual(r(1.5, .int(Int64.min), "UP"), "Infinity")
        XCTAssertEqual(r(.float(.leastNonzeroMagnitude), 400, "UP"), "5e-324")
        XCTAssertEqual(r(.float(.leastNonzeroMagnitude), 300), "0.0")
    }

    func testSpecialValuesPassThrough() {
        XCTAssertEqual(r(.float(.nan)), "NaN")
        XCTAssertEqual(r(.float(.infinity), 2), "Infinity")
        XCTAssertEqual(r(.float(-.infinity), 2, "UP"), "-Infinity")
        XCTAssertEqual(r(0.0, 3), "0.0")
    }

    func testNullsAndErrors() {
        XCTAssertEqual(r(nil), "null")
        XCTAssertEqual(r(1.5, nil), "null")
        XCTAssertEqual(r(1.5, 1, nil), "null")
        XCTAssertEqual(r(nil, 1, "UP"), "null")
        XCTAssertEqual(r("1.5"), "!TypeError.InvalidArgumentValue")
        XCTAssertEqual(r(1.5, "1"), "!TypeError.InvalidArgumentValue")
        XCTAssertEqual(r(1.5, .float(.nan)), "!TypeError.InvalidArgumentValue")
        XCTAssertEqual(r(1.5, 1, 3), "!TypeError.InvalidArgumentValue")
        XCTAssertEqual(r(1.5, 1, "SIDEWAYS"), "!ArgumentError.InvalidArgumentValue")
        XCTAssertEqual(r(1.5, 1, "UNNECESSARY"), "!ArgumentError.InvalidArgumentValue")
    }

    func testShortestDecimalDigits() {
        XCTAssertEqual(shortestDecimal(123.45).digits, [1, 2, 3, 4, 5])
        XCTAssertEqual(shortestDecimal(123.45).scale, -2)
        XCTAssertEqual(shortestDecimal(1e-5).digits, [1])
        XCTAssertEqual(shortestDecimal(1e-5).scale, -5)
        XCTAssertEqual(shortestDecimal(1.2345e20).digits, [1, 2, 3, 4, 5])
        XCTAssertEqual(shortestDecimal(1.2345e20).scale, 16)
        XCTAssertEqual(shortestDecimal(0.001).digits, [1])
        XCTAssertEqual(shortestDecimal(0.001).scale, -3)
    }
}
