// The text report: pass/fail/skip counts per top-level and second-level folder, the most common
// failure causes on request, and the closing `tck: N passed, N failed, N skipped` line (CI's
// own runner prints a bare `N passed, N failed`, so the TCK's line carries a prefix).

public struct Counts: Sendable, Equatable {
    public var passed = 0
    public var failed = 0
    public var skipped = 0

    public init(passed: Int = 0, failed: Int = 0, skipped: Int = 0) {
        self.passed = passed
        self.failed = failed
        self.skipped = skipped
    }

    mutating func add(_ s: ScenarioStatus) {
        switch s {
        case .passed: passed += 1
        case .failed: failed += 1
        case .skipped: skipped += 1
        }
    }

    /// Pass rate over the scenarios that ran, as a percentage with one decimal.
    public var passRate: String {
        let ran = passed + failed
        guard ran > 0 else { return "-" }
        let tenths = (passed * 1000 + ran / 2) / ran
        return "\(tenths / 10).\(tenths % 10)%"
    }
}

public enum Report {
    public static func totals(_ records: [ScenarioRecord]) -> Counts {
        var c = Counts()
        for r in records { c.add(r.outcome.status) }
        return c
    }

    /// Counts per folder: each top-level folder followed by its second-level folders, sorted.
    public static func folderTable(_ records: [ScenarioRecord]) -> String {
        var top: [String: Counts] = [:]
        var sub: [String: Counts] = [:]
        for r in records {
            top[r.topFolder, default: Counts()].add(r.outcome.status)
            if r.subFolder != r.topFolder { sub[r.subFolder, default: Counts()].add(r.outcome.status) }
        }
        func line(_ name: String, _ c: Counts) -> String {
            pad(name, 40) + lpad(String(c.passed), 7) + lpad(String(c.failed), 7) + lpad(String(c.skipped), 8)
                + lpad(c.passRate, 8)
        }
        var out = pad("folder", 40) + lpad("passed", 7) + lpad("failed", 7) + lpad("skipped", 8) + lpad("rate", 8) + "\n"
        for t in top.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            out += line(t, top[t] ?? Counts()) + "\n"
            for s in sub.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) where s.hasPrefix(t + "/") {
                out += line("  " + s, sub[s] ?? Counts()) + "\n"
            }
        }
        return out
    }

    /// The `limit` most frequent failure causes and engine messages, most frequent first.
    public static func causes(_ records: [ScenarioRecord], limit: Int) -> String {
        let failed = records.filter { $0.outcome.status == .failed }
        var out = "most common failure causes:\n"
        out += ranked(failed.map(\.outcome.cause), limit: limit)
        var byKind: [String: Counts] = [:]
        for r in records { if let k = r.outcome.expectedErrorKind { byKind[k, default: Counts()].add(r.outcome.status) } }
        if !byKind.isEmpty {
            out += "scenarios expecting an error, by kind:\n"
            for k in byKind.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                let c = byKind[k] ?? Counts()
                out += lpad(String(c.passed), 6) + " of " + String(c.passed + c.failed) + " pass  " + k + "\n"
            }
        }
        out += "most common engine messages:\n"
        out += ranked(failed.map { r in
            let m = r.outcome.message.split(separator: "\n").first.map(String.init) ?? ""
            return m.count > 100 ? String(m.prefix(100)) + "…" : m
        }.filter { !$0.isEmpty }, limit: limit)
        return out
    }

    static func ranked(_ items: [String], limit: Int) -> String {
        var counts: [String: Int] = [:]
        for i in items { counts[i, default: 0] += 1 }
        let top = counts.sorted { a, b in
            a.value != b.value ? a.value > b.value : a.key.utf8.lexicographicallyPrecedes(b.key.utf8)
        }.prefix(limit)
        return top.map { lpad(String($0.value), 6) + "  " + $0.key + "\n" }.joined()
    }

    public static func closingLine(_ c: Counts) -> String {
        "tck: \(c.passed) passed, \(c.failed) failed, \(c.skipped) skipped"
    }

    static func pad(_ s: String, _ n: Int) -> String {
        s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count)
    }

    static func lpad(_ s: String, _ n: Int) -> String {
        s.count >= n ? " " + s : String(repeating: " ", count: n - s.count) + s
    }
}
