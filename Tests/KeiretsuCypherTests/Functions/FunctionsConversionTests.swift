// Type conversion: the TCK's TypeConversion1–4 scenarios, the …OrNull variants, and the edges
// of number parsing and float truncation (Functions+Conversion.swift).

import XCTest
@testable import KeiretsuCypher
import KeiretsuGraph

private func r(_ name: String, _ args: Value..., file: StaticString = #filePath, line: UInt = #line) -> String {
    scalarResultList(name, args, file: file, line: line)
}

/// One of each value the TCK's "invalid types" outlines use: list, map, node, relationship, path.
private let graphValues: [Value] = {
    let n = Node(id: 0, labels: [], properties: [:]), m = Node(id: 1, labels: [], properties: [:])
    let rel = Relationship(id: 0, type: "T", start: 0, end: 1, properties: [:])
    return [[], .map([:]), .node(n), .relationship(rel), .path(Path(nodes: [n, m], relationships: [rel]))]
}()

final class FunctionsConversionTests: XCTestCase {
    func testToBoolean() {
        XCTAssertEqual(r("toBoolean", true), "true")  // TCK TypeConversion1 [1]–[3]
        XCTAssertEqual(r("toBoolean", false), "false")
        XCTAssertEqual(r("toBoolean", "true"), "true")
        XCTAssertEqual(r("toBoolean", "false"), "false")
        XCTAssertEqual(r("toBoolean", "TRUE"), "true")
        XCTAssertEqual(r("toBoolean", " False\n"), "false")
        for s in ["", " tru ", "f alse", "yes", "1", "truee"] {  // TCK TypeConversion1 [4]
            XCTAssertEqual(r("toBoolean", .string(s)), "null", s)
        }
        XCTAssertEqual(r("toBoolean", nil), "null")
        XCTAssertEqual(r("toBoolean", 0), "false")
        XCTAssertEqual(r("toBoolean", 1), "true")
        XCTAssertEqual(r("toBoolean", -7), "true")
    }

    func testToBooleanRejectsOtherTypes() {
        for v in graphValues + [1.0] {  // TCK TypeConversion1 [5]
            XCTAssertEqual(r("toBoolean", v), "!TypeError.InvalidArgumentValue", v.literal())
            XCTAssertEqual(r("toBooleanOrNull", v), "null", v.literal())
        }
    }

    func testToInteger() {
        XCTAssertEqual(r("toInteger", 82.9), "82")  // TCK TypeConversion2 [1]
        XCTAssertEqual(r("toInteger", "foo"), "null")  // [2]
        XCTAssertEqual(r("toInteger", ""), "null")
        XCTAssertEqual(r("toInteger", 2), "2")  // [3], [4]
        XCTAssertEqual(r("toInteger", 2.9), "2")
        XCTAssertEqual(r("toInteger", "1.7"), "1")
        XCTAssertEqual(r("toInteger", "2"), "2")  // [5]
        XCTAssertEqual(r("toInteger", "2.9"), "2")
        XCTAssertEqual(r("toInteger", "42"), "42")  // [7]
        XCTAssertEqual(r("toInteger", -2.9), "-2")  // truncation toward zero
        XCTAssertEqual(r("toInteger", true), "1")
        XCTAssertEqual(r("toInteger", false), "0")
        XCTAssertEqual(r("toInteger", nil), "null")
        XCTAssertEqual(r("toInteger", " 42 "), "42")
        XCTAssertEqual(r("toInteger", "+7"), "7")
        XCTAssertEqual(r("toInteger", "-0"), "0")
        XCTAssertEqual(r("toInteger", "1e3"), "1000")
        XCTAssertEqual(r("toInteger", "9223372036854775807"), "9223372036854775807")
        XCTAssertEqual(r("toInteger", "-9223372036854775808"), "-9223372036854775808")
        XCTAssertEqual(r("toInteger", "9223372036854775808"), "null")  // does not fit
        XCTAssertEqual(r("toInteger", "1e19"), "null")
        XCTAssertEqual(r("toInteger", "NaN"), "null")
        XCTAssertEqual(r("toInteger", "0x1A"), "null")
        XCTAssertEqual(r("toInteger", "4 2"), "null")
    }

    func testToIntegerOfUnrepresentableFloats() {
        XCTAssertEqual(r("toInteger", -9.223372036854775808e18), "-9223372036854775808")
        XCTAssertEqual(r("toInteger", 9.223372036854775e18), "9223372036854774784")
        for d in [9.223372036854775808e18, -9.3e18, Double.nan, Double.infinity, -Double.infinity] {
            XCTAssertEqual(r("toInteger", .float(d)), "!ArgumentError.NumberOutOfRange", "\(d)")
            XCTAssertEqual(r("toIntegerOrNull", .float(d)), "null", "\(d)")
        }
    }

    func testToIntegerRejectsOtherTypes() {
        for v in graphValues {  // TCK TypeConversion2 [8]
            XCTAssertEqual(r("toInteger", v), "!TypeError.InvalidArgumentValue", v.literal())
            XCTAssertEqual(r("toIntegerOrNull", v), "null", v.literal())
        }
    }

    func testToFloat() {
        XCTAssertEqual(r("toFloat", 3.4), "3.4")  // TCK TypeConversion3 [1]
        XCTAssertEqual(r("toFloat", 3), "3.0")
        XCTAssertEqual(r("toFloat", "foo"), "null")  // [2]
        XCTAssertEqual(r("toFloat", ""), "null")
        XCTAssertEqual(r("toFloat", "5"), "5.0")  // [3]
        XCTAssertEqual(r("toFloat", "1"), "1.0")  // [4]
        XCTAssertEqual(r("toFloat", 4), "4.0")  // [5]
        XCTAssertEqual(r("toFloat", nil), "null")
        XCTAssertEqual(r("toFloat", "11.5"), "11.5")
        XCTAssertEqual(r("toFloat", " -2.5e3 "), "-2500.0")
        XCTAssertEqual(r("toFloat", ".5"), "0.5")
        XCTAssertEqual(r("toFloat", "5."), "5.0")
        XCTAssertEqual(r("toFloat", "1E-2"), "0.01")
        XCTAssertEqual(r("toFloat", "1e999"), "Infinity")
        XCTAssertEqual(r("toFloat", "NaN"), "NaN")
        XCTAssertEqual(r("toFloat", "-Infinity"), "-Infinity")
        for s in ["inf", "nan", "0x1p3", "1e", "e5", ".", "-", "1.2.3", "1_000", "١٢"] {
            XCTAssertEqual(r("toFloat", .string(s)), "null", s)
        }
        XCTAssertEqual(r("toFloat", .int(Int64.max)), "9.223372036854776e+18")
    }

    func testToFloatRejectsOtherTypes() {
        for v in graphValues + [true] {  // TCK TypeConversion3 [6]
            XCTAssertEqual(r("toFloat", v), "!TypeError.InvalidArgumentValue", v.literal())
            XCTAssertEqual(r("toFloatOrNull", v), "null", v.literal())
        }
    }

    func testToString() {
        XCTAssertEqual(r("toString", 42), "'42'")  // TCK TypeConversion4 [1]
        XCTAssertEqual(r("toString", true), "'true'")  // [2]
        XCTAssertEqual(r("toString", false), "'false'")  // [3]
        XCTAssertEqual(r("toString", 2.3), "'2.3'")  // [5]
        XCTAssertEqual(r("toString", "apa"), "'apa'")
        XCTAssertEqual(r("toString", 4), "'4'")  // [7]
        XCTAssertEqual(r("toString", nil), "null")  // [8]
        XCTAssertEqual(r("toString", 11.5), "'11.5'")
        XCTAssertEqual(r("toString", 1.0), "'1.0'")
        XCTAssertEqual(r("toString", -0.0), "'-0.0'")
        XCTAssertEqual(r("toString", .float(.nan)), "'NaN'")
        XCTAssertEqual(r("toString", .int(Int64.min)), "'-9223372036854775808'")
    }

    /// TCK Temporal6: toString of a temporal value is its ISO 8601 text.
    func testToStringOfTemporals() {
        let date = LocalDate(year: 1984, month: 10, day: 11)!
        XCTAssertEqual(r("toString", .temporal(.date(date))), "'1984-10-11'")
        let time = LocalTime(nanosOfDay: ((12 * 60 + 31) * 60 + 14) * 1_000_000_000 + 645_876_123)
        XCTAssertEqual(r("toString", .temporal(.localTime(time))), "'12:31:14.645876123'")
        XCTAssertEqual(r("toString", .temporal(.time(time, offset: 3600))), "'12:31:14.645876123+01:00'")
        XCTAssertEqual(r("toString", .temporal(.localDateTime(date, time))), "'1984-10-11T12:31:14.645876123'")
        XCTAssertEqual(r("toString", .temporal(.dateTime(date, time, offset: 3600, zone: nil))),
                       "'1984-10-11T12:31:14.645876123+01:00'")
        let d = Duration(months: 0, days: 0, seconds: 11 * 60, nanoseconds: 0)
        XCTAssertEqual(r("toString", .temporal(.duration(d))), "'PT11M'")
        XCTAssertEqual(r("toStringOrNull", .temporal(.duration(d))), "'PT11M'")
    }

    func testToStringRejectsOtherTypes() {
        for v in graphValues {  // TCK TypeConversion4 [10]
            XCTAssertEqual(r("toString", v), "!TypeError.InvalidArgumentValue", v.literal())
            XCTAssertEqual(r("toStringOrNull", v), "null", v.literal())
        }
    }

    func testOrNullVariantsAgreeWhereThePlainFunctionSucceeds() {
        let inputs: [Value] = [nil, true, false, 0, 1, -3, 2.5, "true", "42", "4.5", "x", ""]
        for (plain, orNull) in [("toBoolean", "toBooleanOrNull"), ("toInteger", "toIntegerOrNull"),
                                ("toFloat", "toFloatOrNull"), ("toString", "toStringOrNull")] {
            for v in inputs {
                let a = r(plain, v), b = r(orNull, v)
                XCTAssertEqual(a.hasPrefix("!") ? "null" : a, b, "\(plain)(\(v.literal()))")
            }
        }
    }
}
