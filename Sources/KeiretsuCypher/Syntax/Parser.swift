// The parser: tokens → AST, by hand-written recursive descent.
//
// One struct split across files by grammar area (statements and clauses, patterns,
// expressions). Each `parseX` implements one production of the openCypher grammar and quotes
// it. Every loop consumes at least one token per turn, and nesting depth is capped so that
// hostile input cannot exhaust the stack.

import KeiretsuGraph

struct Parser {
    let tokens: [Token]
    let source: [UInt8]
    var position = 0
    var depth = 0
    static let maxDepth = 400
    /// Token positions where an attempt to read a pattern (a pattern predicate, or a pattern
    /// comprehension, or an exists() argument; times 4 plus 0, 1, 2 respectively) failed. Remembering them keeps nested parentheses from making the
    /// try-pattern-then-expression fallback exponential.
    var failedPatternAttempts = Set<Int>()

    init(_ text: String) throws {
        tokens = try Lexer.tokenize(text)
        source = Array(text.utf8)
    }

    /// Parses one statement (no trailing `;` needed, one allowed).
    static func parse(_ text: String) throws -> Statement {
        var p = try Parser(text)
        let statement = try p.parseStatement()
        if p.current.isSymbol(";") { p.advance() }
        guard p.current.kind == .end else { throw p.unexpected() }
        return statement
    }

    // MARK: Token access

    var current: Token { tokens[position] }

    func peek(_ n: Int = 1) -> Token {
        let i = position + n
        return i < tokens.count ? tokens[i] : tokens[tokens.count - 1]
    }

    mutating func advance() {
        if position < tokens.count - 1 { position += 1 }
    }

    func at(_ symbol: String) -> Bool { current.isSymbol(symbol) }
    func atKeyword(_ k: String) -> Bool { current.isKeyword(k) }

    mutating func accept(_ symbol: String) -> Bool {
        if at(symbol) {
            advance()
            return true
        }
        return false
    }

    mutating func acceptKeyword(_ k: String) -> Bool {
        if atKeyword(k) {
            advance()
            return true
        }
        return false
    }

    mutating func expect(_ symbol: String) throws {
        guard accept(symbol) else { throw unexpected(expecting: "'\(symbol)'") }
    }

    mutating func expectKeyword(_ k: String) throws {
        guard acceptKeyword(k) else { throw unexpected(expecting: k) }
    }

    /// The source text between two byte offsets (used for column names).
    func text(from start: Int, to end: Int) -> String {
        guard start < end, end <= source.count else { return "" }
        return String(decoding: source[start..<end], as: UTF8.self)
    }

    /// The end offset of the token before the current one.
    var previousEnd: Int {
        guard position > 0 else { return 0 }
        let t = tokens[position - 1]
        return t.offset + t.length
    }

    // MARK: Errors

    func unexpected(expecting what: String? = nil) -> CypherError {
        let t = current
        let found = t.kind == .end ? "end of input" : "'\(t.kind == .string ? "string" : t.text)'"
        var message = "unexpected \(found)"
        if let what { message += ", expected \(what)" }
        return CypherError(.syntaxError, "UnexpectedSyntax", message, offset: t.offset, length: max(t.length, 1))
    }

    func error(_ code: String, _ message: String, at offset: Int, length: Int = 1) -> CypherError {
        CypherError(.syntaxError, code, message, offset: offset, length: length)
    }

    mutating func enter() throws {
        depth += 1
        if depth > Parser.maxDepth {
            throw error("UnexpectedSyntax", "expression nested too deeply", at: current.offset)
        }
    }

    mutating func leave() { depth -= 1 }

    // MARK: Names

    /// SymbolicName: an identifier, a back-quoted name, or a keyword used as a name.
    mutating func parseSymbolicName(_ what: String = "a name") throws -> String {
        let t = current
        switch t.kind {
        case .identifier, .quotedIdentifier:
            advance()
            return t.text
        default:
            throw unexpected(expecting: what)
        }
    }

    /// Variable: a SymbolicName that is not a reserved word in this position.
    mutating func parseVariable() throws -> String {
        if current.kind == .identifier && Parser.reservedWords.contains(current.text.uppercased()) {
            throw unexpected(expecting: "a variable")
        }
        return try parseSymbolicName("a variable")
    }

    var atVariable: Bool {
        (current.kind == .identifier && !Parser.reservedWords.contains(current.text.uppercased()))
            || current.kind == .quotedIdentifier
    }

    /// Words that cannot name a variable (they may still name labels, types and keys).
    static let reservedWords: Set<String> = [
        "ALL", "AND", "AS", "ASC", "ASCENDING", "BY", "CALL", "CASE", "CONTAINS", "CREATE", "DELETE", "DESC",
        "DESCENDING", "DETACH", "DISTINCT", "ELSE", "END", "ENDS", "EXISTS", "FALSE", "FOREACH", "IN", "IS",
        "LIMIT", "MATCH", "MERGE", "NOT", "NULL", "ON", "OPTIONAL", "OR", "ORDER", "REMOVE", "RETURN", "SET",
        "SKIP", "STARTS", "THEN", "TRUE", "UNION", "UNWIND", "WHEN", "WHERE", "WITH", "XOR", "YIELD",
    ]
}
