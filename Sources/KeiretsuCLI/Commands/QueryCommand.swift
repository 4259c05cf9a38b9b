// `keiretsu query [source] [--param k=v]... [--format F] [--timeout S] 'CYPHER'`
//
// Runs the Cypher text given on the command line. Several statements separated by `;` are run
// in order, like `run` does with a file; errors name the text `<query>`.

import ArgumentParser
import KeiretsuCypher
import KeiretsuExport

public struct QueryCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Run an openCypher query given on the command line."
    )

    @OptionGroup public var source: SourceOptions
    @OptionGroup public var statement: StatementOptions

    @Argument(help: "The query (several statements may be separated by ';').")
    public var query: String

    public init() {}

    public func run() throws {
        let database = try source.openDatabase()
        KeepAlive.untilExit(database)
        let runner = StatementRunner(database: database, parameters: try statement.parameters(),
                                     options: statement.executionOptions)
        let sink = FileDescriptorSink.standardOutput()
        let renderer = statement.resolvedFormat(outputIsTerminal: sink.isTerminal).makeRenderer(sink: sink)
        try runner.run(SourceText(name: "<query>", text: query), renderer: renderer)
    }
}
