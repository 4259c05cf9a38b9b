// Exporter: the public face of KeiretsuExport — `keiretsu export` calls only what is here.
//
// Public API
// ----------
//   Subgraph.whole(graph:)                       every node and relationship
//   Subgraph.from(rows:graph:) throws            the nodes, relationships and paths in query rows
//                                                (inside lists and maps too), with the endpoints
//                                                of every relationship; none → InputError.NoGraphElements
//   exportGraph(_:subgraph:format:options:to:)   streams one format into a ByteSink
//   exportGraph(_:subgraph:format:options:toFile:)  the same into a file, atomically
//   GraphMLReader.load(path:into:) throws -> [String]   GraphML import; returns warnings
//   GraphMLReader.load(text:name:into:)
//   GraphvizRunner.plan / render / findDot       the `dot` child process behind svg and png
//   ByteSink: FileDescriptorByteSink.standardOutput(), AtomicFileWriter(path:) (+ commit/cancel),
//   MemorySink; writers per format: GraphMLWriter, DOTWriter, JSONGraphWriter, CypherScriptWriter
//
// Formats (DESIGN.md "Exports")
//   graphml  libxml2 xmlTextWriter, typed keys, labels in key `labels`, type in key `label`;
//            validates against graphml.xsd; reads back in networkx, igraph and GraphMLReader
//   dot      deterministic digraph, synthetic ids, shapes and colours per label, legend
//   svg/png  the DOT through Graphviz; layout and edge labels chosen by size unless given,
//            the choice is returned in ExportSummary.notes for the CLI to print on stderr
//   json     {"nodes":[…],"relationships":[…]} with DESIGN.md's tagged objects
//   cypher   UNWIND batches of CREATE that re-create the subgraph elsewhere
//
// GraphML import defaults: a node without a labels key (or APOC `labels` attribute) gets no
// label; an edge without a `label` key gets its APOC `label` attribute, else its yEd edge label
// text, else the type RELATED_TO; files not written by keiretsu or APOC keep each GraphML node
// id in the property `id` (networkx stores the node itself there); yEd node label text becomes
// `name`; values of unknown attr.type are strings (with a warning).
//
// Errors are CypherErrors: InputError.NoGraphElements / MalformedXML / InvalidGraphML /
// FileNotReadable / GraphvizFailed, ArgumentError.GraphvizNotFound, Timeout.GraphvizTimeout,
// DatabaseError.WriteFailed (the sink or the file system failed).

import Foundation
import KeiretsuCypher
import KeiretsuGraph

public enum ExportFormat: String, CaseIterable, Sendable {
    case graphml, dot, json, cypher, svg, png
}

public struct ExportOptions: Sendable, Equatable {
    /// DOT/svg/png: keep `:Document` nodes and `MENTIONS` edges.
    public var includeProvenance = false
    /// DOT/svg/png: group alliance members in clusters.
    public var clusterBy: DOTClusterMode = .none
    /// svg/png: the Graphviz engine; nil chooses by size (GraphvizRunner.plan).
    public var layout: GraphvizLayout? = nil
    /// DOT/svg/png: edge captions; nil means on for DOT, by size for svg/png.
    public var edgeLabels: Bool? = nil
    /// cypher: rows per UNWIND statement.
    public var cypherBatchSize = 1000
    /// svg/png: seconds before Graphviz is stopped; nil waits.
    public var graphvizTimeout: Double? = nil

    public init(includeProvenance: Bool = false, clusterBy: DOTClusterMode = .none, layout: GraphvizLayout? = nil,
                edgeLabels: Bool? = nil, cypherBatchSize: Int = 1000, graphvizTimeout: Double? = nil) {
        self.includeProvenance = includeProvenance
        self.clusterBy = clusterBy
        self.layout = layout
        self.edgeLabels = edgeLabels
        self.cypherBatchSize = cypherBatchSize
        self.graphvizTimeout = graphvizTimeout
    }
}

public struct ExportSummary: Sendable, Equatable {
    /// Nodes and relationships written (after provenance filtering for dot/svg/png).
    public var nodes: Int
    public var relationships: Int
    /// Lines for stderr: the layout chosen for svg/png, Graphviz warnings.
    public var notes: [String]
}

/// Writes `subgraph` of `graph` in `format` to `sink`.
@discardableResult
public func exportGraph(_ graph: any GraphStore, subgraph: Subgraph, format: ExportFormat,
                        options: ExportOptions = ExportOptions(), to sink: any ByteSink) throws -> ExportSummary {
    let all = ExportSummary(nodes: subgraph.nodes.count, relationships: subgraph.relationships.count, notes: [])
    switch format {
    case .graphml:
        try GraphMLWriter.write(graph: graph, subgraph: subgraph, to: sink)
        return all
    case .json:
        try JSONGraphWriter.write(graph: graph, subgraph: subgraph, to: sink)
        return all
    case .cypher:
        try CypherScriptWriter.write(graph: graph, subgraph: subgraph, to: sink, batchSize: options.cypherBatchSize)
        return all
    case .dot:
        let dotOptions = DOTOptions(includeProvenance: options.includeProvenance, clusterBy: options.clusterBy,
                                    edgeLabels: options.edgeLabels ?? true, layout: options.layout)
        let visible = try DOTWriter.write(graph: graph, subgraph: subgraph, options: dotOptions, to: sink)
        return ExportSummary(nodes: visible.nodes.count, relationships: visible.relationships.count, notes: [])
    case .svg, .png:
        return try renderWithGraphviz(graph, subgraph: subgraph, format: format == .svg ? .svg : .png,
                                      options: options, to: sink)
    }
}

/// Writes the export to `path` atomically: the file appears complete or not at all.
@discardableResult
public func exportGraph(_ graph: any GraphStore, subgraph: Subgraph, format: ExportFormat,
                        options: ExportOptions = ExportOptions(), toFile path: String) throws -> ExportSummary {
    let file = try AtomicFileWriter(path: path)
    do {
        let summary = try exportGraph(graph, subgraph: subgraph, format: format, options: options, to: file)
        try file.commit()
        return summary
    } catch {
        file.cancel()
        throw error
    }
}

private func renderWithGraphviz(_ graph: any GraphStore, subgraph: Subgraph, format: GraphvizFormat,
                                options: ExportOptions, to sink: any ByteSink) throws -> ExportSummary {
    // Fail before any work when Graphviz is missing.
    guard GraphvizRunner.findDot() != nil else {
        throw CypherError(.argumentError, "GraphvizNotFound",
                          "--format \(format.rawValue) needs Graphviz's `dot` program, which is not on PATH "
                              + "(install graphviz, or export --format dot and render it elsewhere)",
                          phase: .runtime)
    }
    var dotOptions = DOTOptions(includeProvenance: options.includeProvenance, clusterBy: options.clusterBy)
    let visible = DOTWriter.visibleSubgraph(graph: graph, subgraph: subgraph, options: dotOptions)
    let plan = GraphvizRunner.plan(nodes: visible.nodes.count, relationships: visible.relationships.count,
                                   layout: options.layout, edgeLabels: options.edgeLabels)
    dotOptions.layout = plan.layout
    dotOptions.edgeLabels = plan.edgeLabels
    // Force-directed engines ignore clusters, so a legend cluster would scatter over the drawing.
    dotOptions.legend = plan.layout == .dot || plan.layout == .fdp
    let dotPath = FileManager.default.temporaryDirectory.appendingPathComponent("keiretsu-export-\(UUID().uuidString).dot").path
    defer { try? FileManager.default.removeItem(atPath: dotPath) }
    let dotFile = try AtomicFileWriter(path: dotPath)
    do {
        try DOTWriter.write(graph: graph, visible: visible, options: dotOptions, to: dotFile)
        try dotFile.commit()
    } catch {
        dotFile.cancel()
        throw error
    }
    let warnings = try GraphvizRunner.render(dotPath: dotPath, format: format, layout: plan.layout, to: sink,
                                             timeout: options.graphvizTimeout)
    return ExportSummary(nodes: visible.nodes.count, relationships: visible.relationships.count,
                         notes: [plan.note] + warnings.map { "graphviz: " + $0 })
}
