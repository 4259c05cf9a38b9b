// Engine: runs one statement against a Database — parse, analyse, plan, execute — inside one
// store transaction.

import KeiretsuGraph

struct Engine {
    let database: Database
    let parameters: [String: Value]
    let options: ExecutionOptions

    func run(_ query: String) throws -> QueryResult {
        throw CypherError(.syntaxError, "NotImplemented", "the query engine is not built yet", offset: 0)
    }
}
