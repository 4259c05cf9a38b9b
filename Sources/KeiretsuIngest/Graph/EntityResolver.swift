// EntityResolver: catalog entities ↔ graph nodes — one node per entity across all documents.
//
// At the start of a run the graph's entities (every node with an entity label and a string
// `name`, as seed scripts create them) become the catalog, so a name or alias found in an article
// resolves to the seed's node: MERGE semantics on (label, name), with aliases as further keys.
// Entities discovered in articles get a node the first time a document that mentions them is
// written. New spellings found in articles are appended to the node's `aliases` list.

import KeiretsuGraph

final class EntityResolver {
    let graph: GraphStore
    let catalog: EntityCatalog
    let schema: GraphSchema

    init(graph: GraphStore, schema: GraphSchema) {
        self.graph = graph
        self.schema = schema
        catalog = EntityCatalog(labels: schema.entityLabels + [schema.documentLabel])
        loadSeeds()
    }

    /// Reads the graph's entities into the catalog, in node id order.
    private func loadSeeds() {
        var ids: [ElementID] = []
        var seen: Set<ElementID> = []
        for label in schema.entityLabels {
            for id in graph.nodeIDs(withLabel: label) where seen.insert(id).inserted { ids.append(id) }
        }
        ids.sort()
        for id in ids {
            guard case .string(let name) = graph.nodeProperty(id, "name"), !name.isEmpty else { continue }
            var aliases: [String] = []
            if case .list(let items) = graph.nodeProperty(id, "aliases") {
                for case .string(let a) in items { aliases.append(a) }
            }
            // Entity labels first (the node's own order), so the primary label is meaningful.
            let labels = graph.nodeLabels(id)
            let ordered = labels.filter { schema.entityLabels.contains($0) } + labels.filter { !schema.entityLabels.contains($0) }
            let index = catalog.add(labels: ordered, name: name, aliases: aliases, nodeID: id)
            // A second node with the same label and name is a duplicate seed; the first one wins.
            if catalog[index].nodeID != id { continue }
            if case .string(let c) = graph.nodeProperty(id, "country") { catalog.setCountry(index, c) }
        }
    }

    /// The node of catalog entity `i`, created when the entity was discovered in an article.
    func node(_ i: Int) throws -> ElementID {
        if let id = catalog.node(of: i) { return id }
        let e = catalog[i]
        var props: ValueMap = ["name": .string(e.name)]
        let aliases = e.aliases.filter { TextFolding.fold($0) != TextFolding.fold(e.name) }
        if !aliases.isEmpty { props["aliases"] = .list(aliases.map { .string($0) }) }
        for (k, v) in e.initialProperties { props[k] = v }
        let id = try graph.createNode(labels: e.labels, properties: props)
        catalog.setNode(i, id)
        _ = catalog.takePendingAliases(i)
        return id
    }

    /// Writes the spellings of entity `i` found since the last flush into its `aliases`.
    func flushAliases(_ i: Int) throws {
        guard catalog.hasPendingAliases(i) else { return }
        let fresh = catalog.takePendingAliases(i)
        guard !fresh.isEmpty, let id = catalog[i].nodeID else { return }
        var list: [Value] = []
        if case .list(let items) = graph.nodeProperty(id, "aliases") { list = items }
        let name = TextFolding.fold(catalog.name(of: i))
        for a in fresh where TextFolding.fold(a) != name { list.append(.string(a)) }
        try graph.setNodeProperty(id, "aliases", .list(list))
    }
}
