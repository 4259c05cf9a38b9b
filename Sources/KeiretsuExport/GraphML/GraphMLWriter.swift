// GraphMLWriter: a subgraph as GraphML (graphml primer, http://graphml.graphdrawing.org/primer/),
// streamed through libxml2.
//
// Shape of the document (DESIGN.md "Exports"):
//
//   <graphml xmlns=… xsi:schemaLocation=…>
//     <key id="k0" for="node" attr.name="labels" attr.type="string"><desc>keiretsu:labels</desc></key>
//     <key id="k1" for="edge" attr.name="label" attr.type="string"><desc>keiretsu:type</desc></key>
//     <key id="k2" for="node" attr.name="name" attr.type="string"><desc>keiretsu:string</desc></key> …
//     <graph id="G" edgedefault="directed" parse.nodes=… parse.edges=… parse.order="nodesfirst" …>
//       <node id="n3"><data key="k0">:Company</data><data key="k2">…</data></node> …
//       <edge id="e7" source="n3" target="n4"><data key="k1">HOLDS_STAKE</data>…</edge> …
//
// Ids are the element ids with a letter in front (`n3`, `e7`), key ids `k0`, `k1`, …: all
// NMTOKENs whatever the data holds. Nodes and edges come in ascending id order, and properties
// in their stored order, so the same graph always gives the same bytes. Memory: the key plan
// (one entry per property name) and libxml2's small output buffer; the document itself is never
// held.

import KeiretsuGraph

public enum GraphMLWriter {
    public static func write(graph: any GraphStore, subgraph: Subgraph, to sink: any ByteSink,
                             indent: Bool = true) throws {
        let plan = GraphMLKeyPlan(graph: graph, subgraph: subgraph)
        try XMLStreamWriter.write(to: sink, indent: indent) { w in
            try w.startElement("graphml")
            try w.attribute("xmlns", "http://graphml.graphdrawing.org/xmlns")
            try w.attribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
            try w.attribute(
                "xsi:schemaLocation",
                "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd")
            for key in plan.keys {
                try w.startElement("key")
                try w.attribute("id", key.id)
                try w.attribute("for", key.domain.rawValue)
                try w.attribute("attr.name", key.attrName)
                try w.attribute("attr.type", key.kind.attrType)
                try w.element("desc", text: "keiretsu:" + key.kind.annotation)
                try w.endElement()
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
            let labelsKey = plan.keys[GraphMLKeyPlan.labelsKeyIndex].id
            let typeKey = plan.keys[GraphMLKeyPlan.typeKeyIndex].id
            for id in subgraph.nodes {
                try w.startElement("node")
                try w.attribute("id", "n\(id)")
                let labels = graph.nodeLabels(id)
                if !labels.isEmpty {
                    try data(w, key: labelsKey, GraphMLNames.joinLabels(labels))
                }
                for (name, value) in graph.nodeProperties(id) {
                    guard let index = plan.nodeKeys[name], !value.isNull else { continue }
                    let key = plan.keys[index]
                    try data(w, key: key.id, key.kind.text(of: value))
                }
                try w.endElement()
            }
            for id in subgraph.relationships {
                guard let (start, end) = graph.relationshipEndpoints(id) else { continue }
                try w.startElement("edge")
                try w.attribute("id", "e\(id)")
                try w.attribute("source", "n\(start)")
                try w.attribute("target", "n\(end)")
                try data(w, key: typeKey, graph.relationshipType(id) ?? "")
                for (name, value) in graph.relationshipProperties(id) {
                    guard let index = plan.edgeKeys[name], !value.isNull else { continue }
                    let key = plan.keys[index]
                    try data(w, key: key.id, key.kind.text(of: value))
                }
                try w.endElement()
            }
            try w.endElement()  // graph
            try w.endElement()  // graphml
        }
    }

    private static func data(_ w: XMLStreamWriter, key: String, _ text: String) throws {
        try w.startElement("data")
        try w.attribute("key", key)
        try w.text(GraphMLNames.xmlSafe(text))
        try w.endElement()
    }
}
