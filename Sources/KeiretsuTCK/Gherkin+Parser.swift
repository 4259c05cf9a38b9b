// A line-oriented reader for the Gherkin subset of the TCK feature files.
//
// Gherkin is line based: every non-blank line outside a doc string starts with a keyword
// (`Feature:`, `Background:`, `Scenario:`, `Scenario Outline:`, `Examples:`, a step keyword), a
// tag (`@…`), a comment (`#…`) or a table row (`|…|`). Free text directly under a Feature,
// Scenario or Examples header is its description and is ignored. The rules implemented here
// follow the Cucumber Gherkin reference:
//
//   - doc strings open and close with `"""` (or ```` ``` ````); each content line loses as much
//     leading whitespace as the opening delimiter had, and `\"\"\"` inside stands for `"""`;
//   - table cells are split on unescaped `|`, trimmed, then unescaped: `\|` → `|`, `\\` → `\`,
//     `\n` → newline, any other backslash stays as written;
//   - tags collect until the next Feature, Scenario or Examples header, which owns them.

import Foundation

public enum GherkinParser {
    static let stepKeywords = ["Given ", "When ", "Then ", "And ", "But ", "* "]
    static let scenarioKeywords = ["Scenario Outline:", "Scenario Template:", "Scenario:", "Example:"]
    static let examplesKeywords = ["Examples:", "Scenarios:"]

    /// Parses one feature file. `path` is only used to name the file in errors and ids.
    public static func parse(_ text: String, path: String) throws -> Feature {
        var reader = Reader(path: path, lines: splitLines(text))
        return try reader.parseFeature()
    }

    /// Lines without their terminators; `\r\n` and `\r` count as line breaks too.
    static func splitLines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        var start = text.startIndex
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if c == "\n" || c == "\r\n" || c == "\r" {
                lines.append(text[start..<i])
                i = text.index(after: i)
                start = i
            } else {
                i = text.index(after: i)
            }
        }
        if start < text.endIndex { lines.append(text[start...]) }
        return lines
    }

    /// Splits a table row into unescaped cells. `row` must start with `|` after its indentation.
    static func tableCells(_ row: Substring) -> (cells: [String], trailing: Bool) {
        let trimmed = row.drop(while: { $0 == " " || $0 == "\t" })
        var cells: [String] = []
        var raw = ""
        var chars = trimmed.dropFirst().makeIterator()  // past the opening `|`
        var open = false  // whether `raw` holds a cell not yet closed by `|`
        while let c = chars.next() {
            if c == "\\" {
                // Keep escapes raw until the cell is trimmed, so `\ ` style text is untouched.
                raw.append(c)
                if let d = chars.next() { raw.append(d) }
                open = true
            } else if c == "|" {
                cells.append(unescapeCell(raw.trimmingWhitespace()))
                raw = ""
                open = false
            } else {
                raw.append(c)
                if c != " " && c != "\t" { open = true }
            }
        }
        return (cells, open)
    }

    static func unescapeCell(_ s: String) -> String {
        var out = ""
        var it = s.makeIterator()
        while let c = it.next() {
            guard c == "\\" else {
                out.append(c)
                continue
            }
            guard let d = it.next() else {
                out.append(c)
                break
            }
            switch d {
            case "|": out.append("|")
            case "\\": out.append("\\")
            case "n": out.append("\n")
            default:
                out.append(c)
                out.append(d)
            }
        }
        return out
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].properties.isWhitespace { end = scalars.index(before: end) }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }
}

/// The parser's state while it walks the lines of one file.
struct Reader {
    enum Section {
        case none, feature, background, scenario, examples
    }

    let path: String
    let lines: [Substring]
    var index = 0

    var featureName: String?
    var featureTags: [String] = []
    var background: [Step] = []
    var scenarios: [ScenarioDefinition] = []
    var pendingTags: [String] = []
    var section = Section.none
    /// The scenario being read (appended to `scenarios` when the next header starts).
    var current: ScenarioDefinition?

    init(path: String, lines: [Substring]) {
        self.path = path
        self.lines = lines
    }

    func fail(_ line: Int, _ column: Int, _ message: String) -> GherkinError {
        GherkinError(path: path, line: line, column: column, message: message)
    }

    mutating func parseFeature() throws -> Feature {
        while index < lines.count {
            let raw = lines[index]
            let lineNo = index + 1
            let indent = raw.prefix(while: { $0 == " " || $0 == "\t" }).count
            let column = indent + 1
            let text = raw.trimmingWhitespace()
            index += 1
            if text.isEmpty || text.hasPrefix("#") { continue }

            if text.hasPrefix("@") {
                for token in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                    if token.hasPrefix("#") { break }
                    guard token.hasPrefix("@"), token.count > 1 else {
                        throw fail(lineNo, column, "expected a tag starting with '@', found '\(token)'")
                    }
                    pendingTags.append(String(token))
                }
                continue
            }
            if let rest = text.dropKeyword("Feature:") {
                guard featureName == nil else { throw fail(lineNo, column, "a file holds one Feature") }
                featureName = rest
                featureTags = pendingTags
                pendingTags = []
                section = .feature
                continue
            }
            if text.dropKeyword("Background:") != nil {
                guard section == .feature || section == .none, featureName != nil, current == nil else {
                    throw fail(lineNo, column, "Background must come before the first Scenario")
                }
                section = .background
                continue
            }
            if let (keyword, rest) = text.dropAnyKeyword(GherkinParser.scenarioKeywords) {
                guard featureName != nil else { throw fail(lineNo, column, "Scenario before Feature") }
                closeScenario()
                current = ScenarioDefinition(name: rest, tags: pendingTags, line: lineNo,
                                             isOutline: keyword.hasPrefix("Scenario Outline") || keyword.hasPrefix("Scenario Template"),
                                             steps: [], examples: [])
                pendingTags = []
                section = .scenario
                continue
            }
            if text.dropAnyKeyword(GherkinParser.examplesKeywords) != nil {
                guard current?.isOutline == true else {
                    throw fail(lineNo, column, "Examples outside a Scenario Outline")
                }
                current?.examples.append(ExamplesBlock(tags: pendingTags, line: lineNo, header: [], rows: []))
                pendingTags = []
                section = .examples
                continue
            }
            if text.hasPrefix("\"\"\"") || text.hasPrefix("```") {
                let doc = try readDocString(delimiter: String(text.prefix(3)), indent: indent, line: lineNo, column: column)
                try attach(.docString(doc), line: lineNo, column: column)
                continue
            }
            if text.hasPrefix("|") {
                let (cells, trailing) = GherkinParser.tableCells(raw)
                if trailing { throw fail(lineNo, column, "table row must end with '|'") }
                try addTableRow(cells, line: lineNo, column: column)
                continue
            }
            if let (keyword, rest) = text.dropAnyKeyword(GherkinParser.stepKeywords, keepingEmpty: true) {
                let step = Step(keyword: keyword.trimmingWhitespace(), text: rest, line: lineNo)
                switch section {
                case .background: background.append(step)
                case .scenario: current?.steps.append(step)
                default: throw fail(lineNo, column, "step outside a Scenario or Background")
                }
                continue
            }
            // Free-form description under a header, before its first step or table.
            if isDescriptionAllowed { continue }
            throw fail(lineNo, column, "unexpected line '\(text.prefix(40))'")
        }
        closeScenario()
        guard let name = featureName else {
            throw fail(max(lines.count, 1), 1, "no Feature in file")
        }
        return Feature(path: path, name: name, tags: featureTags, background: background, scenarios: scenarios)
    }

    var isDescriptionAllowed: Bool {
        switch section {
        case .none, .feature: return true
        case .background: return background.isEmpty
        case .scenario: return current?.steps.isEmpty ?? true
        case .examples: return current?.examples.last?.header.isEmpty ?? true
        }
    }

    mutating func closeScenario() {
        if let c = current { scenarios.append(c) }
        current = nil
    }

    /// Reads the lines after an opening delimiter up to the closing one.
    mutating func readDocString(delimiter: String, indent: Int, line: Int, column: Int) throws -> String {
        var content: [String] = []
        let escaped = delimiter.map { "\\" + String($0) }.joined()
        while index < lines.count {
            let raw = lines[index]
            index += 1
            if raw.trimmingWhitespace() == delimiter {
                return content.joined(separator: "\n")
            }
            // Drop up to `indent` leading whitespace characters, never other text.
            var dropped = 0
            var rest = raw[...]
            while dropped < indent, let f = rest.first, f == " " || f == "\t" {
                rest = rest.dropFirst()
                dropped += 1
            }
            content.append(String(rest).replacingOccurrences(of: escaped, with: delimiter))
        }
        throw fail(line, column, "doc string opened here is never closed")
    }

    mutating func attach(_ argument: StepArgument, line: Int, column: Int) throws {
        switch section {
        case .background:
            guard let last = background.indices.last, background[last].argument == nil else {
                throw fail(line, column, "doc string or table without a step")
            }
            background[last].argument = argument
        case .scenario:
            guard let c = current, let last = c.steps.indices.last, c.steps[last].argument == nil else {
                throw fail(line, column, "doc string or table without a step")
            }
            current?.steps[last].argument = argument
        default:
            throw fail(line, column, "doc string or table without a step")
        }
    }

    mutating func addTableRow(_ cells: [String], line: Int, column: Int) throws {
        switch section {
        case .examples:
            guard let c = current, let b = c.examples.indices.last else {
                throw fail(line, column, "table row without Examples")
            }
            if c.examples[b].header.isEmpty {
                current?.examples[b].header = cells
            } else {
                guard cells.count == c.examples[b].header.count else {
                    throw fail(line, column, "Examples row has \(cells.count) cells, header has \(c.examples[b].header.count)")
                }
                current?.examples[b].rows.append(cells)
            }
        case .background, .scenario:
            let steps = section == .background ? background : (current?.steps ?? [])
            guard let last = steps.last else { throw fail(line, column, "table without a step") }
            switch last.argument {
            case nil:
                try attach(.table([cells]), line: line, column: column)
            case .table(var rows)?:
                if let width = rows.first?.count, width != cells.count {
                    throw fail(line, column, "table row has \(cells.count) cells, the first row has \(width)")
                }
                rows.append(cells)
                if section == .background {
                    background[background.count - 1].argument = .table(rows)
                } else if let c = current {
                    current?.steps[c.steps.count - 1].argument = .table(rows)
                }
            case .docString?:
                throw fail(line, column, "a step has either a doc string or a table")
            }
        default:
            throw fail(line, column, "table row outside a step")
        }
    }
}

extension String {
    /// The text after `keyword` (trimmed), when the string starts with it.
    func dropKeyword(_ keyword: String) -> String? {
        guard hasPrefix(keyword) else { return nil }
        return dropFirst(keyword.count).trimmingWhitespace()
    }

    func dropAnyKeyword(_ keywords: [String], keepingEmpty: Bool = false) -> (String, String)? {
        for k in keywords {
            if let rest = dropKeyword(k) { return (k, rest) }
            // A step keyword at the very end of a line ("And") has no trailing space to match.
            if keepingEmpty, k.hasSuffix(" "), self == k.trimmingWhitespace() { return (k, "") }
        }
        return nil
    }
}
