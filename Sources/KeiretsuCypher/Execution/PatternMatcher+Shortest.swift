// shortestPath and allShortestPaths: breadth-first search between each pair of endpoint
// candidates.
//
// The pattern is one relationship (usually variable-length) between two nodes. BFS visits
// adjacency in ascending id, so `shortestPath` returns the same path every run. For
// `allShortestPaths` every parent at the previous level is kept and all paths are enumerated.
// A zero-length path is returned only when the lower bound is 0 and both ends are the same node.

import KeiretsuGraph

extension Search {
    mutating func matchShortest(_ partIndex: Int, _ part: CompiledPart) throws -> Bool {
        guard part.nodes.count == 2, let r = part.relationships.first else {
            throw CypherError(.syntaxError, "InvalidShortestPath", "shortestPath needs a single relationship pattern",
                              phase: .compileTime)
        }
        let startCandidates = try candidates(for: part.nodes[0])
        let endCandidates = try candidates(for: part.nodes[1])
        let minHops = r.range?.min ?? 1
        let maxHops = r.range?.max ?? (r.range == nil ? 1 : Int.max)
        let direction = storeDirection(r.direction, reversed: false)
        for s in startCandidates {
            guard try nodeMatches(part.nodes[0], s) else { continue }
            for e in endCandidates {
                try ctx.check()
                guard try nodeMatches(part.nodes[1], e) else { continue }
                let paths = try shortestPaths(from: s, to: e, r, direction, minHops: minHops, maxHops: maxHops,
                                              all: part.shortest == .all)
                for relIDs in paths {
                    let saved = bound
                    nodeIDs = [s, e]
                    segments = [relIDs]
                    if let slot = part.nodes[0].slot, !bound[slot] { row[slot] = ctx.nodeValue(s); bound[slot] = true }
                    if let slot = part.nodes[1].slot, !bound[slot] { row[slot] = ctx.nodeValue(e); bound[slot] = true }
                    if let slot = r.slot {
                        row[slot] = .list(relIDs.map { ctx.relationshipValue($0) })
                        if r.range == nil, let first = relIDs.first { row[slot] = ctx.relationshipValue(first) }
                        bound[slot] = true
                    }
                    let go = try finishPart(partIndex, part)
                    bound = saved
                    if !go { return false }
                }
            }
        }
        return true
    }

    mutating func candidates(for n: CompiledNode) throws -> [ElementID] {
        if let s = n.slot, bound[s] {
            guard case .node(let node) = row[s] else { return [] }
            return [node.id]
        }
        if let ids = try indexCandidates(n) { return ids }
        if let l = n.labels.first { return graph.nodeIDs(withLabel: l) }
        return graph.allNodeIDs()
    }

    /// Relationship-id sequences of the shortest paths from `s` to `e`.
    mutating func shortestPaths(from s: ElementID, to e: ElementID, _ r: CompiledRelationship, _ direction: Direction,
                                minHops: Int, maxHops: Int, all: Bool) throws -> [[ElementID]] {
        if s == e && minHops == 0 { return [[]] }
        // parents[node] = [(relationship, previous node)] at the level the node was first reached.
        var parents: [ElementID: [(ElementID, ElementID)]] = [s: []]
        var frontier = [s]
        var depth = 0
        var found = false
        while !frontier.isEmpty && depth < maxHops && !found {
            depth += 1
            var nextLevel: [ElementID: [(ElementID, ElementID)]] = [:]
            var order: [ElementID] = []
            for node in frontier {
                for rel in graph.relationshipIDs(of: node, direction: direction) {
                    try ctx.check()
                    guard try relationshipMatches(r, rel), let other = otherEnd(rel, from: node, direction) else { continue }
                    if usedRelationships.contains(rel) { continue }
                    if parents[other] != nil && !(other == e && s == e) { continue }
                    if nextLevel[other] == nil { order.append(other) }
                    nextLevel[other, default: []].append((rel, node))
                    if other == e && depth >= minHops { found = true }
                }
            }
            for node in order where parents[node] == nil || node == e {
                parents[node] = nextLevel[node]
            }
            frontier = order.filter { $0 != s }
            if found { break }
        }
        guard found, let _ = parents[e] else { return [] }
        // Walk parents back from e to s.
        var results: [[ElementID]] = []
        var stack: [(ElementID, [ElementID])] = [(e, [])]
        while let (node, suffix) = stack.popLast() {
            if node == s && (suffix.count == depth) {
                results.append(suffix)
                if !all { break }
                continue
            }
            guard suffix.count < depth else { continue }
            let options = parents[node] ?? []
            for (rel, previous) in options.reversed() where !suffix.contains(rel) {
                stack.append((previous, [rel] + suffix))
            }
        }
        if !all, results.count > 1 { results = [results[0]] }
        return results.sorted { a, b in a.lexicographicallyPrecedes(b) }
    }
}
