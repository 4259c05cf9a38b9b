// Laying the editor out on the screen, and the bytes that redraw it.
//
// `frame` is a pure function from the editor's state and the terminal width to the rows to
// show (styled) and where the cursor goes. The first row starts with the prompt, each further
// line of the buffer with a continuation prompt of the same width, and a line longer than the
// terminal wraps onto the next row; a wide character that does not fit at the end of a row
// moves whole to the next one, as terminals do. During Ctrl-R the prompt shows the search.
//
// `redraw` turns a frame into terminal output: go up to the frame's first row, clear to the end
// of the screen, write the rows, and move the cursor into place — all in one write, with the
// cursor hidden meanwhile, so the screen never flickers. Rows are ended by an explicit CR LF
// rather than by the terminal's own wrapping, because a row exactly as wide as the terminal
// leaves the cursor in a "pending wrap" state that terminals treat differently.

struct EditorFrame: Equatable {
    /// Terminal rows, styled, without line breaks.
    var rows: [String]
    var cursorRow: Int
    var cursorColumn: Int
}

struct EditorView {
    var prompt: String
    var continuationPrompt: String
    var palette: Palette

    init(prompt: String = "keiretsu> ", continuationPrompt: String? = nil, palette: Palette = .plain) {
        self.prompt = prompt
        let width = TerminalWidth.of(prompt)
        let dots = "...> "
        self.continuationPrompt = continuationPrompt
            ?? String(repeating: " ", count: max(0, width - dots.count)) + dots
        self.palette = palette
    }

    /// Columns a buffer character takes in the editor: control characters show as `^X`, a tab
    /// as one space, a line break as nothing.
    static func width(of c: Character) -> Int {
        if c == "\n" { return 0 }
        if c == "\t" { return 1 }
        if let s = c.unicodeScalars.first, c.unicodeScalars.count == 1, s.value < 0x20 || s.value == 0x7F { return 2 }
        return TerminalWidth.of(c)
    }

    static func glyph(of c: Character) -> String {
        if c == "\t" { return " " }
        if let s = c.unicodeScalars.first, c.unicodeScalars.count == 1, s.value < 0x20 || s.value == 0x7F {
            return s.value == 0x7F ? "^?" : "^" + String(Unicode.Scalar(UInt8(s.value + 0x40)))
        }
        return String(c)
    }

    /// The prompt of the first row for `editor`'s state.
    func firstPrompt(_ editor: LineEditor) -> String {
        guard let search = editor.search else { return prompt }
        let direction = search.backward ? "reverse" : "forward"
        return "(\(search.failed ? "failed " : "")\(direction)-i-search)'\(search.query)': "
    }

    /// The rows and cursor position of `editor` on a terminal `width` columns wide.
    /// `finished` draws the buffer as submitted: no bracket marks, cursor at the end.
    func frame(_ editor: LineEditor, width: Int, finished: Bool = false) -> EditorFrame {
        let width = max(width, 8)
        let buffer = editor.buffer
        let cursor = finished ? buffer.count : editor.cursor
        let styles: [HighlightStyle] = palette.enabled
            ? SyntaxHighlighter.styles(buffer, cursor: finished || editor.search != nil ? nil : cursor)
            : []
        let head = firstPrompt(editor)
        var rows: [String] = []
        var row = ""
        var column = 0
        var current = HighlightStyle.plain
        var cursorRow = 0, cursorColumn = 0

        func setStyle(_ style: HighlightStyle) {
            guard style != current else { return }
            if current != .plain { row += Palette.reset }
            let code = Palette.code(for: style)
            if !code.isEmpty { row += "\u{1B}[\(code)m" }
            current = style
        }
        func endRow() {
            if current != .plain { row += Palette.reset }
            current = .plain
            rows.append(row)
            row = ""
            column = 0
        }
        func startPrompt(_ text: String, _ code: String) {
            let cut = TerminalWidth.truncate(text, to: width - 1).text
            row += palette.paint(cut, code)
            column = TerminalWidth.of(cut)
        }

        startPrompt(head, editor.search == nil ? "1" : "")
        for i in 0...buffer.count {
            if i == cursor {
                if column >= width { endRow() }
                cursorRow = rows.count
                cursorColumn = column
            }
            guard i < buffer.count else { break }
            let c = buffer[i]
            if c == "\n" {
                endRow()
                startPrompt(continuationPrompt, "2")
                continue
            }
            let w = Self.width(of: c)
            if column + w > width { endRow() }
            if !styles.isEmpty { setStyle(styles[i]) }
            row += Self.glyph(of: c)
            column += w
        }
        endRow()
        return EditorFrame(rows: rows, cursorRow: cursorRow, cursorColumn: cursorColumn)
    }

    /// The bytes that replace a frame whose cursor was on row `previousCursorRow` (relative to
    /// its first row) with `frame`.
    static func redraw(_ frame: EditorFrame, previousCursorRow: Int) -> String {
        var out = "\u{1B}[?25l"
        if previousCursorRow > 0 { out += "\u{1B}[\(previousCursorRow)A" }
        out += "\r\u{1B}[J"
        for (i, row) in frame.rows.enumerated() {
            if i > 0 { out += "\r\n" }
            out += row
        }
        let up = frame.rows.count - 1 - frame.cursorRow
        if up > 0 { out += "\u{1B}[\(up)A" }
        out += "\r"
        if frame.cursorColumn > 0 { out += "\u{1B}[\(frame.cursorColumn)C" }
        out += "\u{1B}[?25h"
        return out
    }

    /// After `frame` has been drawn: the bytes that move below it, to column 0 of a fresh row.
    static func leave(_ frame: EditorFrame) -> String {
        let down = frame.rows.count - 1 - frame.cursorRow
        return (down > 0 ? "\u{1B}[\(down)B" : "") + "\r\n"
    }
}
