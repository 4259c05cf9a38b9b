// The parsed form of a saved query file (`.cyt`): its records, each with the lines it spans, so
// that the runner can report `file:line`, run one record chosen by line, and the updater can
// replace exactly the lines holding an expectation while leaving comments and layout alone.
//
// The format is written down in docs/cyt-format.md; SavedQueryParser.swift reads it. Lines are
// 1-based everywhere in this model, as they are in every message a user sees.

import KeiretsuCypher
import KeiretsuGraph

/// One `.cyt` file: its text, the byte offset where each line starts, and its records.
public struct SavedQueryFile: Sendable {
    /// The path as the user gave it (or as an `include` resolved it); used in every message.
    public var path: String
    public var source: SourceText
    /// Byte offset of the start of each line (index 0 is line 1).
    public var lineStarts: [Int]
    /// The line break the file mostly uses (`\n` or `\r\n`), kept when the file is rewritten.
    public var lineBreak: String
    public var records: [SavedRecord]

    /// The text of line `n` (1-based) without its line break.
    public func line(_ n: Int) -> String { source.line(n) }

    /// The UTF-8 byte offset in the file of `column` bytes into line `n`.
    func offset(line n: Int, byteColumn: Int) -> Int {
        guard n >= 1, n <= lineStarts.count else { return source.text.utf8.count }
        return lineStarts[n - 1] + byteColumn
    }

    /// The record whose lines (comments and expectations included) contain line `n`.
    public func record(containing n: Int) -> SavedRecord? {
        records.first { $0.firstLine <= n && n <= $0.lastLine }
    }
}

/// One record: the lines from its first comment to its last expected row.
public struct SavedRecord: Sendable {
    /// The first line of the record (its first comment, condition or directive).
    public var firstLine: Int
    /// The last line of the record.
    public var lastLine: Int
    /// The line of the directive (`statement`, `query`, `param`, …): the `file:line` of messages.
    public var line: Int
    /// The record's comment lines, `#` and one following space removed, joined by line breaks.
    public var comment: String
    public var conditions: [RecordCondition]
    public var kind: Kind

    public enum Kind: Sendable {
        case statement(StatementRecord)
        case query(QueryRecord)
        /// `param name = expression` lines, evaluated in order.
        case parameters([ParameterAssignment])
        /// `include PATH`: the path as written and as resolved against the including file.
        case include(written: String, resolved: String)
        /// `reset`: back to a fresh copy of the source graph, with no parameters.
        case reset
        /// `halt`: stop running this file.
        case halt
    }

    /// Whether this record is a check that is counted (passed, failed or skipped).
    public var isCheck: Bool {
        switch kind {
        case .statement, .query: return true
        default: return false
        }
    }

    /// The Cypher text of a statement or query record.
    public var cypher: CypherBlock? {
        switch kind {
        case .statement(let s): return s.cypher
        case .query(let q): return q.cypher
        default: return nil
        }
    }

    /// A one-line name for reports: the first comment line, else the first line of Cypher.
    public var title: String {
        let firstComment = comment.split(separator: "\n").first.map(String.init) ?? ""
        if !firstComment.isEmpty { return firstComment }
        return cypher?.text.split(separator: "\n").first.map { $0.spaceTrimmed } ?? ""
    }
}

/// Cypher text inside a record, with the file line of each of its lines so that an error in the
/// text can be shown at its place in the `.cyt` file.
public struct CypherBlock: Sendable {
    /// The lines joined by `\n`, comment lines left out.
    public var text: String
    /// For each line of `text`: its 1-based line in the file.
    public var fileLines: [Int]
    /// For each line of `text`: its byte offset in `text`.
    public var textLineStarts: [Int]

    /// The byte offset in the file of byte `offset` of `text`.
    func fileOffset(of offset: Int, in file: SavedQueryFile) -> Int {
        var index = 0
        while index + 1 < textLineStarts.count && textLineStarts[index + 1] <= offset { index += 1 }
        guard index < fileLines.count, index < textLineStarts.count else { return 0 }
        return file.offset(line: fileLines[index], byteColumn: offset - textLineStarts[index])
    }
}

/// `statement ok [counter=N]…` or `statement error …`.
public struct StatementRecord: Sendable {
    public enum Expectation: Sendable {
        /// Success, with the statistics counters the record lists (in the order written).
        case ok(counters: [CounterExpectation])
        case error(ErrorExpectation)
    }
    public var expectation: Expectation
    public var cypher: CypherBlock
}

/// `nodesCreated=2` on a `statement ok` line.
public struct CounterExpectation: Sendable, Equatable {
    public var name: String
    public var value: Int
}

/// `Kind[.Code] [at L:C] [/regex/]` after `statement error` or `query error`.
public struct ErrorExpectation: Sendable {
    public var kind: CypherError.Kind
    /// Nil when only the kind is checked.
    public var code: String?
    /// Line and column inside the record's Cypher text.
    public var position: SourceLocation?
    /// A regular expression that must match somewhere in the message.
    public var pattern: String?

    /// The expectation as written on a directive line, after `error `.
    public var text: String {
        var out = kind.rawValue
        if let code { out += "." + code }
        if let position { out += " at \(position.line):\(position.column)" }
        if let pattern { out += " /\(pattern)/" }
        return out
    }
}

/// How a query's rows are compared (sqllogictest's modes).
public enum SortMode: String, Sendable, CaseIterable {
    /// In the order the query returns them; a query returning several rows must then say
    /// ORDER BY.
    case nosort
    /// As a multiset of rows: both sides sorted by their printed text.
    case rowsort
    /// As a multiset of values: every cell of every row, sorted.
    case valuesort
}

/// `query [mode]` with its expected result, or `query error …`.
public struct QueryRecord: Sendable {
    public enum Expectation: Sendable {
        /// The expected result; nil when the record has no `----` block yet (`--update` adds it).
        case result(ExpectedResult?)
        case error(ErrorExpectation)
    }
    public var mode: SortMode
    /// Whether the mode word was written (so that an update can keep the line as it is).
    public var modeWritten: Bool
    public var expectation: Expectation
    public var cypher: CypherBlock
}

/// The block after `----`: a header line of column names and one line per row.
public struct ExpectedResult: Sendable {
    /// The line of `----`.
    public var separatorLine: Int
    public var headerLine: Int
    public var columns: [String]
    public var rows: [ExpectedRow]
}

public struct ExpectedRow: Sendable {
    public var line: Int
    /// The line as written (for diffs, so that the user sees their own text).
    public var text: String
    public var cells: [ExpectedCell]
    /// Each cell's text as written.
    public var cellTexts: [String]
}

/// One expected cell: a value read from its Cypher literal, or — when the literal calls a
/// function the engine cannot evaluate (a temporal constructor before temporals exist) — the
/// literal's text, compared as text.
public enum ExpectedCell: Sendable {
    case value(Value)
    case text(String)

    /// The comparison key: equal keys mean equal values (see ResultComparison.swift).
    public var key: String {
        switch self {
        case .value(let v): return v.comparisonKey
        case .text(let t): return t
        }
    }
}

/// `param name = expression`.
public struct ParameterAssignment: Sendable {
    public var name: String
    public var expression: String
    public var line: Int
    /// Byte column of the expression in its line, to show errors in it at their place.
    public var column: Int
}

/// `skipif CONDITION` / `onlyif CONDITION`: the record runs when every onlyif holds and no
/// skipif does.
public struct RecordCondition: Sendable, Equatable {
    public enum Test: Sendable, Equatable {
        /// The environment variable is set and not empty, or has exactly the given value.
        case environment(name: String, value: String?)
        /// The engine knows a function of this name.
        case function(String)
        /// The graph, at that point of the file, has a node with this label.
        case label(String)
        /// The graph, at that point of the file, has a relationship of this type.
        case relationshipType(String)
    }
    /// True for `onlyif`, false for `skipif`.
    public var only: Bool
    public var test: Test
    /// The condition as written, for the skip reason.
    public var text: String
}

extension Substring {
    /// The text without leading and trailing spaces, tabs and carriage returns.
    var spaceTrimmed: String {
        var s = self
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
        return String(s)
    }
}

extension String {
    var spaceTrimmed: String { self[...].spaceTrimmed }
}
