// The parts of `.cyt` directive lines: statistics counters (`statement ok nodesCreated=2`), error
// expectations (`statement error SyntaxError.UnknownFunction at 1:8 /unknown function/`),
// record conditions (`skipif env CI`, `onlyif function date`), and the ORDER BY test that lets a
// `nosort` query return several rows.

import KeiretsuCypher
import KeiretsuGraph

extension SavedQueryParser {
    /// The words of a line separated by spaces or tabs, each with its byte column.
    static func words(_ line: String) -> [(text: String, column: Int)] {
        var out: [(text: String, column: Int)] = []
        let bytes = Array(line.utf8)
        var i = 0
        while i < bytes.count {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
            let start = i
            while i < bytes.count, bytes[i] != 0x20, bytes[i] != 0x09 { i += 1 }
            if i > start { out.append((String(decoding: bytes[start..<i], as: UTF8.self), start)) }
        }
        return out
    }

    static func firstWord(_ line: String) -> (String, Int) {
        words(line).first.map { ($0.text, $0.column) } ?? ("", 0)
    }

    // MARK: Counters

    /// `name=N` words after `statement ok`; the names are those of QueryStatistics.
    func counters(_ words: ArraySlice<(text: String, column: Int)>, line: Int) throws -> [CounterExpectation] {
        let known = QueryStatistics().fields.map(\.name)
        var out: [CounterExpectation] = []
        for word in words {
            let parts = word.text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else {
                throw error("BadDirective", "expected counter=N after 'statement ok'", line: line, column: word.column,
                            length: word.text.utf8.count)
            }
            let name = String(parts[0])
            guard known.contains(name) else {
                throw error("UnknownCounter", "unknown counter '\(name)'; known: \(known.joined(separator: ", "))",
                            line: line, column: word.column, length: max(1, name.utf8.count))
            }
            guard let value = Int(parts[1]), value >= 0 else {
                throw error("BadDirective", "the counter \(name) needs a whole number ≥ 0", line: line,
                            column: word.column + name.utf8.count + 1)
            }
            if out.contains(where: { $0.name == name }) {
                throw error("BadDirective", "the counter \(name) is given twice", line: line, column: word.column)
            }
            out.append(CounterExpectation(name: name, value: value))
        }
        return out
    }

    // MARK: Error expectations

    /// `Kind[.Code] [at L:C] [/regex/]`, following the word `error` of the directive on `line`.
    func errorExpectation(line: Int, after errorWord: (text: String, column: Int)) throws -> ErrorExpectation {
        let t = lines[line - 1].text
        let bytes = Array(t.utf8)
        let restStart = errorWord.column + errorWord.text.utf8.count
        // The regular expression runs from the first '/' to the '/' that ends the line.
        var pattern: String?
        var end = bytes.count
        if let slash = bytes[restStart...].firstIndex(of: UInt8(ascii: "/")) {
            let tail = String(decoding: bytes[slash...], as: UTF8.self).spaceTrimmed
            guard tail.utf8.count >= 2, tail.hasSuffix("/") else {
                throw error("BadDirective", "a message pattern is written /regex/ and ends the line", line: line, column: slash)
            }
            let body = String(tail.dropFirst().dropLast())
            do {
                _ = try Regex(body)
            } catch {
                throw self.error("BadRegex", "not a regular expression: \(error)", line: line, column: slash + 1)
            }
            pattern = body
            end = slash
        }
        let words = Self.words(String(decoding: bytes[restStart..<end], as: UTF8.self)).map { ($0.text, $0.column + restStart) }
        guard let first = words.first else {
            throw error("BadDirective", "expected the error as Kind or Kind.Code (e.g. SyntaxError.UnknownFunction)",
                        line: line, column: restStart)
        }
        let parts = first.0.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let kind = CypherError.Kind(rawValue: String(parts[0])) else {
            let kinds = CypherError.Kind.allCases.map(\.rawValue).joined(separator: ", ")
            throw error("UnknownErrorKind", "unknown error kind '\(parts[0])'; known: \(kinds)", line: line,
                        column: first.1, length: parts[0].utf8.count)
        }
        var code: String?
        if parts.count == 2 {
            guard !parts[1].isEmpty, isPlainIdentifier(String(parts[1])) else {
                throw error("BadDirective", "expected an error code after '\(parts[0]).'", line: line,
                            column: first.1 + parts[0].utf8.count + 1)
            }
            code = String(parts[1])
        }
        var position: SourceLocation?
        var k = 1
        if k < words.count, words[k].0 == "at" {
            guard k + 1 < words.count, let p = Self.position(words[k + 1].0) else {
                throw error("BadDirective", "expected LINE:COLUMN after 'at'", line: line,
                            column: k + 1 < words.count ? words[k + 1].1 : words[k].1 + 2)
            }
            position = p
            k += 2
        }
        if k < words.count {
            throw error("BadDirective", "unexpected '\(words[k].0)'; expected [at L:C] [/regex/]", line: line,
                        column: words[k].1, length: words[k].0.utf8.count)
        }
        return ErrorExpectation(kind: kind, code: code, position: position, pattern: pattern)
    }

    static func position(_ text: String) -> SourceLocation? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let l = Int(parts[0]), let c = Int(parts[1]), l >= 1, c >= 1 else { return nil }
        return SourceLocation(line: l, column: c)
    }

    // MARK: Conditions

    /// `skipif|onlyif env NAME[=VALUE] | function NAME | label NAME | type NAME`; nil when the
    /// line is not a condition.
    func condition(line: Int) throws -> RecordCondition? {
        let t = lines[line - 1].text
        let words = Self.words(t)
        guard let first = words.first, first.text == "skipif" || first.text == "onlyif" else { return nil }
        guard words.count == 3 else {
            throw error("BadCondition", "expected \(first.text) env NAME[=VALUE] | function NAME | label NAME | type NAME",
                        line: line, column: words.count > 1 ? words[1].column : t.utf8.count)
        }
        let argument = words[2].text
        let test: RecordCondition.Test
        switch words[1].text {
        case "env":
            let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            test = .environment(name: String(parts[0]), value: parts.count == 2 ? String(parts[1]) : nil)
        case "function": test = .function(argument)
        case "label": test = .label(argument)
        case "type": test = .relationshipType(argument)
        default:
            throw error("BadCondition", "unknown condition '\(words[1].text)'; expected env, function, label or type",
                        line: line, column: words[1].column, length: words[1].text.utf8.count)
        }
        return RecordCondition(only: first.text == "onlyif", test: test,
                               text: "\(first.text) \(words[1].text) \(argument)")
    }

    // MARK: ORDER BY

    /// Whether the query says ORDER BY anywhere outside strings, quoted names and comments.
    /// A nosort record returning several rows needs it: without it the row order is the
    /// engine's choice and may change with any release.
    static func hasOrderBy(_ query: String) -> Bool {
        let bytes = Array(query.utf8)
        var i = 0
        var previousWord = ""
        var previousWordEnd = -1
        var onlySpaceSince = true
        func isWord(_ b: UInt8) -> Bool {
            b == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
                || b >= 0x80
        }
        while i < bytes.count {
            let b = bytes[i]
            let next: UInt8 = i + 1 < bytes.count ? bytes[i + 1] : 0
            if b == UInt8(ascii: "'") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "`") {
                i += 1
                while i < bytes.count, bytes[i] != b {
                    if bytes[i] == UInt8(ascii: "\\"), b != UInt8(ascii: "`") { i += 1 }
                    i += 1
                }
                i += 1
                previousWord = ""
            } else if b == UInt8(ascii: "/"), next == UInt8(ascii: "/") {
                while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
            } else if b == UInt8(ascii: "/"), next == UInt8(ascii: "*") {
                i += 2
                while i + 1 < bytes.count, !(bytes[i] == UInt8(ascii: "*") && bytes[i + 1] == UInt8(ascii: "/")) { i += 1 }
                i += 2
            } else if isWord(b) {
                let start = i
                while i < bytes.count, isWord(bytes[i]) { i += 1 }
                let word = String(decoding: bytes[start..<i], as: UTF8.self).uppercased()
                if word == "BY", previousWord == "ORDER", onlySpaceSince, previousWordEnd >= 0 { return true }
                previousWord = word
                previousWordEnd = i
                onlySpaceSince = true
            } else {
                if !(b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D) { onlySpaceSince = false; previousWord = "" }
                i += 1
            }
        }
        return false
    }
}
