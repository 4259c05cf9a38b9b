// `:export FORMAT FILE [query]`: the export command's work from inside a session.
//
// Without a query the whole graph is written; with one, the subgraph its rows hold (nodes,
// relationships with their endpoints, paths — KeiretsuExport's `Subgraph.from(rows:)`), with
// the session's parameters, time limit and Ctrl-C cancellation. The file is written atomically
// by `exportGraph(…toFile:)`, so a failed export leaves nothing behind. What was written, and
// any notes (the Graphviz layout chosen for svg/png), are reported on stderr.

import KeiretsuCypher
import KeiretsuExport
import KeiretsuGraph

extension ReplSession {
    func export(_ argument: String, line: String, origin: InputOrigin) -> Bool {
        let words = argument.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).map(String.init)
        guard words.count >= 2 else { return usageError("expected :export FORMAT FILE [query]") }
        guard let format = ExportFormat(rawValue: words[0].lowercased()) else {
            return usageError("unknown export format \(words[0]); choose one of "
                              + ExportFormat.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let path = Self.expandingHome(Self.unquoted(words[1]))
        let query = words.count > 2 ? words[2].trimmed(of: " \t;") : nil
        let subgraph: Subgraph
        if let query {
            token.reset()
            terminal?.enterQueryMode()
            defer { terminal?.enterRaw() }
            do {
                var rows: [[Value]] = []
                try database.executeScript(query, parameters: parameters,
                                           options: ExecutionOptions(timeout: timeout, cancellation: token)) {
                    rows += $0.rows
                }
                subgraph = try Subgraph.from(rows: rows, graph: database.graph)
            } catch let error as CypherError {
                if error.kind == .cancelled {
                    message(palette.yellow("query cancelled"))
                    return false
                }
                message(ReplErrorDisplay(palette: errorPalette).render(shifted(error, query: query, line: line),
                                                                       in: line, name: origin.name,
                                                                       firstLine: origin.firstLine))
                return false
            } catch {
                return usageError("\(error)")
            }
        } else {
            subgraph = Subgraph.whole(graph: database.graph)
        }
        do {
            let summary = try exportGraph(database.graph, subgraph: subgraph, format: format,
                                          options: ExportOptions(graphvizTimeout: timeout), toFile: path)
            for note in summary.notes { message(palette.dim(note)) }
            func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
            message(palette.dim("wrote \(plural(summary.nodes, "node")), "
                                + "\(plural(summary.relationships, "relationship")) to \(path)"))
            return true
        } catch let error as CypherError {
            message("\(path): " + ReplErrorDisplay(palette: errorPalette).render(error, in: ""))
            return false
        } catch {
            return usageError("\(error)")
        }
    }

    /// An error in the export's query, moved to point into the command line as typed.
    private func shifted(_ error: CypherError, query: String, line: String) -> CypherError {
        guard error.offset != nil, let start = line.firstRange(of: query)?.lowerBound else {
            var e = error
            e.offset = nil
            return e
        }
        return error.shifted(by: line.utf8.distance(from: line.utf8.startIndex, to: start))
    }
}
