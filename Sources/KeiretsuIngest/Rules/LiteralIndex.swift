// LiteralIndex: which pattern literals each word satisfies, computed once per distinct word.
//
// Every literal of every pattern (an alternation such as `reduc*|cut*|lower*`) is a *group*.
// A word's groups are found the first time the word is seen — exact words by table, prefixes by
// comparing folded text — and cached by lexicon id, so matching a literal against a token is an
// array lookup and a short scan. Per sentence, the union of its words' groups (a bit set) tells
// which rules can possibly match, so most rules are skipped without trying a single position.

final class LiteralIndex {
    private let lexicon: Lexicon
    private var exact: [WordID: [Int32]] = [:]
    private var prefixes: [(prefix: [UInt8], group: Int32)] = []
    private var groupsByKey: [[String]: Int32] = [:]
    // Per word id: where its groups sit in `pool` (start −1: not computed yet).
    @exclusivity(unchecked) private var cacheStart: [Int32] = []
    @exclusivity(unchecked) private var cacheCount: [Int32] = []
    @exclusivity(unchecked) private var pool: [Int32] = []
    private(set) var groupCount: Int32 = 0

    init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    /// The group for the alternatives `words` (each folded; a trailing `*` makes a prefix).
    func group(_ words: [String]) -> Int32 {
        let key = words.map { TextFolding.fold($0) }
        if let g = groupsByKey[key] { return g }
        let g = groupCount
        groupCount += 1
        groupsByKey[key] = g
        for w in key {
            if w.count > 1 && w.hasSuffix("*") {
                prefixes.append((Array(w.dropLast().utf8), g))
            } else {
                // Tokenize the way articles are, so "'s" or "u.s" get the ids articles get.
                let id = lexicon.intern(Array(w.utf8)[...])
                exact[id, default: []].append(g)
            }
        }
        // Prefixes may have changed what cached words satisfy.
        cacheStart = []
        cacheCount = []
        pool = []
        return g
    }

    /// The groups word `w` satisfies, handed to `body` one by one.
    @inline(__always)
    func forEachGroup(_ w: WordID, _ body: (Int32) -> Void) {
        let i = Int(w)
        if i >= cacheStart.count || cacheStart[i] < 0 { compute(w) }
        guard i < cacheStart.count else { return }
        let s = Int(cacheStart[i])
        for k in s..<(s + Int(cacheCount[i])) { body(pool[k]) }
    }

    /// The groups word `w` satisfies.
    func groups(_ w: WordID) -> [Int32] {
        var out: [Int32] = []
        forEachGroup(w) { out.append($0) }
        return out
    }

    private func compute(_ w: WordID) {
        var out = exact[w] ?? []
        if !prefixes.isEmpty {
            let text = Array(lexicon.text(w).utf8)
            for (p, g) in prefixes where text.count >= p.count && text.starts(with: p) && !out.contains(g) {
                out.append(g)
            }
        }
        let i = Int(w)
        guard i >= 0 else { return }
        if i >= cacheStart.count {
            let grow = max(i + 1 - cacheStart.count, 1024)
            cacheStart.append(contentsOf: repeatElement(-1, count: grow))
            cacheCount.append(contentsOf: repeatElement(0, count: grow))
        }
        cacheStart[i] = Int32(pool.count)
        cacheCount[i] = Int32(out.count)
        pool.append(contentsOf: out)
    }

    @inline(__always)
    func matches(_ w: WordID, _ group: Int32) -> Bool {
        var found = false
        forEachGroup(w) { if $0 == group { found = true } }
        return found
    }
}

/// A set of literal groups as bits.
struct GroupBits {
    var words: [UInt64]

    init(count: Int32) { words = Array(repeating: 0, count: (Int(count) + 63) / 64) }

    @inline(__always)
    mutating func insert(_ g: Int32) {
        let i = Int(g) >> 6
        if i < words.count { words[i] |= 1 << UInt64(g & 63) }
    }

    @inline(__always)
    func contains(_ g: Int32) -> Bool {
        let i = Int(g) >> 6
        return i < words.count && words[i] & (1 << UInt64(g & 63)) != 0
    }
}
