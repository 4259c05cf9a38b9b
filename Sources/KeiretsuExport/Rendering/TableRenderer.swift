// `--format table`: results as boxes drawn with Unicode box-drawing characters, for people at a
// terminal.
//
//   ┌─────────┬─────┐
//   │ name    │   n │
//   ├─────────┼─────┤
//   │ Example │  43 │
//   └─────────┴─────┘
//   1 row
//
// Numbers are right-aligned, everything else left-aligned; `null` prints as `null`; a cell wider
// than `maxCellWidth` columns is cut with `…`, and line breaks and tabs inside a cell are shown
// as `\n` and `\t` so that one row stays one line. A statement with no columns (a pure update)
// prints the summary of its changes instead (`Created 3 nodes, set 6 properties.`); a statement
// with columns and changes prints both. EXPLAIN and PROFILE print their plan text first; EXPLAIN,
// which returns no rows, prints no table.

import KeiretsuCypher
import KeiretsuGraph

public final class TableRenderer: ResultRenderer {
    public struct Options: Sendable {
        /// The widest a cell may be, in terminal columns, before it is truncated.
        public var maxCellWidth: Int

        public init(maxCellWidth: Int = 60) {
            self.maxCellWidth = max(maxCellWidth, 2)
        }
    }

    let sink: TextSink
    let options: Options
    private var written = 0

    public init(sink: TextSink, options: Options = Options()) {
        self.sink = sink
        self.options = options
    }

    public func begin() {}

    public func write(_ result: QueryResult, title: String?) {
        if written > 0 { sink.write("\n") }
        written += 1
        if let title { sink.write(title + "\n") }
        if let plan = result.plan {
            sink.write(plan.hasSuffix("\n") ? plan : plan + "\n")
        }
        if result.columns.isEmpty || (result.plan != nil && result.rows.isEmpty) {
            // A pure update, or EXPLAIN (a plan and no rows): no table to draw.
            if result.plan == nil || result.stats.containsUpdates { sink.write(result.stats.summary + "\n") }
        } else {
            sink.write(Self.box(result, options: options))
            let n = result.rows.count
            sink.write("\(n) \(n == 1 ? "row" : "rows")\n")
            if result.stats.containsUpdates { sink.write(result.stats.summary + "\n") }
        }
        sink.flush()
    }

    /// Errors go to stderr; the table has nothing to add.
    public func writeError(_ error: CypherError, at location: SourceLocation?) {}

    public func end() { sink.flush() }

    /// The boxed table of `result` (without the footer).
    public static func box(_ result: QueryResult, options: Options = Options()) -> String {
        let header = result.columns.map { cell($0, options) }
        let rows = result.rows.map { row in row.map { cell(escape($0.cellText), options) } }
        var widths = header.map { DisplayWidth.of($0) }
        for row in rows {
            for (i, c) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], DisplayWidth.of(c))
            }
        }
        func rule(_ left: String, _ mid: String, _ right: String) -> String {
            left + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: mid) + right + "\n"
        }
        func line(_ cells: [String], numeric: [Bool]) -> String {
            var out = "│"
            for (i, w) in widths.enumerated() {
                let c = i < cells.count ? cells[i] : ""
                let pad = String(repeating: " ", count: max(0, w - DisplayWidth.of(c)))
                let right = i < numeric.count && numeric[i]
                out += " " + (right ? pad + c : c + pad) + " │"
            }
            return out + "\n"
        }
        var out = rule("┌", "┬", "┐")
        out += line(header, numeric: [])
        out += rule("├", "┼", "┤")
        for (r, row) in rows.enumerated() {
            out += line(row, numeric: result.rows[r].map(\.isNumeric))
        }
        out += rule("└", "┴", "┘")
        return out
    }

    static func cell(_ text: String, _ options: Options) -> String {
        DisplayWidth.truncate(text, to: options.maxCellWidth)
    }

    /// Line breaks, tabs and other control characters shown as escapes, so a row stays a line.
    static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return text }
        var out = ""
        for s in text.unicodeScalars {
            switch s {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if s.value < 0x20 || s.value == 0x7F {
                    out += "\\u{\(String(s.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(s)
                }
            }
        }
        return out
    }
}
