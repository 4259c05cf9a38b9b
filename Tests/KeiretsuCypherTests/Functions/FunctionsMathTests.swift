// Numeric, logarithmic and trigonometric functions: results, result types, null rules, errors
// and IEEE edge cases (Functions+Math.swift).

import XCTest
@testable import KeiretsuCypher
import KeiretsuGraph

private func r(_ name: String, _ args: Value..., file: StaticString = #filePath, line: UInt = #line) -> String {
    scalarResultList(name, args, file: file, line: line)
}

private func number(_ name: String, _ args: Value..., file: StaticString = #filePath, line: UInt = #line) -> Double {
    guard case .float(let d) = scalarValueList(name, args, file: file, line: line) else {
        XCTFail("\(name) did not return a FLOAT", file: file, line: line)
        return .nan
    }
    return d
}

final class FunctionsMathTests: XCTestCase {
    func testAbsKeepsTheNumericType() {
        XCTAssertEqual(r("abs", -1), "1")  // TCK Mathematical11 [1]
        XCTAssertEqual(r("abs", 7), "7")
        XCTAssertEqual(r("abs", 0), "0")
        XCTAssertEqual(r("abs", -2.5), "2.5")
        XCTAssertEqual(r("abs", -0.0), "0.0")
        XCTAssertEqual(r("abs", .float(-.infinity)), "Infinity")
        XCTAssertEqual(r("abs", .float(.nan)), "NaN")
        XCTAssertEqual(r("abs", .int(Int64.max)), "9223372036854775807")
        XCTAssertEqual(r("abs", .int(Int64.min + 1)), "9223372036854775807")
    }

    func testAbsOfTheSmallestIntegerOverflows() {
        XCTAssertEqual(r("abs", .int(Int64.min)), "!ArgumentError.NumberOutOfRange")
    }

    func testSignIsAlwaysAnInteger() {
        XCTAssertEqual(r("sign", -17), "-1")
        XCTAssertEqual(r("sign", 0.1), "1")
        XCTAssertEqual(r("sign", 0), "0")
        XCTAssertEqual(r("sign", -0.0), "0")
        XCTAssertEqual(r("sign", .int(Int64.min)), "-1")
        XCTAssertEqual(r("sign", .float(-.infinity)), "-1")
        XCTAssertEqual(r("sign", .float(.nan)), "0")
    }

    func testCeilAndFloorReturnFloats() {
        XCTAssertEqual(r("ceil", 0.1), "1.0")
        XCTAssertEqual(r("ceil", -0.1), "-0.0")
        XCTAssertEqual(r("ceil", 3), "3.0")
        XCTAssertEqual(r("floor", 0.9), "0.0")
        XCTAssertEqual(r("floor", -0.1), "-1.0")
        XCTAssertEqual(r("floor", -4), "-4.0")
        XCTAssertEqual(r("floor", .float(.infinity)), "Infinity")
    }

    func testSqrt() {
        XCTAssertEqual(r("sqrt", 12.96), "3.6")  // TCK Mathematical13 [1]
        XCTAssertEqual(r("sqrt", 16), "4.0")
        XCTAssertEqual(r("sqrt", -1), "NaN")
        XCTAssertEqual(r("sqrt", .float(.infinity)), "Infinity")
    }

    func testLogarithmsAndExponential() {
        XCTAssertEqual(r("exp", 0), "1.0")
        XCTAssertEqual(number("exp", 1), M_E, accuracy: 1e-15)
        XCTAssertEqual(r("log", 1), "0.0")
        XCTAssertEqual(number("log", 27), 3.295836866004329, accuracy: 1e-15)
        XCTAssertEqual(r("log", 0), "-Infinity")
        XCTAssertEqual(r("log", -1), "NaN")
        XCTAssertEqual(r("log10", 1000), "3.0")
        XCTAssertEqual(r("log10", 0), "-Infinity")
    }

    func testTrigonometry() {
        XCTAssertEqual(r("sin", 0), "0.0")
        XCTAssertEqual(number("sin", 0.5), 0.479425538604203, accuracy: 1e-15)
        XCTAssertEqual(r("cos", 0), "1.0")
        XCTAssertEqual(number("cos", 0.5), 0.8775825618903728, accuracy: 1e-15)
        XCTAssertEqual(number("tan", 0.5), 0.5463024898437905, accuracy: 1e-15)
        XCTAssertEqual(number("cot", 0.5), 1.830487721712452, accuracy: 1e-15)
        XCTAssertEqual(r("cot", 0), "Infinity")
        XCTAssertEqual(number("asin", 0.5), 0.5235987755982989, accuracy: 1e-15)
        XCTAssertEqual(number("acos", 0.5), 1.0471975511965979, accuracy: 1e-15)
        XCTAssertEqual(number("atan", 0.5), 0.4636476090008061, accuracy: 1e-15)
        XCTAssertEqual(r("asin", 2), "NaN")
        XCTAssertEqual(number("atan2", 0.5, 0.6), 0.6947382761967033, accuracy: 1e-15)
        XCTAssertEqual(number("atan2", 1, 0), Double.pi / 2, accuracy: 1e-15)
        XCTAssertEqual(number("haversin", 0.5), 0.06120871905481362, accuracy: 1e-15)
        XCTAssertEqual(r("haversin", 0), "0.0")
    }

    func testDegreesAndRadians() {
        XCTAssertEqual(number("degrees", .float(Double.pi)), 180, accuracy: 1e-12)
        XCTAssertEqual(number("radians", 180), Double.pi, accuracy: 1e-15)
        XCTAssertEqual(r("radians", 0), "0.0")
        XCTAssertEqual(number("degrees", 1), 57.29577951308232, accuracy: 1e-12)
    }

    func testConstantsAndRandom() {
        XCTAssertEqual(r("e"), formatDouble(M_E))
        XCTAssertEqual(r("pi"), formatDouble(Double.pi))
        var seen = Set<Double>()
        for _ in 0..<200 {
            let x = number("rand")
            XCTAssertTrue(x >= 0 && x < 1, "rand() = \(x) is outside [0, 1)")
            seen.insert(x)
        }
        XCTAssertGreaterThan(seen.count, 150, "rand() should not repeat itself")
    }

    func testRandomUUIDIsVersion4() {
        guard case .string(let a) = scalarValue("randomUUID"),
              case .string(let b) = scalarValue("randomUUID")
        else { return XCTFail("randomUUID() must return strings") }
        XCTAssertNotEqual(a, b)
        let parts = a.split(separator: "-").map(String.init)
        XCTAssertEqual(parts.map(\.count), [8, 4, 4, 4, 12])
        XCTAssertTrue(parts[2].hasPrefix("4"), "version nibble of \(a)")
        XCTAssertTrue("89ab".contains(parts[3].first!), "variant bits of \(a)")
        XCTAssertTrue(a.allSatisfy { "0123456789abcdef-".contains($0) })
    }

    func testIsNaN() {
        XCTAssertEqual(r("isNaN", .float(.nan)), "true")
        XCTAssertEqual(r("isNaN", 1.5), "false")
        XCTAssertEqual(r("isNaN", 3), "false")
        XCTAssertEqual(r("isNaN", .float(.infinity)), "false")
        XCTAssertEqual(r("isNaN", nil), "null")
        XCTAssertEqual(r("isNaN", "NaN"), "!TypeError.InvalidArgumentValue")
    }

    func testNullInNullOut() {
        for name in ["abs", "sign", "ceil", "floor", "sqrt", "exp", "log", "log10", "sin", "cos", "tan",
                     "cot", "asin", "acos", "atan", "degrees", "radians", "haversin", "isNaN"] {
            XCTAssertEqual(r(name, nil), "null", name)
        }
        XCTAssertEqual(r("atan2", nil, 1), "null")
        XCTAssertEqual(r("atan2", 1, nil), "null")
    }

    func testNonNumbersAreTypeErrors() {
        for name in ["abs", "sign", "ceil", "floor", "sqrt", "exp", "log", "log10", "sin", "cos", "tan",
                     "cot", "asin", "acos", "atan", "degrees", "radians", "haversin"] {
            XCTAssertEqual(r(name, "1"), "!TypeError.InvalidArgumentValue", name)
            XCTAssertEqual(r(name, true), "!TypeError.InvalidArgumentValue", name)
            XCTAssertEqual(r(name, [1]), "!TypeError.InvalidArgumentValue", name)
        }
        XCTAssertEqual(r("atan2", 1, "x"), "!TypeError.InvalidArgumentValue")
    }
}
