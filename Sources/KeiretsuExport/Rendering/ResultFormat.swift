// The result formats of `keiretsu query`, `run`, `schema` and the REPL (DESIGN.md, "Command-line
// contract"): a box table for people, JSON and JSON Lines for programs, CSV and TSV for
// spreadsheets and shell pipelines.
//
// The default depends on where the output goes: a terminal gets the table, anything else
// (a pipe, a file) gets TSV, the way `ls` switches between columns and one name per line.

import KeiretsuCypher

public enum ResultFormat: String, Sendable, CaseIterable {
    case table, json, jsonl, csv, tsv

    /// The format used when none is asked for.
    public static func defaultFormat(outputIsTerminal: Bool) -> ResultFormat {
        outputIsTerminal ? .table : .tsv
    }

    /// A renderer of this format writing to `sink`.
    public func makeRenderer(sink: TextSink, tableOptions: TableRenderer.Options = .init()) -> ResultRenderer {
        switch self {
        case .table: return TableRenderer(sink: sink, options: tableOptions)
        case .json: return JSONResultRenderer(sink: sink, style: .array)
        case .jsonl: return JSONResultRenderer(sink: sink, style: .lines)
        case .csv: return DelimitedRenderer(sink: sink, style: .csv)
        case .tsv: return DelimitedRenderer(sink: sink, style: .tsv)
        }
    }
}

/// Turns statement results into text, one statement at a time.
///
/// A caller calls `begin()` once, then `write(_:title:)` for each statement as soon as it has
/// finished (the renderer flushes its sink after each, so a reader of a pipe sees progress),
/// `writeError(_:at:)` at most once when a statement fails, and `end()` once — also after an
/// error, so that the JSON array is closed and stays valid JSON.
public protocol ResultRenderer: AnyObject {
    func begin()
    /// `title` names the result for human readers (the table format prints it above the table;
    /// machine formats leave it out so their shape stays the one DESIGN.md fixes).
    func write(_ result: QueryResult, title: String?)
    /// Records the error that stopped a script. Only the JSON formats put errors in the data
    /// stream; the others leave them to stderr.
    func writeError(_ error: CypherError, at location: SourceLocation?)
    func end()
}

extension ResultRenderer {
    public func write(_ result: QueryResult) { write(result, title: nil) }
}
