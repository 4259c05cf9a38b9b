// String functions: the TCK's scenarios (String1, String3, String4), the placeholders the TCK
// leaves empty (String2 trimming, String5 casing, String12 replacement), and Unicode edge cases
// (Functions+String.swift).

import XCTest
@testable import KeiretsuCypher
import KeiretsuGraph

private func r(_ name: String, _ args: Value..., file: StaticString = #filePath, line: UInt = #line) -> String {
    scalarResultList(name, args, file: file, line: line)
}

final class FunctionsStringTests: XCTestCase {
    func testCaseMapping() {
        XCTAssertEqual(r("toUpper", "hello World"), "'HELLO WORLD'")
        XCTAssertEqual(r("upper", "abc"), "'ABC'")
        XCTAssertEqual(r("toLower", "HELLO"), "'hello'")
        XCTAssertEqual(r("lower", "ÀÉÎ"), "'àéî'")
        XCTAssertEqual(r("toUpper", "straße"), "'STRASSE'")  // full mapping: ß has no single capital
        XCTAssertEqual(r("toLower", "ΣΑΣ"), "'σας'")  // final sigma
        XCTAssertEqual(r("lower", "ΟΔΥΣΣΕΥΣ ΚΑΙ Σ"), "'οδυσσευς και σ'")  // a lone Σ is not final
        XCTAssertEqual(r("toLower", "ΑΣ, Β"), "'ας, β'")
        XCTAssertEqual(r("toLower", "ΑΣ.Β"), "'ασ.β'")  // '.' is case-ignorable: Σ is mid-word
        XCTAssertEqual(r("toLower", "İ"), "'i\u{307}'")  // full mapping, no locale
        XCTAssertEqual(r("toUpper", ""), "''")
        XCTAssertEqual(r("toUpper", "日本"), "'日本'")
    }

    func testTrimFamily() {
        XCTAssertEqual(r("trim", "   hello  "), "'hello'")
        XCTAssertEqual(r("trim", "\t\n hello \r\n"), "'hello'")
        XCTAssertEqual(r("trim", "\u{00A0}\u{2003}x\u{3000}"), "'x'")  // Unicode White_Space
        XCTAssertEqual(r("trim", "   "), "''")
        XCTAssertEqual(r("trim", "a b"), "'a b'")
        XCTAssertEqual(r("ltrim", "   hello  "), "'hello  '")
        XCTAssertEqual(r("rtrim", "   hello  "), "'   hello'")
        XCTAssertEqual(r("btrim", "  hello  "), "'hello'")
        XCTAssertEqual(r("ltrim", "xxhixx", "x"), "'hixx'")
        XCTAssertEqual(r("rtrim", "xxhixx", "x"), "'xxhi'")
        XCTAssertEqual(r("btrim", "xyhiyx", "xy"), "'hi'")
        XCTAssertEqual(r("btrim", "éhié", "é"), "'hi'")
    }

    func testSizeCountsCodePoints() {
        XCTAssertEqual(r("size", "hello"), "5")
        XCTAssertEqual(r("size", ""), "0")
        XCTAssertEqual(r("size", "日本語"), "3")
        XCTAssertEqual(r("size", "😀"), "1")  // one code point outside the BMP
        XCTAssertEqual(r("size", "e\u{301}"), "2")  // e + combining acute: two code points
        XCTAssertEqual(r("char_length", "Alice"), "5")
        XCTAssertEqual(r("character_length", "👍🏽"), "2")
        XCTAssertEqual(r("char_length", nil), "null")
        XCTAssertEqual(r("character_length", 3), "!TypeError.InvalidArgumentValue")
    }

    func testSubstring() {
        XCTAssertEqual(r("substring", "0123456789", 1), "'123456789'")  // TCK String1 [1]
        XCTAssertEqual(r("substring", "hello", 1, 3), "'ell'")
        XCTAssertEqual(r("substring", "hello", 2), "'llo'")
        XCTAssertEqual(r("substring", "hello", 0, 0), "''")
        XCTAssertEqual(r("substring", "hello", 3, 100), "'lo'")
        XCTAssertEqual(r("substring", "hello", 5), "''")
        XCTAssertEqual(r("substring", "hello", 99, 2), "''")
        XCTAssertEqual(r("substring", "hello", .int(Int64.max), .int(Int64.max)), "''")
        XCTAssertEqual(r("substring", "日本語です", 1, 2), "'本語'")
        XCTAssertEqual(r("substring", "a😀b", 1, 1), "'😀'")
    }

    func testSubstringNullsAndErrors() {
        XCTAssertEqual(r("substring", nil, 1), "null")
        XCTAssertEqual(r("substring", nil, nil), "null")
        XCTAssertEqual(r("substring", "hello", nil), "!TypeError.InvalidArgumentValue")
        XCTAssertEqual(r("substring", "hello", 1, nil), "!TypeError.InvalidArgumentValue")
        XCTAssertEqual(r("substring", "hello", -1), "!ArgumentError.NumberOutOfRange")
        XCTAssertEqual(r("substring", "hello", 1, -1), "!ArgumentError.NumberOutOfRange")
        XCTAssertEqual(r("substring", "hello", 1.0), "!TypeError.InvalidArgumentValue")
        XCTAssertEqual(r("substring", 12345, 1), "!TypeError.InvalidArgumentValue")
    }

    func testLeftAndRight() {
        XCTAssertEqual(r("left", "hello", 3), "'hel'")
        XCTAssertEqual(r("right", "hello", 3), "'llo'")
        XCTAssertEqual(r("left", "hello", 0), "''")
        XCTAssertEqual(r("right", "hello", 0), "''")
        XCTAssertEqual(r("left", "hello", 10), "'hello'")
        XCTAssertEqual(r("right", "hello", 10), "'hello'")
        XCTAssertEqual(r("right", "hello", .int(Int64.max)), "'hello'")
        XCTAssertEqual(r("right", "ab😀", 1), "'😀'")
        XCTAssertEqual(r("left", nil, 3), "null")
        XCTAssertEqual(r("left", nil, nil), "null")
        XCTAssertEqual(r("right", nil, nil), "null")
        XCTAssertEqual(r("left", "hello", nil), "!TypeError.InvalidArgumentValue")
        XCTAssertEqual(r("right", "hello", nil), "!TypeError.InvalidArgumentValue")
        XCTAssertEqual(r("left", "hello", -1), "!ArgumentError.NumberOutOfRange")
        XCTAssertEqual(r("right", "hello", -2), "!ArgumentError.NumberOutOfRange")
    }

    func testReplace() {
        XCTAssertEqual(r("replace", "hello", "l", "w"), "'hewwo'")
        XCTAssertEqual(r("replace", "hello", "x", "w"), "'hello'")
        XCTAssertEqual(r("replace", "aaaa", "aa", "b"), "'bb'")  // non-overlapping, left to right
        XCTAssertEqual(r("replace", "aaa", "aa", "b"), "'ba'")
        XCTAssertEqual(r("replace", "abc", "b", ""), "'ac'")
        XCTAssertEqual(r("replace", "ab", "", "-"), "'-a-b-'")  // Java's empty-pattern rule
        XCTAssertEqual(r("replace", "", "", "x"), "'x'")
        XCTAssertEqual(r("replace", "café", "é", "e"), "'cafe'")
        // Code points, not canonical equivalence: a decomposed é is not the precomposed one.
        XCTAssertEqual(r("replace", "cafe\u{301}", "é", "E"), "'cafe\u{301}'")
        XCTAssertEqual(r("replace", "cafe\u{301}", "e", "E"), "'cafE\u{301}'")
        XCTAssertEqual(r("replace", nil, "a", "b"), "null")
        XCTAssertEqual(r("replace", "a", nil, "b"), "null")
        XCTAssertEqual(r("replace", "a", "a", nil), "null")
        XCTAssertEqual(r("replace", "a", 1, "b"), "!TypeError.InvalidArgumentValue")
    }

    func testSplit() {
        XCTAssertEqual(r("split", "one1two", "1"), "['one', 'two']")  // TCK String4 [1]
        XCTAssertEqual(r("split", "one,two", ","), "['one', 'two']")
        XCTAssertEqual(r("split", "a,,b,", ","), "['a', '', 'b', '']")
        XCTAssertEqual(r("split", ",a", ","), "['', 'a']")
        XCTAssertEqual(r("split", "abc", "x"), "['abc']")
        XCTAssertEqual(r("split", "", ","), "['']")
        XCTAssertEqual(r("split", "a::b::c", "::"), "['a', 'b', 'c']")
        XCTAssertEqual(r("split", "abc", ""), "['a', 'b', 'c']")
        XCTAssertEqual(r("split", "", ""), "[]")
        XCTAssertEqual(r("split", "a😀b", ""), "['a', '😀', 'b']")
        XCTAssertEqual(r("split", "a-b_c", ["-", "_"]), "['a', 'b', 'c']")
        XCTAssertEqual(r("split", "a--b-c", ["-", "--"]), "['a', 'b', 'c']")  // longest match wins
        XCTAssertEqual(r("split", "a-b", []), "['a', '-', 'b']")
        XCTAssertEqual(r("split", nil, ","), "null")
        XCTAssertEqual(r("split", "a,b", nil), "null")
        XCTAssertEqual(r("split", "a,b", [",", nil]), "null")
        XCTAssertEqual(r("split", "a,b", 1), "!TypeError.InvalidArgumentValue")
        XCTAssertEqual(r("split", "a,b", [",", 1]), "!TypeError.InvalidArgumentValue")
        XCTAssertEqual(r("split", 12, "1"), "!TypeError.InvalidArgumentValue")
    }

    func testReverseKeepsGraphemeClustersWhole() {
        XCTAssertEqual(r("reverse", "raksO"), "'Oskar'")  // TCK String3 [1]
        XCTAssertEqual(r("reverse", "anagram"), "'margana'")
        XCTAssertEqual(r("reverse", ""), "''")
        XCTAssertEqual(r("reverse", "ae\u{301}"), "'e\u{301}a'")  // the accent stays on its e
        XCTAssertEqual(r("reverse", "a👨‍👩‍👧b"), "'b👨‍👩‍👧a'")  // a ZWJ family is one cluster
        XCTAssertEqual(r("reverse", "🇯🇵🇫🇷"), "'🇫🇷🇯🇵'")  // flags are not split into other flags
        XCTAssertEqual(r("reverse", "\r\n"), "'\\r\\n'")  // CRLF is one cluster
        XCTAssertEqual(r("size", scalarValue("reverse", "ae\u{301}👍🏽")), "5")  // code points kept
    }

    func testNullInNullOutAndTypeErrors() {
        for name in ["toUpper", "upper", "toLower", "lower", "trim", "ltrim", "rtrim", "btrim", "reverse"] {
            XCTAssertEqual(r(name, nil), "null", name)
        }
        for name in ["toUpper", "upper", "toLower", "lower", "trim", "ltrim", "rtrim", "btrim"] {
            XCTAssertEqual(r(name, 1), "!TypeError.InvalidArgumentValue", name)
            XCTAssertEqual(r(name, ["a"]), "!TypeError.InvalidArgumentValue", name)
        }
        XCTAssertEqual(r("ltrim", "x", nil), "null")
        XCTAssertEqual(r("btrim", nil, "x"), "null")
        XCTAssertEqual(r("rtrim", "x", 1), "!TypeError.InvalidArgumentValue")
        XCTAssertEqual(r("reverse", 12), "!TypeError.InvalidArgumentValue")
    }
}
