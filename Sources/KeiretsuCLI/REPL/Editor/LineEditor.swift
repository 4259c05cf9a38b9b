// The line editor as a pure state machine: a key event and the current state give the next
// state and an action for the session (redraw, submit, exit …). Nothing here touches the
// terminal, so every key binding is unit-tested with plain values (REPLLineEditorTests).
//
// The buffer is an array of grapheme clusters (Swift `Character`s), so that the cursor never
// lands inside a character made of several code points (`é` written as e + U+0301, a flag, a
// family emoji) and Left/Right/Backspace move by what the user sees. A statement may span
// lines: the buffer holds `\n` characters, and Enter submits only when the buffer is a meta
// command (`:help`) or a complete statement (`;` outside strings and comments, decided by the
// same StatementSplitter `keiretsu run` uses); otherwise it starts a new line.
//
// Bindings follow GNU Readline's emacs mode where they exist: Ctrl-A/E line start/end, Ctrl-B/F
// and arrows by character, Alt-B/F by word, Ctrl-K/U kill to line end/start, Ctrl-W kill the
// previous white-space word, Alt-D/Alt-Backspace kill words, Ctrl-Y yank, Ctrl-T transpose,
// Ctrl-P/N history, Ctrl-R/S incremental search, Ctrl-L clear screen, Ctrl-D delete or (on an
// empty buffer) end of input, Ctrl-C abandon the buffer. Up and Down move between the lines of a
// multi-line buffer and reach the history from its first and last lines.

import KeiretsuCypher

/// What the session should do after a key.
enum EditorAction: Equatable {
    /// The state changed (or may have): draw it.
    case redraw
    /// The buffer is to be run; the session draws it finished and calls `reset()`.
    case submit(String)
    /// Ctrl-D on an empty buffer.
    case endOfInput
    /// Ctrl-C at the prompt: the buffer is abandoned (the session shows it ended by `^C`).
    case interrupt(bufferWasEmpty: Bool)
    /// Ctrl-L.
    case clearScreen
    /// Ctrl-Z: stop the process as a shell job.
    case suspend
    /// Several completions and none can be typed for the user: list them.
    case showCandidates([String])
    /// Nothing to do (no completion, no older history): ring the bell.
    case bell
}

struct LineEditor {
    /// The text being edited.
    var buffer: [Character] = []
    /// Insertion point, 0…buffer.count.
    var cursor = 0
    var history = EditorHistory()
    var completer = Completer()
    /// Position in `history` while browsing it; nil while editing a new entry.
    var historyIndex: Int?
    /// The new entry being written, kept while the user browses the history.
    private var draft: [Character] = []
    var currentDraft: [Character] { draft }
    mutating func setDraft(_ text: [Character]) { draft = text }
    /// Text removed by the last kill command, for Ctrl-Y.
    private(set) var killBuffer = ""
    /// Consecutive kills append to one kill buffer (as in Readline).
    private var lastWasKill = false
    /// Set while Ctrl-R (or Ctrl-S) search is active.
    var search: SearchState?

    struct SearchState: Equatable {
        var query = ""
        var backward = true
        /// The history entry shown, if any matched.
        var match: Int?
        var failed = false
        /// What to restore when the search is abandoned.
        var savedBuffer: [Character]
        var savedCursor: Int
        var savedHistoryIndex: Int?
    }

    init(history: EditorHistory = EditorHistory(), completer: Completer = Completer()) {
        self.history = history
        self.completer = completer
    }

    var text: String { String(buffer) }

    /// Clears the buffer for the next entry (after a submit or an interrupt).
    mutating func reset() {
        buffer = []
        cursor = 0
        historyIndex = nil
        draft = []
        search = nil
        lastWasKill = false
    }

    /// Replaces the buffer (tests, `:history` recall) and puts the cursor at its end.
    mutating func setBuffer(_ text: String, cursor: Int? = nil) {
        buffer = Array(text)
        self.cursor = min(max(cursor ?? buffer.count, 0), buffer.count)
    }

    // MARK: - Dispatch

    mutating func handle(_ key: KeyEvent) -> EditorAction {
        if search != nil, let action = handleSearch(key) { return action }
        let wasKill = lastWasKill
        lastWasKill = false
        switch key {
        case .text(let s):
            insert(s)
        case .paste(let s):
            insert(Self.normalizedLineBreaks(s))
        case .enter:
            return enter()
        case .newline:
            insert("\n")
        case .tab:
            return complete()
        case .backTab, .ignored, .escape:
            return .redraw
        case .backspace:
            deleteBackward()
        case .delete:
            deleteForward()
        case .left:
            moveLeft()
        case .right:
            moveRight()
        case .up:
            return lineUp()
        case .down:
            return lineDown()
        case .pageUp:
            return historyPrevious()
        case .pageDown:
            return historyNext()
        case .home:
            moveToLineStart()
        case .end:
            moveToLineEnd()
        case .wordLeft:
            cursor = wordStart(before: cursor)
        case .wordRight:
            cursor = wordEnd(after: cursor)
        case .altBackspace:
            kill(from: wordStart(before: cursor), to: cursor, appending: wasKill, prepend: true)
        case .alt(let c):
            return alt(c, wasKill: wasKill)
        case .control(let c):
            return control(c, wasKill: wasKill)
        }
        return .redraw
    }

    private mutating func control(_ c: Character, wasKill: Bool) -> EditorAction {
        switch c {
        case "a": moveToLineStart()
        case "e": moveToLineEnd()
        case "b": moveLeft()
        case "f": moveRight()
        case "p": return historyPrevious()
        case "n": return historyNext()
        case "k":
            let end = lineEnd(from: cursor)
            // At the end of a line Ctrl-K joins the next line, as in Emacs.
            kill(from: cursor, to: end == cursor && end < buffer.count ? end + 1 : end, appending: wasKill, prepend: false)
        case "u":
            kill(from: lineStart(from: cursor), to: cursor, appending: wasKill, prepend: true)
        case "w":
            kill(from: whitespaceWordStart(before: cursor), to: cursor, appending: wasKill, prepend: true)
        case "y":
            insert(killBuffer)
        case "t":
            transpose()
        case "h":
            deleteBackward()
        case "d":
            if buffer.isEmpty { return .endOfInput }
            deleteForward()
        case "c":
            let wasEmpty = buffer.isEmpty
            return .interrupt(bufferWasEmpty: wasEmpty)
        case "l":
            return .clearScreen
        case "z":
            return .suspend
        case "r":
            startSearch(backward: true)
        case "s":
            startSearch(backward: false)
        case "g":
            return .bell
        default:
            return .redraw
        }
        return .redraw
    }

    private mutating func alt(_ c: Character, wasKill: Bool) -> EditorAction {
        switch c {
        case "b", "B": cursor = wordStart(before: cursor)
        case "f", "F": cursor = wordEnd(after: cursor)
        case "d", "D": kill(from: cursor, to: wordEnd(after: cursor), appending: wasKill, prepend: false)
        case "<": cursor = 0
        case ">": cursor = buffer.count
        default: break
        }
        return .redraw
    }

    // MARK: - Enter

    /// Whether `text` is ready to run: a meta command (one line starting with `:`) or a
    /// complete statement. Blank text is "ready" too: Enter on it just shows a new prompt.
    static func isReadyToSubmit(_ text: String) -> Bool {
        guard let first = text.first(where: { !$0.isWhitespace }) else { return true }
        if first == ":" { return true }
        return StatementSplitter.isComplete(text)
    }

    private mutating func enter() -> EditorAction {
        let text = String(buffer)
        if Self.isReadyToSubmit(text) {
            return .submit(text)
        }
        insert("\n")
        return .redraw
    }

    // MARK: - Editing

    /// Inserts `text` at the cursor. A combining mark (or any character that joins the one
    /// before it into one grapheme) is merged, so the buffer stays in grapheme clusters.
    mutating func insert(_ text: String) {
        var characters = Array(text)
        // Swift has already cut `text` into grapheme clusters; only its first character can
        // still join the one before the cursor.
        if let first = characters.first, cursor > 0 {
            let joined = String(buffer[cursor - 1]) + String(first)
            if joined.count == 1, let merged = joined.first {
                buffer[cursor - 1] = merged
                characters.removeFirst()
            }
        }
        buffer.insert(contentsOf: characters, at: cursor)
        cursor += characters.count
    }

    /// Pasted text with CR LF and lone CR turned into LF (terminals paste lines ended by CR).
    static func normalizedLineBreaks(_ text: String) -> String {
        guard text.contains(where: { $0 == "\r" || $0 == "\r\n" }) else { return text }
        var out = ""
        for ch in text {
            out.append(ch == "\r" || ch == "\r\n" ? "\n" : ch)
        }
        return out
    }

    private mutating func deleteBackward() {
        guard cursor > 0 else { return }
        buffer.remove(at: cursor - 1)
        cursor -= 1
    }

    private mutating func deleteForward() {
        guard cursor < buffer.count else { return }
        buffer.remove(at: cursor)
    }

    private mutating func transpose() {
        guard buffer.count >= 2, cursor > 0 else { return }
        let i = cursor == buffer.count ? cursor - 1 : cursor
        buffer.swapAt(i - 1, i)
        cursor = min(i + 1, buffer.count)
    }

    private mutating func kill(from start: Int, to end: Int, appending: Bool, prepend: Bool) {
        let lo = max(0, min(start, end)), hi = min(buffer.count, max(start, end))
        guard lo < hi else {
            lastWasKill = true
            return
        }
        let removed = String(buffer[lo..<hi])
        if appending {
            killBuffer = prepend ? removed + killBuffer : killBuffer + removed
        } else {
            killBuffer = removed
        }
        buffer.removeSubrange(lo..<hi)
        cursor = lo
        lastWasKill = true
    }

    // MARK: - Motion

    private mutating func moveLeft() { if cursor > 0 { cursor -= 1 } }
    private mutating func moveRight() { if cursor < buffer.count { cursor += 1 } }

    /// Home and Ctrl-A: the start of the line; pressed there, the start of the buffer.
    private mutating func moveToLineStart() {
        let start = lineStart(from: cursor)
        cursor = start == cursor ? 0 : start
    }

    /// End and Ctrl-E: the end of the line; pressed there, the end of the buffer.
    private mutating func moveToLineEnd() {
        let end = lineEnd(from: cursor)
        cursor = end == cursor ? buffer.count : end
    }

    func lineStart(from position: Int) -> Int {
        var i = min(position, buffer.count)
        while i > 0 && buffer[i - 1] != "\n" { i -= 1 }
        return i
    }

    func lineEnd(from position: Int) -> Int {
        var i = min(position, buffer.count)
        while i < buffer.count && buffer[i] != "\n" { i += 1 }
        return i
    }

    private static func isWord(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }

    /// Alt-B: back to the start of the word before the cursor.
    func wordStart(before position: Int) -> Int {
        var i = position
        while i > 0 && !Self.isWord(buffer[i - 1]) { i -= 1 }
        while i > 0 && Self.isWord(buffer[i - 1]) { i -= 1 }
        return i
    }

    /// Alt-F: forward to the end of the word after the cursor.
    func wordEnd(after position: Int) -> Int {
        var i = position
        while i < buffer.count && !Self.isWord(buffer[i]) { i += 1 }
        while i < buffer.count && Self.isWord(buffer[i]) { i += 1 }
        return i
    }

    /// Ctrl-W: back to the previous white space (Readline's unix-word-rubout).
    func whitespaceWordStart(before position: Int) -> Int {
        var i = position
        while i > 0 && buffer[i - 1].isWhitespace { i -= 1 }
        while i > 0 && !buffer[i - 1].isWhitespace { i -= 1 }
        return i
    }

    /// The display column of `position` within its line.
    func column(of position: Int) -> Int {
        var w = 0
        for i in lineStart(from: position)..<position { w += EditorView.width(of: buffer[i]) }
        return w
    }

    /// The position in the line starting at `start` whose column is closest to `column` without
    /// passing it.
    func position(inLineStarting start: Int, column: Int) -> Int {
        var i = start
        var w = 0
        while i < buffer.count && buffer[i] != "\n" {
            let cw = EditorView.width(of: buffer[i])
            if w + cw > column { break }
            w += cw
            i += 1
        }
        return i
    }

    private mutating func lineUp() -> EditorAction {
        let start = lineStart(from: cursor)
        guard start > 0 else { return historyPrevious() }
        let col = column(of: cursor)
        cursor = position(inLineStarting: lineStart(from: start - 1), column: col)
        return .redraw
    }

    private mutating func lineDown() -> EditorAction {
        let end = lineEnd(from: cursor)
        guard end < buffer.count else { return historyNext() }
        let col = column(of: cursor)
        cursor = position(inLineStarting: end + 1, column: col)
        return .redraw
    }
}
