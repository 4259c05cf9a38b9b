// Binding patterns: for matching (MATCH, MERGE's search, pattern expressions) and for creating
// (CREATE, MERGE's creation).

import KeiretsuGraph

extension Binder {
    /// Compiles a pattern part for matching. `scope` holds what was bound before the clause;
    /// `introduced` collects the new variables (it starts as a copy of the clause's scope so far).
    mutating func compilePart(_ p: PatternPart, scope: Scope, introduced local: inout Scope,
                              uniqueRelationships: [String]) throws -> CompiledPart {
        if let v = p.pathVariable {
            if local.contains(v) {
                throw Binder.error("VariableAlreadyBound", "variable '\(v)' is already defined", at: p.offset, length: v.utf8.count)
            }
        }
        var nodes: [CompiledNode] = []
        for n in p.element.nodes {
            if let v = n.variable {
                if let k = local.kind(v), k != .node && k != .value {
                    throw Binder.error("VariableTypeConflict", "variable '\(v)' is not a node", at: n.offset, length: v.utf8.count + 1)
                }
                if let v2 = p.pathVariable, v2 == v {
                    throw Binder.error("VariableAlreadyBound", "variable '\(v)' names both a path and a node", at: n.offset)
                }
                local.add(v, .node)
            }
            if let props = n.properties { try checkPatternProperties(props, local, allowParameter: false) }
            if let predicate = n.predicate { try checkExpression(predicate, local) }
            nodes.append(CompiledNode(slot: n.variable.map { slot($0) }, labels: n.labels, properties: n.properties,
                                      predicate: n.predicate))
        }
        var rels: [CompiledRelationship] = []
        var seen = uniqueRelationships
        for r in p.element.relationships {
            if let v = r.variable {
                if seen.contains(v) {
                    throw Binder.error("RelationshipUniquenessViolation", "relationship variable '\(v)' is used twice in one pattern",
                                       at: r.offset)
                }
                seen.append(v)
                if let k = local.kind(v) {
                    let ok = r.range == nil ? (k == .relationship || k == .value)
                        : (k == .relationshipList || k == .value || k == .typed(.list))
                    if !ok {
                        throw Binder.error("VariableTypeConflict", "variable '\(v)' is not a relationship", at: r.offset)
                    }
                }
                if p.pathVariable == v {
                    throw Binder.error("VariableAlreadyBound", "variable '\(v)' names both a path and a relationship", at: r.offset)
                }
                local.add(v, r.range == nil ? .relationship : .relationshipList)
            }
            if let props = r.properties { try checkPatternProperties(props, local, allowParameter: false) }
            if let predicate = r.predicate { try checkExpression(predicate, local) }
            rels.append(CompiledRelationship(slot: r.variable.map { slot($0) }, types: r.types, properties: r.properties,
                                             direction: r.direction, range: r.range, predicate: r.predicate))
        }
        if let v = p.pathVariable { local.add(v, .path) }
        return CompiledPart(pathSlot: p.pathVariable.map { slot($0) }, nodes: nodes, relationships: rels, shortest: p.shortest)
    }

    mutating func checkPatternProperties(_ e: Expr, _ scope: Scope, allowParameter: Bool = true) throws {
        switch e.kind {
        case .parameter where !allowParameter:
            throw Binder.error("InvalidParameterUse", "a parameter cannot stand for a pattern's property map here", at: e.offset)
        case .map, .parameter: try checkExpression(e, scope)
        default: throw Binder.error("InvalidArgumentType", "pattern properties must be a map", at: e.offset)
        }
    }

    /// Compiles a pattern part for CREATE or MERGE's creation, adding its variables to `scope`.
    mutating func bindCreatePart(_ p: PatternPart, scope: inout Scope, merge: Bool) throws -> CreatePart {
        let clause = merge ? "MERGE" : "CREATE"
        if let v = p.pathVariable, scope.contains(v) {
            throw Binder.error("VariableAlreadyBound", "variable '\(v)' is already defined", at: p.offset)
        }
        if p.shortest != .none {
            throw Binder.error("UnexpectedSyntax", "\(clause) cannot use shortestPath", at: p.offset)
        }
        var nodes: [CreateNode] = []
        for n in p.element.nodes {
            var bound = false
            if let v = n.variable, let k = scope.kind(v) {
                if k != .node && k != .value {
                    throw Binder.error("VariableTypeConflict", "variable '\(v)' is not a node", at: n.offset)
                }
                if !n.labels.isEmpty || n.properties != nil || p.element.chain.isEmpty {
                    throw Binder.error("VariableAlreadyBound", "variable '\(v)' is already defined", at: n.offset,
                                       length: v.utf8.count + 1)
                }
                bound = true
            }
            if let props = n.properties {
                if merge, case .parameter = props.kind {
                    throw Binder.error("InvalidParameterUse", "MERGE cannot take its properties from a parameter map", at: props.offset)
                }
                try checkPatternProperties(props, scope)
            }
            if let v = n.variable, !bound { scope.add(v, .node) }
            nodes.append(CreateNode(slot: n.variable.map { slot($0) }, bound: bound, labels: n.labels, properties: n.properties))
        }
        var rels: [CreateRelationship] = []
        for r in p.element.relationships {
            if let v = r.variable, scope.contains(v) {
                throw Binder.error("VariableAlreadyBound", "variable '\(v)' is already defined", at: r.offset)
            }
            if r.range != nil {
                throw Binder.error("CreatingVarLength", "\(clause) cannot create a variable-length relationship", at: r.offset)
            }
            guard r.types.count == 1, let type = r.types.first else {
                throw Binder.error("NoSingleRelationshipType", "\(clause) needs exactly one relationship type", at: r.offset)
            }
            if r.direction == .both && !merge {
                throw Binder.error("RequiresDirectedRelationship", "CREATE needs a directed relationship", at: r.offset)
            }
            if let v = r.variable, scope.contains(v) {
                throw Binder.error("VariableAlreadyBound", "variable '\(v)' is already defined", at: r.offset)
            }
            if let props = r.properties {
                if merge, case .parameter = props.kind {
                    throw Binder.error("InvalidParameterUse", "MERGE cannot take its properties from a parameter map", at: props.offset)
                }
                try checkPatternProperties(props, scope)
            }
            if let v = r.variable { scope.add(v, .relationship) }
            rels.append(CreateRelationship(slot: r.variable.map { slot($0) }, type: type, properties: r.properties,
                                           rightward: r.direction != .left))
        }
        if let v = p.pathVariable { scope.add(v, .path) }
        return CreatePart(pathSlot: p.pathVariable.map { slot($0) }, nodes: nodes, relationships: rels)
    }
}
