// Tab: complete the word before the cursor from the Completer.
//
//   one candidate          the word is replaced by it, plus its suffix (`(` after a function,
//                          a space after a keyword)
//   several candidates     the word is extended to their longest common prefix; when that adds
//                          nothing, the session lists them under the prompt
//   none                   the bell
//
// At the start of a line, or after only white space, Tab indents by two spaces instead, so
// multi-line statements can be laid out by hand.

extension LineEditor {
    mutating func complete() -> EditorAction {
        let start = lineStart(from: cursor)
        if buffer[start..<cursor].allSatisfy({ $0 == " " || $0 == "\t" }) {
            insert("  ")
            return .redraw
        }
        let completion = completer.complete(buffer, cursor: cursor)
        guard let first = completion.candidates.first else { return .bell }
        let typed = String(buffer[completion.start..<completion.end])
        if completion.candidates.count == 1 {
            replace(completion.start..<completion.end, with: first.text + first.suffix)
            return .redraw
        }
        let prefix = completion.commonPrefix
        if prefix.count > typed.count {
            replace(completion.start..<completion.end, with: prefix)
            return .redraw
        }
        return .showCandidates(completion.candidates.map(\.text))
    }

    private mutating func replace(_ range: Range<Int>, with text: String) {
        buffer.removeSubrange(range)
        cursor = range.lowerBound
        insert(text)
    }
}
