// Results as the REPL shows them on a terminal: a box table fitted to the window, with a footer.
//
//   ┌──────────┬─────┬──────┐
//   │ name     │   n │ note │
//   ├──────────┼─────┼──────┤
//   │ Example  │  43 │ null │      numbers (and their column's header) right-aligned, null dimmed
//   │ Another… │   7 │ x    │      cells cut at :maxwidth columns (or narrower, to fit)
//   └──────────┴─────┴──────┘
//   2 rows (0.4 ms)
//   120 more rows not shown (:maxrows 0 shows all) · 1 cell cut, 38 characters hidden (:maxwidth)
//
// It differs from `--format table` (TableRenderer) in what a person at a prompt needs: the
// table never wraps (columns shrink, widest first, until it fits the window), long results stop
// after :maxrows rows, the footer says exactly what was left out and how to see it, and null is
// dimmed so it cannot be mistaken for the string 'null'. Row count and time follow every table.

import KeiretsuCypher
import KeiretsuExport
import KeiretsuGraph

struct ReplTable {
    var maxRows: Int
    var maxCellWidth: Int
    var terminalWidth: Int
    var palette: Palette

    /// Narrowest a column is squeezed to when fitting the window.
    static let minimumColumnWidth = 6

    struct Cell {
        var text: String
        var isNull: Bool
        var isNumeric: Bool
    }

    /// The table (or update summary), footer included, for one statement.
    func render(_ result: QueryResult, elapsed: Swift.Duration?) -> String {
        var out = ""
        if let plan = result.plan { out += plan.hasSuffix("\n") ? plan : plan + "\n" }
        let time = elapsed.map { " (" + Self.format($0) + ")" } ?? ""
        if result.columns.isEmpty || (result.plan != nil && result.rows.isEmpty) {
            out += palette.dim(result.stats.summary + time) + "\n"
            return out
        }
        let shown = maxRows > 0 ? min(maxRows, result.rows.count) : result.rows.count
        let header = result.columns.map { Cell(text: TextCleaning.singleLine($0), isNull: false, isNumeric: false) }
        let rows = result.rows.prefix(shown).map { row in
            row.map { v -> Cell in
                if case .null = v { return Cell(text: "null", isNull: true, isNumeric: false) }
                return Cell(text: TextCleaning.singleLine(v.cellText), isNull: false, isNumeric: v.isNumeric)
            }
        }
        let widths = columnWidths(header: header, rows: rows)
        // A column whose values are all numbers (nulls aside) is right-aligned throughout,
        // header and nulls included, so its digits line up.
        let numericColumns = header.indices.map { i in
            rows.contains { i < $0.count && $0[i].isNumeric }
                && rows.allSatisfy { i >= $0.count || $0[i].isNumeric || $0[i].isNull }
        }
        var cutCells = 0
        var hiddenCharacters = 0

        func rule(_ left: String, _ mid: String, _ right: String) -> String {
            palette.dim(left + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: mid) + right) + "\n"
        }
        func line(_ cells: [Cell], isHeader: Bool) -> String {
            let bar = palette.dim("│")
            var text = bar
            for (i, w) in widths.enumerated() {
                let cell = i < cells.count ? cells[i] : Cell(text: "", isNull: false, isNumeric: false)
                let (shownText, cut) = TerminalWidth.truncate(cell.text, to: w)
                if cut && !isHeader {
                    cutCells += 1
                    hiddenCharacters += cell.text.count - (shownText.count - 1)
                }
                let pad = String(repeating: " ", count: max(0, w - TerminalWidth.of(shownText)))
                let styled = isHeader ? palette.bold(shownText) : cell.isNull ? palette.dim(shownText) : shownText
                let right = cell.isNumeric || (i < numericColumns.count && numericColumns[i] && (isHeader || cell.isNull))
                text += " " + (right ? pad + styled : styled + pad) + " " + bar
            }
            return text + "\n"
        }

        out += rule("┌", "┬", "┐")
        out += line(header, isHeader: true)
        out += rule("├", "┼", "┤")
        for row in rows { out += line(row, isHeader: false) }
        out += rule("└", "┴", "┘")

        let n = result.rows.count
        out += "\(n) \(n == 1 ? "row" : "rows")\(time)\n"
        var notes: [String] = []
        if shown < n {
            let more = n - shown
            notes.append("\(more) more \(more == 1 ? "row" : "rows") not shown (:maxrows 0 shows all)")
        }
        if cutCells > 0 {
            notes.append("\(cutCells) \(cutCells == 1 ? "cell" : "cells") cut, \(hiddenCharacters) "
                         + "\(hiddenCharacters == 1 ? "character" : "characters") hidden (:maxwidth N widens cells)")
        }
        if !notes.isEmpty { out += palette.dim(notes.joined(separator: " · ")) + "\n" }
        if result.stats.containsUpdates { out += palette.dim(result.stats.summary) + "\n" }
        return out
    }

    /// Each column's width: its widest cell, capped at `maxCellWidth`, then narrowed widest
    /// first until the table fits the window.
    func columnWidths(header: [Cell], rows: [[Cell]]) -> [Int] {
        let cap = max(maxCellWidth, 2)
        var widths = header.map { min(TerminalWidth.of($0.text), cap) }
        for row in rows {
            for (i, c) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], min(TerminalWidth.of(c.text), cap))
            }
        }
        // │ a │ b │ : each column takes its width plus 3, plus one for the first bar.
        var total = widths.reduce(1) { $0 + $1 + 3 }
        while total > terminalWidth {
            guard let widest = widths.indices.max(by: { widths[$0] < widths[$1] }),
                  widths[widest] > Self.minimumColumnWidth else { break }
            widths[widest] -= 1
            total -= 1
        }
        return widths
    }

    /// `1.2 ms`, `340 µs`, `2.41 s`.
    static func format(_ d: Swift.Duration) -> String {
        let (seconds, attoseconds) = d.components
        let micros = Double(seconds) * 1_000_000 + Double(attoseconds) / 1_000_000_000_000
        if micros < 1000 { return "\(Int(micros.rounded())) µs" }
        if micros < 1_000_000 { return fixed(micros / 1000, digits: micros < 10_000 ? 1 : 0) + " ms" }
        return fixed(micros / 1_000_000, digits: 2) + " s"
    }

    static func fixed(_ x: Double, digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int64((x * scale).rounded())
        let whole = scaled / Int64(scale)
        guard digits > 0 else { return "\(whole)" }
        var frac = String(scaled % Int64(scale))
        while frac.count < digits { frac = "0" + frac }
        return "\(whole).\(frac)"
    }
}

/// Control characters inside a cell, shown as escapes so that a row stays one line.
enum TextCleaning {
    static func singleLine(_ text: String) -> String {
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
