// Printing the AST back as Cypher.
//
// The printed text parses back to the same tree (tested over the TCK corpus), names compare
// equal when they print equal (the binder matches ORDER BY items against projection items this
// way), and EXPLAIN shows expressions in this form. Operators are parenthesised wherever
// precedence could otherwise change the meaning.

import KeiretsuGraph

extension Expr: CustomStringConvertible {
    var description: String {
        switch kind {
        case .literal(let v): return v.literal()
        case .parameter(let name): return "$" + cypherName(name)
        case .variable(let name): return cypherName(name)
        case .property(let base, let key): return "\(base.atomic).\(cypherName(key))"
        case .subscript_(let base, let index): return "\(base.atomic)[\(index)]"
        case .slice(let base, let a, let b): return "\(base.atomic)[\(a?.description ?? "")..\(b?.description ?? "")]"
        case .hasLabels(let base, let labels): return base.atomic + labels.map { ":" + cypherName($0) }.joined()
        case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .map(let entries):
            return "{" + entries.map { "\(cypherName($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
        case .mapProjection(let base, let items):
            let parts = items.map { item -> String in
                switch item {
                case .property(let k): return "." + cypherName(k)
                case .entry(let k, let e): return "\(cypherName(k)): \(e)"
                case .variable(let v): return cypherName(v)
                case .allProperties: return ".*"
                }
            }
            return "\(base.atomic) {" + parts.joined(separator: ", ") + "}"
        case .not(let e): return "NOT \(e.atomic)"
        case .negate(let e): return "-\(e.atomic)"
        case .unaryPlus(let e): return "+\(e.atomic)"
        case .binary(let op, let a, let b): return "\(a.atomic) \(op.rawValue) \(b.atomic)"
        case .comparison(let first, let rest):
            return first.atomic + rest.map { " \($0.0.rawValue) \($0.1.atomic)" }.joined()
        case .isNull(let e, let negated): return "\(e.atomic) IS \(negated ? "NOT " : "")NULL"
        case .function(let name, let distinct, let args):
            return "\(qualifiedName(name))(\(distinct ? "DISTINCT " : "")\(args.map(\.description).joined(separator: ", ")))"
        case .countStar: return "count(*)"
        case .caseExpression(let subject, let alternatives, let otherwise):
            var s = "CASE"
            if let subject { s += " \(subject)" }
            for (w, t) in alternatives { s += " WHEN \(w) THEN \(t)" }
            if let otherwise { s += " ELSE \(otherwise)" }
            return s + " END"
        case .listComprehension(let v, let list, let predicate, let projection):
            var s = "[\(cypherName(v)) IN \(list)"
            if let predicate { s += " WHERE \(predicate)" }
            if let projection { s += " | \(projection)" }
            return s + "]"
        case .patternComprehension(let pathVariable, let pattern, let predicate, let projection):
            var s = "["
            if let pathVariable { s += cypherName(pathVariable) + " = " }
            s += pattern.description
            if let predicate { s += " WHERE \(predicate)" }
            return s + " | \(projection)]"
        case .quantifier(let q, let v, let list, let predicate):
            var s = "\(q.rawValue)(\(cypherName(v)) IN \(list)"
            if let predicate { s += " WHERE \(predicate)" }
            return s + ")"
        case .reduce(let acc, let initial, let v, let list, let body):
            return "reduce(\(cypherName(acc)) = \(initial), \(cypherName(v)) IN \(list) | \(body))"
        case .existsSubquery(let q): return "EXISTS { \(q) }"
        case .patternPredicate(let p): return p.description
        }
    }

    /// The expression, parenthesised unless it is an atom.
    var atomic: String {
        switch kind {
        case .literal(let v):
            if case .int(let i) = v, i < 0 { return "(\(description))" }
            if case .float(let d) = v, d < 0 { return "(\(description))" }
            return description
        case .parameter, .variable, .property, .subscript_, .slice, .list, .map, .function, .countStar,
             .caseExpression, .listComprehension, .patternComprehension, .quantifier, .reduce, .existsSubquery,
             .mapProjection:
            return description
        default:
            return "(\(description))"
        }
    }
}

extension NodePattern: CustomStringConvertible {
    var description: String {
        var s = "(" + (variable.map(cypherName) ?? "")
        s += labels.map { ":" + cypherName($0) }.joined()
        if let properties { s += " \(properties)" }
        if let predicate { s += " WHERE \(predicate)" }
        return s + ")"
    }
}

extension RelationshipPattern: CustomStringConvertible {
    var description: String {
        var body = variable.map(cypherName) ?? ""
        if !types.isEmpty { body += ":" + types.map(cypherName).joined(separator: "|") }
        if let range {
            body += "*" + (range.min.map(String.init) ?? "")
            if range.min != range.max || range.min == nil { body += ".." + (range.max.map(String.init) ?? "") }
        }
        if let properties { body += " \(properties)" }
        if let predicate { body += " WHERE \(predicate)" }
        let inner = "[\(body)]"
        switch direction {
        case .right: return "-\(inner)->"
        case .left: return "<-\(inner)-"
        case .both: return "-\(inner)-"
        }
    }
}

extension PatternElement: CustomStringConvertible {
    var description: String {
        start.description + chain.map { $0.0.description + $0.1.description }.joined()
    }
}

extension PatternPart: CustomStringConvertible {
    var description: String {
        var s = pathVariable.map { cypherName($0) + " = " } ?? ""
        switch shortest {
        case .none: s += element.description
        case .shortest: s += "shortestPath(\(element))"
        case .all: s += "allShortestPaths(\(element))"
        }
        return s
    }
}

extension Projection {
    func render(_ keyword: String) -> String {
        var s = keyword + (distinct ? " DISTINCT" : "")
        var parts: [String] = includeExisting ? ["*"] : []
        parts += items.map { item in
            item.alias.map { "\(item.expression) AS \(cypherName($0))" } ?? item.expression.description
        }
        s += " " + parts.joined(separator: ", ")
        if !orderBy.isEmpty {
            s += " ORDER BY " + orderBy.map { "\($0.expression)\($0.ascending ? "" : " DESC")" }.joined(separator: ", ")
        }
        if let skip { s += " SKIP \(skip)" }
        if let limit { s += " LIMIT \(limit)" }
        return s
    }
}

extension SetItem: CustomStringConvertible {
    var description: String {
        switch self {
        case .property(let target, let key, let value): return "\(target.atomic).\(cypherName(key)) = \(value)"
        case .replaceProperties(let v, let value, _): return "\(cypherName(v)) = \(value)"
        case .mergeProperties(let v, let value, _): return "\(cypherName(v)) += \(value)"
        case .labels(let v, let labels, _): return cypherName(v) + labels.map { ":" + cypherName($0) }.joined()
        }
    }
}

extension Clause: CustomStringConvertible {
    var description: String {
        switch kind {
        case .match(let optional, let patterns, let predicate):
            var s = (optional ? "OPTIONAL MATCH " : "MATCH ") + patterns.map(\.description).joined(separator: ", ")
            if let predicate { s += " WHERE \(predicate)" }
            return s
        case .unwind(let e, let v): return "UNWIND \(e) AS \(cypherName(v))"
        case .with(let p, let predicate):
            var s = p.render("WITH")
            if let predicate { s += " WHERE \(predicate)" }
            return s
        case .return_(let p): return p.render("RETURN")
        case .create(let patterns): return "CREATE " + patterns.map(\.description).joined(separator: ", ")
        case .merge(let part, let onCreate, let onMatch):
            var s = "MERGE \(part)"
            if !onCreate.isEmpty { s += " ON CREATE SET " + onCreate.map(\.description).joined(separator: ", ") }
            if !onMatch.isEmpty { s += " ON MATCH SET " + onMatch.map(\.description).joined(separator: ", ") }
            return s
        case .set(let items): return "SET " + items.map(\.description).joined(separator: ", ")
        case .remove(let items):
            return "REMOVE " + items.map { item -> String in
                switch item {
                case .property(let target, let key): return "\(target.atomic).\(cypherName(key))"
                case .labels(let v, let labels, _): return cypherName(v) + labels.map { ":" + cypherName($0) }.joined()
                }
            }.joined(separator: ", ")
        case .delete(let es, let detach): return (detach ? "DETACH DELETE " : "DELETE ") + es.map(\.description).joined(separator: ", ")
        case .foreach(let v, let list, let body):
            return "FOREACH (\(cypherName(v)) IN \(list) | " + body.map(\.description).joined(separator: " ") + ")"
        case .callSubquery(let q): return "CALL { \(q) }"
        case .callProcedure(let name, let args, let yield, let yieldAll, let predicate):
            var s = "CALL \(qualifiedName(name))"
            if let args { s += "(" + args.map(\.description).joined(separator: ", ") + ")" }
            if yieldAll { s += " YIELD *" }
            if let yield {
                s += " YIELD " + yield.map { item in item.alias.map { "\(item.field) AS \($0)" } ?? item.field }.joined(separator: ", ")
            }
            if let predicate { s += " WHERE \(predicate)" }
            return s
        }
    }
}

extension Query: CustomStringConvertible {
    var description: String {
        var s = parts[0].clauses.map(\.description).joined(separator: " ")
        for (i, part) in parts.dropFirst().enumerated() {
            s += unionAll[i] ? " UNION ALL " : " UNION "
            s += part.clauses.map(\.description).joined(separator: " ")
        }
        return s
    }
}

/// A name as the printer writes it: back-quoted when it is not a plain identifier or when it is
/// a word the parser reserves (`OPTIONAL`, `MATCH` …), so that it reads back as a name.
func cypherName(_ name: String) -> String {
    if Parser.reservedWords.contains(name.uppercased()) && isPlainIdentifier(name) { return "`\(name)`" }
    return quoteIdentifierIfNeeded(name)
}

/// A dotted name (`db.labels`, `date.truncate`) with each part quoted as needed.
func qualifiedName(_ name: String) -> String {
    name.split(separator: ".", omittingEmptySubsequences: false).map { cypherName(String($0)) }.joined(separator: ".")
}
