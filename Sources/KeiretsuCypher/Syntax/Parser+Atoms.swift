// Atoms: literals, parameters, variables, function calls, CASE, comprehensions, quantifiers,
// reduce, EXISTS, map projections and parenthesised expressions or patterns.

import KeiretsuGraph

extension Parser {
    /// Atom ::= Literal | Parameter | CaseExpression | COUNT(*) | ListComprehension
    ///        | PatternComprehension | Quantifier | reduce(…) | EXISTS { … } | PatternPredicate
    ///        | ( Expression ) | FunctionInvocation | Variable [MapProjection]
    mutating func parsePrimary() throws -> Expr {
        try enter()
        defer { leave() }
        let t = current
        let start = t.offset
        switch t.kind {
        case .integer, .float:
            return try parseNumberLiteral(negative: false, start: start)
        case .invalidNumber:
            throw error("InvalidNumberLiteral", "invalid number literal '\(t.text)'", at: start, length: t.length)
        case .string:
            advance()
            return Expr(.literal(.string(t.text)), at: start, length: t.length)
        case .parameter:
            advance()
            return Expr(.parameter(t.text), at: start, length: t.length)
        case .end:
            throw unexpected(expecting: "an expression")
        case .symbol:
            if at("[") { return try parseListOrComprehension() }
            if at("{") { return try parseMapLiteral() }
            if at("(") { return try parseParenthesizedOrPattern() }
            throw unexpected(expecting: "an expression")
        case .quotedIdentifier:
            if let call = try parseFunctionCallIfPresent() { return call }
            advance()
            return try parseAfterVariable(Expr(.variable(t.text), at: start, length: t.length))
        case .identifier:
            break
        }
        let word = t.text.uppercased()
        switch word {
        case "TRUE": advance(); return Expr(.literal(.bool(true)), at: start, length: 4)
        case "FALSE": advance(); return Expr(.literal(.bool(false)), at: start, length: 5)
        case "NULL": advance(); return Expr(.literal(.null), at: start, length: 4)
        case "CASE": return try parseCase()
        case "COUNT" where peek().isSymbol("(") && peek(2).isSymbol("*") && peek(3).isSymbol(")"):
            advance(); advance(); advance(); advance()
            return Expr(.countStar, at: start, length: previousEnd - start)
        case "ALL", "ANY", "NONE", "SINGLE" where peek().isSymbol("(") && peek(2).kind != .symbol && peek(3).isKeyword("IN"):
            return try parseQuantifier()
        case "REDUCE" where peek().isSymbol("("):
            return try parseReduce()
        case "EXISTS" where peek().isSymbol("{"):
            advance(); advance()
            let query = try parseExistsBody(start: start)
            return Expr(.existsSubquery(query), at: start, length: previousEnd - start)
        case "EXISTS" where peek().isSymbol("("):
            // exists(pattern) or exists(n.prop)
            advance(); advance()
            let saved = position
            if at("(") && !failedPatternAttempts.contains(saved * 4 + 2) {
                if let pattern = try? parsePatternElement(), !pattern.chain.isEmpty, at(")") {
                    advance()
                    return Expr(.patternPredicate(pattern), at: start, length: previousEnd - start)
                }
                failedPatternAttempts.insert(saved * 4 + 2)
            }
            position = saved
            let argument = try parseExpression()
            try expect(")")
            return Expr(.function(name: "exists", distinct: false, arguments: [argument]), at: start, length: previousEnd - start)
        default:
            break
        }
        if let call = try parseFunctionCallIfPresent() { return call }
        if Parser.reservedWords.contains(word) { throw unexpected(expecting: "an expression") }
        advance()
        return try parseAfterVariable(Expr(.variable(t.text), at: start, length: t.length))
    }

    /// A variable followed by `{` is a map projection: `n {.name, .*, k: e, v}`.
    mutating func parseAfterVariable(_ variable: Expr) throws -> Expr {
        guard at("{") else { return variable }
        advance()
        var items: [MapProjectionItem] = []
        if !at("}") {
            repeat {
                if accept(".") {
                    if accept("*") {
                        items.append(.allProperties)
                    } else {
                        items.append(.property(try parseSymbolicName("a property key")))
                    }
                } else if peek().isSymbol(":") {
                    let key = try parseSymbolicName("a key")
                    advance()
                    items.append(.entry(key, try parseExpression()))
                } else {
                    items.append(.variable(try parseVariable()))
                }
            } while accept(",")
        }
        try expect("}")
        return Expr(.mapProjection(variable, items), at: variable.offset, length: previousEnd - variable.offset)
    }

    /// FunctionInvocation ::= Name { . Name } ( [DISTINCT] [Expression {, Expression}] )
    mutating func parseFunctionCallIfPresent() throws -> Expr? {
        var n = 0
        while peek(n).kind == .identifier || peek(n).kind == .quotedIdentifier {
            if peek(n + 1).isSymbol("(") { break }
            if peek(n + 1).isSymbol(".") { n += 2 } else { return nil }
        }
        guard peek(n + 1).isSymbol("(") else { return nil }
        let start = current.offset
        var name = current.text
        advance()
        while accept(".") { name += "." + (try parseSymbolicName("a function name")) }
        try expect("(")
        let distinct = acceptKeyword("DISTINCT")
        var arguments: [Expr] = []
        if !at(")") { arguments = try parseExpressionList() }
        try expect(")")
        return Expr(.function(name: name, distinct: distinct, arguments: arguments), at: start, length: previousEnd - start)
    }

    /// ListLiteral ::= [ [Expression {, Expression}] ]
    /// ListComprehension ::= [ Variable IN Expression [WHERE Expression] [| Expression] ]
    /// PatternComprehension ::= [ [Variable =] PatternElement [WHERE Expression] | Expression ]
    mutating func parseListOrComprehension() throws -> Expr {
        let start = current.offset
        try expect("[")
        if atVariable && peek().isKeyword("IN") {
            let variable = try parseVariable()
            advance()
            let list = try parseExpression()
            var predicate: Expr? = nil, projection: Expr? = nil
            if acceptKeyword("WHERE") { predicate = try parseExpression() }
            if accept("|") { projection = try parseExpression() }
            try expect("]")
            return Expr(.listComprehension(variable: variable, list: list, predicate: predicate, projection: projection),
                        at: start, length: previousEnd - start)
        }
        if (at("(") || (atVariable && peek().isSymbol("="))) && !failedPatternAttempts.contains(position * 4 + 1) {
            let saved = position
            if let comprehension = try? parsePatternComprehensionBody(start: start) { return comprehension }
            position = saved
            failedPatternAttempts.insert(position * 4 + 1)
        }
        var items: [Expr] = []
        if !at("]") { items = try parseExpressionList() }
        try expect("]")
        return Expr(.list(items), at: start, length: previousEnd - start)
    }

    mutating func parsePatternComprehensionBody(start: Int) throws -> Expr {
        var pathVariable: String? = nil
        if atVariable && peek().isSymbol("=") {
            pathVariable = try parseVariable()
            advance()
        }
        let pattern = try parsePatternElement()
        guard !pattern.chain.isEmpty else { throw unexpected(expecting: "a relationship pattern") }
        var predicate: Expr? = nil
        if acceptKeyword("WHERE") { predicate = try parseExpression() }
        try expect("|")
        let projection = try parseExpression()
        try expect("]")
        return Expr(.patternComprehension(pathVariable: pathVariable, pattern: pattern, predicate: predicate, projection: projection),
                    at: start, length: previousEnd - start)
    }

    /// MapLiteral ::= { [Key : Expression {, Key : Expression}] }
    mutating func parseMapLiteral() throws -> Expr {
        let start = current.offset
        try expect("{")
        var entries: [(String, Expr)] = []
        if !at("}") {
            repeat {
                let key = try parseSymbolicName("a map key")
                try expect(":")
                entries.append((key, try parseExpression()))
            } while accept(",")
        }
        try expect("}")
        return Expr(.map(entries), at: start, length: previousEnd - start)
    }

    /// ( Expression ) or a pattern predicate `(a)-[:T]->(b)`.
    mutating func parseParenthesizedOrPattern() throws -> Expr {
        let start = current.offset
        let saved = position
        if !failedPatternAttempts.contains(saved * 4) {
            if let pattern = try? parsePatternElement(), !pattern.chain.isEmpty {
                return Expr(.patternPredicate(pattern), at: start, length: previousEnd - start)
            }
            position = saved
            failedPatternAttempts.insert(saved * 4)
        }
        try expect("(")
        let inner = try parseExpression()
        try expect(")")
        return inner
    }

    /// CaseExpression ::= CASE [Expression] WHEN e THEN e { WHEN e THEN e } [ELSE e] END
    mutating func parseCase() throws -> Expr {
        let start = current.offset
        try expectKeyword("CASE")
        var subject: Expr? = nil
        if !atKeyword("WHEN") { subject = try parseExpression() }
        var alternatives: [(Expr, Expr)] = []
        while acceptKeyword("WHEN") {
            let condition = try parseExpression()
            try expectKeyword("THEN")
            alternatives.append((condition, try parseExpression()))
        }
        guard !alternatives.isEmpty else { throw unexpected(expecting: "WHEN") }
        var otherwise: Expr? = nil
        if acceptKeyword("ELSE") { otherwise = try parseExpression() }
        try expectKeyword("END")
        return Expr(.caseExpression(subject: subject, alternatives: alternatives, otherwise: otherwise),
                    at: start, length: previousEnd - start)
    }

    /// Quantifier ::= (ALL | ANY | NONE | SINGLE) ( Variable IN Expression [WHERE Expression] )
    mutating func parseQuantifier() throws -> Expr {
        let start = current.offset
        let quantifier = Quantifier(rawValue: current.text.lowercased()) ?? .all
        advance()
        try expect("(")
        let variable = try parseVariable()
        try expectKeyword("IN")
        let list = try parseExpression()
        var predicate: Expr? = nil
        if acceptKeyword("WHERE") { predicate = try parseExpression() }
        try expect(")")
        return Expr(.quantifier(quantifier, variable: variable, list: list, predicate: predicate), at: start, length: previousEnd - start)
    }

    /// reduce ( Variable = Expression , Variable IN Expression | Expression )
    mutating func parseReduce() throws -> Expr {
        let start = current.offset
        advance()
        try expect("(")
        let accumulator = try parseVariable()
        try expect("=")
        let initial = try parseExpression()
        try expect(",")
        let variable = try parseVariable()
        try expectKeyword("IN")
        let list = try parseExpression()
        try expect("|")
        let body = try parseExpression()
        try expect(")")
        return Expr(.reduce(accumulator: accumulator, initial: initial, variable: variable, list: list, expression: body),
                    at: start, length: previousEnd - start)
    }

    /// EXISTS { Query } or EXISTS { Pattern [WHERE Expression] }; the opening brace is consumed.
    mutating func parseExistsBody(start: Int) throws -> Query {
        let bodyStart = current.offset
        if at("(") || (atVariable && peek().isSymbol("=")) {
            let pattern = try parsePattern()
            var predicate: Expr? = nil
            if acceptKeyword("WHERE") { predicate = try parseExpression() }
            try expect("}")
            let match = Clause(kind: .match(optional: false, patterns: pattern, predicate: predicate), offset: bodyStart)
            return Query(parts: [SingleQuery(clauses: [match])], unionAll: [], offset: bodyStart)
        }
        let query = try parseQuery()
        try expect("}")
        return query
    }
}
