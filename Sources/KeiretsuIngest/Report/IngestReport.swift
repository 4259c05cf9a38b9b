// IngestReport: what an ingest run found, per document — the entities (label and mentions), the
// facts (rule and sentence), node properties, facts the schema refused, and warnings.
//
// `keiretsu ingest DIR --report [--format json]` prints it (IngestReport+Text, +JSON). The JSON
// shape mirrors the annotation files of Tests/IngestCorpus (`title`, `date`, `entities`, `facts`),
// so a report can be compared with a hand annotation directly.

import KeiretsuGraph

public struct EntityReport: Sendable, Hashable {
    /// All labels of the entity (`["Organization", "Alliance"]`); the first is the primary one.
    public var labels: [String]
    public var name: String
    /// The spellings the document used, in order of first use.
    public var mentions: [String]
    /// The discovery cue that typed the entity, when it was not in the gazetteer.
    public var discoveredBy: String?
    public var nodeID: ElementID?

    public var label: String { labels.first ?? "" }
}

public struct FactReport: Sendable, Hashable {
    public var type: String
    public var from: String
    public var to: String
    /// The fact's own properties (provenance aside).
    public var properties: ValueMap
    public var rule: String
    public var sentence: String
    public var relationshipID: ElementID?
}

public struct AttributeReport: Sendable, Hashable {
    public var entity: String
    public var key: String
    public var value: Value
    public var rule: String
    public var sentence: String
}

public struct RejectedFactReport: Sendable, Hashable {
    public var type: String
    public var from: String
    public var to: String
    public var rule: String
    public var sentence: String
    public var reason: String
}

public struct DocumentReport: Sendable {
    public var path: String
    public var title: String
    public var date: LocalDate?
    public var source: String?
    public var format: Article.Format
    public var sentences: Int
    public var entities: [EntityReport]
    public var facts: [FactReport]
    public var attributes: [AttributeReport]
    public var rejected: [RejectedFactReport]
    public var warnings: [IngestWarning]
    public var documentNodeID: ElementID?
}

public struct IngestReport: Sendable {
    public var documents: [DocumentReport] = []
    /// Every warning of the run, documents' and skipped files' alike, in path order.
    public var warnings: [IngestWarning] = []
    public var nodesCreated = 0
    public var relationshipsCreated = 0
    /// Bytes of article text read (for throughput figures).
    public var bytesRead = 0

    public init() {}

    public var factCount: Int { documents.reduce(0) { $0 + $1.facts.count } }
    public var rejectedCount: Int { documents.reduce(0) { $0 + $1.rejected.count } }
}
