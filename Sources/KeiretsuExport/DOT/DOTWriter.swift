// DOTWriter: a subgraph as a Graphviz `digraph` (https://graphviz.org/doc/info/lang.html),
// streamed.
//
// Conventions (DESIGN.md "Exports"): `digraph`, never `strict` (which would merge parallel
// edges); node ids are synthetic, `"n12"` for element 12, so no name can collide with a keyword
// (`node`, `graph`, `edge`, `strict`, `subgraph`) or be read as a port (`a:b`); every attribute
// value is quoted and escaped (DOTStyle.quoted); only a fixed set of Graphviz attributes is
// written. Layout: `rankdir=LR`, a legend listing the labels present, provenance
// (`:Document` nodes and `MENTIONS` edges) left out unless asked for, and optionally one
// cluster per alliance holding its members. Output is deterministic: nodes and edges in
// ascending id order, clusters in the order of their alliance's id.

import KeiretsuGraph

public enum DOTClusterMode: String, CaseIterable, Sendable {
    case none
    /// One cluster per `:Alliance` organization, holding it and the nodes that are MEMBER_OF it.
    case alliance
}

public struct DOTOptions: Sendable, Equatable {
    /// Keep `:Document` nodes and `MENTIONS` edges (provenance), hidden by default.
    public var includeProvenance = false
    public var clusterBy: DOTClusterMode = .none
    /// Captions on edges; large graphs read better (and lay out much faster) without.
    public var edgeLabels = true
    public var legend = true
    /// Characters of a caption before it is cut with an ellipsis.
    public var maxCaptionLength = 48
    /// Written as the graph's `layout` attribute with settings that suit it, when set (the
    /// svg/png export sets it; plain DOT output leaves the choice to whoever runs Graphviz).
    public var layout: GraphvizLayout? = nil

    public init(includeProvenance: Bool = false, clusterBy: DOTClusterMode = .none, edgeLabels: Bool = true,
                legend: Bool = true, maxCaptionLength: Int = 48, layout: GraphvizLayout? = nil) {
        self.includeProvenance = includeProvenance
        self.clusterBy = clusterBy
        self.edgeLabels = edgeLabels
        self.legend = legend
        self.maxCaptionLength = maxCaptionLength
        self.layout = layout
    }
}

public enum DOTWriter {
    /// The part of `subgraph` a DOT export draws: without provenance unless asked for.
    public static func visibleSubgraph(graph: any GraphStore, subgraph: Subgraph, options: DOTOptions) -> Subgraph {
        guard !options.includeProvenance else { return subgraph }
        let documents = Set(graph.nodeIDs(withLabel: "Document"))
        guard !documents.isEmpty || graph.countRelationships(withType: "MENTIONS") > 0 else { return subgraph }
        return subgraph.filtered(
            graph: graph,
            dropNode: { documents.contains($0) },
            dropRelationship: { graph.relationshipType($0) == "MENTIONS" })
    }

    /// Draws `subgraph` (without provenance unless asked for); returns what was drawn.
    @discardableResult
    public static func write(graph: any GraphStore, subgraph: Subgraph, options: DOTOptions = DOTOptions(),
                             to sink: any ByteSink) throws -> Subgraph {
        let visible = visibleSubgraph(graph: graph, subgraph: subgraph, options: options)
        try write(graph: graph, visible: visible, options: options, to: sink)
        return visible
    }

    /// Draws exactly `visible` (already filtered by `visibleSubgraph`).
    static func write(graph: any GraphStore, visible: Subgraph, options: DOTOptions, to sink: any ByteSink) throws {
        var out = TextOutput(sink)
        try out.write("digraph \"keiretsu\" {\n")
        var graphAttributes = #"  graph [rankdir="LR", charset="UTF-8", fontname="Helvetica", fontsize="10", nodesep="0.3""#
        switch options.layout {
        case .sfdp?, .fdp?, .neato?:
            // Force-directed engines: remove node overlaps, draw edges under the nodes.
            graphAttributes += #", layout="\#(options.layout?.rawValue ?? "")", overlap="prism", outputorder="edgesfirst""#
        case .some(let other):
            graphAttributes += #", layout="\#(other.rawValue)""#
        case nil:
            break
        }
        try out.write(graphAttributes + "];\n")
        try out.write("  node [style=\"filled\", fontname=\"Helvetica\", fontsize=\"10\"];\n")
        try out.write("  edge [fontname=\"Helvetica\", fontsize=\"8\", color=\"#555555\"];\n")

        let clusters = options.clusterBy == .alliance ? allianceClusters(graph: graph, subgraph: visible) : []
        var legend = LegendContent()
        var clustered = Set<ElementID>()
        for cluster in clusters {
            try out.write("  subgraph \"cluster_n\(cluster.alliance)\" {\n")
            let caption = DOTStyle.caption(labels: graph.nodeLabels(cluster.alliance),
                                           properties: graph.nodeProperties(cluster.alliance), id: cluster.alliance)
            try out.write("    graph [label=\(DOTStyle.quoted(caption, limit: options.maxCaptionLength)), style=\"rounded,dashed\", color=\"#8e7cc3\"];\n")
            for id in cluster.members {
                guard let node = graph.node(id) else { continue }
                try out.write("  " + nodeStatement(node, options, &legend))
                clustered.insert(id)
            }
            try out.write("  }\n")
        }
        for id in visible.nodes where !clustered.contains(id) {
            // One fetch per element: each accessor of the store copies the whole record.
            guard let node = graph.node(id) else { continue }
            try out.write(nodeStatement(node, options, &legend))
        }
        var line = ""
        for id in visible.relationships {
            guard let rel = graph.relationship(id) else { continue }
            line.removeAll(keepingCapacity: true)
            line += "  \"n\(rel.start)\" -> \"n\(rel.end)\" ["
            var separator = ""
            if options.edgeLabels {
                line += "label=" + DOTStyle.quoted(DOTStyle.edgeCaption(type: rel.type, properties: rel.properties),
                                                   limit: options.maxCaptionLength)
                separator = ", "
            }
            switch DOTStyle.lineStyle(properties: rel.properties) {
            case .solid: break
            case .dashed:
                line += separator + "style=\"dashed\""
                separator = ", "
                legend.hasDashed = true
            case .dotted:
                line += separator + "style=\"dotted\", color=\"#999999\""
                separator = ", "
            }
            if DOTStyle.symmetricTypes.contains(rel.type) { line += separator + "dir=\"none\"" }
            line += "];\n"
            try out.write(line)
        }
        if options.legend { try writeLegend(legend, to: &out) }
        try out.write("}\n")
        try out.flush()
    }

    /// What the legend shows, gathered while the elements are written.
    struct LegendContent {
        var labels: [String] = []
        var seen: Set<String> = []
        var hasDashed = false
    }

    private static func nodeStatement(_ node: Node, _ options: DOTOptions, _ legend: inout LegendContent) -> String {
        let (label, style) = DOTStyle.style(forLabels: node.labels)
        if let label, !legend.seen.contains(label) {
            legend.seen.insert(label)
            legend.labels.append(label)
        }
        let caption = DOTStyle.caption(labels: node.labels, properties: node.properties, id: node.id)
        // No tooltips: Graphviz expands `\N`-style escapes in them a second time, so user text
        // cannot be quoted safely there.
        return "  \"n\(node.id)\" [label=\(DOTStyle.quoted(caption, limit: options.maxCaptionLength)), shape=\"\(style.shape)\", "
            + "fillcolor=\"\(style.fill)\"];\n"
    }

    struct Cluster {
        var alliance: ElementID
        var members: [ElementID]
    }

    /// Alliances in the subgraph, each with the nodes that are MEMBER_OF it; a node that belongs
    /// to several is drawn in the one with the lowest id (a node can sit in one cluster only).
    static func allianceClusters(graph: any GraphStore, subgraph: Subgraph) -> [Cluster] {
        let inSubgraph = Set(subgraph.nodes)
        let alliances = subgraph.nodes.filter { id in
            graph.nodeHasLabel(id, "Alliance")
                || (graph.nodeHasLabel(id, "Organization") && graph.nodeProperty(id, "kind").stringValue?.lowercased() == "alliance")
        }
        let visibleRelationships = Set(subgraph.relationships)
        var assigned = Set<ElementID>(alliances)
        var clusters: [Cluster] = []
        for alliance in alliances {
            var members = [alliance]
            for rel in graph.relationshipIDs(of: alliance, direction: .incoming)
            where visibleRelationships.contains(rel) && graph.relationshipType(rel) == "MEMBER_OF" {
                guard let (member, _) = graph.relationshipEndpoints(rel), inSubgraph.contains(member),
                    assigned.insert(member).inserted
                else { continue }
                members.append(member)
            }
            clusters.append(Cluster(alliance: alliance, members: members.sorted()))
        }
        return clusters
    }

    /// A cluster with one sample node per label present, and a sample of the dashed line.
    private static func writeLegend(_ legend: LegendContent, to out: inout TextOutput) throws {
        let known = DOTStyle.labelStyles.map(\.label)
        let ordered = known.filter(legend.seen.contains) + legend.labels.filter { !known.contains($0) }.sorted()
        guard !ordered.isEmpty || legend.hasDashed else { return }
        try out.write("  subgraph \"cluster_legend\" {\n")
        try out.write("    graph [label=\"Legend\", style=\"rounded\", color=\"#bbbbbb\", fontsize=\"9\"];\n")
        for (i, label) in ordered.enumerated() {
            let style = DOTStyle.style(forLabels: [label]).style
            try out.write("    \"legend_\(i)\" [label=\(DOTStyle.quoted(label, limit: 48)), shape=\"\(style.shape)\", "
                + "fillcolor=\"\(style.fill)\", fontsize=\"9\"];\n")
        }
        // Invisible edges put the samples side by side (one rank each) instead of in a column.
        for i in ordered.indices.dropFirst() {
            try out.write("    \"legend_\(i - 1)\" -> \"legend_\(i)\" [style=\"invis\"];\n")
        }
        if legend.hasDashed {
            try out.write("    \"legend_from\" [label=\"\", shape=\"point\", fillcolor=\"#555555\"];\n")
            try out.write("    \"legend_to\" [label=\"\", shape=\"point\", fillcolor=\"#555555\"];\n")
            try out.write("    \"legend_from\" -> \"legend_to\" [label=\"former or planned\", style=\"dashed\", fontsize=\"8\"];\n")
        }
        try out.write("  }\n")
    }
}
