// Cutting a stream of lines into what the REPL runs: meta commands and statements.
//
// Piped input, :source files and the plain-terminal fallback all arrive a line at a time. A
// line starting with `:` while no statement is being collected is a meta command; any other
// line is added to the statement text, and as soon as that text ends in a complete statement
// (the StatementSplitter's `;` rule) everything up to the last complete one is handed out, so
// `RETURN 1; RETURN 2;` on one line runs both and `RETURN 1; RETURN` runs the first and keeps
// the rest. At the end of input whatever is left runs too, so a last statement without `;`
// still counts. Items carry the line number their text starts on, for error positions.

import KeiretsuCypher

struct ScriptFeeder {
    enum Item: Equatable {
        case meta(String, line: Int)
        case statements(String, firstLine: Int)
    }

    private(set) var pending = ""
    private var pendingFirstLine = 1
    private(set) var lineNumber = 0

    /// Whether statement text is being collected (the next line continues it).
    var isCollecting: Bool { pending.contains(where: { !$0.isWhitespace }) }

    mutating func feed(line: String) -> Item? {
        lineNumber += 1
        let line = line.hasSuffix("\r") ? String(line.dropLast()) : line
        if StatementSplitter.split(pending).isEmpty,
           line.first(where: { !$0.isWhitespace }) == ":", !insideCommentOrString(pending) {
            pending = ""
            return .meta(line, line: lineNumber)
        }
        if pending.isEmpty { pendingFirstLine = lineNumber }
        pending += line + "\n"
        return takeComplete()
    }

    /// The statements left at the end of input, if any.
    mutating func finish() -> Item? {
        defer { pending = "" }
        guard !StatementSplitter.split(pending).isEmpty else { return nil }
        return .statements(pending, firstLine: pendingFirstLine)
    }

    /// Abandons the statement being collected (Ctrl-C at the plain prompt).
    mutating func discard() { pending = "" }

    /// Hands out the text up to its last complete statement, keeping the rest.
    private mutating func takeComplete() -> Item? {
        if StatementSplitter.isComplete(pending) {
            defer { pending = "" }
            return .statements(pending, firstLine: pendingFirstLine)
        }
        // A complete statement followed by the start of another: cut after the last `;` that
        // ends a complete prefix.
        let bytes = Array(pending.utf8)
        var i = bytes.count - 1
        while i >= 0 {
            if bytes[i] == UInt8(ascii: ";") {
                let head = String(decoding: bytes[0...i], as: UTF8.self)
                if StatementSplitter.isComplete(head) {
                    let tail = String(decoding: bytes[(i + 1)...], as: UTF8.self)
                    let item = Item.statements(head, firstLine: pendingFirstLine)
                    // The rest starts on the line where the head ended.
                    pendingFirstLine += head.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
                    pending = tail.contains(where: { !$0.isWhitespace }) ? tail : ""
                    return item
                }
            }
            i -= 1
        }
        return nil
    }

    /// Whether `text` ends inside a block comment or a string (a `:` line there is part of it).
    private func insideCommentOrString(_ text: String) -> Bool {
        !text.isEmpty && !StatementSplitter.isComplete(text + "\nRETURN 1;")
    }
}
