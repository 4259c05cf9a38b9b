// What the engine knows by name, for front ends that offer completion or suggestions (the
// REPL's Tab key, "did you mean" messages).
//
// The function library keeps its tables internal; this is the one public window onto them.
// Names come back lower-cased, the way the library stores them, since Cypher function names
// are matched case-insensitively.

public enum CypherCatalogue {
    /// Every scalar and aggregate function name, lower-cased and sorted (`abs`, `avg`,
    /// `duration.between`, `tolower` …).
    public static var functionNames: [String] { FunctionLibrary.allNames }

    /// Whether `name` is an aggregating function (`count`, `collect` …).
    public static func isAggregate(_ name: String) -> Bool { FunctionLibrary.isAggregate(name) }
}
