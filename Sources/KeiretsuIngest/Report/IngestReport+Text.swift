// The ingest report as text, for a terminal: one block per document.
//
//     news/2023-01-28-stakes.md  2023-01-28  "Norvik and Talvi agree …"
//       entity  :Company              Norvik Motors      "Norvik", "the Harbour house"
//       fact    HOLDS_STAKE           Norvik Motors -> Talvi Energy  {percent: 43.0}  [stake.pct-in]
//               "Norvik holds a 43% stake in Talvi."
//       set     Northern Alliance.employees = 420000  [attr.employees]
//       refused MEMBER_OF Foo -> Bar: MEMBER_OF cannot end at :Company  [member.joined]
//       warning MissingDate: no date: facts will carry no asOf
//     2 documents, 31 entities, 40 facts, 0 refused, 0 warnings
//
// Property maps print as Cypher literals (Value+Literal), the notation of saved query files.

import KeiretsuGraph

extension IngestReport {
    public func renderText() -> String {
        var out = ""
        for d in documents {
            out += d.path
            if let date = d.date { out += "  " + date.isoString }
            if !d.title.isEmpty { out += "  \"" + d.title + "\"" }
            out += "\n"
            for e in d.entities {
                let label = e.labels.map { ":" + $0 }.joined()
                out += "  entity  " + pad(label, 22) + pad(e.name, 20)
                out += e.mentions.map { "\"\($0)\"" }.joined(separator: ", ")
                if let cue = e.discoveredBy { out += "  (found by \(cue))" }
                out += "\n"
            }
            for f in d.facts {
                out += "  fact    " + pad(f.type, 16) + "\(f.from) -> \(f.to)"
                if !f.properties.isEmpty { out += "  " + Value.map(f.properties).literal() }
                out += "  [\(f.rule)]\n"
                out += "          \"\(f.sentence)\"\n"
            }
            for a in d.attributes {
                out += "  set     \(a.entity).\(a.key) = \(a.value.literal())  [\(a.rule)]\n"
                out += "          \"\(a.sentence)\"\n"
            }
            for r in d.rejected {
                out += "  refused \(r.type) \(r.from) -> \(r.to): \(r.reason)  [\(r.rule)]\n"
                out += "          \"\(r.sentence)\"\n"
            }
            for w in d.warnings { out += "  warning \(w.code.rawValue): \(w.message)\n" }
        }
        let skipped = warnings.filter { w in !documents.contains { $0.path == w.path } }
        for w in skipped { out += w.description + "\n" }
        let entityCount = Set(documents.flatMap { $0.entities.map { $0.labels.joined(separator: ":") + "|" + $0.name } }).count
        out += "\(documents.count) document\(documents.count == 1 ? "" : "s"), \(entityCount) entities, "
        out += "\(factCount) facts, \(rejectedCount) refused, \(warnings.count) warning\(warnings.count == 1 ? "" : "s")\n"
        return out
    }

    private func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }
}
