// The TCK value notation: scalars, strings with their two escapes, lists, maps with back-quoted
// keys, nodes, relationships and paths, and malformed input.

import XCTest
@testable import KeiretsuTCK

final class TCKValueParserTests: XCTestCase {
    func parse(_ s: String, file: StaticString = #filePath, line: UInt = #line) -> TCKValue? {
        do { return try TCKValue.parse(s) } catch {
            XCTFail("\(error)", file: file, line: line)
            return nil
        }
    }

    func testScalars() {
        XCTAssertEqual(parse("null")?.canonical(), "null")
        XCTAssertEqual(parse("true")?.canonical(), "true")
        XCTAssertEqual(parse(" false ")?.canonical(), "false")
        XCTAssertEqual(parse("42")?.canonical(), "42")
        XCTAssertEqual(parse("-9223372036854775808")?.canonical(), "-9223372036854775808")
        XCTAssertEqual(parse("9223372036854775807")?.canonical(), "9223372036854775807")
        if case .int(let i)? = parse("-17") { XCTAssertEqual(i, -17) } else { XCTFail("not an int") }
    }

    func testFloats() {
        func float(_ s: String) -> Double? {
            if case .float(let d)? = parse(s) { return d }
            XCTFail("\(s) is not a float")
            return nil
        }
        XCTAssertEqual(float("1.0"), 1.0)
        XCTAssertEqual(float(".5"), 0.5)
        XCTAssertEqual(float("-.5"), -0.5)
        XCTAssertEqual(float("1e308"), 1e308)
        XCTAssertEqual(float("1.5E-3"), 0.0015)
        XCTAssertEqual(float("Inf"), .infinity)
        XCTAssertEqual(float("-Inf"), -.infinity)
        XCTAssertEqual(float("Infinity"), .infinity)
        XCTAssertTrue(float("NaN")?.isNaN ?? false)
        XCTAssertEqual(parse("1.0")?.canonical(), "1.0")
        XCTAssertEqual(parse("-0.0")?.canonical(), "0.0")
    }

    func testStrings() {
        XCTAssertEqual(parse(#"'it\'s'"#), .string("it's"))
        XCTAssertEqual(parse(#"'a\\b'"#), .string(#"a\b"#))
        // Only \' and \\ are escapes: any other backslash stays.
        XCTAssertEqual(parse(#"'a\tb'"#), .string(#"a\tb"#))
        XCTAssertEqual(parse("''"), .string(""))
        XCTAssertEqual(parse("'🧐🍌❖⋙⚐'"), .string("🧐🍌❖⋙⚐"))
        // The Literals6 [5] cell after Gherkin unescaping.
        XCTAssertEqual(parse(#"'a\\bcn5t\'"\\//\\"\''"#), .string(#"a\bcn5t'"\//\"'"#))
    }

    func testListsAndMaps() {
        XCTAssertEqual(parse("[1, 'a', [], [null]]")?.canonical(), "[1, 'a', [], [null]]")
        XCTAssertEqual(parse("{b: 1, a: [2]}")?.canonical(), "{a: [2], b: 1}")
        XCTAssertEqual(parse("{`a b`: 1, ``: null}")?.canonical(), "{``: null, `a b`: 1}")
        XCTAssertEqual(parse("{}")?.canonical(), "{}")
        XCTAssertEqual(parse("{name: 'x', age: 3}"), parse("{age: 3, name: 'x'}"))
    }

    func testGraphElements() {
        XCTAssertEqual(parse("()")?.canonical(), "()")
        XCTAssertEqual(parse("(:B:A {p: 1})")?.canonical(), "(:A:B {p: 1})")
        XCTAssertEqual(parse("({name: 'a'})")?.canonical(), "({name: 'a'})")
        XCTAssertEqual(parse("[:T]")?.canonical(), "[:T]")
        XCTAssertEqual(parse("[ :T {p: 1.5}]")?.canonical(), "[:T {p: 1.5}]")
        XCTAssertEqual(parse("[:`WEIRD TYPE`]")?.canonical(), "[:`WEIRD TYPE`]")
        let path = parse("<(:A)-[:T]->(:B)<-[:S {w: 2}]-()>")
        guard case .path(let start, let hops)? = path else { return XCTFail("not a path") }
        XCTAssertEqual(start.canonical(), "(:A)")
        XCTAssertEqual(hops.map(\.forward), [true, false])
        XCTAssertEqual(hops[1].relationship.canonical(), "[:S {w: 2}]")
        XCTAssertEqual(path?.canonical(), "<(:A)-[:T]->(:B)<-[:S {w: 2}]-()>")
        XCTAssertEqual(parse("<()>")?.canonical(), "<()>")
        XCTAssertEqual(parse("[<(:A)-[:T]->()>, (:A)]")?.canonical(), "[<(:A)-[:T]->()>, (:A)]")
    }

    func testMalformed() {
        for bad in ["", "nul", "'open", "[1, 2", "{a 1}", "1 2", "(:A", "<(:A)-[:T]-(:B)>", "[:]", "{a: 1, a: 2}",
                    "99999999999999999999", "1e", "--1", "12abc"] {
            XCTAssertThrowsError(try TCKValue.parse(bad), "accepted \(bad.debugDescription)")
        }
    }

    func testDeepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        XCTAssertThrowsError(try TCKValue.parse(deep))
    }
}
