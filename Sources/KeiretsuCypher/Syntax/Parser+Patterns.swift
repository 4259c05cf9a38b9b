// Patterns: nodes, relationships, chains, named paths and shortest paths.

extension Parser {
    /// Pattern ::= PatternPart { , PatternPart }
    mutating func parsePattern() throws -> [PatternPart] {
        var parts = [try parsePatternPart()]
        while accept(",") { parts.append(try parsePatternPart()) }
        return parts
    }

    /// PatternPart ::= [Variable =] ( shortestPath(PatternElement) | allShortestPaths(PatternElement)
    ///                                | PatternElement )
    mutating func parsePatternPart() throws -> PatternPart {
        let start = current.offset
        var pathVariable: String? = nil
        if atVariable && peek().isSymbol("=") {
            pathVariable = try parseVariable()
            advance()
        }
        var shortest = ShortestPathKind.none
        if current.kind == .identifier && peek().isSymbol("(") {
            let word = current.text.lowercased()
            if word == "shortestpath" { shortest = .shortest }
            if word == "allshortestpaths" { shortest = .all }
        }
        if shortest != .none {
            advance()
            try expect("(")
            let element = try parsePatternElement()
            try expect(")")
            return PatternPart(pathVariable: pathVariable, element: element, shortest: shortest, offset: start)
        }
        return PatternPart(pathVariable: pathVariable, element: try parsePatternElement(), shortest: .none, offset: start)
    }

    /// PatternElement ::= NodePattern { RelationshipPattern NodePattern } | ( PatternElement )
    mutating func parsePatternElement() throws -> PatternElement {
        try enter()
        defer { leave() }
        if at("(") && peek().isSymbol("(") {
            advance()
            let inner = try parsePatternElement()
            try expect(")")
            return inner
        }
        let start = try parseNodePattern()
        var chain: [(RelationshipPattern, NodePattern)] = []
        while atRelationshipStart {
            let rel = try parseRelationshipPattern()
            let node = try parseNodePattern()
            chain.append((rel, node))
        }
        return PatternElement(start: start, chain: chain)
    }

    var atRelationshipStart: Bool {
        (at("<") && (peek().isSymbol("-") || peek().isSymbol("—"))) || at("-") || at("—")
    }

    func atDash() -> Bool { at("-") || at("—") }

    mutating func expectDash() throws {
        guard atDash() else { throw unexpected(expecting: "'-'") }
        advance()
    }

    /// NodePattern ::= ( [Variable] [NodeLabels] [Properties] [WHERE Expression] )
    mutating func parseNodePattern() throws -> NodePattern {
        let start = current.offset
        try expect("(")
        var variable: String? = nil
        if atVariable { variable = try parseVariable() }
        var labels: [String] = []
        while at(":") {
            advance()
            labels.append(try parseSymbolicName("a label"))
            while accept("&") { labels.append(try parseSymbolicName("a label")) }
        }
        var properties: Expr? = nil
        if at("{") || current.kind == .parameter { properties = try parsePrimary() }
        var predicate: Expr? = nil
        if acceptKeyword("WHERE") { predicate = try parseExpression() }
        try expect(")")
        return NodePattern(variable: variable, labels: labels, properties: properties, predicate: predicate, offset: start)
    }

    /// RelationshipPattern ::= [<] - [ RelationshipDetail ] - [>]
    mutating func parseRelationshipPattern() throws -> RelationshipPattern {
        let start = current.offset
        let left = accept("<")
        try expectDash()
        var variable: String? = nil
        var types: [String] = []
        var properties: Expr? = nil
        var range: VariableLength? = nil
        var predicate: Expr? = nil
        if accept("[") {
            if atVariable { variable = try parseVariable() }
            if accept(":") {
                types.append(try parseSymbolicName("a relationship type"))
                while accept("|") {
                    _ = accept(":")
                    types.append(try parseSymbolicName("a relationship type"))
                }
            }
            if at("*") { range = try parseRangeLiteral() }
            if at("..") {
                throw error("InvalidRelationshipPattern", "a variable-length relationship needs '*' before its bounds",
                            at: current.offset, length: 2)
            }
            if at("{") || current.kind == .parameter { properties = try parsePrimary() }
            if acceptKeyword("WHERE") { predicate = try parseExpression() }
            try expect("]")
        }
        try expectDash()
        let right = accept(">")
        let direction: RelationshipDirection = left == right ? .both : (left ? .left : .right)
        return RelationshipPattern(variable: variable, types: types, properties: properties, direction: direction,
                                   range: range, predicate: predicate, offset: start)
    }

    /// RangeLiteral ::= * [IntegerLiteral] [ .. [IntegerLiteral] ]
    mutating func parseRangeLiteral() throws -> VariableLength {
        try expect("*")
        if at("-") {
            throw error("InvalidRelationshipPattern", "variable-length bounds cannot be negative", at: current.offset)
        }
        var lower: Int? = nil, upper: Int? = nil
        if current.kind == .integer {
            lower = try parseRangeBound()
        }
        if accept("..") {
            if current.kind == .integer { upper = try parseRangeBound() }
        } else {
            upper = lower
        }
        return VariableLength(min: lower, max: upper)
    }

    mutating func parseRangeBound() throws -> Int {
        let t = current
        guard let v = Int(t.text), v >= 0 else {
            throw error("InvalidNumberLiteral", "invalid variable-length bound '\(t.text)'", at: t.offset, length: t.length)
        }
        advance()
        return v
    }
}
