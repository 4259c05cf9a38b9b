// The words of Cypher the REPL knows without asking the graph: keywords (for highlighting and
// completion) and the usual spelling of function names.
//
// The parser decides keywords from context (a label may be called `:Match`), so it keeps no
// list; this one is the set of reserved and clause words of openCypher 9 plus the schema words
// the engine accepts (INDEX, CONSTRAINT, SHOW …). The function library stores names lower-cased
// because calls are case-insensitive; completion offers them in the spelling the Cypher manuals
// use (`toLower`, `startNode`), which this table restores.

enum CypherVocabulary {
    static let keywords: [String] = [
        "ALL", "AND", "ANY", "AS", "ASC", "ASCENDING", "ASSERT", "BY", "CALL", "CASE", "CONSTRAINT",
        "CONSTRAINTS", "CONTAINS", "CREATE", "DELETE", "DESC", "DESCENDING", "DETACH", "DISTINCT", "DROP",
        "ELSE", "END", "ENDS", "EXISTS", "EXPLAIN", "FALSE", "FOR", "FOREACH", "IF", "IN", "INDEX",
        "INDEXES", "IS", "LIMIT", "MATCH", "MERGE", "NONE", "NOT", "NULL", "OFFSET", "ON", "OPTIONAL",
        "OR", "ORDER", "PROFILE", "REMOVE", "REQUIRE", "RETURN", "SET", "SHOW", "SINGLE", "SKIP",
        "STARTS", "THEN", "TRUE", "UNION", "UNIQUE", "UNWIND", "WHEN", "WHERE", "WITH", "XOR", "YIELD",
    ]

    static let keywordSet: Set<String> = Set(keywords)

    static func isKeyword(_ word: String) -> Bool {
        word.count <= 11 && keywordSet.contains(word.uppercased())
    }

    /// Usual spellings of functions whose names are not all lower case.
    static let functionSpellings: [String: String] = {
        let names = [
            "elementId", "endNode", "isEmpty", "isNaN", "nullIf", "randomUUID", "startNode", "toBoolean",
            "toBooleanList", "toBooleanOrNull", "toFloat", "toFloatList", "toFloatOrNull", "toInteger",
            "toIntegerList", "toIntegerOrNull", "toLower", "toString", "toStringList", "toStringOrNull",
            "toUpper", "valueType", "percentileCont", "percentileDisc", "stDev", "stDevP", "lTrim", "rTrim",
            "date.truncate", "datetime.truncate", "localdatetime.truncate", "localtime.truncate",
            "time.truncate", "datetime.fromEpoch", "datetime.fromEpochMillis", "duration.between",
            "duration.inMonths", "duration.inDays", "duration.inSeconds",
        ]
        var table: [String: String] = [:]
        for n in names { table[n.lowercased()] = n }
        return table
    }()

    /// The spelling of function `name` (given in any case) to offer in completion.
    static func spelling(ofFunction name: String) -> String {
        functionSpellings[name.lowercased()] ?? name
    }

    /// Whether `name` can be written without back quotes (a letter or `_` first, then letters,
    /// digits and `_`).
    static func isPlainName(_ name: String) -> Bool {
        guard let first = name.first, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    /// `name` as Cypher text: bare when it can be, else back-quoted with inner back quotes
    /// doubled.
    static func quotedName(_ name: String) -> String {
        isPlainName(name) ? name : "`" + name.replacing("`", with: "``") + "`"
    }
}
