// GraphMLWriter: a subgraph as GraphML (graphml primer, http://graphml.graphdrawing.org/primer/),
// streamed through libxml2.
//
// Shape of the document (DESIGN.md "Exports"):
//
//   <graphml xmlns=… xsi:schemaLocation=…>
//   <key id="k0" for="node" attr.name="labels" attr.type="string"><desc>keiretsu:labels</desc></key>
//   <key id="k1" for="edge" attr.name="label" attr.type="string"><desc>keiretsu:type</desc></key>
//   <key id="k2" for="node" attr.name="name" attr.type="string"><desc>keiretsu:string</desc></key> …
//   <graph id="G" edgedefault="directed" parse.nodes=… parse.edges=… parse.order="nodesfirst" …>
//   <node id="n3"><data key="k0">:Company</data><data key="k2">…</data></node> …
//   <edge id="e7" source="n3" target="n4"><data key="k1">HOLDS_STAKE</data>…</edge> …
//
// Layout: one key, node or edge per line. (libxml2's own indentation costs several output
// calls per element, a third of the export time on a million nodes; a line per element is as
// easy to read, grep and diff.)
//
// Ids are the element ids with a letter in front (`n3`, `e7`), key ids `k0`, `k1`, …: all
// NMTOKENs whatever the data holds. Nodes and edges come in ascending id order, and properties
// in their stored order, so the same graph always gives the same bytes. Memory: the key plan
// (one entry per property name) and libxml2's small output buffer; the document itself is never
// held.

import KeiretsuGraph

public enum GraphMLWriter {
    public static func write(graph: any GraphStore, subgraph: Subgraph, to sink: any ByteSink) throws {
        let plan = GraphMLKeyPlan(graph: graph, subgraph: subgraph)
        try XMLStreamWriter.write(to: sink) { w in
            try w.startElement("graphml")
            try w.attribute("xmlns", "http://graphml.graphdrawing.org/xmlns")
            try w.attribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
            try w.attribute(
                "xsi:schemaLocation",
                "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd")
            try w.newline()
            for key in plan.keys {
                try w.startElement("key")
                try w.attribute("id", key.id)
                try w.attribute("for", key.domain.rawValue)
                try w.attribute("attr.name", key.attrName)
                try w.attribute("attr.type", key.kind.attrType)
                try w.element("desc", text: "keiretsu:" + key.kind.annotation)
                try w.endElement()
                try w.newline()
            }
            try w.startElement("graph")
            try w.attribute("id", "G")
            try w.attribute("edgedefault", "directed")
            // Parse hints (graphml primer §5.2) let a reader size its tables up front.
            try w.attribute("parse.nodes", String(subgraph.nodes.count))
            try w.attribute("parse.edges", String(subgraph.relationships.count))
            try w.attribute("parse.order", "nodesfirst")
            try w.attribute("parse.nodeids", "free")
            try w.attribute("parse.edgeids", "free")
            try w.newline()
            // Hot loop: the fixed markup (tags, generated ids, numbers) is collected in `m` and
            // handed to libxml2 in one piece; every byte of user text goes through libxml2's
            // escaping (`w.text`), after the characters XML cannot hold are replaced.
            var m = MarkupBuffer()
            let labelsKey = plan.keys[GraphMLKeyPlan.labelsKeyIndex].id
            let typeKey = plan.keys[GraphMLKeyPlan.typeKeyIndex].id
            for id in subgraph.nodes {
                // One fetch per element: each accessor of the store copies the whole record.
                guard let node = graph.node(id) else { continue }
                m.append("<node id=\"n")
                m.append(id)
                m.append("\">")
                if !node.labels.isEmpty {
                    try data(w, &m, key: labelsKey, .string(GraphMLNames.joinLabels(node.labels)), kind: .string)
                }
                for (name, value) in node.properties {
                    guard let index = plan.nodeKeys[name], !value.isNull else { continue }
                    try data(w, &m, key: plan.keys[index].id, value, kind: plan.keys[index].kind)
                }
                m.append("</node>\n")
                if m.bytes.count > 2048 { try w.raw(&m) }
            }
            for id in subgraph.relationships {
                guard let rel = graph.relationship(id) else { continue }
                m.append("<edge id=\"e")
                m.append(id)
                m.append("\" source=\"n")
                m.append(rel.start)
                m.append("\" target=\"n")
                m.append(rel.end)
                m.append("\">")
                try data(w, &m, key: typeKey, .string(rel.type), kind: .string)
                for (name, value) in rel.properties {
                    guard let index = plan.edgeKeys[name], !value.isNull else { continue }
                    try data(w, &m, key: plan.keys[index].id, value, kind: plan.keys[index].kind)
                }
                m.append("</edge>\n")
                if m.bytes.count > 2048 { try w.raw(&m) }
            }
            try w.raw(&m)
            try w.endElement()  // graph
            try w.newline()
            try w.endElement()  // graphml
        }
    }

    /// `<data key="k3">…</data>`: numbers and booleans as markup (they need no escaping),
    /// everything else as text through libxml2.
    private static func data(_ w: XMLStreamWriter, _ m: inout MarkupBuffer, key: String, _ value: Value,
                             kind: GraphMLKind) throws {
        m.append("<data key=\"")
        m.append(ascii: key)
        m.append("\">")
        switch (kind, value) {
        case (.boolean, .bool(let b)):
            m.append(b ? "true" : "false")
        case (.long, .int(let i)), (.number, .int(let i)):
            m.append(ascii: String(i))
        case (.double, .float(let d)), (.number, .float(let d)):
            m.append(ascii: formatDouble(d))
        default:
            let text = GraphMLNames.xmlSafe(kind.text(of: value))
            if !text.isEmpty {
                try w.raw(&m)
                try w.text(text)
            }
        }
        m.append("</data>")
    }
}
