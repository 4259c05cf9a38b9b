// Keeping a one-shot command's graph alive until the process exits.
//
// When `query`, `run` or `schema` finishes, the process exits at once; releasing a graph of
// millions of records on the way out would cost seconds (measured: about 4 s for 1M nodes and
// 5M relationships) and achieve nothing, since the system reclaims the memory anyway. Long-lived
// front ends (the REPL) must not use this.

import KeiretsuCypher

enum KeepAlive {
    static func untilExit(_ database: Database) {
        _ = Unmanaged.passRetained(database)
    }
}
