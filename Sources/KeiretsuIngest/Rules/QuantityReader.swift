// QuantityReader: reads roles, percentages, numbers and amounts of money at a token position.
//
// Each reader returns the value and how many tokens it used, or nil; the pattern matcher calls
// them for `@R`, `%P`, `#N` and `$M`. The phrase tables (QuantityWords) are loaded into tries with
// the article tokenizer, so "chief executive officer", "per cent" and "US$" are multi-token
// phrases matched exactly like gazetteer names.

struct RoleValue: Equatable {
    var name: String
    /// true after "then"/"former"/"ex-", false after "current"/"new", nil when unmarked.
    var former: Bool?
}

struct MoneyValue: Equatable {
    var amount: Double
    var currency: String
}

final class QuantityReader {
    private let lexicon: Lexicon
    private let roles: Gazetteer
    private let past: Gazetteer
    private let current: Gazetteer
    private let currencies: Gazetteer
    private let scales: Gazetteer
    private let numberWords: Gazetteer
    private let percentWords: Gazetteer
    private let approximators: Gazetteer
    private let articles: Set<WordID>
    private let rankPrefixes: Gazetteer
    private let and: WordID

    init(lexicon: Lexicon) {
        self.lexicon = lexicon
        func trie(_ phrases: [String]) -> Gazetteer {
            let g = Gazetteer(lexicon: lexicon)
            for (i, p) in phrases.enumerated() { g.add(p, entity: i) }
            return g
        }
        roles = trie(QuantityWords.roles.map(\.0))
        past = trie(QuantityWords.pastModifiers)
        current = trie(QuantityWords.currentModifiers)
        currencies = trie(QuantityWords.currencies.map(\.0))
        scales = trie(QuantityWords.scales.map(\.0))
        numberWords = trie(QuantityWords.numberWords.map(\.0))
        percentWords = trie(QuantityWords.percentWords)
        approximators = trie(QuantityWords.approximators)
        articles = Set(["the", "a", "an"].map { lexicon.intern(folding: $0) })
        rankPrefixes = trie(QuantityWords.rankPrefixes)
        and = lexicon.intern(folding: "and")
    }

    private func phrase(_ g: Gazetteer, _ t: [Token], _ i: Int, _ limit: Int) -> (end: Int, index: Int)? {
        guard i < limit, let m = g.longestMatch(t, from: i, limit: limit) else { return nil }
        return (m.end, m.entity)
    }

    /// `[the|a|an] [then|former|current…] [rank…] TITLE ((, | and | , and) TITLE)*` → the roles
    /// and the index after them. "the president and chief executive" is two roles; a modifier
    /// before the first title applies to all of them.
    func roles(_ t: [Token], _ i: Int, _ limit: Int, build: Bool = true) -> ([RoleValue], Int)? {
        var j = i
        if j < limit && articles.contains(t[j].key) { j += 1 }
        var former: Bool? = nil
        if let p = phrase(past, t, j, limit) {
            former = true
            j = p.end
        } else if let c = phrase(current, t, j, limit) {
            former = false
            j = c.end
        }
        guard let (first, afterFirst) = title(t, j, limit, build: build) else { return nil }
        var out = build ? [RoleValue(name: first, former: former)] : []
        j = afterFirst
        while j < limit {
            var k = j
            if t[k].key == lexicon.comma { k += 1 }
            if k < limit && t[k].key == and { k += 1 }
            guard k > j, k < limit, let (next, after) = title(t, k, limit, build: build) else { break }
            if build { out.append(RoleValue(name: next, former: former)) }
            j = after
        }
        return (out, j)
    }

    /// One title with its rank words: "vice chief operating officer" → "vice COO".
    private func title(_ t: [Token], _ i: Int, _ limit: Int, build: Bool) -> (String, Int)? {
        var j = i
        var ranks: [String] = []
        var best: (String, Int)? = nil
        while true {
            if let r = phrase(roles, t, j, limit) {
                best = (build ? (ranks + [QuantityWords.roles[r.index].1]).joined(separator: " ") : "", r.end)
            }
            guard let p = phrase(rankPrefixes, t, j, limit) else { break }
            if build { ranks.append(QuantityWords.rankPrefixes[p.index]) }
            j = p.end
        }
        return best
    }

    /// A number: digits (with a scale word: "2.5 billion") or a number word ("five").
    func number(_ t: [Token], _ i: Int, _ limit: Int, bytes: TextBytes) -> (Double, Int)? {
        guard i < limit else { return nil }
        var j = i
        if let a = phrase(approximators, t, j, limit) { j = a.end }
        guard j < limit else { return nil }
        if t[j].kind == .number, let v = bytes.number(t[j]) {
            j += 1
            if let s = phrase(scales, t, j, limit) { return (v * QuantityWords.scales[s.index].1, s.end) }
            return (v, j)
        }
        if let w = phrase(numberWords, t, j, limit) {
            var v = QuantityWords.numberWords[w.index].1
            var end = w.end
            if let s = phrase(scales, t, end, limit) {
                v *= QuantityWords.scales[s.index].1
                end = s.end
            }
            return (v, end)
        }
        return nil
    }

    /// `43%`, `43.4 percent`, `15 per cent`.
    func percent(_ t: [Token], _ i: Int, _ limit: Int, bytes: TextBytes) -> (Double, Int)? {
        var j = i
        if let a = phrase(approximators, t, j, limit) { j = a.end }
        guard j < limit, t[j].kind == .number, let v = bytes.number(t[j]) else { return nil }
        guard let p = phrase(percentWords, t, j + 1, limit) else { return nil }
        return (v, p.end)
    }

    /// `$2.5 billion`, `€600m`, `600 million dollars`, `¥50bn`, `USD 3 billion`.
    func money(_ t: [Token], _ i: Int, _ limit: Int, bytes: TextBytes) -> (MoneyValue, Int)? {
        var j = i
        if let a = phrase(approximators, t, j, limit) { j = a.end }
        var currency: String? = nil
        if let c = phrase(currencies, t, j, limit) {
            currency = QuantityWords.currencies[c.index].1
            j = c.end
        }
        guard let (v, afterNumber) = number(t, j, limit, bytes: bytes), t[j].kind == .number || currency != nil else { return nil }
        j = afterNumber
        if let c = phrase(currencies, t, j, limit) {
            if currency == nil { currency = QuantityWords.currencies[c.index].1 }
            j = c.end
        }
        guard let code = currency else { return nil }
        return (MoneyValue(amount: v, currency: code), j)
    }
}
