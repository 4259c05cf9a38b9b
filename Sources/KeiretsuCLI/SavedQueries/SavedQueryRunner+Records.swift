// The checks of the record kinds: `statement ok` (success and the statistics counters it
// lists), `statement error` and `query error` (kind, code, position and message pattern), and
// `query` (columns and rows under the record's sort mode); and the directives that set state
// (`param`, an `include` of a plain Cypher script).
//
// A failed check says why in one line and gives details (the query and a diff, or the engine's
// error shown at its place in the `.cyt` file). When `--update` can repair the record by
// rewriting its expectation, the check also carries that rewrite as line edits; a failure that
// only a person can judge (a statement that now fails, a nosort query without ORDER BY) has none.

import KeiretsuCypher
import KeiretsuGraph

/// Replace lines `first...last` of a file (1-based; `last == first - 1` inserts before `first`).
struct LineEdit: Sendable, Equatable {
    var first: Int
    var last: Int
    var lines: [String]
}

struct CheckResult {
    var failure: (reason: String, details: String)?
    var fix: [LineEdit]?

    static let pass = CheckResult()

    static func fail(_ reason: String, _ details: String, fix: [LineEdit]? = nil) -> CheckResult {
        CheckResult(failure: (reason, details), fix: fix)
    }
}

extension SavedQueryRunner {
    // MARK: statement

    func checkStatement(_ statement: StatementRecord, _ record: SavedRecord, in file: SavedQueryFile,
                        state: FileState) -> CheckResult {
        let block = statement.cypher
        var stats = QueryStatistics()
        var failure: (error: CypherError, offset: Int)?
        for piece in StatementSplitter.split(block.text) {
            do {
                stats += try state.database.execute(piece.text, parameters: state.parameters).stats
            } catch let e as CypherError {
                failure = (e, piece.offset)
                break
            } catch {
                failure = (CypherError(.databaseError, "Internal", "\(error)"), piece.offset)
                break
            }
        }
        switch statement.expectation {
        case .ok(let counters):
            if let failure {
                return .fail("the statement failed: \(failure.error.qualifiedCode)",
                             indented(block.text) + "\n" + render(failure.error, block, failure.offset, file))
            }
            var wrong: [String] = []
            var actual: [CounterExpectation] = []
            for counter in counters {
                let value = stats.fields.first { $0.name == counter.name }?.value ?? 0
                actual.append(CounterExpectation(name: counter.name, value: value))
                if value != counter.value { wrong.append("\(counter.name) expected \(counter.value), got \(value)") }
            }
            guard !wrong.isEmpty else { return .pass }
            let line = directive(file, record, "statement ok" + actual.map { " \($0.name)=\($0.value)" }.joined())
            return .fail("wrong counters: " + wrong.joined(separator: "; "),
                         indented(block.text) + "\nactual: " + stats.fields.map { "\($0.name)=\($0.value)" }.joined(separator: " "),
                         fix: [line])
        case .error(let expected):
            guard let failure else {
                return .fail("expected \(expected.text), but the statement succeeded", indented(block.text))
            }
            return checkError(expected, failure.error, offset: failure.offset, keyword: "statement", block, record, file)
        }
    }

    // MARK: query

    func checkQuery(_ query: QueryRecord, _ record: SavedRecord, in file: SavedQueryFile, state: FileState) -> CheckResult {
        let block = query.cypher
        guard let statement = StatementSplitter.split(block.text).first else {
            return .fail("the record holds no statement", indented(block.text))
        }
        let result: QueryResult
        do {
            result = try state.database.execute(statement.text, parameters: state.parameters)
        } catch let e as CypherError {
            guard case .error(let expected) = query.expectation else {
                return .fail("the query failed: \(e.qualifiedCode)", indented(block.text) + "\n" + render(e, block, statement.offset, file))
            }
            return checkError(expected, e, offset: statement.offset, keyword: "query", block, record, file)
        } catch {
            return .fail("the query failed: \(error)", indented(block.text))
        }
        let actual = ActualResult(columns: result.columns, rows: result.rows)
        let lines = actual.expectationLines(mode: query.mode)
        switch query.expectation {
        case .error(let expected):
            return .fail("expected \(expected.text), but the query succeeded",
                         indented(block.text) + "\nactual:\n" + lines.joined(separator: "\n"))
        case .result(let expected):
            if result.columns.isEmpty {
                return .fail("the query returns no columns; use a statement record", indented(block.text))
            }
            if query.mode == .nosort, result.rows.count > 1, !SavedQueryParser.hasOrderBy(block.text) {
                return .fail("\(result.rows.count) rows in nosort order, but the query has no ORDER BY; add one, or use rowsort or valuesort",
                             indented(block.text))
            }
            guard let expected else {
                let insert = LineEdit(first: record.lastLine + 1, last: record.lastLine, lines: ["----"] + lines)
                return .fail("no expected result yet (run with --update to record it)",
                             indented(block.text) + "\nactual:\n" + lines.joined(separator: "\n"), fix: [insert])
            }
            guard let diff = ResultComparison.mismatch(expected: expected, actual: actual, mode: query.mode) else { return .pass }
            let end = expected.rows.last?.line ?? expected.headerLine
            let replace = LineEdit(first: expected.headerLine, last: end, lines: lines)
            let reason = expected.columns == actual.columns ? "the result differs" : "the columns differ"
            return .fail(reason, indented(block.text) + "\n" + diff, fix: [replace])
        }
    }

    // MARK: errors

    func checkError(_ expected: ErrorExpectation, _ actual: CypherError, offset: Int, keyword: String,
                    _ block: CypherBlock, _ record: SavedRecord, _ file: SavedQueryFile) -> CheckResult {
        let location = actual.offset.map { SourceText(name: "", text: block.text).location(of: $0 + offset) }
        var wrong: [String] = []
        if actual.kind != expected.kind { wrong.append("kind") }
        if let code = expected.code, code != actual.code { wrong.append("code") }
        if let position = expected.position, position != location { wrong.append("position") }
        var patternMatches = true
        if let pattern = expected.pattern {
            patternMatches = (try? Regex(pattern)).map { actual.message.contains($0) } ?? false
            if !patternMatches { wrong.append("message") }
        }
        guard !wrong.isEmpty else { return .pass }
        var got = actual.qualifiedCode
        if let location { got += " at \(location.line):\(location.column)" }
        let details = indented(block.text) + "\n" + render(actual, block, offset, file)
        let reason = "expected \(expected.text), got \(got): \(actual.message)"
        // The pattern says what the message must mean; only a person can decide that a new
        // message still fits, so a pattern that no longer matches is not rewritten.
        guard patternMatches else { return .fail(reason, details) }
        let fixed = ErrorExpectation(kind: actual.kind, code: expected.code == nil ? nil : actual.code,
                                     position: expected.position == nil ? nil : location, pattern: expected.pattern)
        return .fail(reason, details, fix: [directive(file, record, "\(keyword) error \(fixed.text)")])
    }

    // MARK: param and include

    /// Evaluates `param` lines in order; each may use the ones before it.
    func assign(_ assignments: [ParameterAssignment], in file: SavedQueryFile, state: FileState) -> CaseOutcome? {
        for a in assignments {
            let prefix = "RETURN "
            do {
                let result = try state.database.execute(prefix + a.expression + " AS value", parameters: state.parameters)
                state.parameters[a.name] = result.rows.first?.first ?? .null
            } catch let e as CypherError {
                var moved = e
                if let o = e.offset {
                    moved.offset = file.offset(line: a.line, byteColumn: a.column + max(0, o - prefix.utf8.count))
                }
                return .failed(reason: "param \(a.name) failed: \(e.qualifiedCode)", details: file.source.render(moved))
            } catch {
                return .failed(reason: "param \(a.name) failed: \(error)", details: "")
            }
        }
        return nil
    }

    /// Runs an included plain Cypher script; nil when every statement succeeded.
    func runScript(_ script: String, path: String, state: FileState) -> CaseOutcome? {
        do {
            try state.database.executeScript(script, parameters: state.parameters) { _ in }
            return nil
        } catch let e as CypherError {
            return .failed(reason: "include \(path) failed: \(e.qualifiedCode)",
                           details: SourceText(name: path, text: script).render(e))
        } catch {
            return .failed(reason: "include \(path) failed: \(error)", details: "")
        }
    }

    // MARK: helpers

    /// The engine's error shown at its place in the `.cyt` file.
    func render(_ e: CypherError, _ block: CypherBlock, _ statementOffset: Int, _ file: SavedQueryFile) -> String {
        var moved = e
        if let o = e.offset { moved.offset = block.fileOffset(of: o + statementOffset, in: file) }
        return file.source.render(moved)
    }

    /// A rewrite of the record's directive line, keeping its indentation.
    func directive(_ file: SavedQueryFile, _ record: SavedRecord, _ text: String) -> LineEdit {
        let indent = String(file.line(record.line).prefix { $0 == " " || $0 == "\t" })
        return LineEdit(first: record.line, last: record.line, lines: [indent + text])
    }

    func indented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
    }
}
