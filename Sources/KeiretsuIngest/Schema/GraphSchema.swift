// GraphSchema: the vocabulary of the graph, declared as data.
//
// Labels, relationship types with the labels allowed at each end, and the type of every property
// — the table of DESIGN.md ("Domain vocabulary") is `GraphSchema.default`. Ingest checks every
// extracted fact against the schema before writing it: a fact whose endpoints or properties break
// it is reported with its file and sentence and is not added. A corpus about another industry
// passes its own schema (and its own rules); nothing else in the pipeline names a type.

import KeiretsuGraph

public enum PropertyType: String, Sendable, Hashable {
    case string, integer, float, boolean, date, stringList

    /// Whether `value` has this type (an integer is accepted where a float is expected).
    public func admits(_ value: Value) -> Bool {
        switch (self, value) {
        case (.string, .string), (.integer, .int), (.float, .float), (.float, .int), (.boolean, .bool):
            return true
        case (.date, .temporal(.date)):
            return true
        case (.stringList, .list(let items)):
            return items.allSatisfy { if case .string = $0 { return true } else { return false } }
        default:
            return false
        }
    }
}

/// A property name with the types its values may have.
public struct PropertySpec: Sendable, Hashable {
    public var name: String
    public var types: [PropertyType]

    public init(_ name: String, _ types: PropertyType...) {
        self.name = name
        self.types = types
    }
}

public struct RelationshipSpec: Sendable, Hashable {
    public var type: String
    /// The start node must carry at least one of these labels.
    public var from: [String]
    /// The end node must carry at least one of these labels.
    public var to: [String]
    /// Symmetric types (PARTNERS_WITH) are stored once per pair, from the lower node id.
    public var symmetric: Bool
    public var properties: [PropertySpec]

    public init(_ type: String, from: [String], to: [String], symmetric: Bool = false, properties: [PropertySpec] = []) {
        self.type = type
        self.from = from
        self.to = to
        self.symmetric = symmetric
        self.properties = properties
    }
}

public struct GraphSchema: Sendable {
    /// Entity labels (the gazetteer reads nodes carrying any of them).
    public var entityLabels: [String]
    /// The label and properties of the node made for each article.
    public var documentLabel: String
    public var documentProperties: [PropertySpec]
    /// The relationship from a document to each entity it mentions.
    public var mentionsType: String
    /// Properties every node may carry, and properties per label.
    public var commonNodeProperties: [PropertySpec]
    public var nodeProperties: [String: [PropertySpec]]
    public var relationships: [RelationshipSpec]
    /// Provenance properties every fact relationship carries.
    public var provenanceProperties: [PropertySpec]

    public init(entityLabels: [String], documentLabel: String, documentProperties: [PropertySpec],
                mentionsType: String, commonNodeProperties: [PropertySpec], nodeProperties: [String: [PropertySpec]],
                relationships: [RelationshipSpec], provenanceProperties: [PropertySpec]) {
        self.entityLabels = entityLabels
        self.documentLabel = documentLabel
        self.documentProperties = documentProperties
        self.mentionsType = mentionsType
        self.commonNodeProperties = commonNodeProperties
        self.nodeProperties = nodeProperties
        self.relationships = relationships
        self.provenanceProperties = provenanceProperties
    }

    public func relationship(_ type: String) -> RelationshipSpec? {
        for r in relationships where r.type == type { return r }
        return nil
    }

    /// DESIGN.md's vocabulary. Beyond the table: HOLDS_STAKE may say `largestShareholder`
    /// ("X, Y's most significant shareholder", no percent given), and organisations and
    /// companies may carry `employees` and `plants` counts.
    public static let `default` = GraphSchema(
        entityLabels: ["Company", "Person", "Project", "Market", "Organization", "Alliance"],
        documentLabel: "Document",
        documentProperties: [PropertySpec("path", .string), PropertySpec("title", .string),
                             PropertySpec("date", .date), PropertySpec("source", .string)],
        mentionsType: "MENTIONS",
        commonNodeProperties: [PropertySpec("name", .string), PropertySpec("aliases", .stringList)],
        nodeProperties: [
            "Organization": [PropertySpec("kind", .string), PropertySpec("employees", .integer),
                             PropertySpec("plants", .integer), PropertySpec("founded", .integer, .date)],
            "Company": [PropertySpec("employees", .integer), PropertySpec("plants", .integer),
                        PropertySpec("founded", .integer, .date)],
        ],
        relationships: [
            RelationshipSpec("HOLDS_STAKE", from: ["Company", "Organization"], to: ["Company"], properties: [
                PropertySpec("percent", .float), PropertySpec("asOf", .date), PropertySpec("targetPercent", .float),
                PropertySpec("largestShareholder", .boolean),
            ]),
            RelationshipSpec("HOLDS_ROLE", from: ["Person"], to: ["Company", "Organization"], properties: [
                PropertySpec("role", .string), PropertySpec("since", .integer, .date),
                PropertySpec("until", .integer, .date), PropertySpec("former", .boolean),
            ]),
            RelationshipSpec("MEMBER_OF", from: ["Company"], to: ["Organization"], properties: [
                PropertySpec("since", .integer, .date),
            ]),
            RelationshipSpec("LEADS", from: ["Company"], to: ["Project"], properties: [PropertySpec("area", .string)]),
            RelationshipSpec("PARTICIPATES_IN", from: ["Company", "Organization"], to: ["Project"]),
            RelationshipSpec("INVESTS_IN", from: ["Company"], to: ["Company", "Project"], properties: [
                PropertySpec("amount", .float), PropertySpec("currency", .string), PropertySpec("status", .string),
            ]),
            RelationshipSpec("SUBSIDIARY_OF", from: ["Company"], to: ["Company"]),
            RelationshipSpec("TARGETS", from: ["Project"], to: ["Market"]),
            RelationshipSpec("OPERATES_IN", from: ["Company", "Organization"], to: ["Market"]),
            RelationshipSpec("PARTNERS_WITH", from: ["Company"], to: ["Company"], symmetric: true, properties: [
                PropertySpec("since", .integer, .date),
            ]),
            RelationshipSpec("MERGES_WITH", from: ["Company"], to: ["Company"], symmetric: true, properties: [
                PropertySpec("status", .string), PropertySpec("date", .date),
            ]),
        ],
        provenanceProperties: [PropertySpec("source", .string), PropertySpec("sentence", .string),
                               PropertySpec("asOf", .date), PropertySpec("rule", .string)]
    )
}
