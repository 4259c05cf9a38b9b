// EntityCatalog: every entity the pipeline knows, seeded or discovered, with one index each.
//
// Seeded entities come from the graph (their node ids are known); discovered ones get a node when
// the resolver writes them. Entities are keyed by (label, folded name), so a name found again in
// a later article — or a discovered name equal to a seed's — resolves to the same entry: one node
// per entity across documents. Labels are also kept as a bit set (`LabelSet`) for the matcher.

import KeiretsuGraph

/// A set of labels as bits of a `LabelTable`.
struct LabelSet: OptionSet, Hashable, Sendable {
    let rawValue: UInt64
    init(rawValue: UInt64) { self.rawValue = rawValue }
}

/// Label names ↔ bits (at most 64 distinct labels, plenty for a vocabulary).
struct LabelTable {
    private(set) var names: [String] = []
    private var bits: [String: Int] = [:]

    init(_ labels: [String]) {
        for l in labels { _ = bit(l) }
    }

    mutating func bit(_ label: String) -> LabelSet {
        if let b = bits[label] { return LabelSet(rawValue: 1 << UInt64(b)) }
        guard names.count < 64 else { return [] }
        bits[label] = names.count
        names.append(label)
        return LabelSet(rawValue: 1 << UInt64(names.count - 1))
    }

    func set(_ labels: [String]) -> LabelSet {
        var s: LabelSet = []
        for l in labels { if let b = bits[l] { s.insert(LabelSet(rawValue: 1 << UInt64(b))) } }
        return s
    }
}

struct CatalogEntity {
    var labels: [String]
    var labelSet: LabelSet
    var name: String
    /// Aliases the node has (seed) or will get (surface forms found in articles).
    var aliases: [String]
    /// Folded name and aliases, to tell whether a surface form is new.
    var foldedForms: Set<String>
    var nodeID: ElementID?
    /// Properties to set when the node is created (discovered entities: `kind`).
    var initialProperties: ValueMap
    /// Aliases added by this run, not yet written.
    var pendingAliases: [String] = []
    /// The node's `country`, when the seed gives one (anaphors such as "the Swedish carmaker").
    var country: String? = nil
}

final class EntityCatalog {
    // Single-threaded: no run-time exclusivity checks (see Lexicon).
    @exclusivity(unchecked) private(set) var entities: [CatalogEntity] = []
    @exclusivity(unchecked) private var byKey: [String: Int] = [:]
    var labelTable: LabelTable

    init(labels: [String]) {
        labelTable = LabelTable(labels)
    }

    var count: Int { entities.count }

    subscript(_ i: Int) -> CatalogEntity { entities[i] }

    // Field accessors: reading one field does not copy (and retain) the whole entity.
    func bits(of i: Int) -> LabelSet { entities[i].labelSet }
    func name(of i: Int) -> String { entities[i].name }
    func labels(of i: Int) -> [String] { entities[i].labels }
    func country(of i: Int) -> String? { entities[i].country }
    func node(of i: Int) -> ElementID? { entities[i].nodeID }
    func hasPendingAliases(_ i: Int) -> Bool { !entities[i].pendingAliases.isEmpty }

    private static func key(_ label: String, _ name: String) -> String {
        label + "\u{1F}" + TextFolding.fold(name)
    }

    /// The entity with `label` and a name (or alias) folding to `name`.
    func find(label: String, name: String) -> Int? { byKey[EntityCatalog.key(label, name)] }

    /// Adds an entity (or returns the one already keyed so). `nodeID` is set for seeds.
    @discardableResult
    func add(labels: [String], name: String, aliases: [String] = [], nodeID: ElementID? = nil,
             properties: ValueMap = [:]) -> Int {
        let primary = labels.first ?? ""
        if let existing = byKey[EntityCatalog.key(primary, name)] { return existing }
        var set: LabelSet = []
        for l in labels { set.insert(labelTable.bit(l)) }
        var folded: Set<String> = [TextFolding.fold(name)]
        for a in aliases { folded.insert(TextFolding.fold(a)) }
        let index = entities.count
        entities.append(CatalogEntity(labels: labels, labelSet: set, name: name, aliases: aliases,
                                      foldedForms: folded, nodeID: nodeID, initialProperties: properties))
        for l in labels {
            for form in [name] + aliases where byKey[EntityCatalog.key(l, form)] == nil {
                byKey[EntityCatalog.key(l, form)] = index
            }
        }
        return index
    }

    /// Records `surface` as an alias of entity `i` when it is a new spelling. Returns whether it was.
    @discardableResult
    func noteSurface(_ i: Int, _ surface: String) -> Bool {
        if surface == entities[i].name || entities[i].aliases.contains(surface) { return false }
        let f = TextFolding.fold(surface)
        guard !f.isEmpty, !entities[i].foldedForms.contains(f) else { return false }
        entities[i].foldedForms.insert(f)
        entities[i].aliases.append(surface)
        entities[i].pendingAliases.append(surface)
        for l in entities[i].labels where byKey[EntityCatalog.key(l, surface)] == nil {
            byKey[EntityCatalog.key(l, surface)] = i
        }
        return true
    }

    func setNode(_ i: Int, _ id: ElementID) { entities[i].nodeID = id }

    func setCountry(_ i: Int, _ country: String) { entities[i].country = country }

    func takePendingAliases(_ i: Int) -> [String] {
        let p = entities[i].pendingAliases
        entities[i].pendingAliases = []
        return p
    }

    func labelSet(_ labels: [String]) -> LabelSet { labelTable.set(labels) }
}
