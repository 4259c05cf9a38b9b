// The keys the line editor understands, after decoding the terminal's bytes.
//
// A key event is what a user did, not which bytes arrived: `ESC [ D`, `ESC O D` and the
// Left-arrow of every terminal all become `.left`. Text typed or pasted arrives as `.text`
// and `.paste` so that the editor can tell a pasted newline (kept) from a typed Enter (which may
// submit).

enum KeyEvent: Equatable, Sendable {
    /// Printable text typed at the keyboard (one or more characters).
    case text(String)
    /// Text delivered between the bracketed-paste markers `ESC [200~` … `ESC [201~`.
    case paste(String)
    case enter
    /// Alt-Enter (`ESC CR`): always inserts a line break.
    case newline
    case tab
    /// Shift-Tab (`ESC [Z`).
    case backTab
    case backspace
    case delete
    case left, right, up, down
    case home, end
    case pageUp, pageDown
    /// Ctrl-Left / Ctrl-Right, Alt-Left / Alt-Right: move by words.
    case wordLeft, wordRight
    /// A control key: `.control("a")` is Ctrl-A. Only letters and `_` are reported here; Tab,
    /// Enter and Backspace have their own cases.
    case control(Character)
    /// A key pressed with Alt (Meta), sent as `ESC` followed by the key: `.alt("b")`.
    case alt(Character)
    /// Alt-Backspace (`ESC DEL`): delete the word before the cursor.
    case altBackspace
    /// The Escape key on its own.
    case escape
    /// A sequence the decoder recognised as a key it does not act on (F1, Insert …).
    case ignored
}
