// `keiretsu export [source] --format graphml|dot|svg|png|json|cypher [--query 'CYPHER'] [-o FILE]`
//
// Writes the whole graph, or the subgraph a query returns (its nodes, relationships with their
// endpoints, and paths), in one of the export formats. stdout by default; `-o FILE` writes
// atomically (a temporary file renamed into place), so a failed export leaves no partial file.
// svg and png run Graphviz; the layout engine and whether edges get labels are chosen by graph
// size unless `--layout` says otherwise, and the choice is reported on stderr.

import ArgumentParser
import KeiretsuCypher
import KeiretsuExport
import KeiretsuGraph

extension ExportFormat: ExpressibleByArgument {}
extension GraphvizLayout: ExpressibleByArgument {}
extension DOTClusterMode: ExpressibleByArgument {}

public struct ExportCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the graph, or the part a query returns, as GraphML, DOT, SVG, PNG, JSON or Cypher."
    )

    @OptionGroup public var source: SourceOptions

    @Option(name: .long, help: ArgumentHelp("graphml, dot, svg, png, json or cypher.", valueName: "F"))
    public var format: ExportFormat

    @Option(name: .long, help: ArgumentHelp("Export only the nodes, relationships and paths this query returns.",
                                            valueName: "CYPHER"))
    public var query: String?

    @Option(name: .customLong("param"), parsing: .unconditionalSingleValue,
            help: ArgumentHelp("A parameter of --query (as for keiretsu query). Repeatable.", valueName: "k=v"))
    public var parameterAssignments: [String] = []

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write to FILE (atomically) instead of stdout.",
                                                                  valueName: "FILE"))
    public var output: String?

    @Option(name: .long, help: ArgumentHelp("Graphviz layout engine for svg/png: dot, neato, sfdp, fdp, circo, twopi.",
                                            valueName: "ENGINE"))
    public var layout: GraphvizLayout?

    @Flag(name: .long, help: "Keep :Document nodes and MENTIONS edges in dot/svg/png.")
    public var includeProvenance = false

    @Option(name: .long, help: ArgumentHelp("Group dot/svg/png nodes: alliance or none.", valueName: "MODE"))
    public var clusterBy: DOTClusterMode = .none

    @Option(name: .long, help: ArgumentHelp("Stop the query, or Graphviz, after SECONDS.", valueName: "SECONDS"))
    public var timeout: Double?

    public init() {}

    public func validate() throws {
        if query == nil && !parameterAssignments.isEmpty {
            throw ValidationError("--param needs --query")
        }
        if let timeout, !(timeout > 0 && timeout.isFinite) {
            throw ValidationError("--timeout must be a positive number of seconds, not \(timeout)")
        }
    }

    public func run() throws {
        let database = try source.openDatabase()
        KeepAlive.untilExit(database)
        let subgraph: Subgraph
        if let query {
            var parameters: [String: Value] = [:]
            for assignment in parameterAssignments {
                let (name, value) = try ParameterParsing.parse(assignment)
                parameters[name] = value
            }
            let text = SourceText(name: "<query>", text: query)
            do {
                var rows: [[Value]] = []
                try database.executeScript(query, parameters: parameters, options: ExecutionOptions(timeout: timeout)) {
                    rows += $0.rows
                }
                subgraph = try Subgraph.from(rows: rows, graph: database.graph)
            } catch let error as CypherError where error.offset != nil {
                throw CLIError.query(error, text)
            } catch let error as CypherError {
                throw CLIError.input(error, file: "<query>", line: nil)
            }
        } else {
            subgraph = Subgraph.whole(graph: database.graph)
        }
        let options = ExportOptions(includeProvenance: includeProvenance, clusterBy: clusterBy, layout: layout,
                                    graphvizTimeout: timeout)
        let summary: ExportSummary
        do {
            if let output {
                summary = try exportGraph(database.graph, subgraph: subgraph, format: format, options: options, toFile: output)
            } else {
                summary = try exportGraph(database.graph, subgraph: subgraph, format: format, options: options,
                                          to: FileDescriptorByteSink.standardOutput())
            }
        } catch let error as CypherError {
            throw CLIError.input(error, file: output ?? "<stdout>", line: nil)
        }
        for note in summary.notes { StandardError.line(note) }
    }
}
