// The interactive front end: the raw-mode line editor on a terminal.
//
// The loop waits for bytes (or a signal), decodes them into keys, lets the LineEditor state
// machine act on each key, and redraws once per batch of keys — a paste or fast typing costs
// one redraw, not one per character. A submitted buffer is drawn finished (no bracket marks),
// the cursor leaves it, and the statement or command runs with the terminal in query mode, so
// keys typed meanwhile wait for the next prompt and Ctrl-C cancels the statement.
//
// A lone ESC is told from the start of an escape sequence by waiting 40 ms for a next byte
// (readline's keyseq-timeout is 500 ms; terminals send a sequence in one write, so far less
// is enough).

import KeiretsuCypher

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

extension ReplSession {
    /// Runs the editor until Ctrl-D, :quit or the end of input; returns the exit status.
    func runEditor(on terminal: RawTerminal) -> Int32 {
        self.terminal = terminal
        TerminalSignals.installResizeHandler()
        TerminalSignals.forwardInterrupts(to: token)
        terminal.enterRaw()
        defer {
            terminal.restore()
            self.terminal = nil
        }
        var editor = LineEditor(history: history, completer: Completer(catalogue: completionCatalogue()))
        let view = EditorView(palette: palette)
        var decoder = KeyDecoder()
        var width = terminal.size.columns
        var drawn: EditorFrame?
        var hinted = false

        func draw() {
            let frame = view.frame(editor, width: width)
            terminal.write(EditorView.redraw(frame, previousCursorRow: drawn?.cursorRow ?? 0))
            drawn = frame
        }
        /// Draws the buffer as finished, adds `suffix`, and moves to a fresh line below it.
        func finish(suffix: String = "") {
            let frame = view.frame(editor, width: width, finished: true)
            terminal.write(EditorView.redraw(frame, previousCursorRow: drawn?.cursorRow ?? 0) + suffix
                           + EditorView.leave(frame))
            drawn = nil
        }

        draw()
        while true {
            let events: [KeyEvent]
            switch terminal.read(timeout: decoder.hasPendingEscape ? 40 : nil) {
            case .bytes(let bytes):
                events = decoder.feed(bytes)
            case .timeout:
                events = decoder.flushPendingEscape()
            case .interrupted:
                _ = TerminalSignals.takeInterrupt()
                if TerminalSignals.takeResize() {
                    width = terminal.size.columns
                    draw()
                }
                continue
            case .endOfInput:
                finish()
                return ExitStatus.ok
            }
            var dirty = false
            for event in events {
                switch editor.handle(event) {
                case .redraw:
                    dirty = true
                case .bell:
                    terminal.write("\u{07}")
                case .clearScreen:
                    terminal.write("\u{1B}[H\u{1B}[2J")
                    drawn = nil
                    dirty = true
                case .showCandidates(let names):
                    let frame = view.frame(editor, width: width)
                    terminal.write(EditorView.redraw(frame, previousCursorRow: drawn?.cursorRow ?? 0)
                                   + EditorView.leave(frame) + Self.columns(names, width: width, palette: palette))
                    drawn = nil
                    dirty = true
                case .interrupt(let wasEmpty):
                    finish(suffix: palette.dim("^C"))
                    editor.reset()
                    if wasEmpty && !hinted {
                        terminal.write(palette.dim("(to leave, press Ctrl-D or type :quit)") + "\n")
                        hinted = true
                    }
                    dirty = true
                case .endOfInput:
                    finish()
                    return ExitStatus.ok
                case .suspend:
                    finish()
                    terminal.restore()
                    raise(SIGTSTP)
                    terminal.enterRaw()
                    width = terminal.size.columns
                    dirty = true
                case .submit(let text):
                    finish()
                    editor.reset()
                    submit(text)
                    if quitRequested { return ExitStatus.ok }
                    editor.history = history
                    editor.completer.catalogue = completionCatalogue()
                    if TerminalSignals.takeResize() { width = terminal.size.columns }
                    dirty = true
                }
            }
            if dirty { draw() }
        }
    }

    /// Runs one submitted buffer: a meta command or statements; blank text does nothing.
    func submit(_ text: String) {
        let trimmed = text.trimmed(of: " \t\r\n")
        guard !trimmed.isEmpty else { return }
        remember(text)
        if trimmed.hasPrefix(":") {
            runMeta(trimmed)
        } else {
            runStatements(text)
        }
    }

    /// Completion candidates laid out in columns under the prompt (at most 120 shown).
    static func columns(_ names: [String], width: Int, palette: Palette) -> String {
        let limit = 120
        let shown = Array(names.prefix(limit))
        let cell = (shown.map { TerminalWidth.of($0) }.max() ?? 0) + 2
        let perRow = max(1, width / max(cell, 1))
        var out = ""
        for (i, name) in shown.enumerated() {
            out += name
            if (i + 1) % perRow == 0 || i == shown.count - 1 {
                out += "\n"
            } else {
                out += String(repeating: " ", count: cell - TerminalWidth.of(name))
            }
        }
        if names.count > limit { out += palette.dim("… and \(names.count - limit) more") + "\n" }
        return out
    }
}
