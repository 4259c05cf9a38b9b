// Expressions, from OR down to atoms, following openCypher 9's precedence levels:
//
//   OR < XOR < AND < NOT < comparison (chained) < string/list/null predicates < + - < * / % < ^
//   < unary + - < postfix (.key, [i], [a..b], :Label) < atom

import KeiretsuGraph

extension Parser {
    /// Expression ::= OrExpression
    mutating func parseExpression() throws -> Expr {
        try enter()
        defer { leave() }
        return try parseOr()
    }

    mutating func parseBinaryLevel(_ keyword: String, _ op: BinaryOperator, _ next: (inout Parser) throws -> Expr) throws -> Expr {
        var left = try next(&self)
        while atKeyword(keyword) {
            let offset = current.offset
            advance()
            let right = try next(&self)
            left = Expr(.binary(op, left, right), at: offset, length: keyword.count)
        }
        return left
    }

    mutating func parseOr() throws -> Expr { try parseBinaryLevel("OR", .or) { try $0.parseXor() } }
    mutating func parseXor() throws -> Expr { try parseBinaryLevel("XOR", .xor) { try $0.parseAnd() } }
    mutating func parseAnd() throws -> Expr { try parseBinaryLevel("AND", .and) { try $0.parseNot() } }

    /// NotExpression ::= { NOT } ComparisonExpression
    mutating func parseNot() throws -> Expr {
        if atKeyword("NOT") {
            let offset = current.offset
            advance()
            try enter()
            defer { leave() }
            return Expr(.not(try parseNot()), at: offset, length: 3)
        }
        return try parseComparison()
    }

    /// ComparisonExpression ::= PredicateExpression { ( = | <> | < | > | <= | >= ) PredicateExpression }
    mutating func parseComparison() throws -> Expr {
        let first = try parsePredicates()
        var rest: [(ComparisonOperator, Expr)] = []
        while let op = comparisonOperator() {
            advance()
            rest.append((op, try parsePredicates()))
        }
        if rest.isEmpty { return first }
        return Expr(.comparison(first, rest), at: first.offset, length: first.length)
    }

    func comparisonOperator() -> ComparisonOperator? {
        guard current.kind == .symbol else { return nil }
        switch current.text {
        case "=": return .equal
        case "<>", "!=": return .notEqual
        case "<": return .less
        case ">": return .greater
        case "<=": return .lessOrEqual
        case ">=": return .greaterOrEqual
        default: return nil
        }
    }

    /// PredicateExpression ::= AddOrSubtract { STARTS WITH e | ENDS WITH e | CONTAINS e | IN e
    ///                                          | =~ e | IS [NOT] NULL }
    mutating func parsePredicates() throws -> Expr {
        var left = try parseAdditive()
        while true {
            let offset = current.offset
            if atKeyword("STARTS") && peek().isKeyword("WITH") {
                advance(); advance()
                left = Expr(.binary(.startsWith, left, try parseAdditive()), at: offset)
            } else if atKeyword("ENDS") && peek().isKeyword("WITH") {
                advance(); advance()
                left = Expr(.binary(.endsWith, left, try parseAdditive()), at: offset)
            } else if acceptKeyword("CONTAINS") {
                left = Expr(.binary(.contains, left, try parseAdditive()), at: offset)
            } else if acceptKeyword("IN") {
                left = Expr(.binary(.in, left, try parseAdditive()), at: offset)
            } else if accept("=~") {
                left = Expr(.binary(.regexMatch, left, try parseAdditive()), at: offset)
            } else if atKeyword("IS") {
                advance()
                let negated = acceptKeyword("NOT")
                try expectKeyword("NULL")
                left = Expr(.isNull(left, negated: negated), at: offset)
            } else {
                return left
            }
        }
    }

    /// AddOrSubtractExpression ::= MultiplyDivideModulo { (+ | -) MultiplyDivideModulo }
    mutating func parseAdditive() throws -> Expr {
        var left = try parseMultiplicative()
        while at("+") || at("-") || at("—") {
            if at("—") {
                throw error("InvalidUnicodeCharacter", "a Unicode dash is not the minus operator", at: current.offset, length: current.length)
            }
            let op: BinaryOperator = at("+") ? .add : .subtract
            let offset = current.offset
            advance()
            left = Expr(.binary(op, left, try parseMultiplicative()), at: offset)
        }
        return left
    }

    /// MultiplyDivideModuloExpression ::= PowerOf { (* | / | %) PowerOf }
    mutating func parseMultiplicative() throws -> Expr {
        var left = try parsePower()
        while at("*") || at("/") || at("%") {
            let op: BinaryOperator = at("*") ? .multiply : (at("/") ? .divide : .modulo)
            let offset = current.offset
            advance()
            left = Expr(.binary(op, left, try parsePower()), at: offset)
        }
        return left
    }

    /// PowerOfExpression ::= UnaryAddOrSubtract { ^ UnaryAddOrSubtract }  (left-associative)
    mutating func parsePower() throws -> Expr {
        var left = try parseUnary()
        while at("^") {
            let offset = current.offset
            advance()
            left = Expr(.binary(.power, left, try parseUnary()), at: offset)
        }
        return left
    }

    /// UnaryAddOrSubtractExpression ::= { + | - } NonArithmeticOperatorExpression
    mutating func parseUnary() throws -> Expr {
        let offset = current.offset
        if at("-") {
            advance()
            // A minus directly before a number literal is part of it: -9223372036854775808.
            if current.kind == .invalidNumber {
                throw error("InvalidNumberLiteral", "invalid number literal '\(current.text)'", at: current.offset,
                            length: current.length)
            }
            if current.kind == .integer || current.kind == .float {
                let literal = try parseNumberLiteral(negative: true, start: offset)
                return try parsePostfix(literal)
            }
            try enter()
            defer { leave() }
            return Expr(.negate(try parseUnary()), at: offset)
        }
        if at("+") {
            advance()
            try enter()
            defer { leave() }
            return Expr(.unaryPlus(try parseUnary()), at: offset)
        }
        return try parsePostfixExpression()
    }

    /// NonArithmeticOperatorExpression ::= Atom { [e] | [e..e] | .key } [NodeLabels]
    mutating func parsePostfixExpression() throws -> Expr {
        try parsePostfix(try parsePrimary())
    }

    mutating func parsePostfix(_ base: Expr) throws -> Expr {
        var e = base
        while true {
            if at(".") {
                advance()
                let keyToken = current
                let key = try parseSymbolicName("a property key")
                e = Expr(.property(e, key), at: e.offset, length: keyToken.offset + keyToken.length - e.offset)
            } else if at("[") {
                let offset = current.offset
                advance()
                if accept("..") {
                    let upper = at("]") ? nil : try parseExpression()
                    try expect("]")
                    e = Expr(.slice(e, nil, upper), at: offset)
                    continue
                }
                let index = try parseExpression()
                if accept("..") {
                    let upper = at("]") ? nil : try parseExpression()
                    try expect("]")
                    e = Expr(.slice(e, index, upper), at: offset)
                } else {
                    try expect("]")
                    e = Expr(.subscript_(e, index), at: offset)
                }
            } else if at(":") && (peek().kind == .identifier || peek().kind == .quotedIdentifier) {
                let offset = current.offset
                e = Expr(.hasLabels(e, try parseNodeLabels()), at: offset)
            } else {
                return e
            }
        }
    }

    // MARK: Literals

    mutating func parseNumberLiteral(negative: Bool, start: Int) throws -> Expr {
        let t = current
        advance()
        let length = t.offset + t.length - start
        if t.kind == .float {
            guard let d = Double(t.text), d.isFinite else {
                throw error("FloatingPointOverflow", "floating point number is too large", at: start, length: length)
            }
            return Expr(.literal(.float(negative ? -d : d)), at: start, length: length)
        }
        var text = Substring(t.text)
        var radix = 10
        if text.hasPrefix("0x") || text.hasPrefix("0X") {
            radix = 16
            text = text.dropFirst(2)
        } else if text.hasPrefix("0o") {
            radix = 8
            text = text.dropFirst(2)
        }
        guard let magnitude = UInt64(text, radix: radix) else {
            throw error("IntegerOverflow", "integer literal is too large", at: start, length: length)
        }
        if negative {
            if magnitude == UInt64(Int64.max) + 1 { return Expr(.literal(.int(Int64.min)), at: start, length: length) }
            guard magnitude <= UInt64(Int64.max) else {
                throw error("IntegerOverflow", "integer literal is too small", at: start, length: length)
            }
            return Expr(.literal(.int(-Int64(magnitude))), at: start, length: length)
        }
        guard magnitude <= UInt64(Int64.max) else {
            throw error("IntegerOverflow", "integer literal is too large", at: start, length: length)
        }
        return Expr(.literal(.int(Int64(magnitude))), at: start, length: length)
    }
}
