// Walking a pattern chain: single hops, variable-length hops, and finishing a part.

import KeiretsuGraph

extension Search {
    /// Directions as stored: a pattern `(a)-[r]->(b)` walked from a follows outgoing edges.
    func storeDirection(_ d: RelationshipDirection, reversed: Bool) -> Direction {
        switch d {
        case .both: return .both
        case .right: return reversed ? .incoming : .outgoing
        case .left: return reversed ? .outgoing : .incoming
        }
    }

    func otherEnd(_ rel: ElementID, from node: ElementID, _ direction: Direction) -> ElementID? {
        guard let (start, end) = graph.relationshipEndpoints(rel) else { return nil }
        switch direction {
        case .outgoing: return end
        case .incoming: return start
        case .both: return start == node ? end : start
        }
    }

    /// Extends the chain from `position` towards the last node, then from the anchor towards the
    /// first.
    mutating func extendRight(_ partIndex: Int, _ part: CompiledPart, from position: Int) throws -> Bool {
        if position == part.relationships.count { return try extendLeft(partIndex, part, from: anchor) }
        let r = part.relationships[position]
        let next = part.nodes[position + 1]
        let direction = storeDirection(r.direction, reversed: false)
        return try walk(r, from: nodeIDs[position], direction) { search, relIDs, end in
            guard try search.nodeMatches(next, end) else { return true }
            let saved = search.bound
            defer { search.bound = saved }
            guard search.bindRelationship(r, at: position, relIDs) else { return true }
            search.bindNode(next, at: position + 1, end)
            return try search.extendRight(partIndex, part, from: position + 1)
        }
    }

    mutating func extendLeft(_ partIndex: Int, _ part: CompiledPart, from position: Int) throws -> Bool {
        if position == 0 { return try finishPart(partIndex, part) }
        let r = part.relationships[position - 1]
        let previous = part.nodes[position - 1]
        let direction = storeDirection(r.direction, reversed: true)
        return try walk(r, from: nodeIDs[position], direction) { search, relIDs, end in
            guard try search.nodeMatches(previous, end) else { return true }
            let saved = search.bound
            defer { search.bound = saved }
            guard search.bindRelationship(r, at: position - 1, relIDs.reversed()) else { return true }
            search.bindNode(previous, at: position - 1, end)
            return try search.extendLeft(partIndex, part, from: position - 1)
        }
    }

    /// Calls `next` with each relationship sequence (in walking order) leading from `node`
    /// through `r`, and the node it reaches.
    mutating func walk(_ r: CompiledRelationship, from node: ElementID, _ direction: Direction,
                       _ next: (inout Search, [ElementID], ElementID) throws -> Bool) throws -> Bool {
        guard let range = r.range else {
            if let s = r.slot, bound[s] {
                guard case .relationship(let rel) = row[s] else { return true }
                guard graph.relationshipExists(rel.id), !usedRelationships.contains(rel.id) else { return true }
                guard graph.relationshipIDs(of: node, direction: direction).contains(rel.id),
                      let end = otherEnd(rel.id, from: node, direction), try relationshipMatches(r, rel.id)
                else { return true }
                usedRelationships.append(rel.id)
                defer { usedRelationships.removeLast() }
                return try next(&self, [rel.id], end)
            }
            for rel in graph.relationshipIDs(of: node, direction: direction) {
                try ctx.check()
                if usedRelationships.contains(rel) { continue }
                guard try relationshipMatches(r, rel), let end = otherEnd(rel, from: node, direction) else { continue }
                usedRelationships.append(rel)
                let go = try next(&self, [rel], end)
                usedRelationships.removeLast()
                if !go { return false }
            }
            return true
        }
        if let s = r.slot, bound[s] {
            // A variable-length relationship bound to a list must follow exactly that list.
            guard case .list(let items) = row[s] else { return true }
            var current = node
            var ids: [ElementID] = []
            for item in items {
                guard case .relationship(let rel) = item, !usedRelationships.contains(rel.id), !ids.contains(rel.id),
                      graph.relationshipIDs(of: current, direction: direction).contains(rel.id),
                      try relationshipMatches(r, rel.id), let next = otherEnd(rel.id, from: current, direction)
                else { return true }
                ids.append(rel.id)
                current = next
            }
            let minHops = range.min ?? 1
            guard ids.count >= minHops, ids.count <= (range.max ?? Int.max) else { return true }
            usedRelationships += ids
            defer { usedRelationships.removeLast(ids.count) }
            return try next(&self, ids, current)
        }
        let minHops = range.min ?? 1
        let maxHops = range.max ?? Int.max
        var trail: [ElementID] = []
        return try expandVariable(r, from: node, direction, depth: 0, minHops: minHops, maxHops: maxHops, trail: &trail, next)
    }

    mutating func expandVariable(_ r: CompiledRelationship, from node: ElementID, _ direction: Direction, depth: Int,
                                 minHops: Int, maxHops: Int, trail: inout [ElementID],
                                 _ next: (inout Search, [ElementID], ElementID) throws -> Bool) throws -> Bool {
        try ctx.check()
        if depth >= minHops {
            if !(try next(&self, trail, node)) { return false }
        }
        guard depth < maxHops else { return true }
        for rel in graph.relationshipIDs(of: node, direction: direction) {
            if usedRelationships.contains(rel) { continue }
            guard try relationshipMatches(r, rel), let end = otherEnd(rel, from: node, direction) else { continue }
            usedRelationships.append(rel)
            trail.append(rel)
            let go = try expandVariable(r, from: end, direction, depth: depth + 1, minHops: minHops, maxHops: maxHops,
                                        trail: &trail, next)
            trail.removeLast()
            usedRelationships.removeLast()
            if !go { return false }
        }
        return true
    }

    /// A part is complete: bind its path variable and go on with the next part.
    mutating func finishPart(_ partIndex: Int, _ part: CompiledPart) throws -> Bool {
        let savedBound = bound
        let savedNodes = nodeIDs, savedSegments = segments
        defer {
            bound = savedBound
            nodeIDs = savedNodes
            segments = savedSegments
        }
        if let s = part.pathSlot {
            row[s] = buildPath(nodes: nodeIDs, segments: segments)
            bound[s] = true
        }
        return try matchPart(partIndex + 1)
    }

    /// The path through the matched nodes, expanding variable-length segments into their hops.
    func buildPath(nodes: [ElementID], segments: [[ElementID]]) -> Value {
        guard let first = nodes.first, let firstNode = graph.node(first) else { return .null }
        var pathNodes = [firstNode]
        var pathRels: [Relationship] = []
        var current = first
        for segment in segments {
            for relID in segment {
                guard let rel = graph.relationship(relID) else { continue }
                let other = rel.start == current ? rel.end : rel.start
                pathRels.append(rel)
                if let n = graph.node(other) { pathNodes.append(n) }
                current = other
            }
        }
        return .path(Path(nodes: pathNodes, relationships: pathRels))
    }
}
