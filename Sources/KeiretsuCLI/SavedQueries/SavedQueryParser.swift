// Reading a `.cyt` file into records (the format: docs/cyt-format.md).
//
// The file is read line by line. Blank lines separate records; inside a record, `#` comment
// lines and `skipif`/`onlyif` lines come first, then one directive line, then what the directive
// takes: Cypher text (`statement`, `query`), then for a query `----`, a header line and one line
// per expected row. Every mistake is reported at its place as `file:line:col: error:
// InputError.Code: message` with the line and a caret (SourceText.render), and makes `keiretsu
// test` exit 2 — a file that does not say what it means must not pass or fail quietly.
//
// The directive lines themselves (counters, error expectations, conditions) are read in
// SavedQueryParser+Directives.swift.

import KeiretsuCypher
import KeiretsuGraph

/// A `.cyt` file that cannot be read, with the text it points into.
public struct SavedQueryParseError: Error, Sendable {
    public var error: CypherError
    public var source: SourceText

    /// `file:line:col: error: InputError.Code: message`, the line and a caret.
    public var rendered: String { source.render(error) }

    /// The line and column the error points at.
    public var location: SourceLocation? { error.offset.map { source.location(of: $0) } }
}

public struct SavedQueryParser {
    let path: String
    let text: String
    let evaluate: (String) -> Value?
    /// Each line without its line break, with the byte offset where it starts.
    var lines: [(start: Int, text: String)] = []

    /// Reads `text` (the contents of `path`). `evaluate` runs a function call found in an
    /// expected cell (`date('2023-01-28')`) and returns nil when the engine cannot.
    public static func parse(path: String, text: String, evaluate: @escaping (String) -> Value?) throws -> SavedQueryFile {
        var parser = SavedQueryParser(path: path, text: text, evaluate: evaluate)
        parser.splitLines()
        return try parser.file()
    }

    init(path: String, text: String, evaluate: @escaping (String) -> Value?) {
        self.path = path
        self.text = text
        self.evaluate = evaluate
    }

    mutating func splitLines() {
        var start = 0
        for piece in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            var line = String(decoding: piece, as: UTF8.self)
            if line.hasSuffix("\r") { line.removeLast() }
            lines.append((start, line))
            start += piece.count + 1
        }
        // A final line break does not open another line.
        if lines.count > 1, lines.last?.text.isEmpty == true, text.utf8.last == UInt8(ascii: "\n") { lines.removeLast() }
    }

    // MARK: Errors

    func error(_ code: String, _ message: String, line: Int, column: Int = 0, length: Int = 1) -> SavedQueryParseError {
        let start = line >= 1 && line <= lines.count ? lines[line - 1].start : text.utf8.count
        let e = CypherError(.inputError, code, message, offset: start + column, length: length)
        return SavedQueryParseError(error: e, source: SourceText(name: path, text: text))
    }

    /// An error under a whole line (its first non-blank character onwards).
    func lineError(_ code: String, _ message: String, line: Int) -> SavedQueryParseError {
        let t = lines[line - 1].text
        let indent = t.utf8.prefix { $0 == 0x20 || $0 == 0x09 }.count
        return error(code, message, line: line, column: indent, length: max(1, t.utf8.count - indent))
    }

    // MARK: Records

    static func isBlank(_ line: String) -> Bool { line.allSatisfy { $0 == " " || $0 == "\t" } }

    static func isComment(_ line: String) -> Bool { line.drop { $0 == " " || $0 == "\t" }.hasPrefix("#") }

    static func isSeparator(_ line: String) -> Bool { line.spaceTrimmed == "----" }

    mutating func file() throws -> SavedQueryFile {
        var records: [SavedRecord] = []
        var index = 0
        while index < lines.count {
            guard !Self.isBlank(lines[index].text) else { index += 1; continue }
            var end = index
            while end + 1 < lines.count, !Self.isBlank(lines[end + 1].text) { end += 1 }
            if let record = try record(first: index + 1, last: end + 1) { records.append(record) }
            index = end + 1
        }
        let crlf = text.utf8.split(separator: UInt8(ascii: "\n")).filter { $0.last == UInt8(ascii: "\r") }.count
        let breaks = text.utf8.filter { $0 == UInt8(ascii: "\n") }.count
        return SavedQueryFile(path: path, source: SourceText(name: path, text: text), lineStarts: lines.map(\.start),
                              lineBreak: crlf * 2 > breaks ? "\r\n" : "\n", records: records)
    }

    /// The record on lines `first...last` (1-based, none blank); nil for a block of comments only.
    func record(first: Int, last: Int) throws -> SavedRecord? {
        var comments: [String] = []
        var conditions: [RecordCondition] = []
        var n = first
        while n <= last {
            let t = lines[n - 1].text
            if Self.isComment(t) {
                comments.append(Self.commentText(t))
            } else if let condition = try condition(line: n) {
                conditions.append(condition)
            } else {
                break
            }
            n += 1
        }
        guard n <= last else {
            if !conditions.isEmpty {
                throw error("MissingDirective", "skipif/onlyif must be followed by the record they apply to",
                            line: last, column: lines[last - 1].text.utf8.count)
            }
            return nil
        }
        let (keyword, column) = Self.firstWord(lines[n - 1].text)
        let kind: SavedRecord.Kind
        switch keyword {
        case "statement": kind = try statementRecord(line: n, last: last)
        case "query": kind = try queryRecord(line: n, last: last)
        case "param": kind = .parameters(try parameters(from: n, last: last))
        case "include": kind = try includeRecord(line: n, last: last)
        case "reset", "halt":
            try requireNothingAfter(line: n, last: last, what: keyword)
            kind = keyword == "reset" ? .reset : .halt
        default:
            throw error("UnknownDirective",
                        "expected statement, query, param, include, reset, halt, skipif, onlyif or a # comment",
                        line: n, column: column, length: max(1, keyword.utf8.count))
        }
        let comment = comments.joined(separator: "\n")
        return SavedRecord(firstLine: first, lastLine: last, line: n, comment: comment, conditions: conditions, kind: kind)
    }

    static func commentText(_ line: String) -> String {
        var t = line.drop { $0 == " " || $0 == "\t" }.dropFirst()
        if t.first == " " { t = t.dropFirst() }
        return t.spaceTrimmed
    }

    /// Directives that stand alone: only comments may share their record.
    func requireNothingAfter(line: Int, last: Int, what: String) throws {
        let words = Self.words(lines[line - 1].text)
        if what != "include", words.count > 1 {
            throw error("BadDirective", "'\(what)' takes no arguments", line: line, column: words[1].column)
        }
        for n in (line + 1)...max(line + 1, last) where n <= last && !Self.isComment(lines[n - 1].text) {
            throw lineError("UnexpectedLine", "'\(what)' stands alone in its record; separate records by a blank line", line: n)
        }
    }

    func includeRecord(line: Int, last: Int) throws -> SavedRecord.Kind {
        let t = lines[line - 1].text
        let (_, column) = Self.firstWord(t)
        let rest = String(decoding: t.utf8.dropFirst(column + "include".utf8.count), as: UTF8.self).spaceTrimmed
        guard !rest.isEmpty else {
            throw error("BadDirective", "include needs a file path", line: line, column: t.utf8.count)
        }
        try requireNothingAfter(line: line, last: last, what: "include")
        return .include(written: rest, resolved: Self.resolve(rest, against: path))
    }

    /// `relative` read from beside the file at `path`.
    static func resolve(_ relative: String, against path: String) -> String {
        if relative.hasPrefix("/") { return relative }
        guard let slash = path.lastIndex(of: "/") else { return relative }
        return String(path[...slash]) + relative
    }

    func parameters(from first: Int, last: Int) throws -> [ParameterAssignment] {
        var out: [ParameterAssignment] = []
        for n in first...last {
            let t = lines[n - 1].text
            if Self.isComment(t) { continue }
            let (keyword, column) = Self.firstWord(t)
            guard keyword == "param" else {
                throw lineError("UnexpectedLine", "a param record holds only param lines", line: n)
            }
            let after = String(decoding: t.utf8.dropFirst(column + 5), as: UTF8.self)
            guard let eq = after.firstIndex(of: "=") else {
                throw error("BadDirective", "expected param NAME = EXPRESSION", line: n, column: t.utf8.count)
            }
            let name = after[..<eq].spaceTrimmed
            let rawExpression = after[after.index(after: eq)...]
            let expression = rawExpression.spaceTrimmed
            let leading = rawExpression.utf8.prefix { $0 == 0x20 || $0 == 0x09 }.count
            let expressionColumn = column + 5 + after.utf8.distance(from: after.startIndex, to: rawExpression.startIndex) + leading
            guard isPlainIdentifier(name) else {
                throw error("BadDirective", "'\(name)' is not a parameter name", line: n, column: column + 6)
            }
            guard !expression.isEmpty else {
                throw error("BadDirective", "param \(name) has no expression", line: n, column: t.utf8.count)
            }
            out.append(ParameterAssignment(name: name, expression: expression, line: n, column: expressionColumn))
        }
        return out
    }

    // MARK: Statements and queries

    func statementRecord(line: Int, last: Int) throws -> SavedRecord.Kind {
        let words = Self.words(lines[line - 1].text)
        let expectation: StatementRecord.Expectation
        switch words.count > 1 ? words[1].text : "" {
        case "ok": expectation = .ok(counters: try counters(words.dropFirst(2), line: line))
        case "error": expectation = .error(try errorExpectation(line: line, after: words[1]))
        default:
            let column = words.count > 1 ? words[1].column : lines[line - 1].text.utf8.count
            throw error("BadDirective", "expected 'statement ok' or 'statement error'", line: line, column: column)
        }
        var cypherLines: [Int] = []
        for n in (line + 1)..<(last + 1) {
            let t = lines[n - 1].text
            if Self.isComment(t) { continue }
            if Self.isSeparator(t) {
                throw lineError("UnexpectedSeparator", "a statement has no expected rows; use a query record", line: n)
            }
            cypherLines.append(n)
        }
        let cypher = try block(cypherLines, directive: line)
        return .statement(StatementRecord(expectation: expectation, cypher: cypher))
    }

    func queryRecord(line: Int, last: Int) throws -> SavedRecord.Kind {
        let words = Self.words(lines[line - 1].text)
        var mode = SortMode.nosort
        var modeWritten = false
        var errorExpected: ErrorExpectation?
        if words.count > 1 {
            if words[1].text == "error" {
                errorExpected = try errorExpectation(line: line, after: words[1])
            } else if let m = SortMode(rawValue: words[1].text) {
                mode = m
                modeWritten = true
                if words.count > 2 {
                    throw error("BadDirective", "nothing may follow the sort mode", line: line, column: words[2].column)
                }
            } else {
                throw error("BadDirective", "expected nosort, rowsort, valuesort or error after 'query'",
                            line: line, column: words[1].column, length: words[1].text.utf8.count)
            }
        }
        var cypherLines: [Int] = []
        var separator: Int?
        for n in (line + 1)..<(last + 1) {
            let t = lines[n - 1].text
            if Self.isSeparator(t) { separator = n; break }
            if Self.isComment(t) { continue }
            cypherLines.append(n)
        }
        let cypher = try block(cypherLines, directive: line)
        let statements = StatementSplitter.split(cypher.text)
        if statements.count > 1 {
            let second = statements[1]
            let leading = second.text.utf8.prefix { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }.count
            throw SavedQueryParseError(
                error: CypherError(.inputError, "SeveralStatements",
                                   "a query record holds one statement; put setup in statement records",
                                   offset: cypher.fileOffset(of: second.offset + leading, in: partialFile())),
                source: SourceText(name: path, text: text))
        }
        if let errorExpected {
            if let separator {
                throw lineError("UnexpectedSeparator", "a query that expects an error has no expected rows", line: separator)
            }
            return .query(QueryRecord(mode: mode, modeWritten: modeWritten, expectation: .error(errorExpected), cypher: cypher))
        }
        guard let separator else {
            return .query(QueryRecord(mode: mode, modeWritten: modeWritten, expectation: .result(nil), cypher: cypher))
        }
        let result = try expectedResult(separator: separator, last: last)
        if mode == .nosort, result.rows.count > 1, !Self.hasOrderBy(cypher.text) {
            throw lineError("NosortWithoutOrderBy",
                            "several rows in nosort order need ORDER BY in the query; otherwise use rowsort or valuesort",
                            line: line)
        }
        return .query(QueryRecord(mode: mode, modeWritten: modeWritten, expectation: .result(result), cypher: cypher))
    }

    /// A file with what has been read so far, for offset arithmetic before the records exist.
    func partialFile() -> SavedQueryFile {
        SavedQueryFile(path: path, source: SourceText(name: path, text: text), lineStarts: lines.map(\.start),
                       lineBreak: "\n", records: [])
    }

    /// The Cypher text of `fileLines`, which must not be empty.
    func block(_ fileLines: [Int], directive: Int) throws -> CypherBlock {
        guard !fileLines.isEmpty else {
            throw error("MissingQuery", "the record has no Cypher text after its directive line",
                        line: directive, column: lines[directive - 1].text.utf8.count)
        }
        var text = ""
        var starts: [Int] = []
        for (i, n) in fileLines.enumerated() {
            if i > 0 { text += "\n" }
            starts.append(text.utf8.count)
            text += lines[n - 1].text
        }
        return CypherBlock(text: text, fileLines: fileLines, textLineStarts: starts)
    }

    func expectedResult(separator: Int, last: Int) throws -> ExpectedResult {
        guard separator < last else {
            throw error("MissingHeader", "'----' must be followed by a header line of column names",
                        line: separator, column: lines[separator - 1].text.utf8.count)
        }
        let headerLine = separator + 1
        let columns = lines[headerLine - 1].text.split(separator: "|", omittingEmptySubsequences: false).map { $0.spaceTrimmed }
        if let empty = columns.firstIndex(of: "") {
            throw lineError("MissingHeader", "column \(empty + 1) of the header has no name", line: headerLine)
        }
        var rows: [ExpectedRow] = []
        var n = headerLine + 1
        while n <= last {
            let t = lines[n - 1].text
            if Self.isComment(t) {
                throw lineError("CommentInResult", "comments cannot sit among expected rows; put them above the record", line: n)
            }
            if Self.isSeparator(t) { throw lineError("UnexpectedSeparator", "a second '----' in one record", line: n) }
            rows.append(try row(line: n, columns: columns.count))
            n += 1
        }
        return ExpectedResult(separatorLine: separator, headerLine: headerLine, columns: columns, rows: rows)
    }

    func row(line n: Int, columns: Int) throws -> ExpectedRow {
        let t = lines[n - 1].text
        var reader = CypherLiteralReader(t, evaluate: evaluate)
        let read: [(value: Result<Value, LiteralReadError>, start: Int, end: Int)]
        do {
            read = try reader.row()
        } catch let e as LiteralReadError {
            throw error("BadLiteral", e.message, line: n, column: e.position)
        }
        let bytes = Array(t.utf8)
        var cells: [ExpectedCell] = []
        var texts: [String] = []
        for cell in read {
            let text = String(decoding: bytes[cell.start..<cell.end], as: UTF8.self).spaceTrimmed
            texts.append(text)
            switch cell.value {
            case .success(let v): cells.append(.value(v))
            case .failure: cells.append(.text(text))
            }
        }
        guard cells.count == columns else {
            throw lineError("CellCount", "the row has \(cells.count) \(cells.count == 1 ? "cell" : "cells") but the header names \(columns) \(columns == 1 ? "column" : "columns")", line: n)
        }
        return ExpectedRow(line: n, text: t.spaceTrimmed, cells: cells, cellTexts: texts)
    }
}
