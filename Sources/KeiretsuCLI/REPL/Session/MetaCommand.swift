// The REPL's meta commands: one line starting with `:`, no `;`, handled by the shell itself
// rather than by the engine (cypher-shell's convention).
//
// This file is the catalogue — names, arguments, one-line summaries and the longer help — and
// the parsing of a command line; ReplSession+Meta runs them. An unknown name is answered with
// the closest known one by edit distance (Levenshtein, as `git` does for mistyped commands).

import KeiretsuExport

struct MetaCommand: Sendable {
    var name: String
    var aliases: [String] = []
    var usage: String
    var summary: String
    var details: String
    /// Fixed words the argument may be, for completion (empty: free text or none).
    var arguments: [String] = []

    static let all: [MetaCommand] = [
        MetaCommand(name: "help", usage: ":help [command]", summary: "show the commands, or one command in detail",
                    details: "With no argument, lists every command and the editing keys.",
                    arguments: ["help", "quit", "schema", "param", "params", "format", "timing", "source",
                                "maxrows", "maxwidth", "export", "begin", "commit", "rollback", "history", "keys"]),
        MetaCommand(name: "quit", aliases: ["exit", "q"], usage: ":quit", summary: "leave the shell (also Ctrl-D)",
                    details: "Ends the session with status 0."),
        MetaCommand(name: "schema", usage: ":schema", summary: "labels, relationship types, property keys and counts",
                    details: "Labels and relationship types with their counts, the (from)-[type]->(to) patterns in use, "
                        + "property keys with the value types seen, and the indexes."),
        MetaCommand(name: "param", usage: ":param name => expression | :param clear",
                    summary: "set a query parameter from a Cypher expression",
                    details: "`:param year => 2023` sets $year; the right side is any Cypher expression, evaluated "
                        + "once (`:param since => date('2019-01-01')`, `:param names => ['a', 'b']`). "
                        + "`:param name` shows one parameter, `:param clear` removes them all.",
                    arguments: ["clear"]),
        MetaCommand(name: "params", usage: ":params", summary: "list the parameters that are set",
                    details: "Each parameter with its value as a Cypher literal."),
        MetaCommand(name: "format", usage: ":format table|json|jsonl|csv|tsv", summary: "choose how results are shown",
                    details: "table draws boxes for reading; json, jsonl, csv and tsv write what other programs read. "
                        + "With no argument, shows the current format.",
                    arguments: ResultFormat.allCases.map(\.rawValue)),
        MetaCommand(name: "timing", usage: ":timing on|off", summary: "show how long each statement took",
                    details: "The time is the statement's wall-clock time inside the engine, shown after the row count.",
                    arguments: ["on", "off"]),
        MetaCommand(name: "source", usage: ":source FILE", summary: "run the statements and commands in a file",
                    details: "Statements end with `;`; lines starting with `:` are commands. Stops at the first error."),
        MetaCommand(name: "maxrows", usage: ":maxrows N", summary: "show at most N rows of a table (0: all)",
                    details: "Rows past the limit are counted in the footer, not printed. Machine formats always write every row."),
        MetaCommand(name: "maxwidth", usage: ":maxwidth N", summary: "cut table cells at N columns",
                    details: "Cells wider than N terminal columns end in `…`; the footer says how much was hidden. "
                        + "Columns also narrow to fit the window."),
        MetaCommand(name: "export", usage: ":export FORMAT FILE [query]", summary: "write the graph or a query's subgraph to a file",
                    details: "FORMAT is graphml, dot, svg, png, json or cypher (as for `keiretsu export`). Without a "
                        + "query the whole graph is written; with one, the nodes, relationships and paths it returns "
                        + "(`:export graphml stakes.graphml MATCH p = ()-[:HOLDS_STAKE]->() RETURN p`). "
                        + "The file is written atomically; parameters set with :param apply.",
                    arguments: ExportFormat.allCases.map(\.rawValue)),
        MetaCommand(name: "begin", usage: ":begin", summary: "start a transaction spanning the next statements",
                    details: "Statements after :begin change the graph but are kept (and, with --db, written to the file) "
                        + "only at :commit; :rollback drops them. A statement that fails inside the transaction "
                        + "undoes only itself."),
        MetaCommand(name: "commit", usage: ":commit", summary: "keep the open transaction's changes",
                    details: "With --db, all of the transaction's changes are written to the file as one durable record."),
        MetaCommand(name: "rollback", usage: ":rollback", summary: "drop the open transaction's changes",
                    details: "The graph returns to its state at :begin; nothing reaches the file."),
        MetaCommand(name: "history", usage: ":history [N]", summary: "list the last N statements (default 20)",
                    details: "The history is kept in $XDG_STATE_HOME/keiretsu/history (KEIRETSU_HISTORY moves it; "
                        + "set it empty, or start with --no-history, to keep none). Ctrl-R searches it."),
    ]

    /// The command called `name` (or one of its aliases), case-insensitively.
    static func named(_ name: String) -> MetaCommand? {
        let lower = name.lowercased()
        return all.first { $0.name == lower || $0.aliases.contains(lower) }
    }

    /// The known name closest to `name`, when it is close enough to be a typo.
    static func suggestion(for name: String) -> String? {
        let lower = name.lowercased()
        var best: (name: String, distance: Int)?
        for command in all {
            for candidate in [command.name] + command.aliases where candidate.count > 1 {
                let d = editDistance(lower, candidate)
                if d < best?.distance ?? Int.max { best = (command.name, d) }
            }
        }
        guard let best, best.distance <= max(2, lower.count / 3) else { return nil }
        return best.name
    }

    /// Levenshtein distance between two strings, by characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// Splits `:name rest of line` into the name and the argument text (trimmed). A `;` at the
    /// end is dropped: commands take none, but fingers used to SQL shells type one.
    static func parse(_ line: String) -> (name: String, argument: String)? {
        var trimmed = line.trimmed(of: " \t\r\n")
        while trimmed.hasSuffix(";") { trimmed = String(trimmed.dropLast()).trimmed(of: " \t") }
        guard trimmed.hasPrefix(":") else { return nil }
        let body = trimmed.dropFirst()
        let name = body.prefix { !$0.isWhitespace }
        let rest = body.dropFirst(name.count)
        return (String(name), String(rest).trimmed(of: " \t"))
    }
}

extension String {
    /// The string without leading and trailing characters from `set` (no Foundation needed).
    func trimmed(of set: String) -> String {
        let chars = Set(set)
        var s = self[...]
        while let f = s.first, chars.contains(f) { s = s.dropFirst() }
        while let l = s.last, chars.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
