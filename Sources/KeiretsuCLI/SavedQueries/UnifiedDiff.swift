// A unified diff (`diff -u` layout) of an expected against an actual result, for the report of a
// mismatching query.
//
// Lines are compared by a key and shown by their text: the key of an expected row is its value
// (see ResultComparison.swift), the text is the row as the user wrote it, so `1.00` in a file
// matches an actual `1.0` and the diff still shows the file's own spelling. The alignment is a
// longest common subsequence by dynamic programming — results in `.cyt` files are small; past
// `maxCells` compared pairs the diff gives up aligning and shows every line removed and added,
// which is still a correct diff.

struct DiffLine: Sendable, Equatable {
    var key: String
    var text: String
}

enum UnifiedDiff {
    static let context = 3
    static let maxCells = 4_000_000

    enum Edit: Equatable {
        case same(Int, Int)   // expected index, actual index
        case removed(Int)
        case added(Int)
    }

    /// The edit script turning `a` into `b`.
    static func edits(_ a: [DiffLine], _ b: [DiffLine]) -> [Edit] {
        let n = a.count, m = b.count
        guard n > 0 || m > 0 else { return [] }
        let cells = n.multipliedReportingOverflow(by: m)
        guard !cells.overflow, cells.partialValue <= maxCells else {
            return (0..<n).map(Edit.removed) + (0..<m).map(Edit.added)
        }
        // lcs[i][j]: length of the longest common subsequence of a[i...] and b[j...].
        let width = m + 1
        var lcs = [Int32](repeating: 0, count: (n + 1) * width)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i * width + j] = a[i].key == b[j].key
                    ? lcs[(i + 1) * width + j + 1] + 1
                    : max(lcs[(i + 1) * width + j], lcs[i * width + j + 1])
            }
        }
        var out: [Edit] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, a[i].key == b[j].key {
                out.append(.same(i, j)); i += 1; j += 1
            } else if j < m, i == n || lcs[i * width + j + 1] >= lcs[(i + 1) * width + j] {
                out.append(.added(j)); j += 1
            } else {
                out.append(.removed(i)); i += 1
            }
        }
        // Show removals before additions within a run of changes, as diff -u does.
        var k = 0
        while k < out.count {
            guard !isSame(out[k]) else { k += 1; continue }
            var end = k
            while end < out.count, !isSame(out[end]) { end += 1 }
            let run = out[k..<end]
            out.replaceSubrange(k..<end, with: run.filter(isRemoved) + run.filter { !isRemoved($0) })
            k = end
        }
        return out
    }

    static func isSame(_ e: Edit) -> Bool { if case .same = e { return true } else { return false } }
    static func isRemoved(_ e: Edit) -> Bool { if case .removed = e { return true } else { return false } }

    /// `--- expected` / `+++ actual` and the hunks; empty when the keys agree.
    static func render(expected a: [DiffLine], actual b: [DiffLine],
                       labels: (String, String) = ("expected", "actual")) -> String {
        let script = edits(a, b)
        guard script.contains(where: { !isSame($0) }) else { return "" }
        var out = "--- \(labels.0)\n+++ \(labels.1)\n"
        // Hunks: changes with up to `context` unchanged lines around them; changes closer than
        // twice the context share a hunk.
        let changes = script.indices.filter { !isSame(script[$0]) }
        var g = 0
        while g < changes.count {
            var last = changes[g]
            var h = g + 1
            while h < changes.count, changes[h] - last - 1 <= 2 * context {
                last = changes[h]
                h += 1
            }
            let start = max(0, changes[g] - context)
            let end = min(script.count, last + context + 1)
            g = h
            let hunk = script[start..<end]
            var aStart = 0, bStart = 0, aCount = 0, bCount = 0
            var aFound = false, bFound = false
            for e in hunk {
                switch e {
                case .same(let i, let j):
                    if !aFound { aStart = i; aFound = true }
                    if !bFound { bStart = j; bFound = true }
                    aCount += 1; bCount += 1
                case .removed(let i):
                    if !aFound { aStart = i; aFound = true }
                    aCount += 1
                case .added(let j):
                    if !bFound { bStart = j; bFound = true }
                    bCount += 1
                }
            }
            if !aFound { aStart = position(before: start, in: script, expected: true) }
            if !bFound { bStart = position(before: start, in: script, expected: false) }
            // diff -u numbers lines from 1, and an empty range by the line before it.
            out += "@@ -\(range(aStart, aCount)) +\(range(bStart, bCount)) @@\n"
            for e in hunk {
                switch e {
                case .same(let i, _): out += " " + a[i].text + "\n"
                case .removed(let i): out += "-" + a[i].text + "\n"
                case .added(let j): out += "+" + b[j].text + "\n"
                }
            }
        }
        return out
    }

    /// The number of lines of one side that come before script position `k`.
    static func position(before k: Int, in script: [Edit], expected: Bool) -> Int {
        var n = 0
        for e in script[..<k] {
            switch e {
            case .same: n += 1
            case .removed: if expected { n += 1 }
            case .added: if !expected { n += 1 }
            }
        }
        return n
    }

    static func range(_ start: Int, _ count: Int) -> String {
        count == 0 ? "\(start),0" : count == 1 ? "\(start + 1)" : "\(start + 1),\(count)"
    }
}
