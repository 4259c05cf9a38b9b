// The line editor as a state machine: keys in, buffer, cursor and action out — no terminal.

import XCTest
@testable import KeiretsuCLI

final class REPLLineEditorTests: XCTestCase {
    /// Feeds `keys` and returns the last action.
    @discardableResult
    func press(_ editor: inout LineEditor, _ keys: KeyEvent...) -> EditorAction {
        var last = EditorAction.redraw
        for k in keys { last = editor.handle(k) }
        return last
    }

    func editor(_ text: String, cursor: Int? = nil, history: [String] = []) -> LineEditor {
        var e = LineEditor(history: EditorHistory(entries: history))
        e.setBuffer(text, cursor: cursor)
        return e
    }

    // MARK: Typing and Enter

    func testTypingInsertsAtCursor() {
        var e = LineEditor()
        press(&e, .text("RETURN 1"), .home, .text("x"))
        XCTAssertEqual(e.text, "xRETURN 1")
        XCTAssertEqual(e.cursor, 1)
    }

    func testEnterSubmitsOnlyCompleteStatements() {
        var e = editor("MATCH (n) RETURN n")
        XCTAssertEqual(press(&e, .enter), .redraw)
        XCTAssertEqual(e.text, "MATCH (n) RETURN n\n")
        press(&e, .text("LIMIT 1;"))
        XCTAssertEqual(press(&e, .enter), .submit("MATCH (n) RETURN n\nLIMIT 1;"))
    }

    func testSemicolonInsideStringOrCommentDoesNotSubmit() {
        var e = editor("RETURN 'a;")
        XCTAssertEqual(press(&e, .enter), .redraw)
        var c = editor("RETURN 1 // done;")
        XCTAssertEqual(press(&c, .enter), .redraw)
        var b = editor("RETURN 1; /* open")
        XCTAssertEqual(press(&b, .enter), .redraw)
    }

    func testMetaCommandsAndBlankLinesSubmitAtOnce() {
        var e = editor("  :help format")
        XCTAssertEqual(press(&e, .enter), .submit("  :help format"))
        var blank = editor("   ")
        XCTAssertEqual(press(&blank, .enter), .submit("   "))
    }

    func testEnterInMiddleOfCompleteBufferSubmitsWholeBuffer() {
        var e = editor("RETURN 1;", cursor: 3)
        XCTAssertEqual(press(&e, .enter), .submit("RETURN 1;"))
    }

    func testAltEnterAlwaysInsertsLineBreak() {
        var e = editor("RETURN 1;")
        press(&e, .newline)
        XCTAssertEqual(e.text, "RETURN 1;\n")
    }

    // MARK: Motion

    func testCharacterAndLineMotion() {
        var e = editor("abc def")
        press(&e, .control("a"))
        XCTAssertEqual(e.cursor, 0)
        press(&e, .control("f"), .right)
        XCTAssertEqual(e.cursor, 2)
        press(&e, .control("b"), .left, .left)
        XCTAssertEqual(e.cursor, 0)
        press(&e, .control("e"))
        XCTAssertEqual(e.cursor, 7)
        press(&e, .right)
        XCTAssertEqual(e.cursor, 7)
    }

    func testHomeAndEndOnMultiLineBuffer() {
        var e = editor("MATCH (n)\nRETURN n", cursor: 14)
        press(&e, .home)
        XCTAssertEqual(e.cursor, 10, "start of the second line")
        press(&e, .home)
        XCTAssertEqual(e.cursor, 0, "pressed again: start of the buffer")
        press(&e, .end)
        XCTAssertEqual(e.cursor, 9, "end of the first line")
        press(&e, .end)
        XCTAssertEqual(e.cursor, 18, "pressed again: end of the buffer")
    }

    func testWordMotion() {
        var e = editor("MATCH (n:Company) RETURN n.name")
        press(&e, .alt("b"))
        XCTAssertEqual(e.cursor, 27)
        press(&e, .alt("b"), .alt("b"))
        XCTAssertEqual(e.cursor, 18)
        press(&e, .wordLeft)
        XCTAssertEqual(e.cursor, 9)
        press(&e, .alt("f"))
        XCTAssertEqual(e.cursor, 16)
        press(&e, .wordRight)
        XCTAssertEqual(e.cursor, 24)
    }

    func testUpAndDownMoveBetweenLinesKeepingColumn() {
        var e = editor("MATCH (n)\nWHERE n.x > 1\nRETURN n", cursor: 16)  // after "WHERE "
        press(&e, .up)
        XCTAssertEqual(e.cursor, 6)
        press(&e, .down, .down)
        XCTAssertEqual(e.cursor, 30, "column 6 of 'RETURN n'")
    }

    func testUpDownByDisplayColumnWithWideCharacters() {
        // 日本 takes four columns, so column 4 of the second line is after "日本".
        var e = editor("abcdef\n日本語", cursor: 4)
        press(&e, .down)
        XCTAssertEqual(e.cursor, 9)
        press(&e, .up)
        XCTAssertEqual(e.cursor, 4)
    }

    // MARK: Deleting and killing

    func testBackspaceAndDelete() {
        var e = editor("abcd", cursor: 2)
        press(&e, .backspace)
        XCTAssertEqual(e.text, "acd")
        press(&e, .delete)
        XCTAssertEqual(e.text, "ad")
        press(&e, .control("d"))
        XCTAssertEqual(e.text, "a")
        XCTAssertEqual(e.cursor, 1)
        press(&e, .delete, .control("h"), .backspace)
        XCTAssertEqual(e.text, "")
    }

    func testKillAndYank() {
        var e = editor("MATCH (n) RETURN n", cursor: 10)
        press(&e, .control("k"))
        XCTAssertEqual(e.text, "MATCH (n) ")
        press(&e, .control("a"), .control("y"))
        XCTAssertEqual(e.text, "RETURN nMATCH (n) ")
        var u = editor("MATCH (n) RETURN n", cursor: 10)
        press(&u, .control("u"))
        XCTAssertEqual(u.text, "RETURN n")
        XCTAssertEqual(u.killBuffer, "MATCH (n) ")
    }

    func testControlWKillsWhitespaceWordsAndConsecutiveKillsAppend() {
        var e = editor("RETURN n.name AS x")
        press(&e, .control("w"))
        XCTAssertEqual(e.text, "RETURN n.name AS ")
        press(&e, .control("w"))
        XCTAssertEqual(e.text, "RETURN n.name ")
        XCTAssertEqual(e.killBuffer, "AS x")
        press(&e, .control("y"))
        XCTAssertEqual(e.text, "RETURN n.name AS x")
    }

    func testAltBackspaceAndAltD() {
        var e = editor("RETURN n.name")
        press(&e, .altBackspace)
        XCTAssertEqual(e.text, "RETURN n.")
        press(&e, .home, .alt("d"))
        XCTAssertEqual(e.text, " n.")
    }

    func testControlKAtLineEndJoinsLines() {
        var e = editor("RETURN 1,\n2;", cursor: 9)
        press(&e, .control("k"))
        XCTAssertEqual(e.text, "RETURN 1,2;")
    }

    func testTranspose() {
        var e = editor("RETRUN", cursor: 4)
        press(&e, .control("t"))
        XCTAssertEqual(e.text, "RETURN")
    }

    // MARK: Unicode

    func testCombiningMarkMergesIntoOneCharacter() {
        var e = LineEditor()
        press(&e, .text("e"), .text("\u{301}"), .text("x"))
        XCTAssertEqual(e.buffer.count, 2)
        press(&e, .left, .backspace)
        XCTAssertEqual(e.text, "x", "Backspace removes e and its accent together")
    }

    func testCursorMovesByGraphemeCluster() {
        var e = editor("a🇯🇵b")
        press(&e, .left, .left)
        XCTAssertEqual(e.cursor, 1)
        press(&e, .delete)
        XCTAssertEqual(e.text, "ab")
    }

    // MARK: Paste, Ctrl-C, Ctrl-D

    func testPasteKeepsLineBreaksAndNeverSubmits() {
        var e = LineEditor()
        XCTAssertEqual(press(&e, .paste("MATCH (n)\r\nRETURN n;\rRETURN 2;")), .redraw)
        XCTAssertEqual(e.text, "MATCH (n)\nRETURN n;\nRETURN 2;")
    }

    func testControlCReportsInterruptAndResetClears() {
        var e = editor("RETURN")
        XCTAssertEqual(press(&e, .control("c")), .interrupt(bufferWasEmpty: false))
        e.reset()
        XCTAssertEqual(e.text, "")
        XCTAssertEqual(press(&e, .control("c")), .interrupt(bufferWasEmpty: true))
    }

    func testControlDExitsOnlyOnEmptyBuffer() {
        var e = editor("x", cursor: 0)
        XCTAssertEqual(press(&e, .control("d")), .redraw)
        XCTAssertEqual(e.text, "")
        XCTAssertEqual(press(&e, .control("d")), .endOfInput)
    }

    func testClearScreenAndSuspend() {
        var e = LineEditor()
        XCTAssertEqual(press(&e, .control("l")), .clearScreen)
        XCTAssertEqual(press(&e, .control("z")), .suspend)
    }

    // MARK: History

    func testUpAndDownWalkHistoryAndRestoreDraft() {
        var e = LineEditor(history: EditorHistory(entries: ["RETURN 1;", "RETURN 2;"]))
        press(&e, .text("draft"))
        press(&e, .up)
        XCTAssertEqual(e.text, "RETURN 2;")
        press(&e, .up)
        XCTAssertEqual(e.text, "RETURN 1;")
        XCTAssertEqual(press(&e, .up), .bell)
        press(&e, .down)
        XCTAssertEqual(e.text, "RETURN 2;")
        press(&e, .down)
        XCTAssertEqual(e.text, "draft")
        XCTAssertEqual(press(&e, .down), .bell)
    }

    func testHoldingUpWalksThroughMultiLineEntries() {
        var e = LineEditor(history: EditorHistory(entries: ["RETURN 1;", "MATCH (n)\nRETURN n;"]))
        press(&e, .up)
        XCTAssertEqual(e.text, "MATCH (n)\nRETURN n;")
        XCTAssertEqual(e.cursor, 9, "end of the first line")
        press(&e, .up)
        XCTAssertEqual(e.text, "RETURN 1;")
        press(&e, .control("n"))
        XCTAssertEqual(e.cursor, e.buffer.count, "coming down: at the end")
    }

    func testControlPAndNIgnoreLines() {
        var e = LineEditor(history: EditorHistory(entries: ["A;", "B;"]))
        e.setBuffer("x\ny")
        press(&e, .control("p"))
        XCTAssertEqual(e.text, "B;")
        press(&e, .control("p"))
        XCTAssertEqual(e.text, "A;")
        press(&e, .control("n"), .control("n"))
        XCTAssertEqual(e.text, "x\ny")
    }

    func testReverseSearch() {
        var e = LineEditor(history: EditorHistory(entries: ["MATCH (c:Company) RETURN c;", "RETURN 1;",
                                                            "MATCH (p:Person) RETURN p;"]))
        press(&e, .text("draft"), .control("r"), .text("match"))
        XCTAssertEqual(e.text, "MATCH (p:Person) RETURN p;")
        XCTAssertEqual(e.search?.query, "match")
        press(&e, .control("r"))
        XCTAssertEqual(e.text, "MATCH (c:Company) RETURN c;")
        press(&e, .text("x"))
        XCTAssertEqual(e.search?.failed, true)
        XCTAssertEqual(e.text, "MATCH (c:Company) RETURN c;", "a failed search keeps the last match")
        press(&e, .backspace)
        XCTAssertEqual(e.search?.failed, false)
        // Enter accepts and then acts as Enter: the match is complete, so it is submitted.
        XCTAssertEqual(press(&e, .enter), .submit("MATCH (p:Person) RETURN p;"))
    }

    func testReverseSearchCancelRestoresBuffer() {
        var e = LineEditor(history: EditorHistory(entries: ["RETURN 1;"]))
        press(&e, .text("dra"), .control("r"), .text("RET"))
        XCTAssertEqual(e.text, "RETURN 1;")
        press(&e, .control("g"))
        XCTAssertNil(e.search)
        XCTAssertEqual(e.text, "dra")
        XCTAssertEqual(e.cursor, 3)
    }

    func testOtherKeyAcceptsSearchAndActs() {
        var e = LineEditor(history: EditorHistory(entries: ["RETURN 12;"]))
        press(&e, .control("r"), .text("12"))
        XCTAssertEqual(e.cursor, 7, "cursor on the match")
        press(&e, .control("e"), .backspace)
        XCTAssertNil(e.search)
        XCTAssertEqual(e.text, "RETURN 12")
    }

    func testSearchIsSmartCase() {
        let h = EditorHistory(entries: ["match (n) return n;", "MATCH (m) RETURN m;"])
        XCTAssertEqual(h.searchBackward("match", from: 1)?.index, 1)
        XCTAssertEqual(h.searchBackward("MATCH (n", from: 1)?.index, nil)
        XCTAssertEqual(h.searchBackward("match (n", from: 1)?.index, 0)
    }

    func testHistorySkipsConsecutiveDuplicatesAndBlanks() {
        var h = EditorHistory(limit: 3)
        XCTAssertTrue(h.add("A;"))
        XCTAssertFalse(h.add("A;"))
        XCTAssertFalse(h.add("   "))
        XCTAssertTrue(h.add("B;"))
        XCTAssertTrue(h.add("A;"))
        XCTAssertTrue(h.add("C;"))
        XCTAssertEqual(h.entries, ["B;", "A;", "C;"], "capped at the limit, oldest dropped")
    }

    // MARK: Completion through the editor

    func testTabCompletesSingleCandidateWithSuffix() {
        var e = LineEditor(completer: Completer(catalogue: CompletionCatalogue(functions: ["toLower", "toUpper"])))
        press(&e, .text("RETURN toL"), .tab)
        XCTAssertEqual(e.text, "RETURN toLower(")
    }

    func testTabExtendsCommonPrefixThenLists() {
        var e = LineEditor(completer: Completer(catalogue: CompletionCatalogue(labels: ["Company", "Compound"])))
        press(&e, .text("MATCH (n:C"), .tab)
        XCTAssertEqual(e.text, "MATCH (n:Comp")
        XCTAssertEqual(press(&e, .tab), .showCandidates(["Company", "Compound"]), "nothing more in common: list")
    }

    func testTabWithNothingToOfferRingsAndIndentsAtLineStart() {
        var e = LineEditor()
        press(&e, .text("RETURN 1 +"), .newline)
        press(&e, .tab)
        XCTAssertEqual(e.text, "RETURN 1 +\n  ")
        press(&e, .text("zzqq"))
        XCTAssertEqual(press(&e, .tab), .bell)
    }
}
