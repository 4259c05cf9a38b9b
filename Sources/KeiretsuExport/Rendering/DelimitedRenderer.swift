// `--format csv` and `--format tsv`: a header line of column names, then one line per row.
//
// CSV follows RFC 4180: fields separated by commas, records ended by CRLF, and a field that
// holds a comma, a double quote, CR or LF enclosed in double quotes with inner quotes doubled.
// TSV is the form Unix tools (`cut`, `sort`, `awk -F'\t'`) read: no quoting at all, so a tab,
// line break or backslash inside a value is written as `\t`, `\n` (`\r`) or `\\` — the
// escaping of PostgreSQL's text COPY format and of the IANA text/tab-separated-values
// registration's common practice.
//
// Cells are Cypher literals with bare top-level strings (`Value.cellText`). A statement with no
// columns writes nothing (CSV/TSV carry rows only); several statements with columns are
// separated by an empty line. EXPLAIN/PROFILE plan text is written before the header.

import KeiretsuCypher
import KeiretsuGraph

public final class DelimitedRenderer: ResultRenderer {
    public enum Style: Sendable { case csv, tsv }

    let sink: TextSink
    let style: Style
    private var written = 0

    public init(sink: TextSink, style: Style) {
        self.sink = sink
        self.style = style
    }

    public func begin() {}

    public func write(_ result: QueryResult, title: String?) {
        defer { sink.flush() }
        if let plan = result.plan {
            sink.write(plan.hasSuffix("\n") ? plan : plan + "\n")
        }
        guard !result.columns.isEmpty else { return }
        if written > 0 { sink.write(newline) }
        written += 1
        sink.write(line(result.columns))
        var chunk = ""
        for row in result.rows {
            chunk += line(row.map(\.cellText))
            if chunk.utf8.count > 1 << 16 {
                sink.write(chunk)
                chunk = ""
            }
        }
        sink.write(chunk)
    }

    public func writeError(_ error: CypherError, at location: SourceLocation?) {}

    public func end() { sink.flush() }

    var newline: String { style == .csv ? "\r\n" : "\n" }

    func line(_ fields: [String]) -> String {
        switch style {
        case .csv: return fields.map(Self.csvField).joined(separator: ",") + "\r\n"
        case .tsv: return fields.map(Self.tsvField).joined(separator: "\t") + "\n"
        }
    }

    /// One RFC 4180 field: quoted when it must be.
    public static func csvField(_ text: String) -> String {
        let needsQuotes = text.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { return text }
        var out = "\""
        for ch in text.unicodeScalars {
            if ch == "\"" { out += "\"\"" } else { out.unicodeScalars.append(ch) }
        }
        return out + "\""
    }

    /// One TSV field with tab, line breaks and backslash escaped.
    public static func tsvField(_ text: String) -> String {
        let needsEscape = text.utf8.contains { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x5C }
        guard needsEscape else { return text }
        var out = ""
        for ch in text.unicodeScalars {
            switch ch {
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
