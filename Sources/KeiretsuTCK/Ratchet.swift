// The ratchet: a committed list of scenario ids that pass, one per line, sorted bytewise.
//
// CI runs `keiretsu-tck --check-ratchet`: every listed scenario must still pass, so a regression
// fails the build, while new passes are reported and join the list with `--update-ratchet` in
// the same commit. Lines starting with `#` and blank lines are comments. With `--filter`, only
// the selected scenarios are checked or rewritten; the rest of the list stays as it is.

import Foundation

public struct Ratchet: Sendable, Equatable {
    public var ids: Set<String>

    public init(ids: Set<String>) {
        self.ids = ids
    }

    public init(text: String) {
        var ids = Set<String>()
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let t = line.trimmingWhitespace()
            if t.isEmpty || t.hasPrefix("#") { continue }
            ids.insert(t)
        }
        self.ids = ids
    }

    /// Reads `path`; a missing file is an empty ratchet.
    public static func load(_ path: String) throws -> Ratchet {
        guard FileManager.default.fileExists(atPath: path) else { return Ratchet(ids: []) }
        return Ratchet(text: try String(contentsOfFile: path, encoding: .utf8))
    }

    public static let header = """
        # openCypher TCK scenarios that pass (keiretsu-tck --update-ratchet rewrites this file).
        # CI fails when a listed scenario stops passing. One id per line: feature path, ':', scenario
        # name, and ' #N' for the N-th Examples row of an outline. Sorted bytewise.

        """

    public var text: String {
        Ratchet.header + ids.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { $0 + "\n" }.joined()
    }

    public func save(_ path: String) throws {
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Listed scenarios that were selected but did not pass, sorted. `selected` says whether an
    /// id was in this run's selection (a filtered run checks only what it ran); listed ids that
    /// no longer exist in the TCK count as regressions when the selection covers them.
    public func regressions(records: [ScenarioRecord], selected: (String) -> Bool) -> [String] {
        var passed = Set<String>()
        for r in records where r.outcome.status == .passed { passed.insert(r.id) }
        return ids.filter { selected($0) && !passed.contains($0) }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Scenarios that passed but are not listed, sorted.
    public func newPasses(records: [ScenarioRecord]) -> [String] {
        records.filter { $0.outcome.status == .passed && !ids.contains($0.id) }.map(\.id)
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The list after this run: selected ids replaced by the selected passes.
    public func updated(records: [ScenarioRecord], selected: (String) -> Bool) -> Ratchet {
        var next = ids.filter { !selected($0) }
        for r in records where r.outcome.status == .passed { next.insert(r.id) }
        return Ratchet(ids: next)
    }
}
