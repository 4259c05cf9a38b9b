// Drawing the editor: terminal widths, layout with prompts and wrapping, highlighting, bracket
// matching, the redraw bytes — and how long a redraw takes on a long buffer.

import Foundation
import XCTest
@testable import KeiretsuCLI

final class REPLViewTests: XCTestCase {
    // MARK: Widths

    func testCharacterWidths() {
        XCTAssertEqual(TerminalWidth.of("a" as Character), 1)
        XCTAssertEqual(TerminalWidth.of("日" as Character), 2)
        XCTAssertEqual(TerminalWidth.of("ｱ" as Character), 1, "half-width katakana")
        XCTAssertEqual(TerminalWidth.of("Ａ" as Character), 2, "full-width Latin")
        XCTAssertEqual(TerminalWidth.of("한" as Character), 2)
        XCTAssertEqual(TerminalWidth.of("e\u{301}" as Character), 1, "combining accent adds nothing")
        XCTAssertEqual(TerminalWidth.of("🚗" as Character), 2)
        XCTAssertEqual(TerminalWidth.of("🇯🇵" as Character), 2)
        XCTAssertEqual(TerminalWidth.of("❤️" as Character), 2, "emoji presentation selector")
        XCTAssertEqual(TerminalWidth.of("Ü" as Character), 1)
        XCTAssertEqual(TerminalWidth.of("Renault–日産"), 12)
        XCTAssertEqual(TerminalWidth.ofStyled("\u{1B}[1;35mMATCH\u{1B}[0m 日"), 8)
    }

    func testTruncateByColumns() {
        XCTAssertEqual(TerminalWidth.truncate("日本自動車", to: 5).text, "日本…")
        XCTAssertEqual(TerminalWidth.truncate("abc", to: 5).cut, false)
    }

    // MARK: Layout

    func frame(_ text: String, cursor: Int? = nil, width: Int = 20) -> EditorFrame {
        var e = LineEditor()
        e.setBuffer(text, cursor: cursor)
        return EditorView().frame(e, width: width)
    }

    func testSingleLineLayout() {
        let f = frame("RETURN 1;")
        XCTAssertEqual(f.rows, ["keiretsu> RETURN 1;"])
        XCTAssertEqual(f.cursorRow, 0)
        XCTAssertEqual(f.cursorColumn, 19)
    }

    func testContinuationPromptAlignsWithPrompt() {
        let f = frame("MATCH (n)\nRETURN n;", cursor: 3)
        XCTAssertEqual(f.rows, ["keiretsu> MATCH (n)", "     ...> RETURN n;"])
        XCTAssertEqual(f.cursorRow, 0)
        XCTAssertEqual(f.cursorColumn, 13)
    }

    func testLongLineWraps() {
        let f = frame("RETURN 1234567890123;")
        XCTAssertEqual(f.rows, ["keiretsu> RETURN 123", "4567890123;"])
        XCTAssertEqual(f.cursorRow, 1)
        XCTAssertEqual(f.cursorColumn, 11)
    }

    func testCursorAtExactRowEndMovesToNextRow() {
        let f = frame("RETURN 123")  // 10 + 10 = 20 columns, the full width
        XCTAssertEqual(f.rows, ["keiretsu> RETURN 123", ""])
        XCTAssertEqual(f.cursorRow, 1)
        XCTAssertEqual(f.cursorColumn, 0)
    }

    func testWideCharacterNeverSplitsAcrossRows() {
        let f = frame("RETURN '日本';", width: 19)  // 日 would start at column 18 and needs 2
        XCTAssertEqual(f.rows, ["keiretsu> RETURN '", "日本';"])
        XCTAssertEqual(f.cursorColumn, 6)
    }

    func testControlCharactersShowAsCaretNotation() {
        let f = frame("a\u{7}b")
        XCTAssertEqual(f.rows, ["keiretsu> a^Gb"])
        XCTAssertEqual(f.cursorColumn, 14)
    }

    func testSearchPrompt() {
        var e = LineEditor(history: EditorHistory(entries: ["RETURN 1;"]))
        _ = e.handle(.control("r"))
        _ = e.handle(.text("RET"))
        let f = EditorView().frame(e, width: 80)
        XCTAssertEqual(f.rows, ["(reverse-i-search)'RET': RETURN 1;"])
        XCTAssertEqual(f.cursorColumn, 25)
    }

    // MARK: Redraw bytes

    func testRedrawGoesUpClearsWritesAndPlacesCursor() {
        let f = EditorFrame(rows: ["keiretsu> MATCH (n)", "     ...> RETURN n;"], cursorRow: 0, cursorColumn: 12)
        let bytes = EditorView.redraw(f, previousCursorRow: 1)
        XCTAssertEqual(bytes, "\u{1B}[?25l\u{1B}[1A\r\u{1B}[J" + "keiretsu> MATCH (n)\r\n     ...> RETURN n;"
                       + "\u{1B}[1A\r\u{1B}[12C\u{1B}[?25h")
        XCTAssertEqual(EditorView.leave(f), "\u{1B}[1B\r\n")
    }

    // MARK: Highlighting

    func styles(_ text: String, cursor: Int? = nil) -> String {
        // One letter per character: k keyword, s string, n number, c comment, p parameter,
        // l label, f function, m matched bracket, u unmatched, . plain.
        let letters: [HighlightStyle: Character] = [.keyword: "k", .string: "s", .number: "n", .comment: "c",
                                                    .parameter: "p", .label: "l", .function: "f",
                                                    .bracketMatch: "m", .bracketUnmatched: "u", .plain: "."]
        return String(SyntaxHighlighter.styles(Array(text), cursor: cursor).map { letters[$0] ?? "?" })
    }

    func testHighlightsKeywordsStringsNumbersComments() {
        XCTAssertEqual(styles("MATCH (n:Company) RETURN 'x', 4.5e3 // note"),
                       "kkkkk....lllllll..kkkkkk.sss..nnnnn.ccccccc")
        XCTAssertEqual(styles("return $p, toUpper(n.name) /* c */"),
                       "kkkkkk.pp..fffffff.........ccccccc")
    }

    func testKeywordsAsPropertyNamesAreNotKeywords() {
        XCTAssertEqual(styles("n.limit"), ".......")
        XCTAssertEqual(styles("(:Match)"), "..lllll.")
    }

    func testUnterminatedStringRunsToEnd() {
        XCTAssertEqual(styles("RETURN 'ab;"), "kkkkkk.ssss")
    }

    func testMatchingBracketAtCursor() {
        XCTAssertEqual(styles("f((a), [b])", cursor: 2), "f.m.m......")
        XCTAssertEqual(styles("RETURN [1, (2)]", cursor: 15), "kkkkkk.mn...n.m")
        XCTAssertEqual(styles("RETURN (1", cursor: 7), "kkkkkk.un")
    }

    func testColouredFrameResetsStyles() {
        var e = LineEditor()
        e.setBuffer("MATCH 'x'")
        let f = EditorView(palette: Palette(enabled: true)).frame(e, width: 80)
        XCTAssertEqual(f.rows.count, 1)
        XCTAssertTrue(f.rows[0].contains("\u{1B}[1;35mMATCH"), f.rows[0])
        XCTAssertTrue(f.rows[0].contains("\u{1B}[32m'x'"), f.rows[0])
        XCTAssertTrue(f.rows[0].hasSuffix("\u{1B}[0m"))
        XCTAssertEqual(TerminalWidth.ofStyled(f.rows[0]), 19)
    }

    // MARK: Speed

    /// A keystroke's work — handling the key, laying out the frame with highlighting and
    /// bracket matching, and producing the redraw bytes — on a long multi-line buffer.
    func testRedrawOfLongBufferIsFast() {
        var text = ""
        for i in 0..<60 {
            text += "MATCH (c\(i):Company {name: 'Company \(i) 日本'})-[:HOLDS_STAKE {percent: \(i).5}]->(d\(i)) // row \(i)\n"
        }
        text += "RETURN count(*);"
        var e = LineEditor()
        e.setBuffer(text, cursor: text.count / 2)
        let view = EditorView(palette: Palette(enabled: true))
        let clock = ContinuousClock()
        var previous = 0
        let rounds = 50
        let start = clock.now
        for _ in 0..<rounds {
            _ = e.handle(.text("x"))
            let f = view.frame(e, width: 100)
            let bytes = EditorView.redraw(f, previousCursorRow: previous)
            previous = f.cursorRow
            XCTAssertFalse(bytes.isEmpty)
        }
        let perKey = start.duration(to: clock.now) / rounds
        let ms = Double(perKey.components.attoseconds) / 1e15 + Double(perKey.components.seconds) * 1000
        print("REPL redraw: \(text.count) characters, \(String(format: "%.3f", ms)) ms per keystroke")
        // The issue asks for 5 ms in a release build; a debug build is several times slower.
        XCTAssertLessThan(ms, 50)
    }
}
