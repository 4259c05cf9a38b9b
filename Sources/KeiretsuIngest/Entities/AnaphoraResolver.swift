// AnaphoraResolver: turns "its", "the carmaker", "this last unit", "the two automakers" into
// mentions of the entities they point back to.
//
// The document's mentions so far are kept in order (MentionHistory). Each anaphor rule
// (Anaphors.swift) is matched over the sentence's plain tokens; for a match, antecedents with a
// compatible label are picked by the rule's scope, and the anaphor's items become one mention
// item (flagged `.anaphor`, possessive for "its"). Rules then treat it like any other mention —
// "its president, X" reads as "<Organization's> president, <Person>".

struct MentionHistory {
    struct Entry {
        var entity: Int
        var labels: LabelSet
        var sentence: Int
    }

    private(set) var entries: [Entry] = []

    mutating func record(_ view: SentenceView) {
        for m in view.orderedMentions {
            for e in m.entities { entries.append(Entry(entity: e, labels: m.labels, sentence: view.sentence)) }
        }
    }
}

final class AnaphoraResolver {
    private let rules: [(rule: AnaphorRule, pattern: CompiledPattern, labels: LabelSet)]
    private let matcher: PatternMatcher
    private let catalog: EntityCatalog

    init(lexicon: Lexicon, catalog: EntityCatalog, literals: LiteralIndex, matcher: PatternMatcher) throws {
        self.matcher = matcher
        self.catalog = catalog
        var compiler = PatternCompiler(lexicon: lexicon, literals: literals, labels: catalog.labelTable)
        var compiled: [(AnaphorRule, CompiledPattern, LabelSet)] = []
        for r in Anaphors.rules {
            var set: LabelSet = []
            for l in r.labels { set.insert(compiler.labels.bit(l)) }
            compiled.append((r, try compiler.compile(r.pattern, rule: "anaphor." + r.name), set))
        }
        catalog.labelTable = compiler.labels
        rules = compiled
    }

    /// Resolves the anaphors of `view` against the mentions before them.
    func resolve(_ view: inout SentenceView, history: MentionHistory, tokens: [Token], bytes: TextBytes) {
        for (rule, pattern, labels) in rules {
            matcher.load(view: view, tokens: tokens, bytes: bytes)
            // Later matches first, so replacing items does not shift the ranges still to do.
            for m in matcher.matches(pattern).reversed() {
                let antecedents = find(rule, labels, before: m.items.lowerBound, in: view, history: history)
                guard antecedents.count == rule.count else { continue }
                var set = LabelSet(rawValue: ~0)
                for e in antecedents { set = set.intersection(catalog[e].labelSet) }
                let covered = view.items[m.items.lowerBound].tokens.lowerBound..<view.items[m.items.upperBound - 1].tokens.upperBound
                view.replace(items: m.items, with: ViewMention(entities: antecedents, labels: set, tokens: covered,
                                                               possessive: rule.possessive, origin: .anaphor))
            }
        }
    }

    private func find(_ rule: AnaphorRule, _ labels: LabelSet, before item: Int, in view: SentenceView,
                      history: MentionHistory) -> [Int] {
        var out: [Int] = []
        func fits(_ l: LabelSet) -> Bool { l.rawValue & labels.rawValue != 0 }
        if rule.scope == .subject {
            if let first = (0..<item).first(where: { view.mention(at: $0).map { fits($0.labels) && !$0.isPlural } ?? false }),
               let e = view.mention(at: first)?.entities.first {
                return [e]
            }
        }
        if rule.scope == .nearest {
            var i = item - 1
            while i >= 0 && out.count < rule.count {
                if let m = view.mention(at: i), fits(m.labels) {
                    for e in m.entities.reversed() where !out.contains(e) && out.count < rule.count { out.append(e) }
                }
                i -= 1
            }
            if out.count == rule.count { return out }
        }
        let entries = history.entries
        if rule.count == 1 && rule.scope != .earlierSentences && out.isEmpty {
            // The first fitting mention of the latest earlier sentence that has one.
            guard let last = entries.lastIndex(where: { fits($0.labels) }) else { return [] }
            let sentence = entries[last].sentence
            if let first = entries.firstIndex(where: { $0.sentence == sentence && fits($0.labels) }) {
                return [entries[first].entity]
            }
            return []
        }
        for entry in entries.reversed() where out.count < rule.count {
            if fits(entry.labels) && !out.contains(entry.entity) { out.append(entry.entity) }
        }
        return out
    }
}

extension AnaphorRule.Scope: Equatable {}
