// The one line a session opens with on stderr: version, graph source and size, and how to get
// help and leave.
//
//   keiretsu 0.1.0 · ./seeds: 152 nodes, 311 relationships · :help for help, Ctrl-D to exit

import KeiretsuCypher

enum KeiretsuVersion {
    /// The version the REPL banner shows. (The lead may move this next to `--version`.)
    static let current = "0.1.0"
}

enum ReplBanner {
    /// How the source options read in the banner.
    static func sourceDescription(_ source: SourceOptions) -> String {
        if source.empty { return "empty graph" }
        if let db = source.db { return db }
        return source.seeds ?? SourceOptions.defaultSeedFolder
    }

    static func text(source: String, nodes: Int, relationships: Int, palette: Palette) -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        let size = "\(plural(nodes, "node")), \(plural(relationships, "relationship"))"
        return palette.bold("keiretsu \(KeiretsuVersion.current)") + palette.dim(" · ") + "\(source): \(size)"
            + palette.dim(" · ") + ":help for help, Ctrl-D to exit"
    }
}
