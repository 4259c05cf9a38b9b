// One REPL session: the database, the settings the meta commands change, the parameters, the
// history, and running what the user submits.
//
// The front ends (the raw-mode editor, the plain line reader for dumb terminals and pipes)
// only gather text; everything that runs goes through `runStatements` and `runMeta` here, so
// the three behave alike. Results go to stdout, messages and errors to stderr — stdout is
// flushed first so the two stay in order on a terminal.
//
// Interactive sessions show each result as a fitted box table (ReplTable) with row count and
// time; piped sessions write plain TSV with a header, through one renderer for the whole
// stream, like `keiretsu run`. Other formats (:format json …) use the renderers of
// KeiretsuExport unchanged. Each statement runs with the session's CancellationToken, which
// Ctrl-C (SIGINT, forwarded by TerminalSignals) cancels: the engine stops, rolls the
// statement back, and the session says `query cancelled` and carries on.

import KeiretsuCypher
import KeiretsuExport
import KeiretsuGraph

struct ReplSettings {
    var format: ResultFormat
    var timing: Bool
    var maxRows = 40
    var maxWidth = 40
    var palette: Palette
}

/// Where submitted text came from, for error positions: a file name (none for the prompt)
/// and the line number the text starts on.
struct InputOrigin {
    var name: String?
    var firstLine = 1

    static let prompt = InputOrigin(name: nil, firstLine: 1)
}

final class ReplSession {
    let database: Database
    /// The database file behind `database`, when the session was opened with --db: statements
    /// are committed to it, and :begin/:commit/:rollback group them.
    var storage: DatabaseSession?
    var settings: ReplSettings
    var parameters: [String: Value]
    var history: EditorHistory
    let historyFile: HistoryFile?
    let timeout: Double?
    let interactive: Bool
    let token = CancellationToken()
    let out = FileDescriptorSink.standardOutput()
    let err = FileDescriptorSink(descriptor: 2)
    /// Set while the raw-mode editor owns the terminal: statements run in query mode.
    var terminal: RawTerminal?
    /// Set by :quit.
    var quitRequested = false
    private var historyWriteFailed = false
    /// The renderer of a piped session's whole output (non-table formats).
    private var streamRenderer: (format: ResultFormat, renderer: ResultRenderer)?

    init(database: Database, settings: ReplSettings, parameters: [String: Value], historyFile: HistoryFile?,
         timeout: Double?, interactive: Bool) {
        self.database = database
        self.settings = settings
        self.parameters = parameters
        self.historyFile = historyFile
        self.history = EditorHistory(entries: historyFile?.load() ?? [])
        self.timeout = timeout
        self.interactive = interactive
    }

    var palette: Palette { settings.palette }

    /// Columns available for tables: the window's width on a terminal, unbounded otherwise.
    var outputWidth: Int {
        if let terminal { return terminal.size.columns }
        return out.isTerminal ? (RawTerminal.windowSize(of: 1)?.columns ?? 80) : 1 << 20
    }

    // MARK: - Output

    func write(_ text: String) {
        out.write(text.hasSuffix("\n") || text.isEmpty ? text : text + "\n")
        out.flush()
    }

    /// A line on stderr, after everything written to stdout so far.
    func message(_ text: String) {
        out.flush()
        err.write(text.hasSuffix("\n") ? text : text + "\n")
        err.flush()
    }

    // MARK: - History

    /// Records a submitted entry in memory and in the history file.
    /// A history file that cannot be written is reported once, then left alone.
    func remember(_ entry: String) {
        let trimmed = entry.trimmed(of: " \t\r\n")
        guard history.add(trimmed), let file = historyFile, !historyWriteFailed else { return }
        if !file.append(trimmed) {
            historyWriteFailed = true
            message(palette.dim("(the history cannot be saved to \(file.path); set KEIRETSU_HISTORY to move it)"))
        }
    }

    // MARK: - Statements

    /// Runs every statement of `text`, showing each result as it finishes. Returns false after
    /// an error (already shown) or a cancellation.
    @discardableResult
    func runStatements(_ text: String, origin: InputOrigin = .prompt) -> Bool {
        guard !StatementSplitter.split(text).isEmpty else { return true }
        token.reset()
        let options = ExecutionOptions(timeout: timeout, cancellation: token)
        terminal?.enterQueryMode()
        defer { terminal?.enterRaw() }
        let renderer = settings.format == .table ? nil : beginRenderer()
        let clock = ContinuousClock()
        var start = clock.now
        var failed = false
        do {
            let run: (String, [String: Value], ExecutionOptions, (QueryResult) throws -> Void) throws -> Void =
                storage.map { s in { try s.executeScript($0, parameters: $1, options: $2, onResult: $3) } }
                ?? { try self.database.executeScript($0, parameters: $1, options: $2, onResult: $3) }
            try run(text, parameters, options) { result in
                let elapsed = start.duration(to: clock.now)
                show(result, elapsed: elapsed, renderer: renderer)
                start = clock.now
            }
        } catch let error as CypherError {
            failed = true
            if error.kind == .cancelled {
                if interactive { endRenderer(renderer) }
                message(palette.yellow("query cancelled"))
                return false
            }
            let location = error.offset.map { offset -> SourceLocation in
                let l = SourceText(name: "", text: text).location(of: offset)
                return SourceLocation(line: l.line + origin.firstLine - 1, column: l.column)
            }
            renderer?.writeError(error, at: location)
            if interactive { endRenderer(renderer) }
            message(ReplErrorDisplay(palette: errorPalette).render(error, in: text, name: origin.name,
                                                                   firstLine: origin.firstLine))
            return false
        } catch {
            failed = true
            message("error: \(error)")
        }
        if interactive { endRenderer(renderer) }
        return !failed
    }

    /// Colour for stderr follows stdout's decision (both are the same terminal in practice).
    var errorPalette: Palette { settings.palette }

    private func show(_ result: QueryResult, elapsed: Swift.Duration, renderer: ResultRenderer?) {
        if let renderer {
            renderer.write(result)
            if interactive && settings.timing {
                let n = result.rows.count
                message(palette.dim("(\(n) \(n == 1 ? "row" : "rows"), \(ReplTable.format(elapsed)))"))
            }
            return
        }
        let table = ReplTable(maxRows: settings.maxRows, maxCellWidth: settings.maxWidth,
                              terminalWidth: outputWidth, palette: palette)
        out.write(table.render(result, elapsed: settings.timing ? elapsed : nil))
        out.flush()
    }

    /// The renderer for the current (non-table) format: a fresh one per submission at the
    /// prompt, one for the whole stream when piped.
    private func beginRenderer() -> ResultRenderer {
        if !interactive {
            if let current = streamRenderer, current.format == settings.format { return current.renderer }
            finishStream()
        }
        let renderer = settings.format.makeRenderer(sink: out)
        renderer.begin()
        if !interactive { streamRenderer = (settings.format, renderer) }
        return renderer
    }

    private func endRenderer(_ renderer: ResultRenderer?) {
        guard interactive, let renderer else { return }
        renderer.end()
    }

    /// Closes a piped session's output (the JSON array's `]`).
    func finishStream() {
        streamRenderer?.renderer.end()
        streamRenderer = nil
        out.flush()
    }

    // MARK: - Completion

    /// Names for Tab completion, read from the graph as it is now.
    func completionCatalogue() -> CompletionCatalogue {
        let graph = database.graph
        return CompletionCatalogue(
            labels: graph.labelsInUse(),
            relationshipTypes: graph.relationshipTypesInUse(),
            propertyKeys: graph.propertyKeysInUse(),
            parameters: parameters.keys.sorted(),
            functions: CypherCatalogue.functionNames.map(CypherVocabulary.spelling(ofFunction:)),
            commands: MetaCommand.all.map { ($0.name, $0.arguments) })
    }
}
