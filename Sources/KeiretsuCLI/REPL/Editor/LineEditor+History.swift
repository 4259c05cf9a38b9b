// Browsing the history (Up/Down from the first/last line, Ctrl-P/N, Page Up/Down) and
// incremental search (Ctrl-R backward, Ctrl-S forward), as in Readline.
//
// Browsing keeps the entry being written as a draft and gives it back when the user comes down
// past the newest entry. A recalled entry shows with the cursor at the end of its first line
// when going up and at its very end when going down, so that holding Up or Down keeps walking
// the history even through multi-line statements.
//
// During a search the buffer shows the matching entry with the cursor on the match; typing
// extends the query, Backspace shortens it, Ctrl-R/Ctrl-S go to the next older/newer match,
// Enter accepts the match and then acts as Enter, Ctrl-G or Escape restores what was there
// before, and any other key accepts the match and then does what it does.

extension LineEditor {
    mutating func historyPrevious() -> EditorAction {
        let target = (historyIndex ?? history.count) - 1
        guard target >= 0, target < history.count else { return .bell }
        if historyIndex == nil { saveDraft() }
        show(entry: target)
        cursor = lineEnd(from: 0)
        return .redraw
    }

    mutating func historyNext() -> EditorAction {
        guard let index = historyIndex else { return .bell }
        if index + 1 < history.count {
            show(entry: index + 1)
        } else {
            restoreDraft()
        }
        return .redraw
    }

    // MARK: - Incremental search

    mutating func startSearch(backward: Bool) {
        search = SearchState(backward: backward, savedBuffer: buffer, savedCursor: cursor,
                             savedHistoryIndex: historyIndex)
    }

    /// Handles `key` while a search is active; nil when the key ends the search and must then
    /// be handled as an ordinary key.
    mutating func handleSearch(_ key: KeyEvent) -> EditorAction? {
        guard var state = search else { return nil }
        switch key {
        case .text(let s), .paste(let s):
            state.query += s
            search = state
            runSearch(from: state.match ?? (state.backward ? history.count - 1 : 0))
            return .redraw
        case .backspace:
            if !state.query.isEmpty { state.query.removeLast() }
            state.match = nil
            search = state
            runSearch(from: state.backward ? history.count - 1 : 0)
            return .redraw
        case .control("r"):
            state.backward = true
            search = state
            if state.query.isEmpty { return .redraw }
            runSearch(from: (state.match ?? history.count) - 1)
            return .redraw
        case .control("s"):
            state.backward = false
            search = state
            if state.query.isEmpty { return .redraw }
            runSearch(from: (state.match ?? -1) + 1)
            return .redraw
        case .control("g"), .escape:
            buffer = state.savedBuffer
            cursor = state.savedCursor
            historyIndex = state.savedHistoryIndex
            search = nil
            return .redraw
        case .control("c"):
            search = nil
            return .interrupt(bufferWasEmpty: buffer.isEmpty)
        default:
            // Accept what is shown; the caller goes on to handle the key itself.
            search = nil
            return nil
        }
    }

    /// Looks for the query from history entry `start` in the search's direction; on a match
    /// shows it, otherwise marks the search failed and leaves the last match shown.
    private mutating func runSearch(from start: Int) {
        guard var state = search else { return }
        let found = state.backward
            ? history.searchBackward(state.query, from: start)
            : history.searchForward(state.query, from: start)
        if let found {
            state.match = found.index
            state.failed = false
            search = state
            if historyIndex == nil { saveDraft() }
            show(entry: found.index)
            cursor = min(found.offset, buffer.count)
        } else {
            state.failed = !state.query.isEmpty
            search = state
        }
    }

    // MARK: - Helpers

    private mutating func show(entry index: Int) {
        historyIndex = index
        buffer = Array(history[index])
        cursor = buffer.count
    }

    private mutating func saveDraft() {
        setDraft(buffer)
    }

    private mutating func restoreDraft() {
        let saved = currentDraft
        historyIndex = nil
        buffer = saved
        cursor = buffer.count
    }
}
