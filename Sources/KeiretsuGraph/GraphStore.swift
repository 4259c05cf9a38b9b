// GraphStore: what the query engine, the loaders and the exporters need from a graph.
//
// The executor pulls everything through this protocol and never touches a concrete store, so
// storage can change (a compact columnar layout, a durable file) without touching a query
// operator. Reads return snapshots; writes are grouped in transactions that either commit or
// roll back as a whole.
//
// Iteration order is always ascending element id, and ids are allocated monotonically, so every
// scan — and everything printed from one — is deterministic.

public enum Direction: Sendable, Hashable {
    case outgoing, incoming, both
}

public struct IndexDescriptor: Sendable, Hashable {
    public var name: String
    public var label: String
    public var properties: [String]
    public var unique: Bool

    public init(name: String, label: String, properties: [String], unique: Bool) {
        self.name = name
        self.label = label
        self.properties = properties
        self.unique = unique
    }
}

/// Errors a store raises on writes that would break its invariants. The engine maps them onto
/// the user-facing error kinds.
public enum GraphStoreError: Error, Sendable, Equatable {
    /// DELETE of a node that still has relationships.
    case nodeHasRelationships(ElementID)
    /// A write that breaks a uniqueness constraint.
    case uniquenessViolated(label: String, property: String, value: Value)
    /// A relationship whose endpoint does not exist.
    case missingEndpoint(ElementID)
    case indexExists(String)
    case indexMissing(String)
    /// A unique constraint cannot be created over data that already violates it.
    case constraintViolatedByExistingData(label: String, property: String)
}

public protocol GraphStore: AnyObject {
    // MARK: Reads
    var nodeCount: Int { get }
    var relationshipCount: Int { get }
    func node(_ id: ElementID) -> Node?
    func relationship(_ id: ElementID) -> Relationship?
    func nodeExists(_ id: ElementID) -> Bool
    func relationshipExists(_ id: ElementID) -> Bool
    func nodeLabels(_ id: ElementID) -> [String]
    func nodeHasLabel(_ id: ElementID, _ label: String) -> Bool
    func nodeProperty(_ id: ElementID, _ key: String) -> Value
    func nodeProperties(_ id: ElementID) -> ValueMap
    func relationshipProperty(_ id: ElementID, _ key: String) -> Value
    func relationshipProperties(_ id: ElementID) -> ValueMap
    func relationshipType(_ id: ElementID) -> String?
    /// (start, end) of a relationship.
    func relationshipEndpoints(_ id: ElementID) -> (ElementID, ElementID)?

    func allNodeIDs() -> [ElementID]
    func nodeIDs(withLabel label: String) -> [ElementID]
    func countNodes(withLabel label: String) -> Int
    /// The nodes with `label` whose `key` is equivalent to `value`, when an index covers
    /// (label, key); nil when none does (the caller then scans).
    func indexedNodeIDs(label: String, key: String, value: Value) -> [ElementID]?
    func allRelationshipIDs() -> [ElementID]
    func countRelationships(withType type: String) -> Int
    /// Relationship ids at `node` in ascending order; `.both` lists a self-loop once.
    func relationshipIDs(of node: ElementID, direction: Direction) -> [ElementID]
    func degree(of node: ElementID, direction: Direction) -> Int

    // MARK: Catalogue
    /// Labels, relationship types and property keys currently in use, sorted.
    func labelsInUse() -> [String]
    func relationshipTypesInUse() -> [String]
    func propertyKeysInUse() -> [String]
    var indexes: [IndexDescriptor] { get }
    func createIndex(_ index: IndexDescriptor) throws
    func dropIndex(named name: String) throws

    // MARK: Writes
    @discardableResult
    func createNode(labels: [String], properties: ValueMap) throws -> ElementID
    @discardableResult
    func createRelationship(type: String, start: ElementID, end: ElementID, properties: ValueMap) throws -> ElementID
    /// Sets (or with `.null`, removes) a property; returns the previous value (`.null` if none).
    @discardableResult
    func setNodeProperty(_ id: ElementID, _ key: String, _ value: Value) throws -> Value
    @discardableResult
    func setRelationshipProperty(_ id: ElementID, _ key: String, _ value: Value) throws -> Value
    /// Returns whether the label was newly added.
    @discardableResult
    func addLabel(_ id: ElementID, _ label: String) throws -> Bool
    @discardableResult
    func removeLabel(_ id: ElementID, _ label: String) -> Bool
    func deleteRelationship(_ id: ElementID)
    /// Fails with `nodeHasRelationships` unless the node is isolated.
    func deleteNode(_ id: ElementID) throws

    // MARK: Transactions
    /// Starts recording undo information. Nested calls are not supported; the engine wraps each
    /// statement (or each explicit transaction) in exactly one.
    func beginTransaction()
    func commitTransaction()
    func rollbackTransaction()
    var inTransaction: Bool { get }
}
