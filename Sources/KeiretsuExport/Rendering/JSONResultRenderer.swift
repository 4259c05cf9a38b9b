// `--format jsonl` and `--format json` (DESIGN.md): one object per statement,
//
//   {"columns":["a"],"rows":[[1]],"stats":{"nodesCreated":0,…,"propertiesSet":0}}
//
// on its own line (jsonl) or as the elements of one array (json). The stats keys always appear,
// in the fixed order of `QueryStatistics.fields`. EXPLAIN and PROFILE add a "plan" string after
// "stats". A failed statement ends the stream with
//
//   {"error":{"kind":"SyntaxError","code":"UnknownFunction","message":"…","line":1,"column":8}}
//
// (line and column only when the error points into the text). The array form is closed by
// `end()` even after an error, so it stays valid JSON. Values use `Value.writeJSON`, the one
// encoding of values the whole tool shares.

import KeiretsuCypher
import KeiretsuGraph

public final class JSONResultRenderer: ResultRenderer {
    public enum Style: Sendable { case lines, array }

    let sink: TextSink
    let style: Style
    private var count = 0
    private var open = false

    public init(sink: TextSink, style: Style) {
        self.sink = sink
        self.style = style
    }

    public func begin() {
        guard style == .array, !open else { return }
        open = true
        sink.write("[")
        sink.flush()
    }

    public func write(_ result: QueryResult, title: String?) {
        emit(Self.object(for: result))
    }

    public func writeError(_ error: CypherError, at location: SourceLocation?) {
        emit(Self.object(for: error, at: location))
    }

    public func end() {
        guard style == .array else { return }
        if !open { begin() }
        sink.write(count == 0 ? "]\n" : "\n]\n")
        open = false
        sink.flush()
    }

    private func emit(_ object: String) {
        switch style {
        case .lines:
            sink.write(object)
            sink.write("\n")
        case .array:
            if !open { begin() }
            sink.write(count == 0 ? "\n" : ",\n")
            sink.write(object)
        }
        count += 1
        sink.flush()
    }

    /// The JSON object of one statement's result.
    public static func object(for result: QueryResult) -> String {
        var out = #"{"columns":["#
        for (i, c) in result.columns.enumerated() {
            if i > 0 { out += "," }
            writeJSONString(c, to: &out)
        }
        out += #"],"rows":["#
        for (i, row) in result.rows.enumerated() {
            out += i > 0 ? ",[" : "["
            for (j, v) in row.enumerated() {
                if j > 0 { out += "," }
                v.writeJSON(to: &out)
            }
            out += "]"
        }
        out += #"],"stats":{"#
        for (i, field) in result.stats.fields.enumerated() {
            if i > 0 { out += "," }
            out += "\"\(field.name)\":\(field.value)"
        }
        out += "}"
        if let plan = result.plan {
            out += #","plan":"#
            writeJSONString(plan, to: &out)
        }
        out += "}"
        return out
    }

    /// The JSON error object that ends a stream.
    public static func object(for error: CypherError, at location: SourceLocation?) -> String {
        var out = #"{"error":{"kind":"#
        writeJSONString(error.kind.rawValue, to: &out)
        out += #","code":"#
        writeJSONString(error.code, to: &out)
        out += #","message":"#
        writeJSONString(error.message, to: &out)
        if let location {
            out += #","line":\#(location.line),"column":\#(location.column)"#
        }
        out += "}}"
        return out
    }
}
