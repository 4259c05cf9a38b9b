// ProvenanceWriter: writes one document's extraction into the graph, with provenance.
//
// For each article: a `Document` node (`path`, `title`, `date`, `source`); the nodes of the
// entities it mentions (created for discovered ones), in order of first mention; one `MENTIONS`
// edge per entity with the number of mentions; then one relationship per fact, carrying the
// fact's properties and its provenance — `source` (the document path), `sentence` (its text),
// `asOf` (a date the sentence gives, else the article's date) and `rule`. Symmetric types are
// stored once, from the lower node id. Node properties found by attribute rules are set last.
// Everything goes through GraphStore write methods, so it lands in the caller's transaction.

import KeiretsuGraph

struct ProvenanceWriter {
    let resolver: EntityResolver
    let schema: GraphSchema

    private var graph: GraphStore { resolver.graph }
    private var catalog: EntityCatalog { resolver.catalog }

    func write(_ doc: DocumentExtraction, warnings: [IngestWarning]) throws -> DocumentReport {
        let a = doc.article
        var props: ValueMap = ["path": .string(a.path), "title": .string(a.title)]
        if let d = a.date { props["date"] = .temporal(.date(d)) }
        if let s = a.source { props["source"] = .string(s) }
        let docID = try graph.createNode(labels: [schema.documentLabel], properties: props)

        // Entities in order of first mention, with their spellings.
        var order: [Int] = []
        var surfaces: [Int: [String]] = [:]
        var counts: [Int: Int] = [:]
        func note(_ e: Int, _ surface: String?) {
            if counts[e] == nil { order.append(e) }
            if let s = surface, !s.isEmpty, !(surfaces[e]?.contains(s) ?? false) { surfaces[e, default: []].append(s) }
            counts[e, default: 0] += surface == nil ? 0 : 1
        }
        for m in doc.mentions { note(m.entity, m.surface) }
        for f in doc.facts {
            note(f.from, nil)
            note(f.to, nil)
        }
        for at in doc.attributes { note(at.entity, nil) }

        var entities: [EntityReport] = []
        for e in order {
            let id = try resolver.node(e)
            try resolver.flushAliases(e)
            try graph.createRelationship(type: schema.mentionsType, start: docID, end: id,
                                         properties: ["count": .int(Int64(max(counts[e] ?? 0, 1)))])
            entities.append(EntityReport(labels: catalog.labels(of: e), name: catalog.name(of: e), mentions: surfaces[e] ?? [],
                                         discoveredBy: doc.discoveredBy[e], nodeID: id))
        }

        var sentenceTexts: [Int: String] = [:]
        func sentence(_ i: Int) -> String {
            if let t = sentenceTexts[i] { return t }
            let t = doc.sentenceText(i)
            sentenceTexts[i] = t
            return t
        }
        var facts: [FactReport] = []
        for f in doc.facts {
            var start = try resolver.node(f.from)
            var end = try resolver.node(f.to)
            if schema.relationship(f.type)?.symmetric == true && end < start { swap(&start, &end) }
            let sentence = sentence(f.sentence)
            var p = f.properties
            p["source"] = .string(a.path)
            p["sentence"] = .string(sentence)
            if p["asOf"] == nil, let d = a.date { p["asOf"] = .temporal(.date(d)) }
            p["rule"] = .string(f.rule)
            let rid = try graph.createRelationship(type: f.type, start: start, end: end, properties: p)
            facts.append(FactReport(type: f.type, from: catalog.name(of: f.from), to: catalog.name(of: f.to), properties: f.properties,
                                    rule: f.rule, sentence: sentence, relationshipID: rid))
        }

        var attributes: [AttributeReport] = []
        for at in doc.attributes {
            try graph.setNodeProperty(try resolver.node(at.entity), at.key, at.value)
            attributes.append(AttributeReport(entity: catalog.name(of: at.entity), key: at.key, value: at.value, rule: at.rule,
                                              sentence: sentence(at.sentence)))
        }

        let rejected = doc.rejected.map {
            RejectedFactReport(type: $0.type, from: catalog.name(of: $0.from), to: catalog.name(of: $0.to), rule: $0.rule,
                               sentence: doc.sentenceText($0.sentence), reason: $0.reason)
        }
        return DocumentReport(path: a.path, title: a.title, date: a.date, source: a.source, format: a.format,
                              sentences: doc.sentences.count, entities: entities, facts: facts, attributes: attributes,
                              rejected: rejected, warnings: warnings, documentNodeID: docID)
    }
}
