// A scratch database for the few things a `.cyt` file asks the engine outside its graph: the
// value of a function call in an expected cell (`date('2023-01-28')`, `duration('P1D')`) and
// whether a function exists (`onlyif function date`).
//
// Letting the engine read these keeps one definition of each temporal notation — the engine's —
// instead of a second parser here that could drift from it. Answers are cached by text: a
// library repeats the same dates many times.

import KeiretsuCypher
import KeiretsuGraph

public final class ScratchEvaluator {
    let database = Database(graph: MemoryGraph())
    var values: [String: Value?] = [:]
    var functions: [String: Bool] = [:]

    public init() {}

    /// The value of the expression `text` (a literal or a call), or nil when the engine cannot
    /// evaluate it — an unknown function, a malformed argument.
    public func value(of text: String) -> Value? {
        if let known = values[text] { return known }
        let v = try? database.execute("RETURN \(text) AS value").rows.first?.first
        values[text] = .some(v)
        return v
    }

    /// Whether the engine knows a function called `name`: calling it without arguments fails
    /// with UnknownFunction only when it does not (a wrong argument count is another error).
    public func hasFunction(_ name: String) -> Bool {
        if let known = functions[name] { return known }
        var exists = false
        if isPlainIdentifier(name) || name.split(separator: ".").allSatisfy({ isPlainIdentifier(String($0)) }) {
            do {
                _ = try database.execute("RETURN \(name)() AS value")
                exists = true
            } catch let e as CypherError {
                exists = e.code != "UnknownFunction"
            } catch {
                exists = false
            }
        }
        functions[name] = exists
        return exists
    }
}
