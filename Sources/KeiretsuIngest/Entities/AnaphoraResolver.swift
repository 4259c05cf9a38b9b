// AnaphoraResolver: turns "its", "the carmaker", "this last unit", "the two automakers" into
// mentions of the entities they point back to.
//
// The document's mentions so far are kept in order (MentionHistory), with the coordinations
// they formed ("Norvik and Talvi"). Each anaphor rule (Anaphors.swift) is matched over the
// sentence's plain tokens; for a match, antecedents with a compatible label are picked by the
// rule's scope, and the anaphor's items become one mention item (flagged `.anaphor`, possessive
// for "its"). Rules then treat it like any other mention — "its president, X" reads as
// "<Organization's> president, <Person>".
//
// Three filters keep descriptions from pointing at the wrong thing: a description right before
// a name is that name's title ("the parts maker Zelt Components"), one after a copula is a
// predicate ("are the two airlines of …"); a definite description skips the subject of its own
// clause; a demonym in it must agree with the antecedent's country when that is known.

struct MentionHistory {
    struct Entry {
        var entity: Int
        var labels: LabelSet
        var sentence: Int
    }

    private(set) var entries: [Entry] = []
    /// Coordinations seen ("A and B", "A, B and C"), in order, with their sentence.
    private(set) var groups: [(sentence: Int, entities: [Int], labels: LabelSet)] = []

    mutating func record(_ view: SentenceView, comma: WordID, and: WordID) {
        for m in view.orderedMentions {
            for e in m.entities { entries.append(Entry(entity: e, labels: m.labels, sentence: view.sentence)) }
        }
        for g in MentionHistory.coordinations(view, comma: comma, and: and) { groups.append((view.sentence, g.0, g.1)) }
    }

    /// Coordinated single mentions in `view` before item `limit`: entity lists closed by "and".
    static func coordinations(_ view: SentenceView, before limit: Int? = nil, comma: WordID, and: WordID) -> [([Int], LabelSet)] {
        var out: [([Int], LabelSet)] = []
        let items = view.items
        let end = min(limit ?? items.count, items.count)
        var i = 0
        while i < end {
            guard let m = view.mention(at: i), !m.isPlural, let first = m.entities.first else { i += 1; continue }
            var entities = [first]
            var labels = m.labels
            var j = i + 1
            var closed = false
            while j < end {
                var k = j
                guard items[k].kind == .token, items[k].ref == comma || items[k].ref == and else { break }
                let isAnd = items[k].ref == and
                k += 1
                var sawAnd = isAnd
                if !isAnd, k < end, items[k].kind == .token, items[k].ref == and { k += 1; sawAnd = true }
                guard k < end, let n = view.mention(at: k), !n.isPlural, let e = n.entities.first else { break }
                entities.append(e)
                labels = labels.intersection(n.labels)
                j = k + 1
                if sawAnd { closed = true; break }
            }
            if closed && entities.count >= 2 { out.append((entities, labels)) }
            i = max(j, i + 1)
        }
        return out
    }
}

final class AnaphoraResolver {
    private struct Compiled {
        var rule: AnaphorRule
        var pattern: CompiledPattern
        var labels: LabelSet
        var fallback: LabelSet
    }

    private let rules: [Compiled]
    private let matcher: PatternMatcher
    private let catalog: EntityCatalog
    private let lexicon: Lexicon
    private let copulas: Set<WordID>
    private let clauseBreaks: Set<WordID>
    private let relatives: Set<WordID>
    private let demonymCountry: [WordID: String]
    private let and: WordID

    init(lexicon: Lexicon, catalog: EntityCatalog, literals: LiteralIndex, matcher: PatternMatcher) throws {
        self.matcher = matcher
        self.catalog = catalog
        self.lexicon = lexicon
        var compiler = PatternCompiler(lexicon: lexicon, literals: literals, labels: catalog.labelTable)
        var compiled: [Compiled] = []
        for r in Anaphors.rules {
            var set: LabelSet = []
            for l in r.labels { set.insert(compiler.labels.bit(l)) }
            var fallback: LabelSet = []
            for l in r.fallbackLabels { fallback.insert(compiler.labels.bit(l)) }
            compiled.append(Compiled(rule: r, pattern: try compiler.compile(r.pattern, rule: "anaphor." + r.name), labels: set,
                                     fallback: fallback))
        }
        catalog.labelTable = compiler.labels
        rules = compiled
        func ids(_ words: [String]) -> Set<WordID> { Set(words.map { lexicon.intern(folding: $0) }) }
        copulas = ids(["is", "are", "was", "were", "be", "been", "being", "become", "becomes", "became", "remain", "remains", "remained"])
        relatives = ids(["which", "who", "that"])
        clauseBreaks = ids([",", ";", ":", "when", "while", "where", "which", "who", "that", "after", "before", "because",
                            "although", "but", "and", "since", "as"])
        var dc: [WordID: String] = [:]
        for e in MarketList.entries {
            for d in e.demonyms where !d.contains(" ") { dc[lexicon.intern(folding: d)] = e.name }
        }
        demonymCountry = dc
        and = lexicon.intern(folding: "and")
    }

    /// Resolves the anaphors of `view` against the mentions before them.
    func resolve(_ view: inout SentenceView, history: MentionHistory, tokens: [Token], bytes: TextBytes) {
        var loaded = false
        for c in rules where matcher.canMatch(c.pattern) {
            if !loaded {
                matcher.load(view: view)
                loaded = true
            }
            // Later matches first, so replacing items does not shift the ranges still to do.
            for m in matcher.matches(c.pattern).reversed() {
                let start = m.items.lowerBound, end = m.items.upperBound
                // "the parts maker Zelt Components": a title before a name, not an anaphor.
                if let next = view.mention(at: end), next.labels.rawValue & (c.labels.rawValue | c.fallback.rawValue) != 0 { continue }
                // "are the two airlines of …": a predicate, not an anaphor.
                if c.rule.count > 1 || c.rule.definite, start > 0, view.items[start - 1].kind == .token,
                   copulas.contains(view.items[start - 1].ref) {
                    continue
                }
                var excluded: Set<Int> = []
                if c.rule.definite, let s = clauseSubject(view, before: start) { excluded.insert(s) }
                let country = (start..<end).compactMap { i -> String? in
                    view.items[i].kind == .token ? demonymCountry[view.items[i].ref] : nil
                }.first
                // "the group" prefers a named group ("Norvik Motor Group") over any company.
                var antecedents: [Int] = []
                if c.rule.definite && c.rule.count == 1 && end - start == 2, view.items[end - 1].kind == .token {
                    let head = lexicon.text(view.items[end - 1].ref)
                    if let e = named(head, c.labels.union(c.fallback), before: start, in: view, history: history, excluded: excluded) {
                        antecedents = [e]
                    }
                }
                if antecedents.isEmpty {
                    antecedents = find(c.rule, c.labels, before: start, in: view, history: history, excluded: excluded, country: country)
                }
                if antecedents.count != c.rule.count && !c.fallback.isEmpty {
                    antecedents = find(c.rule, c.fallback, before: start, in: view, history: history, excluded: excluded, country: country)
                }
                guard antecedents.count == c.rule.count else { continue }
                var set = LabelSet(rawValue: ~0)
                for e in antecedents { set = set.intersection(catalog.bits(of: e)) }
                let covered = view.items[start].tokens.lowerBound..<view.items[end - 1].tokens.upperBound
                view.replace(items: m.items, with: ViewMention(entities: antecedents, labels: set, tokens: covered,
                                                               possessive: c.rule.possessive, origin: .anaphor))
                loaded = false
            }
        }
    }

    /// The subject of the clause the item `before` sits in: the first mention after the last
    /// clause break, or — when the clause opens with "which"/"who" — the mention it relates to.
    private func clauseSubject(_ view: SentenceView, before item: Int) -> Int? {
        var i = item - 1
        while i >= 0 {
            let it = view.items[i]
            if it.kind == .token && clauseBreaks.contains(it.ref) { break }
            i -= 1
        }
        if i >= 0 && relatives.contains(view.items[i].ref) {
            var j = i - 1
            while j >= 0 && view.items[j].kind == .token && view.items[j].ref == lexicon.comma { j -= 1 }
            return j >= 0 ? view.mention(at: j)?.entities.first : nil
        }
        for j in (i + 1)..<item {
            if let m = view.mention(at: j), !m.isPlural { return m.entities.first }
        }
        return nil
    }

    /// The latest earlier entity whose name contains the word `head`.
    private func named(_ head: String, _ labels: LabelSet, before item: Int, in view: SentenceView, history: MentionHistory,
                       excluded: Set<Int>) -> Int? {
        func matches(_ e: Int, _ l: LabelSet) -> Bool {
            guard l.rawValue & labels.rawValue != 0, !excluded.contains(e) else { return false }
            let words = TextFolding.fold(catalog.name(of: e)).split(whereSeparator: { $0 == " " || $0 == "-" })
            return words.contains { $0 == head }
        }
        var i = item - 1
        while i >= 0 {
            if let m = view.mention(at: i), !m.isPlural, let e = m.entities.first, matches(e, m.labels) { return e }
            i -= 1
        }
        return history.entries.reversed().first { matches($0.entity, $0.labels) }?.entity
    }

    private func find(_ rule: AnaphorRule, _ labels: LabelSet, before item: Int, in view: SentenceView,
                      history: MentionHistory, excluded: Set<Int>, country: String?) -> [Int] {
        func fits(_ l: LabelSet, _ e: Int) -> Bool {
            guard l.rawValue & labels.rawValue != 0, !excluded.contains(e) else { return false }
            if let c = country, let known = catalog.country(of: e), TextFolding.fold(known) != TextFolding.fold(c) { return false }
            return true
        }
        if rule.count > 1 {
            // The latest coordination of as many entities: "Norvik and Talvi … the two companies".
            let here = MentionHistory.coordinations(view, before: item, comma: lexicon.comma, and: and)
            let candidates = here.reversed().map { ($0.0, $0.1) } + history.groups.reversed().map { ($0.entities, $0.labels) }
            if let g = candidates.first(where: { $0.0.count == rule.count && $0.0.allSatisfy { fits(catalog.bits(of: $0), $0) } }) {
                return g.0
            }
        }
        var out: [Int] = []
        if rule.scope == .subject {
            for i in 0..<item {
                if let m = view.mention(at: i), !m.isPlural, let e = m.entities.first, fits(m.labels, e) { return [e] }
            }
        }
        if rule.scope == .nearest {
            var i = item - 1
            while i >= 0 && out.count < rule.count {
                if let m = view.mention(at: i) {
                    for e in m.entities.reversed() where fits(m.labels, e) && !out.contains(e) && out.count < rule.count {
                        out.append(e)
                    }
                }
                i -= 1
            }
            if out.count == rule.count { return out }
        }
        let entries = history.entries
        if rule.count == 1 && rule.scope != .earlierSentences && out.isEmpty {
            // The first fitting mention of the latest earlier sentence that has one.
            guard let last = entries.lastIndex(where: { fits($0.labels, $0.entity) }) else { return [] }
            let sentence = entries[last].sentence
            if let first = entries.firstIndex(where: { $0.sentence == sentence && fits($0.labels, $0.entity) }) {
                return [entries[first].entity]
            }
            return []
        }
        for entry in entries.reversed() where out.count < rule.count {
            if fits(entry.labels, entry.entity) && !out.contains(entry.entity) { out.append(entry.entity) }
        }
        return out
    }
}

extension AnaphorRule.Scope: Equatable {}
