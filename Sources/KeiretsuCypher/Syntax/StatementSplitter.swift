// Splitting a script into statements, and telling whether typed text is a complete statement.
//
// One small state machine (in the spirit of sqlite's complete.c) serves `keiretsu run`, the
// REPL's Enter key and `.cyt` files alike: a `;` ends a statement only outside string literals
// ('…', "…", with backslash escapes), back-quoted names (`…`, where `` doubles) and comments
// (// to end of line, /* … */).

public struct StatementSplitter {
    public struct Statement: Sendable, Equatable {
        /// The statement's text, without its terminating `;`.
        public var text: String
        /// UTF-8 byte offset of `text` in the script.
        public var offset: Int
    }

    enum State {
        case code, singleQuoted, doubleQuoted, backQuoted, lineComment, blockComment
    }

    /// The statements of `script`, skipping ones that hold only white space and comments. A last
    /// statement without `;` is included.
    public static func split(_ script: String) -> [Statement] {
        let bytes = Array(script.utf8)
        var out: [Statement] = []
        var start = 0
        func emit(_ end: Int) {
            let slice = bytes[start..<end]
            if containsCode(slice) {
                out.append(Statement(text: String(decoding: slice, as: UTF8.self), offset: start))
            }
        }
        _ = scan(bytes) { i in
            emit(i)
            start = i + 1
        }
        emit(bytes.count)
        return out
    }

    /// True when `text` holds at least one statement and its last one is terminated by a `;`
    /// outside strings and comments (trailing white space and comments allowed).
    public static func isComplete(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var lastTerminator: Int? = nil
        let end = scan(bytes) { lastTerminator = $0 }
        guard end == .code || end == .lineComment, let last = lastTerminator else { return false }
        return !containsCode(bytes[(last + 1)...]) && containsCode(bytes[..<last])
    }

    /// The one state machine: walks `bytes`, calls `terminator` with the offset of every `;`
    /// outside string literals, back-quoted names and comments, and returns the state at the end
    /// (an unterminated string or comment leaves it outside `.code`).
    static func scan(_ bytes: [UInt8], terminator: (Int) -> Void) -> State {
        var state = State.code
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let next: UInt8 = i + 1 < bytes.count ? bytes[i + 1] : 0
            switch state {
            case .code:
                switch b {
                case UInt8(ascii: ";"): terminator(i)
                case UInt8(ascii: "'"): state = .singleQuoted
                case UInt8(ascii: "\""): state = .doubleQuoted
                case UInt8(ascii: "`"): state = .backQuoted
                case UInt8(ascii: "/") where next == UInt8(ascii: "/"):
                    state = .lineComment
                    i += 1
                case UInt8(ascii: "/") where next == UInt8(ascii: "*"):
                    state = .blockComment
                    i += 1
                default: break
                }
            case .singleQuoted, .doubleQuoted:
                let quote = state == .singleQuoted ? UInt8(ascii: "'") : UInt8(ascii: "\"")
                if b == UInt8(ascii: "\\") {
                    i += 1
                } else if b == quote {
                    state = .code
                }
            case .backQuoted:
                if b == UInt8(ascii: "`") {
                    if next == UInt8(ascii: "`") { i += 1 } else { state = .code }
                }
            case .lineComment:
                if b == UInt8(ascii: "\n") { state = .code }
            case .blockComment:
                if b == UInt8(ascii: "*") && next == UInt8(ascii: "/") {
                    state = .code
                    i += 1
                }
            }
            i += 1
        }
        return state
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    /// Whether a slice holds anything besides white space and comments.
    static func containsCode(_ slice: ArraySlice<UInt8>) -> Bool {
        var i = slice.startIndex
        while i < slice.endIndex {
            let b = slice[i]
            let next: UInt8 = i + 1 < slice.endIndex ? slice[i + 1] : 0
            if isSpace(b) {
                i += 1
            } else if b == UInt8(ascii: "/") && next == UInt8(ascii: "/") {
                while i < slice.endIndex && slice[i] != UInt8(ascii: "\n") { i += 1 }
            } else if b == UInt8(ascii: "/") && next == UInt8(ascii: "*") {
                i += 2
                while i + 1 < slice.endIndex && !(slice[i] == UInt8(ascii: "*") && slice[i + 1] == UInt8(ascii: "/")) { i += 1 }
                i += 2
            } else {
                return true
            }
        }
        return false
    }
}
