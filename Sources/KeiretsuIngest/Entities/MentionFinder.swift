// MentionFinder: finds the known entities of a sentence by longest match.
//
// Three tries are consulted at every token: the gazetteer (names and aliases of the graph's
// entities, plus names discovered in earlier articles), the document's own short forms (the
// surnames of people it has named), and the bundled market list (country and region names, and
// demonyms before "market": "the Indian market" → India; before "government": "the French
// government"). The longest phrase wins; on a tie the gazetteer wins, so a seed script can
// always override the bundled list. A possessive `'s` right after a phrase is noted on the
// mention and skipped.

import KeiretsuGraph

final class MentionFinder {
    private let lexicon: Lexicon
    private let catalog: EntityCatalog
    let gazetteer: Gazetteer
    private let markets: Gazetteer
    private let governments: Gazetteer
    private let marketLabel: String
    private let organizationLabel: String
    private let hyphenSuffixes: Set<WordID>

    init(lexicon: Lexicon, catalog: EntityCatalog, marketLabel: String = "Market", organizationLabel: String = "Organization") {
        self.lexicon = lexicon
        self.catalog = catalog
        self.marketLabel = marketLabel
        self.organizationLabel = organizationLabel
        gazetteer = Gazetteer(lexicon: lexicon)
        markets = Gazetteer(lexicon: lexicon)
        governments = Gazetteer(lexicon: lexicon)
        hyphenSuffixes = Set(CueWords.hyphenSuffixes.map { lexicon.intern(folding: $0) })
        for (i, e) in MarketList.entries.enumerated() {
            markets.add(e.name, entity: i)
            for a in e.aliases { markets.add(a, entity: i) }
            for d in e.demonyms {
                for noun in MarketList.marketNouns { markets.add(d + " " + noun, entity: i) }
                for noun in DiscoveryCues.governmentNouns { governments.add(d + " " + noun, entity: i) }
            }
        }
    }

    /// Enters every name and alias of catalog entity `i` into the gazetteer.
    func register(entity i: Int) {
        let e = catalog[i]
        gazetteer.add(e.name, entity: i)
        for a in e.aliases { gazetteer.add(a, entity: i) }
    }

    /// Mentions in `tokens[range]`, sorted and disjoint. `overlay` holds the document's short forms.
    func find(_ tokens: [Token], _ range: Range<Int>, overlay: Gazetteer?) -> [ViewMention] {
        var out: [ViewMention] = []
        var i = range.lowerBound
        let hi = range.upperBound
        while i < hi {
            let t = tokens[i]
            guard t.kind == .word || t.kind == .number || t.kind == .punct else { i += 1; continue }
            var bestEnd = i
            var bestEntity = -1
            var origin = MentionOrigin.gazetteer
            if let m = gazetteer.longestMatch(tokens, from: i, limit: hi) {
                bestEnd = m.end
                bestEntity = m.entity
            }
            if let o = overlay, let m = o.longestMatch(tokens, from: i, limit: hi), m.end > bestEnd {
                bestEnd = m.end
                bestEntity = m.entity
                origin = .surname
            }
            if let m = markets.longestMatch(tokens, from: i, limit: hi), m.end > bestEnd {
                bestEnd = m.end
                bestEntity = marketEntity(m.entity)
                origin = .market
            }
            if let m = governments.longestMatch(tokens, from: i, limit: hi), m.end > bestEnd, tokens[i].isCapitalized {
                bestEnd = m.end
                bestEntity = governmentEntity(m.entity)
                origin = .market
            }
            guard bestEntity >= 0 else { i += 1; continue }
            // A name that runs on into a hyphenated word is part of a longer word ("software" in
            // "software-defined"), unless that word is a participle ("Suzuki-built").
            var modifier = false
            if bestEnd < hi, tokens[bestEnd].kind == .word, tokens[bestEnd].flags.contains(.hyphenBefore) {
                guard hyphenSuffixes.contains(tokens[bestEnd].key) else { i += 1; continue }
                modifier = true
            }
            let possessive = bestEnd < hi && tokens[bestEnd].kind == .possessive
            out.append(ViewMention(entities: [bestEntity], labels: catalog.bits(of: bestEntity), tokens: i..<bestEnd,
                                   possessive: possessive, origin: origin, modifier: modifier))
            i = bestEnd + (possessive ? 1 : 0)
        }
        return out
    }

    /// The catalog entity of market-list entry `index` (a seed's, when it has the same name).
    func marketEntity(_ index: Int) -> Int {
        let entry = MarketList.entries[index]
        if let e = catalog.find(label: marketLabel, name: entry.name) { return e }
        for a in entry.aliases { if let e = catalog.find(label: marketLabel, name: a) { return e } }
        let e = catalog.add(labels: [marketLabel], name: entry.name)
        register(entity: e)
        return e
    }

    /// The government of market-list entry `index`: "<Demonym> government".
    private func governmentEntity(_ index: Int) -> Int {
        let entry = MarketList.entries[index]
        let name = (entry.demonyms.first ?? entry.name) + " government"
        if let e = catalog.find(label: organizationLabel, name: name) { return e }
        let e = catalog.add(labels: [organizationLabel], name: name, properties: ["kind": .string("government")])
        register(entity: e)
        return e
    }
}
