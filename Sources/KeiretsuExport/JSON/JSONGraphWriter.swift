// JSONGraphWriter: `keiretsu export --format json`, i.e.
//
//   {"nodes":[
//   {"_kind":"node","id":3,"labels":["Company"],"properties":{…}},
//   …
//   ],"relationships":[
//   {"_kind":"relationship","id":7,"type":"HOLDS_STAKE","start":3,"end":4,"properties":{…}},
//   …
//   ]}
//
// The objects are exactly the tagged objects of DESIGN.md, produced by KeiretsuGraph's
// `Value.writeJSON`, so the export reads back with the same decoder as `--param`. One element
// per line keeps the file greppable and lets `jq -c` users stream it; elements are written in
// ascending id order as they are read, never collected first.

import KeiretsuGraph

public enum JSONGraphWriter {
    public static func write(graph: any GraphStore, subgraph: Subgraph, to sink: any ByteSink) throws {
        var out = TextOutput(sink)
        try out.write("{\"nodes\":[")
        var line = ""
        for (i, id) in subgraph.nodes.enumerated() {
            guard let node = graph.node(id) else { continue }
            line.removeAll(keepingCapacity: true)
            line += i == 0 ? "\n" : ",\n"
            Value.node(node).writeJSON(to: &line)
            try out.write(line)
        }
        try out.write(subgraph.nodes.isEmpty ? "],\"relationships\":[" : "\n],\"relationships\":[")
        for (i, id) in subgraph.relationships.enumerated() {
            guard let rel = graph.relationship(id) else { continue }
            line.removeAll(keepingCapacity: true)
            line += i == 0 ? "\n" : ",\n"
            Value.relationship(rel).writeJSON(to: &line)
            try out.write(line)
        }
        try out.write(subgraph.relationships.isEmpty ? "]}\n" : "\n]}\n")
        try out.flush()
    }
}
