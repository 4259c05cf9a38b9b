// `keiretsu run [source] [--param k=v]... [--format F] [--timeout S] [FILE.cypher | -]`
//
// Runs a script of statements separated by `;`, writing each statement's result as soon as it
// has finished. With `-` or no file the script is read from standard input (named `<stdin>` in
// errors). This is the path independent runners drive with `--empty --format jsonl`.

import ArgumentParser
import KeiretsuCypher
import KeiretsuExport

public struct RunCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a Cypher script: statements separated by ';'."
    )

    @OptionGroup public var source: SourceOptions
    @OptionGroup public var statement: StatementOptions

    @Argument(help: ArgumentHelp("The script to run; '-' or nothing reads standard input.", valueName: "FILE"))
    public var file: String?

    public init() {}

    public func run() throws {
        let script: SourceText
        if let file, file != "-" {
            script = SourceText(name: file, text: try FileBytes.readText(file))
        } else {
            guard let text = String(validating: StandardInput.readAll(), as: UTF8.self) else {
                throw CLIError.input(CypherError(.inputError, "BadEncoding", "standard input is not valid UTF-8"),
                                     file: "<stdin>", line: nil)
            }
            script = SourceText(name: "<stdin>", text: text)
        }
        let database = try source.openDatabase()
        KeepAlive.untilExit(database)
        let runner = StatementRunner(database: database, parameters: try statement.parameters(),
                                     options: statement.executionOptions)
        let sink = FileDescriptorSink.standardOutput()
        let renderer = statement.resolvedFormat(outputIsTerminal: sink.isTerminal).makeRenderer(sink: sink)
        try runner.run(script, renderer: renderer)
    }
}
