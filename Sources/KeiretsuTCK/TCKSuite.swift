// The whole TCK: finding it, reading every feature file, and running the selected scenarios.
//
// Files are read in sorted path order, so the run and its report never depend on directory
// order. A feature file that does not parse counts as one failed entry (named after the file)
// instead of stopping the run.

import Foundation

public struct ScenarioRecord: Sendable {
    public var id: String
    /// `features/clauses/match/Match1.feature`
    public var featurePath: String
    public var line: Int
    public var outcome: ScenarioOutcome

    /// `clauses` for `features/clauses/match/Match1.feature`.
    public var topFolder: String { folders.top }
    /// `clauses/match`; equal to `topFolder` for a file directly under it.
    public var subFolder: String { folders.sub }

    var folders: (top: String, sub: String) {
        var parts = featurePath.split(separator: "/").map(String.init)
        if parts.first == "features" { parts.removeFirst() }
        parts.removeLast()  // the file name
        let top = parts.first ?? "."
        let sub = parts.count >= 2 ? parts[0] + "/" + parts[1] : top
        return (top, sub)
    }
}

public enum TCKLocator {
    /// The TCK next to the package: walk up from `start` to the first folder holding
    /// `Package.swift`, then look at `../shared/tck`. Returns the package root too (the ratchet
    /// file lives there); the TCK path is nil when it is absent.
    public static func locate(from start: String) -> (packageRoot: String?, tck: String?) {
        var dir = URL(fileURLWithPath: start).standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
                let tck = dir.deletingLastPathComponent().appendingPathComponent("shared/tck").standardizedFileURL
                let has = isTCK(tck.path)
                return (dir.path, has ? tck.path : nil)
            }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { return (nil, nil) }
            dir = parent
        }
    }

    public static func isTCK(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("features"), isDirectory: &isDir)
            && isDir.boolValue
    }

    /// Every `*.feature` under `root/features`, as paths relative to `root`, sorted.
    public static func featureFiles(in root: String) -> [String] {
        let base = URL(fileURLWithPath: root).appendingPathComponent("features")
        guard let walker = FileManager.default.enumerator(atPath: base.path) else { return [] }
        var out: [String] = []
        while let rel = walker.nextObject() as? String {
            if rel.hasSuffix(".feature") { out.append("features/" + rel) }
        }
        return out.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}

public struct TCKSuite {
    public var root: String
    public var scenarios: [Scenario] = []
    /// Files that did not parse, as failed records.
    public var parseFailures: [ScenarioRecord] = []

    /// Reads and expands every feature file under `root`.
    public init(root: String) {
        self.root = root
        for path in TCKLocator.featureFiles(in: root) {
            let full = (root as NSString).appendingPathComponent(path)
            do {
                let text = try String(contentsOfFile: full, encoding: .utf8)
                let feature = try GherkinParser.parse(text, path: path)
                scenarios += feature.expandedScenarios()
            } catch {
                let outcome = ScenarioOutcome(status: .failed, cause: "runner: feature file does not parse",
                                              message: "\(error)", details: "  \(error)", phaseOnlyMismatch: false)
                parseFailures.append(ScenarioRecord(id: path + ":<file>", featurePath: path, line: 1, outcome: outcome))
            }
        }
    }

    /// The named graph's CREATE script, `graphs/NAME/NAME.cypher`.
    public func graphScript(_ name: String) -> String? {
        let path = (root as NSString).appendingPathComponent("graphs/\(name)/\(name).cypher")
        return try? String(contentsOfFile: path, encoding: .utf8)
    }

    /// Runs the scenarios whose id contains `filter` (all when nil), in file order.
    public func run(filter: String?, runner: ScenarioRunner, progress: (ScenarioRecord) -> Void = { _ in }) -> [ScenarioRecord] {
        var records = parseFailures.filter { filter == nil || $0.id.contains(filter ?? "") }
        for s in scenarios where filter == nil || s.id.contains(filter ?? "") {
            let r = ScenarioRecord(id: s.id, featurePath: s.featurePath, line: s.line, outcome: runner.run(s))
            progress(r)
            records.append(r)
        }
        return records
    }
}
