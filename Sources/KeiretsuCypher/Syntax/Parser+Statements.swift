// Statements and clauses.

extension Parser {
    /// Statement ::= [EXPLAIN | PROFILE] Query | SchemaCommand
    mutating func parseStatement() throws -> Statement {
        let start = current.offset
        if atKeyword("EXPLAIN") || atKeyword("PROFILE") {
            let mode: ExecutionMode = atKeyword("EXPLAIN") ? .explain : .profile
            advance()
            return .query(try parseQuery(), mode)
        }
        if let command = try parseSchemaCommand() { return .schema(command, offset: start) }
        return .query(try parseQuery(), .normal)
    }

    /// Query ::= SingleQuery { UNION [ALL] SingleQuery }
    mutating func parseQuery() throws -> Query {
        let start = current.offset
        var parts = [try parseSingleQuery()]
        var unionAll: [Bool] = []
        while acceptKeyword("UNION") {
            unionAll.append(acceptKeyword("ALL"))
            parts.append(try parseSingleQuery())
        }
        return Query(parts: parts, unionAll: unionAll, offset: start)
    }

    /// SingleQuery ::= Clause { Clause }
    mutating func parseSingleQuery() throws -> SingleQuery {
        var clauses: [Clause] = []
        while let clause = try parseClause() { clauses.append(clause) }
        guard !clauses.isEmpty else { throw unexpected(expecting: "a clause") }
        return SingleQuery(clauses: clauses)
    }

    /// Clause ::= Match | Unwind | With | Return | Create | Merge | Set | Remove | Delete |
    ///            Foreach | Call — or nil at the end of a single query.
    mutating func parseClause() throws -> Clause? {
        let start = current.offset
        func clause(_ kind: Clause.Kind) -> Clause { Clause(kind: kind, offset: start) }
        if atKeyword("OPTIONAL") && peek().isKeyword("MATCH") {
            advance(); advance()
            return clause(try parseMatchBody(optional: true))
        }
        if acceptKeyword("MATCH") { return clause(try parseMatchBody(optional: false)) }
        if acceptKeyword("UNWIND") {
            let list = try parseExpression()
            try expectKeyword("AS")
            return clause(.unwind(list, variable: try parseVariable()))
        }
        if acceptKeyword("WITH") {
            let projection = try parseProjection(start: start)
            var predicate: Expr? = nil
            if acceptKeyword("WHERE") { predicate = try parseExpression() }
            return clause(.with(projection, predicate: predicate))
        }
        if acceptKeyword("RETURN") { return clause(.return_(try parseProjection(start: start))) }
        if acceptKeyword("CREATE") { return clause(.create(try parsePattern())) }
        if acceptKeyword("MERGE") { return clause(try parseMergeBody()) }
        if acceptKeyword("SET") { return clause(.set(try parseSetItems())) }
        if acceptKeyword("REMOVE") { return clause(.remove(try parseRemoveItems())) }
        if atKeyword("DETACH") && peek().isKeyword("DELETE") {
            advance(); advance()
            return clause(.delete(try parseExpressionList(), detach: true))
        }
        if atKeyword("NODETACH") && peek().isKeyword("DELETE") {
            advance(); advance()
            return clause(.delete(try parseExpressionList(), detach: false))
        }
        if acceptKeyword("DELETE") { return clause(.delete(try parseExpressionList(), detach: false)) }
        if acceptKeyword("FOREACH") { return clause(try parseForeachBody()) }
        if acceptKeyword("CALL") {
            if accept("{") {
                let query = try parseQuery()
                try expect("}")
                return clause(.callSubquery(query))
            }
            return clause(try parseProcedureCallBody())
        }
        return nil
    }

    /// Match ::= [OPTIONAL] MATCH Pattern [WHERE Expression]
    mutating func parseMatchBody(optional: Bool) throws -> Clause.Kind {
        let patterns = try parsePattern()
        var predicate: Expr? = nil
        if acceptKeyword("WHERE") { predicate = try parseExpression() }
        return .match(optional: optional, patterns: patterns, predicate: predicate)
    }

    /// Merge ::= MERGE PatternPart { ON (MATCH | CREATE) Set }
    mutating func parseMergeBody() throws -> Clause.Kind {
        let part = try parsePatternPart()
        var onCreate: [SetItem] = [], onMatch: [SetItem] = []
        while atKeyword("ON") {
            advance()
            if acceptKeyword("CREATE") {
                try expectKeyword("SET")
                onCreate += try parseSetItems()
            } else if acceptKeyword("MATCH") {
                try expectKeyword("SET")
                onMatch += try parseSetItems()
            } else {
                throw unexpected(expecting: "CREATE or MATCH")
            }
        }
        return .merge(part, onCreate: onCreate, onMatch: onMatch)
    }

    /// Foreach ::= FOREACH ( Variable IN Expression | UpdatingClause { UpdatingClause } )
    mutating func parseForeachBody() throws -> Clause.Kind {
        try expect("(")
        let variable = try parseVariable()
        try expectKeyword("IN")
        let list = try parseExpression()
        try expect("|")
        var body: [Clause] = []
        while !at(")") {
            guard let clause = try parseClause() else { throw unexpected(expecting: "an updating clause or ')'") }
            body.append(clause)
        }
        try expect(")")
        return .foreach(variable: variable, list: list, body: body)
    }

    /// ProcedureCall ::= CALL Name [ ( [Expression {, Expression}] ) ] [YIELD (* | Item {, Item}) [WHERE …]]
    mutating func parseProcedureCallBody() throws -> Clause.Kind {
        var name = try parseSymbolicName("a procedure name")
        while accept(".") { name += "." + (try parseSymbolicName("a procedure name")) }
        var arguments: [Expr]? = nil
        if accept("(") {
            var args: [Expr] = []
            if !at(")") { args = try parseExpressionList() }
            try expect(")")
            arguments = args
        }
        var yield: [YieldItem]? = nil
        var yieldAll = false
        var predicate: Expr? = nil
        if acceptKeyword("YIELD") {
            if accept("*") {
                yieldAll = true
            } else {
                var items: [YieldItem] = []
                repeat {
                    let offset = current.offset
                    let field = try parseSymbolicName("a procedure output")
                    var alias: String? = nil
                    if acceptKeyword("AS") { alias = try parseVariable() }
                    items.append(YieldItem(field: field, alias: alias, offset: offset))
                } while accept(",")
                yield = items
            }
            if acceptKeyword("WHERE") { predicate = try parseExpression() }
        }
        return .callProcedure(name: name, arguments: arguments, yield: yield, yieldAll: yieldAll, predicate: predicate)
    }

    /// ProjectionBody ::= [DISTINCT] ProjectionItems [ORDER BY SortItem {, SortItem}] [SKIP Expr] [LIMIT Expr]
    mutating func parseProjection(start: Int) throws -> Projection {
        let distinct = acceptKeyword("DISTINCT")
        var includeExisting = false
        var items: [ProjectionItem] = []
        if accept("*") {
            includeExisting = true
            if accept(",") { items = try parseProjectionItems() }
        } else {
            items = try parseProjectionItems()
        }
        var orderBy: [SortItem] = []
        if atKeyword("ORDER") {
            advance()
            try expectKeyword("BY")
            repeat {
                let e = try parseExpression()
                var ascending = true
                if acceptKeyword("DESC") || acceptKeyword("DESCENDING") {
                    ascending = false
                } else if acceptKeyword("ASC") || acceptKeyword("ASCENDING") {
                    ascending = true
                }
                orderBy.append(SortItem(expression: e, ascending: ascending))
            } while accept(",")
        }
        var skip: Expr? = nil, limit: Expr? = nil
        if acceptKeyword("SKIP") || acceptKeyword("OFFSET") { skip = try parseExpression() }
        if acceptKeyword("LIMIT") { limit = try parseExpression() }
        return Projection(distinct: distinct, includeExisting: includeExisting, items: items, orderBy: orderBy,
                          skip: skip, limit: limit, offset: start)
    }

    mutating func parseProjectionItems() throws -> [ProjectionItem] {
        var items: [ProjectionItem] = []
        repeat {
            let start = current.offset
            let e = try parseExpression()
            let text = self.text(from: start, to: previousEnd)
            var alias: String? = nil
            if acceptKeyword("AS") { alias = try parseVariable() }
            items.append(ProjectionItem(expression: e, alias: alias, text: text))
        } while accept(",")
        return items
    }

    mutating func parseExpressionList() throws -> [Expr] {
        var list = [try parseExpression()]
        while accept(",") { list.append(try parseExpression()) }
        return list
    }

    /// SetItem ::= PropertyExpression = Expression | Variable = Expression | Variable += Expression
    ///           | Variable NodeLabels
    mutating func parseSetItems() throws -> [SetItem] {
        var items: [SetItem] = []
        repeat {
            let offset = current.offset
            if atVariable && (peek().isSymbol("=") || peek().isSymbol("+=") || peek().isSymbol(":")) {
                let variable = try parseVariable()
                if accept("=") {
                    items.append(.replaceProperties(variable: variable, value: try parseExpression(), offset: offset))
                } else if accept("+=") {
                    items.append(.mergeProperties(variable: variable, value: try parseExpression(), offset: offset))
                } else {
                    items.append(.labels(variable: variable, labels: try parseNodeLabels(), offset: offset))
                }
                continue
            }
            let target = try parsePostfixExpression()
            guard case .property(let base, let key) = target.kind else {
                throw error("UnexpectedSyntax", "expected a property, a variable or labels to set", at: offset)
            }
            try expect("=")
            items.append(.property(target: base, key: key, value: try parseExpression()))
        } while accept(",")
        return items
    }

    mutating func parseRemoveItems() throws -> [RemoveItem] {
        var items: [RemoveItem] = []
        repeat {
            let offset = current.offset
            if atVariable && peek().isSymbol(":") {
                let variable = try parseVariable()
                items.append(.labels(variable: variable, labels: try parseNodeLabels(), offset: offset))
                continue
            }
            let target = try parsePostfixExpression()
            guard case .property(let base, let key) = target.kind else {
                throw error("UnexpectedSyntax", "expected a property or labels to remove", at: offset)
            }
            items.append(.property(target: base, key: key))
        } while accept(",")
        return items
    }

    /// NodeLabels ::= : Name { : Name }
    mutating func parseNodeLabels() throws -> [String] {
        var labels: [String] = []
        while accept(":") {
            labels.append(try parseSymbolicName("a label"))
            // `:A&B` is the newer conjunction syntax for the same thing.
            while accept("&") { labels.append(try parseSymbolicName("a label")) }
        }
        return labels
    }

    // MARK: Schema commands

    /// CREATE INDEX [name] [IF NOT EXISTS] FOR (v:Label) ON (v.p {, v.p})
    /// CREATE CONSTRAINT [name] [IF NOT EXISTS] FOR (v:Label) REQUIRE v.p IS UNIQUE
    /// DROP INDEX name [IF EXISTS] · DROP CONSTRAINT name [IF EXISTS] · SHOW INDEXES · SHOW CONSTRAINTS
    mutating func parseSchemaCommand() throws -> SchemaCommand? {
        if atKeyword("SHOW") {
            advance()
            if acceptKeyword("INDEXES") || acceptKeyword("INDEX") { return .showIndexes }
            if acceptKeyword("CONSTRAINTS") || acceptKeyword("CONSTRAINT") { return .showConstraints }
            throw unexpected(expecting: "INDEXES or CONSTRAINTS")
        }
        if atKeyword("DROP") && (peek().isKeyword("INDEX") || peek().isKeyword("CONSTRAINT")) {
            advance()
            let isIndex = acceptKeyword("INDEX")
            if !isIndex { advance() }
            let name = try parseSymbolicName("an index name")
            var ifExists = false
            if acceptKeyword("IF") {
                try expectKeyword("EXISTS")
                ifExists = true
            }
            return isIndex ? .dropIndex(name: name, ifExists: ifExists) : .dropConstraint(name: name, ifExists: ifExists)
        }
        guard atKeyword("CREATE") && (peek().isKeyword("INDEX") || peek().isKeyword("CONSTRAINT")) else { return nil }
        advance()
        let isIndex = acceptKeyword("INDEX")
        if !isIndex { advance() }
        var name: String? = nil
        if !atKeyword("FOR") && !atKeyword("IF") && !atKeyword("ON") { name = try parseSymbolicName("a name") }
        var ifNotExists = false
        if acceptKeyword("IF") {
            try expectKeyword("NOT")
            try expectKeyword("EXISTS")
            ifNotExists = true
        }
        if isIndex && acceptKeyword("ON") {
            // Old form: CREATE INDEX ON :Label(p)
            try expect(":")
            let label = try parseSymbolicName("a label")
            try expect("(")
            var props = [try parseSymbolicName("a property")]
            while accept(",") { props.append(try parseSymbolicName("a property")) }
            try expect(")")
            return .createIndex(name: name, label: label, properties: props, ifNotExists: ifNotExists)
        }
        try expectKeyword("FOR")
        try expect("(")
        let variable = try parseVariable()
        try expect(":")
        let label = try parseSymbolicName("a label")
        try expect(")")
        func parseKey() throws -> String {
            let v = try parseVariable()
            guard v == variable else { throw error("UndefinedVariable", "variable '\(v)' not defined", at: previousEnd - v.utf8.count) }
            try expect(".")
            return try parseSymbolicName("a property")
        }
        if isIndex {
            try expectKeyword("ON")
            try expect("(")
            var props = [try parseKey()]
            while accept(",") { props.append(try parseKey()) }
            try expect(")")
            return .createIndex(name: name, label: label, properties: props, ifNotExists: ifNotExists)
        }
        if !acceptKeyword("REQUIRE") { try expectKeyword("ASSERT") }
        let property = try parseKey()
        try expectKeyword("IS")
        try expectKeyword("UNIQUE")
        return .createUniqueConstraint(name: name, label: label, property: property, ifNotExists: ifNotExists)
    }
}
