// The key decoder: terminal bytes → key events, including sequences split across reads,
// bracketed paste, UTF-8 and invalid bytes.

import XCTest
@testable import KeiretsuCLI

final class REPLKeyDecoderTests: XCTestCase {
    func decode(_ bytes: [UInt8]) -> [KeyEvent] {
        var d = KeyDecoder()
        return d.feed(bytes) + d.flushPendingEscape()
    }

    func decode(_ text: String) -> [KeyEvent] { decode(Array(text.utf8)) }

    func testPrintableTextIsCollected() {
        XCTAssertEqual(decode("MATCH"), [.text("MATCH")])
    }

    func testControlKeys() {
        XCTAssertEqual(decode([0x01, 0x05, 0x0B, 0x15, 0x17, 0x12, 0x03, 0x04]),
                       [.control("a"), .control("e"), .control("k"), .control("u"), .control("w"),
                        .control("r"), .control("c"), .control("d")])
        XCTAssertEqual(decode([0x0D]), [.enter])
        XCTAssertEqual(decode([0x09]), [.tab])
        XCTAssertEqual(decode([0x7F]), [.backspace])
        XCTAssertEqual(decode([0x08]), [.backspace])
    }

    func testTextBetweenControlsKeepsOrder() {
        XCTAssertEqual(decode("ab\u{01}cd\r"), [.text("ab"), .control("a"), .text("cd"), .enter])
    }

    func testArrowsHomeEndDelete() {
        XCTAssertEqual(decode("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D"), [.up, .down, .right, .left])
        XCTAssertEqual(decode("\u{1B}OA\u{1B}OH\u{1B}OF"), [.up, .home, .end])
        XCTAssertEqual(decode("\u{1B}[H\u{1B}[F\u{1B}[1~\u{1B}[4~\u{1B}[7~\u{1B}[8~"), [.home, .end, .home, .end, .home, .end])
        XCTAssertEqual(decode("\u{1B}[3~"), [.delete])
        XCTAssertEqual(decode("\u{1B}[5~\u{1B}[6~"), [.pageUp, .pageDown])
    }

    func testModifiedArrowsMoveByWord() {
        XCTAssertEqual(decode("\u{1B}[1;5C\u{1B}[1;5D\u{1B}[1;3D"), [.wordRight, .wordLeft, .wordLeft])
        // Shift alone is not a word motion.
        XCTAssertEqual(decode("\u{1B}[1;2C"), [.right])
    }

    func testAltKeys() {
        XCTAssertEqual(decode("\u{1B}b\u{1B}f\u{1B}d"), [.alt("b"), .alt("f"), .alt("d")])
        XCTAssertEqual(decode([0x1B, 0x7F]), [.altBackspace])
        XCTAssertEqual(decode([0x1B, 0x0D]), [.newline])
    }

    func testLoneEscapeNeedsFlush() {
        var d = KeyDecoder()
        XCTAssertEqual(d.feed([0x1B]), [])
        XCTAssertTrue(d.hasPendingEscape)
        XCTAssertEqual(d.flushPendingEscape(), [.escape])
        XCTAssertFalse(d.hasPendingEscape)
        XCTAssertEqual(d.flushPendingEscape(), [])
    }

    func testSequenceSplitAcrossReads() {
        var d = KeyDecoder()
        XCTAssertEqual(d.feed([0x1B]), [])
        XCTAssertEqual(d.feed(Array("[".utf8)), [])
        XCTAssertEqual(d.feed(Array("1;5".utf8)), [])
        XCTAssertEqual(d.feed(Array("C".utf8)), [.wordRight])
    }

    func testUTF8SplitAcrossReads() {
        var d = KeyDecoder()
        let bytes = Array("日本".utf8)
        XCTAssertEqual(d.feed(bytes[0..<2]), [])
        XCTAssertEqual(d.feed(bytes[2..<4]), [.text("日")])
        XCTAssertEqual(d.feed(bytes[4...]), [.text("本")])
        XCTAssertEqual(decode("é🚗"), [.text("é🚗")])
    }

    func testInvalidUTF8BecomesReplacementCharacter() {
        XCTAssertEqual(decode([0x61, 0xFF, 0x62]), [.text("a\u{FFFD}b")])
        // A lead byte followed by ASCII: the cut sequence is replaced, the ASCII kept.
        XCTAssertEqual(decode([0xE6, 0x41]), [.text("\u{FFFD}A")])
    }

    func testBracketedPasteKeepsEverythingLiteral() {
        let pasted = "MATCH (n)\r\nRETURN n;\t\u{1B}[A"
        XCTAssertEqual(decode("\u{1B}[200~" + pasted + "\u{1B}[201~x"), [.paste(pasted), .text("x")])
    }

    func testBracketedPasteSplitAcrossReads() {
        var d = KeyDecoder()
        XCTAssertEqual(d.feed(Array("\u{1B}[200~ab".utf8)), [])
        XCTAssertEqual(d.feed(Array("c\u{1B}[20".utf8)), [])
        XCTAssertEqual(d.feed(Array("1~".utf8)), [.paste("abc")])
    }

    func testUnknownSequencesAreIgnoredNotTyped() {
        XCTAssertEqual(decode("\u{1B}[15~\u{1B}[2~a"), [.ignored, .ignored, .text("a")])
        XCTAssertEqual(decode("\u{1B}[Z"), [.backTab])
    }
}
