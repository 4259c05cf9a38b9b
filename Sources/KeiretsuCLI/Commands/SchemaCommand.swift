// `keiretsu schema [source] [--format F]`
//
// Describes the loaded graph, read straight from the GraphStore (no query engine involved):
// labels with node counts, relationship types with counts, the (start labels)-[type]->(end
// labels) patterns seen, property keys with the value types seen, and the indexes. Each part is
// one result in the chosen format (titled in the table format).

import ArgumentParser
import KeiretsuExport

public struct SchemaCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Describe the graph: labels, relationship types, property keys and indexes."
    )

    @OptionGroup public var source: SourceOptions

    @Option(name: .long, help: ArgumentHelp("Result format (default: table on a terminal, tsv otherwise).", valueName: "F"))
    public var format: ResultFormat?

    public init() {}

    public func run() throws {
        let database = try source.openDatabase()
        KeepAlive.untilExit(database)
        let sink = FileDescriptorSink.standardOutput()
        let renderer = (format ?? .defaultFormat(outputIsTerminal: sink.isTerminal)).makeRenderer(sink: sink)
        renderer.begin()
        for part in GraphSchema(graph: database.graph).parts {
            renderer.write(part.result, title: part.title)
        }
        renderer.end()
    }
}
