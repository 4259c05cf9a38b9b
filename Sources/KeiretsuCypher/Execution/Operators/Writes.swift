// The write primitives the updating clauses share: creating elements, setting and removing
// properties and labels, deleting — each counting its effect in the statement's statistics.
//
// Property values must be storable: booleans, numbers, strings, temporals, or lists of those.
// Maps, graph elements and lists holding them are TypeError.InvalidPropertyType. Setting a
// property to null removes it.

import KeiretsuGraph

extension ExecutionContext {
    func checkStorable(_ v: Value) throws {
        switch v {
        case .null, .bool, .int, .float, .string, .temporal: return
        case .list(let items):
            for item in items {
                switch item {
                case .bool, .int, .float, .string, .temporal, .null: continue
                default:
                    throw CypherError(.typeError, "InvalidPropertyType", "a property list cannot hold \(item.typeName)", phase: .runtime)
                }
            }
        default:
            throw CypherError(.typeError, "InvalidPropertyType", "\(v.typeName) cannot be stored as a property", phase: .runtime)
        }
    }

    /// Evaluates a property map expression (map literal or parameter) for CREATE and MERGE.
    func propertyMap(_ e: Expr?, _ row: Row) throws -> ValueMap {
        guard let e else { return [:] }
        switch try eval(e, row) {
        case .null: return [:]
        case .map(let m):
            for (_, v) in m { try checkStorable(v) }
            return m
        case let v:
            throw CypherError(.typeError, "InvalidArgumentType", "expected a map of properties, got \(v.typeName)",
                              offset: e.offset, phase: .runtime)
        }
    }

    func createNode(labels: [String], properties: ValueMap) throws -> ElementID {
        do {
            let id = try graph.createNode(labels: labels, properties: properties)
            stats.nodesCreated += 1
            stats.labelsAdded += Set(labels).count
            stats.propertiesSet += properties.values.filter { !$0.isNull }.count
            return id
        } catch let e as GraphStoreError {
            throw e.cypherError
        }
    }

    func createRelationship(type: String, start: ElementID, end: ElementID, properties: ValueMap) throws -> ElementID {
        do {
            let id = try graph.createRelationship(type: type, start: start, end: end, properties: properties)
            stats.relationshipsCreated += 1
            stats.propertiesSet += properties.values.filter { !$0.isNull }.count
            return id
        } catch let e as GraphStoreError {
            throw e.cypherError
        }
    }

    /// Sets one property on the element `target` evaluates to (null target: nothing happens).
    func setProperty(_ target: Value, _ key: String, _ value: Value) throws {
        try checkStorable(value)
        do {
            switch target {
            case .null: return
            case .node(let n):
                guard graph.nodeExists(n.id) else { throw deletedEntity("node") }
                let old = try graph.setNodeProperty(n.id, key, value)
                if !(old.isNull && value.isNull) { stats.propertiesSet += 1 }
            case .relationship(let r):
                guard graph.relationshipExists(r.id) else { throw deletedEntity("relationship") }
                let old = try graph.setRelationshipProperty(r.id, key, value)
                if !(old.isNull && value.isNull) { stats.propertiesSet += 1 }
            default:
                throw CypherError(.typeError, "InvalidArgumentType", "cannot set a property on \(target.typeName)", phase: .runtime)
            }
        } catch let e as GraphStoreError {
            throw e.cypherError
        }
    }

    func properties(of v: Value) -> ValueMap {
        switch v {
        case .node(let n): return graph.nodeProperties(n.id)
        case .relationship(let r): return graph.relationshipProperties(r.id)
        case .map(let m): return m
        default: return [:]
        }
    }

    func applySet(_ items: [SetItem], _ row: Row) throws {
        for item in items {
            switch item {
            case .property(let target, let key, let valueExpr):
                let t = try eval(target, row)
                let v = try eval(valueExpr, row)
                try setProperty(t, key, v)
            case .replaceProperties(let variable, let valueExpr, _), .mergeProperties(let variable, let valueExpr, _):
                let replace: Bool
                if case .replaceProperties = item { replace = true } else { replace = false }
                let target = slots[variable].map { row[$0] } ?? .null
                if target.isNull { continue }
                let source = try eval(valueExpr, row)
                let newProps: ValueMap
                switch source {
                case .map, .node, .relationship: newProps = properties(of: source)
                case .null: newProps = [:]
                default:
                    throw CypherError(.typeError, "InvalidArgumentType", "expected a map, got \(source.typeName)",
                                      offset: valueExpr.offset, phase: .runtime)
                }
                if replace {
                    for (k, _) in properties(of: target) where newProps[k] == nil { try setProperty(target, k, .null) }
                }
                for (k, v) in newProps { try setProperty(target, k, v) }
            case .labels(let variable, let labels, _):
                let target = slots[variable].map { row[$0] } ?? .null
                guard case .node(let n) = target else {
                    if target.isNull { continue }
                    throw CypherError(.typeError, "InvalidArgumentType", "cannot set labels on \(target.typeName)", phase: .runtime)
                }
                for l in labels {
                    do {
                        if try graph.addLabel(n.id, l) { stats.labelsAdded += 1 }
                    } catch let e as GraphStoreError {
                        throw e.cypherError
                    }
                }
            }
        }
    }

    func applyRemove(_ items: [RemoveItem], _ row: Row) throws {
        for item in items {
            switch item {
            case .property(let target, let key):
                let t = try eval(target, row)
                if case .map = t { continue }
                if t.isNull { continue }
                if properties(of: t)[key] != nil { try setProperty(t, key, .null) }
            case .labels(let variable, let labels, _):
                let target = slots[variable].map { row[$0] } ?? .null
                guard case .node(let n) = target else { continue }
                for l in labels where graph.removeLabel(n.id, l) { stats.labelsRemoved += 1 }
            }
        }
    }

    func delete(_ value: Value, detach: Bool) throws {
        switch value {
        case .null: return
        case .relationship(let r):
            if let snapshot = graph.relationship(r.id) {
                deletedRelationships[r.id] = snapshot
                graph.deleteRelationship(r.id)
                stats.relationshipsDeleted += 1
            }
        case .node(let n):
            guard graph.nodeExists(n.id) else { return }
            if detach {
                for rel in graph.relationshipIDs(of: n.id, direction: .both) {
                    deletedRelationships[rel] = graph.relationship(rel)
                    graph.deleteRelationship(rel)
                    stats.relationshipsDeleted += 1
                }
            }
            do {
                let snapshot = graph.node(n.id)
                try graph.deleteNode(n.id)
                deletedNodes[n.id] = snapshot
                stats.nodesDeleted += 1
            } catch let e as GraphStoreError {
                throw e.cypherError
            }
        case .path(let p):
            for r in p.relationships { try delete(.relationship(r), detach: detach) }
            for n in p.nodes { try delete(.node(n), detach: detach) }
        case .list(let items):
            for item in items { try delete(item, detach: detach) }
        default:
            throw CypherError(.typeError, "InvalidArgumentType", "cannot delete \(value.typeName)", phase: .runtime)
        }
    }
}

extension GraphStoreError {
    /// The user-facing error for a store refusal; the one mapping from store errors to kinds.
    var cypherError: CypherError {
        switch self {
        case .nodeHasRelationships:
            return CypherError(.constraintVerificationFailed, "DeleteConnectedNode",
                               "cannot delete a node that still has relationships; use DETACH DELETE", phase: .runtime)
        case .uniquenessViolated(let label, let property, let value):
            return CypherError(.constraintVerificationFailed, "UniquenessConstraintViolation",
                               "a node with label \(label) and \(property) = \(value.literal()) already exists", phase: .runtime)
        case .missingEndpoint:
            return CypherError(.entityNotFound, "DeletedEntityAccess", "a relationship endpoint was deleted", phase: .runtime)
        case .indexExists(let name):
            return CypherError(.semanticError, "IndexAlreadyExists", "an index or constraint named '\(name)' already exists", phase: .runtime)
        case .indexMissing(let name):
            return CypherError(.semanticError, "IndexNotFound", "no index or constraint named '\(name)'", phase: .runtime)
        case .constraintViolatedByExistingData(let label, let property):
            return CypherError(.constraintVerificationFailed, "ConstraintCreationFailed",
                               "existing :\(label) nodes share a value of \(property)", phase: .runtime)
        }
    }
}
