// GraphMLLoader, continued: resolving keys once the graph starts, reading `<data>` into the
// element being built, and creating nodes and relationships in the target graph.

import KeiretsuCypher
import KeiretsuGraph

extension GraphMLLoader {
    /// Decides what every key means, at the first `<graph>`: by then all keys are declared.
    mutating func resolveKeys(line: Int) {
        keysResolved = true
        let all = declarations.values.sorted { $0.line < $1.line }
        var hasLabelsKey = false
        var isKeiretsu = false
        for key in all {
            if key.keiretsuKind != nil { isKeiretsu = true }
            for domain in [GraphMLDomain.node, .edge] where key.appliesTo(domain) {
                let (role, unknownType) = key.role(for: domain)
                if let unknownType {
                    warn(key.line, "key '\(key.id)' has attr.type '\(unknownType)', which GraphML does not define; its values are read as strings",
                         once: "type:\(key.id)")
                }
                if case .labels = role { hasLabelsKey = true }
                if domain == .node { nodeUses[key.id] = role } else { edgeUses[key.id] = role }
                if let text = key.defaultText {
                    let entry = (key: key.id, role: role, text: text, line: key.line)
                    if domain == .node { nodeDefaults.append(entry) } else { edgeDefaults.append(entry) }
                }
            }
        }
        // Files from networkx, igraph, yEd… carry the node's identity in its GraphML id (networkx
        // writes the node itself there); keiretsu and APOC ids are synthetic.
        isKeiretsuFile = isKeiretsu
        keepNodeIDs = !isKeiretsu && !hasLabelsKey
        nodeDefaults.sort { $0.key < $1.key }
        edgeDefaults.sort { $0.key < $1.key }
    }

    /// The role of `key` on an element of `domain`. A key declared for another domain is still
    /// read (networkx and others are loose about `for`); an undeclared key is an error.
    func role(ofKey key: String, on domain: GraphMLDomain, line: Int) throws -> GraphMLKeyRole {
        if let role = (domain == .node ? nodeUses[key] : edgeUses[key]) { return role }
        guard let declaration = declarations[key] else {
            throw invalid(line, "<data> refers to key '\(key)', which is not declared")
        }
        return declaration.role(for: domain).role
    }

    /// Stores the text of one `<data>` (or a key default) on the element being built.
    mutating func apply(_ role: GraphMLKeyRole, text: String, key: String, to p: inout Pending, line: Int) throws {
        switch role {
        case .labels(let escaped):
            p.labels = escaped ? GraphMLNames.splitLabels(text) : GraphMLNames.splitForeignLabels(text)
        case .type:
            p.type = text
        case .property(let propertyName, let conversion):
            var notes: [String] = []
            let value: Value?
            do {
                value = try conversion.value(of: text, warn: { notes.append($0) })
            } catch let e as GraphMLValueError {
                let attrName = declarations[key]?.attrName.map { " (attr.name '\($0)')" } ?? ""
                throw invalid(line, "key '\(key)'\(attrName): \(e.message)")
            }
            for note in notes { warn(line, "key '\(key)': \(note)", once: "temporal:\(key)") }
            if let value { p.properties[propertyName] = value }
        case .yfilesGraphics, .ignored:
            break
        }
    }

    /// Key defaults (`<default>`) for the keys an element did not give, in key-id order.
    mutating func applyDefaults(to p: inout Pending) throws {
        for d in p.domain == .node ? nodeDefaults : edgeDefaults where !p.seenKeys.contains(d.key) {
            try apply(d.role, text: d.text, key: d.key, to: &p, line: d.line)
        }
    }

    /// A refusal of the store (a uniqueness constraint) as an error at `line`.
    func refused(_ error: any Error, line: Int, _ what: String) -> any Error {
        guard let e = error as? GraphStoreError else { return error }
        return CypherError(.constraintVerificationFailed, "GraphMLLoadRefused",
                           "\(name):\(line): the graph refused \(what): \(e)", phase: .runtime)
    }

    mutating func finishNode(_ node: Pending) throws {
        var p = node
        try applyDefaults(to: &p)
        var labels = p.labels ?? p.apocLabel.map(GraphMLNames.splitForeignLabels) ?? []
        var uniqueLabels: [String] = []
        for l in labels where !uniqueLabels.contains(l) { uniqueLabels.append(l) }
        labels = uniqueLabels
        if p.properties["name"] == nil, !p.yLabels.isEmpty {
            p.properties["name"] = .string(p.yLabels.joined(separator: "\n"))
        }
        if keepNodeIDs, p.properties["id"] == nil {
            p.properties["id"] = .string(p.graphmlID)
        }
        do {
            if let existing = nodeIDs[p.graphmlID] {
                guard placeholders.removeValue(forKey: existing) != nil else {
                    throw invalid(p.line, "node id '\(p.graphmlID)' is declared twice")
                }
                for l in labels { try graph.addLabel(existing, l) }
                for (k, v) in p.properties { try graph.setNodeProperty(existing, k, v) }
            } else {
                nodeIDs[p.graphmlID] = try graph.createNode(labels: labels, properties: p.properties)
            }
        } catch {
            throw refused(error, line: p.line, "node '\(p.graphmlID)'")
        }
    }

    mutating func finishEdge(_ edge: Pending) throws {
        var p = edge
        try applyDefaults(to: &p)
        // keiretsu writes every type, even an empty one; for other files an empty or missing
        // type falls back to APOC's label attribute, the yEd edge label, then RELATED_TO.
        var type = p.type ?? ""
        if p.type == nil || (type.isEmpty && !isKeiretsuFile) {
            type = [p.apocLabel, p.yLabels.first].compactMap { $0 }.first { !$0.isEmpty }
                ?? GraphMLLoader.defaultRelationshipType
        }
        let start = try endpoint(p.source, line: p.line)
        let end = try endpoint(p.target, line: p.line)
        do {
            try graph.createRelationship(type: type, start: start, end: end, properties: p.properties)
        } catch {
            throw refused(error, line: p.line, "an edge")
        }
    }

    /// The node a GraphML id names, or a placeholder to be filled by its later `<node>`.
    private mutating func endpoint(_ graphmlID: String, line: Int) throws -> ElementID {
        if let id = nodeIDs[graphmlID] { return id }
        let id = try graph.createNode(labels: [], properties: [:])
        nodeIDs[graphmlID] = id
        placeholders[id] = (graphmlID, line)
        return id
    }
}
