// The ingest report as JSON (`keiretsu ingest DIR --report --format json`).
//
//     {"documents":[{"path":"…","title":"…","date":"2023-01-28","source":null,"sentences":12,
//        "entities":[{"label":"Company","labels":["Company"],"name":"Norvik Motors","mentions":["Norvik"]}],
//        "facts":[{"type":"HOLDS_STAKE","from":"Norvik Motors","to":"Talvi Energy","properties":{"percent":43.0},
//                  "rule":"stake.pct-in","sentence":"Norvik holds a 43% stake in Talvi."}],
//        "attributes":[…],"refused":[…],"warnings":[…]}],
//      "warnings":[{"path":"…","code":"MissingDate","message":"…"}],
//      "totals":{"documents":2,"facts":40,"refused":0,"warnings":0,"nodesCreated":…,"relationshipsCreated":…}}
//
// Property values use the project's JSON value encoding (Value+JSON: floats keep their `.0`,
// dates are tagged objects), so `percent: 43` and `43.0` stay distinguishable. The document date is
// a plain ISO string, as in the annotation files.

import KeiretsuGraph

extension IngestReport {
    public func renderJSON() -> String {
        var out = "{\"documents\":["
        for (i, d) in documents.enumerated() {
            if i > 0 { out += "," }
            out += "{\"path\":"
            writeJSONString(d.path, to: &out)
            out += ",\"title\":"
            writeJSONString(d.title, to: &out)
            out += ",\"date\":"
            if let date = d.date { writeJSONString(date.isoString, to: &out) } else { out += "null" }
            out += ",\"source\":"
            if let s = d.source { writeJSONString(s, to: &out) } else { out += "null" }
            out += ",\"format\":"
            writeJSONString(d.format.rawValue, to: &out)
            out += ",\"sentences\":\(d.sentences),\"entities\":["
            for (j, e) in d.entities.enumerated() {
                if j > 0 { out += "," }
                out += "{\"label\":"
                writeJSONString(e.label, to: &out)
                out += ",\"labels\":"
                Value.list(e.labels.map { .string($0) }).writeJSON(to: &out)
                out += ",\"name\":"
                writeJSONString(e.name, to: &out)
                out += ",\"mentions\":"
                Value.list(e.mentions.map { .string($0) }).writeJSON(to: &out)
                if let cue = e.discoveredBy {
                    out += ",\"discoveredBy\":"
                    writeJSONString(cue, to: &out)
                }
                out += "}"
            }
            out += "],\"facts\":["
            for (j, f) in d.facts.enumerated() {
                if j > 0 { out += "," }
                out += "{\"type\":"
                writeJSONString(f.type, to: &out)
                out += ",\"from\":"
                writeJSONString(f.from, to: &out)
                out += ",\"to\":"
                writeJSONString(f.to, to: &out)
                out += ",\"properties\":"
                writeJSONObject(f.properties, to: &out)
                out += ",\"rule\":"
                writeJSONString(f.rule, to: &out)
                out += ",\"sentence\":"
                writeJSONString(f.sentence, to: &out)
                out += "}"
            }
            out += "],\"attributes\":["
            for (j, a) in d.attributes.enumerated() {
                if j > 0 { out += "," }
                out += "{\"entity\":"
                writeJSONString(a.entity, to: &out)
                out += ",\"key\":"
                writeJSONString(a.key, to: &out)
                out += ",\"value\":"
                a.value.writeJSON(to: &out)
                out += ",\"rule\":"
                writeJSONString(a.rule, to: &out)
                out += ",\"sentence\":"
                writeJSONString(a.sentence, to: &out)
                out += "}"
            }
            out += "],\"refused\":["
            for (j, r) in d.rejected.enumerated() {
                if j > 0 { out += "," }
                out += "{\"type\":"
                writeJSONString(r.type, to: &out)
                out += ",\"from\":"
                writeJSONString(r.from, to: &out)
                out += ",\"to\":"
                writeJSONString(r.to, to: &out)
                out += ",\"reason\":"
                writeJSONString(r.reason, to: &out)
                out += ",\"rule\":"
                writeJSONString(r.rule, to: &out)
                out += ",\"sentence\":"
                writeJSONString(r.sentence, to: &out)
                out += "}"
            }
            out += "],\"warnings\":"
            writeWarnings(d.warnings, to: &out)
            out += "}"
        }
        out += "],\"warnings\":"
        writeWarnings(warnings, to: &out)
        out += ",\"totals\":{\"documents\":\(documents.count),\"facts\":\(factCount),\"refused\":\(rejectedCount)"
        out += ",\"warnings\":\(warnings.count),\"nodesCreated\":\(nodesCreated),\"relationshipsCreated\":\(relationshipsCreated)}}"
        return out
    }

    private func writeWarnings(_ ws: [IngestWarning], to out: inout String) {
        out += "["
        for (i, w) in ws.enumerated() {
            if i > 0 { out += "," }
            out += "{\"path\":"
            writeJSONString(w.path, to: &out)
            out += ",\"code\":"
            writeJSONString(w.code.rawValue, to: &out)
            out += ",\"message\":"
            writeJSONString(w.message, to: &out)
            out += "}"
        }
        out += "]"
    }
}
