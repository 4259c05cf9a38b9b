// `keiretsu repl [source] [--param k=v]... [--format F] [--timeout S] [--color WHEN] [--no-history]`
// and plain `keiretsu` on a terminal.
//
// Chooses the front end from where input and output go:
//   stdin and stdout terminals, TERM not dumb   the line editor (banner, prompt, colours, history)
//   stdin and stdout terminals, TERM=dumb       a plain prompt read line by line (no escapes)
//   anything else (a pipe, a file)              no banner, no prompt, TSV, stop at the first error
// and hands over to ReplSession. The history file is only read and written at a prompt, so
// scripts piped into the REPL never fill it.

import ArgumentParser
import KeiretsuCypher
import KeiretsuExport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

extension ColorChoice: ExpressibleByArgument {}

public struct ReplCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Start the interactive openCypher shell (the default on a terminal).",
        discussion: """
            Statements end with ';' and may span lines; lines starting with ':' are commands \
            (:help lists them). With piped input there is no prompt, results are TSV and the \
            first error stops the session with status 2.
            History: $XDG_STATE_HOME/keiretsu/history (KEIRETSU_HISTORY=PATH moves it, \
            KEIRETSU_HISTORY= turns it off).
            """
    )

    @OptionGroup public var source: SourceOptions
    @OptionGroup public var statement: StatementOptions

    @Option(name: .long, help: ArgumentHelp("Colour output: auto, always or never (auto honours NO_COLOR and TERM=dumb).",
                                            valueName: "WHEN"))
    var color: ColorChoice = .auto

    @Flag(name: .long, help: "Neither read nor write the history file.")
    var noHistory = false

    public init() {}

    /// Whether plain `keiretsu …` (no subcommand) should start the REPL: standard input is a
    /// terminal and the arguments are empty or only options (`keiretsu --seeds DIR`).
    public static func startsByDefault(_ arguments: [String]) -> Bool {
        guard isatty(0) != 0 else { return false }
        guard let first = arguments.first else { return true }
        let rootOnly: Set<String> = ["-h", "--help", "help", "--version", "--generate-completion-script",
                                     "--experimental-dump-help"]
        return first.hasPrefix("-") && !rootOnly.contains(first) && !arguments.contains("--help") && !arguments.contains("-h")
    }

    public func run() throws {
        let environment = ProcessEnvironment.current
        let inputIsTerminal = isatty(0) != 0
        let outputIsTerminal = isatty(1) != 0
        let interactive = inputIsTerminal && outputIsTerminal
        let dumb = environment["TERM"] == "dumb"
        let palette = Palette(enabled: color.enabled(outputIsTerminal: outputIsTerminal, environment: environment))

        let storage = try source.openSession()
        let database = storage.database
        KeepAlive.untilExit(database)
        let settings = ReplSettings(format: statement.format ?? (interactive ? .table : .tsv),
                                    timing: interactive, palette: palette)
        let historyFile = interactive
            ? HistoryFile.location(environment: environment, disabled: noHistory).map(HistoryFile.init(path:))
            : nil
        let session = ReplSession(database: database, settings: settings, parameters: try statement.parameters(),
                                  historyFile: historyFile, timeout: statement.timeout, interactive: interactive)
        session.storage = storage
        let status: Int32
        if interactive {
            StandardError.line(ReplBanner.text(source: ReplBanner.sourceDescription(source),
                                               nodes: database.graph.nodeCount,
                                               relationships: database.graph.relationshipCount, palette: palette))
            if !dumb, let terminal = RawTerminal(input: 0, output: 1) {
                status = session.runEditor(on: terminal)
            } else {
                status = session.runLines(prompting: true)
            }
        } else {
            status = session.runLines(prompting: false)
        }
        if storage.inTransaction {
            storage.rollbackTransaction()
            StandardError.line("note: the open transaction was rolled back (:commit keeps a transaction's changes)")
        }
        try storage.close()
        if status != ExitStatus.ok { throw ExitCode(status) }
    }
}
