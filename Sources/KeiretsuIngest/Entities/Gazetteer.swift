// Gazetteer: entity names and aliases as a trie over folded word ids, for longest-match lookup.
//
// Every name and alias is tokenized with the article tokenizer, so the two sides fold the same
// way: case, diacritics, curly quotes, hyphens ("solid-state" = "solid state") and spacing
// ("E / E" = "E/E") all fall out of tokenization. An alias with a leading "the" is also entered
// without it when the rest holds a capitalised word. One guard keeps common words from turning into entities: a one-word, capitalised
// alias ("Vortek", "Alliance") only matches a text token that is capitalised too, while
// multi-word aliases ("the Japanese giant") match in any case.
//
// The trie is one hash map from (node, word id) to child node, which keeps ten thousand names in
// a few flat arrays; terminal nodes list the entities the phrase names, in insertion order.

struct GazetteerEntry: Hashable {
    var entity: Int
    /// The phrase is one capitalised word: the text token must be capitalised as well.
    var requiresCapital: Bool
}

final class Gazetteer {
    // Single-threaded, hot: no run-time exclusivity checks (see Lexicon).
    @exclusivity(unchecked) private var edges: [Int64: Int32] = [:]
    @exclusivity(unchecked) private var terminals: [Int32: [GazetteerEntry]] = [:]
    @exclusivity(unchecked) private var nodeCount: Int32 = 1  // node 0 is the root
    /// Bit set over word ids: the words some phrase starts with (most tokens start none, and
    /// this answers for them without hashing).
    @exclusivity(unchecked) private var firstWords: [UInt64] = []
    private let lexicon: Lexicon
    private let phrases: PhraseKeys

    init(lexicon: Lexicon, phrases: PhraseKeys? = nil) {
        self.lexicon = lexicon
        self.phrases = phrases ?? PhraseKeys(lexicon: lexicon)
    }

    var isEmpty: Bool { terminals.isEmpty }

    /// The folded word ids of `phrase` and whether it is a single capitalised word.
    func keys(_ phrase: String) -> (keys: [WordID], singleCapitalized: Bool) {
        let k = phrases.keys(phrase)
        return (k.keys, k.singleCapitalized)
    }

    /// Enters `phrase` for `entity` (and, for "the …", the phrase without the article).
    func add(_ phrase: String, entity: Int) {
        let p = phrases.keys(phrase)
        let k = p.keys
        guard !k.isEmpty else { return }
        insert(k, GazetteerEntry(entity: entity, requiresCapital: p.singleCapitalized))
        // "the Harbour house" also as "Harbour house" — but "the partnership" not as
        // "partnership": without its article a common noun names nothing.
        if k.count >= 2 && k[0] == lexicon.the && p.capitalizedAfterFirst {
            insert(Array(k.dropFirst()), GazetteerEntry(entity: entity, requiresCapital: k.count == 2 && p.secondCapitalized))
        }
    }

    private func insert(_ keys: [WordID], _ entry: GazetteerEntry) {
        if let k = keys.first, k >= 0 {
            let w = Int(k) >> 6
            if w >= firstWords.count { firstWords.append(contentsOf: repeatElement(0, count: w + 1 - firstWords.count)) }
            firstWords[w] |= 1 << UInt64(Int(k) & 63)
        }
        var node: Int32 = 0
        for k in keys {
            let edge = (Int64(node) << 32) | Int64(UInt32(bitPattern: k))
            if let child = edges[edge] {
                node = child
            } else {
                edges[edge] = nodeCount
                node = nodeCount
                nodeCount += 1
            }
        }
        var list = terminals[node] ?? []
        if !list.contains(where: { $0.entity == entry.entity }) { list.append(entry) }
        terminals[node] = list
    }

    /// The longest phrase starting at token `start` (not reaching `limit`): its end index and
    /// the first entity it names whose capitalisation guard passes, or nil. Allocation-free: this
    /// runs at every token of every article.
    func longestMatch(_ tokens: [Token], from start: Int, limit: Int) -> (end: Int, entity: Int)? {
        guard start < limit, startsPhrase(tokens[start].key) else { return nil }
        let capitalized = tokens[start].isCapitalized
        var node: Int32 = 0
        var best: (Int, Int)? = nil
        var i = start
        while i < limit {
            let edge = (Int64(node) << 32) | Int64(UInt32(bitPattern: tokens[i].key))
            guard let child = edges[edge] else { break }
            node = child
            i += 1
            if let entries = terminals[node],
               let e = entries.first(where: { !$0.requiresCapital || capitalized }) {
                best = (i, e.entity)
            }
        }
        return best.map { (end: $0.0, entity: $0.1) }
    }

    /// Whether any phrase starts with the word `key` (a cheap pre-check).
    @inline(__always)
    func startsPhrase(_ key: WordID) -> Bool {
        let w = Int(key) >> 6
        return key >= 0 && w < firstWords.count && firstWords[w] & (1 << UInt64(Int(key) & 63)) != 0
    }
}

/// Phrases tokenized the article way, remembered: names and short forms are entered again and
/// again (every document re-enters its people's surnames), and tokenizing them dominated that.
final class PhraseKeys {
    struct Entry {
        var keys: [WordID]
        var singleCapitalized: Bool
        var capitalizedAfterFirst: Bool
        var secondCapitalized: Bool
    }

    private let tokenizer: Tokenizer
    private var cache: [String: Entry] = [:]

    init(lexicon: Lexicon) {
        tokenizer = Tokenizer(lexicon: lexicon)
    }

    func keys(_ phrase: String) -> Entry {
        if let e = cache[phrase] { return e }
        let tokens = tokenizer.tokenize(Array(phrase.utf8))
        let words = tokens.filter { $0.kind == .word || $0.kind == .number }
        let e = Entry(keys: tokens.map(\.key),
                      singleCapitalized: words.count == 1 && tokens.count == 1 && (words.first?.isCapitalized ?? false),
                      capitalizedAfterFirst: tokens.dropFirst().contains { $0.isCapitalized },
                      secondCapitalized: tokens.count > 1 && tokens[1].isCapitalized)
        cache[phrase] = e
        return e
    }
}
