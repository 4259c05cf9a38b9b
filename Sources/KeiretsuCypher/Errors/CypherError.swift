// The one user-facing error type.
//
// Every failure a user can cause — a syntax error, an unknown variable, a type mismatch at run
// time, a bad CSV row, a timeout — is a CypherError with a kind, a detail code, a message and,
// when it points into text, a byte offset into that text. The `file:line:col` rendering, the
// REPL's caret display and the JSON error object are all produced from it (see
// `SourceText.location(of:)`), and `exitStatus` is the only mapping to process exit codes.
//
// Codes follow the openCypher TCK (`UndefinedVariable`, `InvalidArgumentType`, …) so that tests
// assert codes, never prose.

public struct CypherError: Error, Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case syntaxError = "SyntaxError"
        case semanticError = "SemanticError"
        case typeError = "TypeError"
        case argumentError = "ArgumentError"
        case entityNotFound = "EntityNotFound"
        case parameterMissing = "ParameterMissing"
        case constraintVerificationFailed = "ConstraintVerificationFailed"
        case procedureError = "ProcedureError"
        /// A query that ran past `--timeout`.
        case timeout = "Timeout"
        /// A query cancelled from outside (Ctrl-C in the REPL).
        case cancelled = "Cancelled"
        /// Bad input files: CSV rows, GraphML, articles under --strict.
        case inputError = "InputError"
        /// The database file or the file system failed.
        case databaseError = "DatabaseError"
    }

    /// When the error was raised: while compiling the query or while running it. The TCK
    /// distinguishes the two.
    public enum Phase: String, Sendable {
        case compileTime = "compile time"
        case runtime = "runtime"
    }

    public var kind: Kind
    public var code: String
    public var message: String
    /// UTF-8 byte offset into the statement text, when the error points at a token.
    public var offset: Int?
    /// Length in bytes of the offending token, for the caret underline.
    public var length: Int
    public var phase: Phase

    public init(_ kind: Kind, _ code: String, _ message: String, offset: Int? = nil, length: Int = 1,
                phase: Phase = .compileTime) {
        self.kind = kind
        self.code = code
        self.message = message
        self.offset = offset
        self.length = length
        self.phase = phase
    }

    /// `Kind.Code`, as printed in messages and `.cyt` expectations.
    public var qualifiedCode: String { "\(kind.rawValue).\(code)" }

    /// The process exit status for this error: every error is a bad query, bad input or bad
    /// usage (2). Failed saved-query checks (1) are not errors and never reach here.
    public var exitStatus: Int32 { 2 }

    /// The same error moved by `delta` bytes, for statements that sit inside a larger script.
    public func shifted(by delta: Int) -> CypherError {
        var e = self
        if let o = e.offset { e.offset = o + delta }
        return e
    }
}

/// Line and column of a position in a text. Both are 1-based; the column counts Unicode scalar
/// values (code points) from the start of the line, so `é` and `日` each count one.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

/// A text with its name (a file path, `<query>`, `<stdin>`), able to turn byte offsets into
/// line:column and to show the line an error points at.
public struct SourceText: Sendable {
    public var name: String
    public var text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }

    public func location(of offset: Int) -> SourceLocation {
        var line = 1, column = 1
        var consumed = 0
        for scalar in text.unicodeScalars {
            if consumed >= offset { break }
            consumed += UTF8.width(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return SourceLocation(line: line, column: column)
    }

    /// The full text of line `n` (1-based), without its line break.
    public func line(_ n: Int) -> String {
        var current = 1
        var result = Substring()
        for l in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == n {
                result = l
                break
            }
            current += 1
        }
        if result.hasSuffix("\r") { result = result.dropLast() }
        return String(result)
    }

    /// `name:line:col: error: Kind.Code: message`, the source line, and a caret under the token.
    public func render(_ error: CypherError) -> String {
        guard let offset = error.offset else {
            return "\(name): error: \(error.qualifiedCode): \(error.message)"
        }
        let loc = location(of: offset)
        let source = line(loc.line)
        var caretWidth = 1
        let tokenEnd = offset + max(error.length, 1)
        if tokenEnd > offset {
            let endLoc = location(of: tokenEnd)
            if endLoc.line == loc.line { caretWidth = max(1, endLoc.column - loc.column) }
        }
        var prefix = ""
        for (i, ch) in source.unicodeScalars.enumerated() where i < loc.column - 1 {
            prefix.unicodeScalars.append(ch == "\t" ? "\t" : " ")
        }
        return """
            \(name):\(loc.line):\(loc.column): error: \(error.qualifiedCode): \(error.message)
            \(source)
            \(prefix)\(String(repeating: "^", count: caretWidth))
            """
    }
}
