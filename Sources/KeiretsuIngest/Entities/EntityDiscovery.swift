// EntityDiscovery: names the gazetteer does not know, found and typed by cues.
//
// Step one chunks the sentence: a *candidate* is a run of capitalised words outside any mention
// ("Jean-Luc Marchetti", "Vantor Motor", "Anna de Vries" with its particle, "Orrin & Blake"), never
// starting with a word that cannot open a name (a title, a month, a sentence opener) and never
// running through one that cannot continue it. Step two types candidates: by their own last word
// (a corporate suffix → Company, "Alliance" → Organization:Alliance, "Ministry" → Organization),
// then by the cue table (DiscoveryCues), people first. A typed candidate becomes a catalog entity
// — the existing one when the name is already known under that label — and a mention in the
// view. Untyped candidates are dropped: a capitalised word alone proves nothing.

import KeiretsuGraph

final class EntityDiscovery {
    private let lexicon: Lexicon
    private let catalog: EntityCatalog
    private let matcher: PatternMatcher
    private let cues: [(cue: DiscoveryCue, pattern: CompiledPattern, labels: LabelSet)]
    private let cannotStart: Set<WordID>
    private let cannotContinue: Set<WordID>
    private let particles: Set<WordID>
    private let corporateSuffixes: Set<WordID>
    private let corporateAbbreviations: Set<WordID>
    private let organizationSuffixes: [WordID: String]
    private let allianceWord: WordID
    private let hyphenSuffixes: Set<WordID>
    private let connectives: Set<WordID>
    private let and: WordID
    private let organizationHeads: Set<WordID>
    private let demonyms: Set<WordID>
    private let demonymPhrases: Set<String>
    private let joinableLabels: LabelSet

    init(lexicon: Lexicon, catalog: EntityCatalog, literals: LiteralIndex, matcher: PatternMatcher) throws {
        self.lexicon = lexicon
        self.catalog = catalog
        self.matcher = matcher
        func ids(_ words: [String]) -> Set<WordID> { Set(words.map { lexicon.intern(folding: $0) }) }
        cannotStart = ids(CueWords.nonNameWords)
        let tails = ids(["group", "company", "alliance", "partnership", "project", "market", "government", "state", "new",
                         "holding", "holdings", "board", "union"])
        cannotContinue = cannotStart.subtracting(tails)
        particles = ids(CueWords.nameParticles)
        corporateSuffixes = ids(CueWords.corporateSuffixes)
        corporateAbbreviations = ids(CueWords.corporateAbbreviations)
        var org: [WordID: String] = [:]
        for (w, kind) in DiscoveryCues.organizationSuffixes { org[lexicon.intern(folding: w)] = kind }
        organizationSuffixes = org
        allianceWord = lexicon.intern(folding: "alliance")
        hyphenSuffixes = ids(CueWords.hyphenSuffixes)
        connectives = ids(["of", "for", "and"])
        and = lexicon.intern(folding: "and")
        organizationHeads = ids(DiscoveryCues.organizationSuffixes.map(\.0) + ["department", "office", "bank", "court", "school",
                                                                              "academy", "society", "chamber", "bureau", "minister"])
        demonyms = ids(MarketList.entries.flatMap(\.demonyms).filter { !$0.contains(" ") })
        demonymPhrases = Set(MarketList.entries.flatMap(\.demonyms).map { TextFolding.fold($0) })
        joinableLabels = catalog.labelSet(["Company", "Market", "Organization"])
        var compiler = PatternCompiler(lexicon: lexicon, literals: literals, labels: catalog.labelTable)
        var compiled: [(DiscoveryCue, CompiledPattern, LabelSet)] = []
        for cue in DiscoveryCues.cues {
            let p = try compiler.compile(cue.pattern, rule: cue.name)
            var set: LabelSet = []
            for l in cue.labels { set.insert(compiler.labels.bit(l)) }
            compiled.append((cue, p, set))
        }
        catalog.labelTable = compiler.labels
        cues = compiled
    }

    // MARK: Chunking

    /// Candidate names in `tokens[range]` outside `mentions` (sorted).
    func candidates(_ tokens: [Token], _ range: Range<Int>, mentions: [ViewMention], bytes: TextBytes) -> [Candidate] {
        var out: [Candidate] = []
        var mi = 0
        var i = range.lowerBound
        let hi = range.upperBound
        func inMention(_ j: Int) -> Int? {
            while mi < mentions.count && mentions[mi].tokens.upperBound <= j { mi += 1 }
            if mi < mentions.count && mentions[mi].tokens.contains(j) { return mentions[mi].tokens.upperBound }
            return nil
        }
        func capitalizedWord(_ j: Int) -> Bool {
            j < hi && tokens[j].kind == .word && tokens[j].isCapitalized && inMention(j) == nil
        }
        func particleRunEnd(_ j: Int) -> Int? {
            var k = j
            while k < hi, k - j < 3, tokens[k].kind == .word, !tokens[k].isCapitalized, particles.contains(tokens[k].key) { k += 1 }
            return k > j ? k : nil
        }
        while i < hi {
            if let end = inMention(i) { i = end; continue }
            let t = tokens[i]
            guard t.kind == .word, t.isCapitalized, !cannotStart.contains(t.key) else { i += 1; continue }
            var j = i + 1
            var last = i + 1
            var head = t.key        // the latest capitalised word
            var sawConnective = false
            while j < hi, inMention(j) == nil {
                let u = tokens[j]
                if u.kind == .word && u.isCapitalized && !cannotContinue.contains(u.key) {
                    j += 1
                    last = j
                    if !sawConnective { head = u.key }
                } else if u.kind == .word && u.flags.contains(.hyphenBefore) && !hyphenSuffixes.contains(u.key) {
                    // "Lee Soo-min": a lower-case part hyphenated to a capitalised one.
                    j += 1
                    last = j
                } else if u.kind == .word && particles.contains(u.key) && !u.isCapitalized,
                          let after = particleRunEnd(j), capitalizedWord(after) {
                    // "van der Berg": particles, then the capitalised rest of the name.
                    j = after
                } else if u.key == lexicon.ampersand && capitalizedWord(j + 1) {
                    j += 1
                } else if connectives.contains(u.key) && !u.isCapitalized && capitalizedWord(j + 1)
                            && (organizationHeads.contains(head) || (sawConnective && u.key == and)) {
                    // "Ministry of Economy and Finance"
                    sawConnective = true
                    j += 1
                } else if u.kind == .number && j == last && u.flags.contains(.spaceBefore) && !u.flags.contains(.hyphenBefore),
                          j + 1 >= hi || tokens[j + 1].kind != .number {
                    // "Alliance 2030", "Model 3": a number right after the name.
                    j += 1
                    last = j
                } else {
                    break
                }
            }
            var end = last
            // "Foo Inc." keeps its abbreviation's period.
            if end < hi, tokens[end].key == lexicon.period, !tokens[end].flags.contains(.spaceBefore),
               corporateAbbreviations.contains(tokens[end - 1].key), end - i >= 2 {
                end += 1
            }
            // A demonym alone ("Japanese carmakers", "the South Korean subsidiary") is not a name,
            // nor is a place made into an adjective ("a Munich-based subsidiary").
            let name = EntityDiscovery.normalizedName(tokens, i..<end, bytes)
            let adjective = end < hi && tokens[end].flags.contains(.hyphenBefore) && hyphenSuffixes.contains(tokens[end].key)
            // "Shares rose …": a lone capitalised word opening the sentence, written in lower
            // case elsewhere, is an ordinary word.
            let sentenceInitial = i == range.lowerBound || (i == range.lowerBound + 1 && tokens[range.lowerBound].kind == .punct)
            if end - i == 1 && sentenceInitial && lexicon.seenLowercase(t.key) {
                i = end
                continue
            }
            // A lone capital letter ("E" in "E / E") is no name either.
            let letter = end - i == 1 && t.end - t.start == 1
            if !adjective && !letter && !demonymPhrases.contains(TextFolding.fold(name))
                && !(i..<end).allSatisfy({ demonyms.contains(tokens[$0].key) || tokens[$0].flags.contains(.hyphenBefore) }) {
                out.append(Candidate(tokens: i..<end, name: name))
            }
            i = end
        }
        return out
    }

    /// The text of `tokens[range]` with single spaces (hyphens and glued punctuation kept).
    static func normalizedName(_ tokens: [Token], _ range: Range<Int>, _ bytes: TextBytes) -> String {
        var s = ""
        for j in range {
            let t = tokens[j]
            if j > range.lowerBound {
                if t.flags.contains(.hyphenBefore) { s += "-" } else if t.flags.contains(.spaceBefore) { s += " " }
            }
            s += bytes.text(t)
        }
        return s
    }

    // MARK: Typing

    /// A discovery: the view item promoted, its entity, and the cue that typed it.
    struct Found {
        var entity: Int
        var cue: String
        var isNew: Bool
    }

    /// Types the candidates of `view` and promotes them to mentions; then tries names that run
    /// across adjacent known names ("Norvik Motors" + "India", "Brazil" + "Southern Airlines").
    func discover(_ view: inout SentenceView, tokens: [Token], bytes: TextBytes) -> [Found] {
        // Longer names first: "AB" + "Talvi" is "AB Talvi" before "AB" alone can be typed.
        var found = mergeAdjacent(&view, tokens: tokens, bytes: bytes)
        found += typeCandidates(&view, tokens: tokens, bytes: bytes)
        return found
    }

    private func typeCandidates(_ view: inout SentenceView, tokens: [Token], bytes: TextBytes) -> [Found] {
        var found: [Found] = []
        // By the name's own head word.
        for idx in view.items.indices.reversed() where view.items[idx].kind == .candidate {
            let c = view.candidates[Int(view.items[idx].ref)]
            if let f = typeByShape(&view, idx, c, tokens) { found.append(f) }
        }
        // By context, in table order.
        guard view.items.contains(where: { $0.kind == .candidate }) else { return found }
        var loaded = false
        for (cue, pattern, _) in cues where matcher.canMatch(pattern) {
            guard let slot = pattern.slot("X") else { continue }
            var progress = true
            while progress {
                progress = false
                if !loaded {
                    matcher.load(view: view)
                    loaded = true
                }
                for m in matcher.matches(pattern) {
                    guard case .candidate(let item)? = m.values[slot], view.items[item].kind == .candidate else { continue }
                    let c = view.candidates[Int(view.items[item].ref)]
                    if cue.personShape && !looksLikePerson(c, tokens) { continue }
                    var props: ValueMap = [:]
                    for (k, v) in cue.properties { props[k] = .string(v) }
                    if cue.extendName, item + 1 < view.items.count, view.items[item + 1].kind == .token {
                        view.extendCandidate(item: item, name: c.name + " " + bytes.text(tokens[view.items[item + 1].tokens.lowerBound]))
                    }
                    found.append(promote(&view, item, cue.labels, props, cue: cue.name))
                    loaded = false
                    progress = true
                    break  // re-match: items moved, and coordinations can chain
                }
            }
            if !view.items.contains(where: { $0.kind == .candidate }) { break }
        }
        return found
    }

    private func typeByShape(_ view: inout SentenceView, _ idx: Int, _ c: Candidate, _ tokens: [Token]) -> Found? {
        let words = c.tokens.filter { tokens[$0].kind == .word && !tokens[$0].flags.contains(.hyphenBefore) }
        guard words.count >= 2 else { return nil }
        // The head: the last word, or the word before "of" in "Ministry of Finance".
        var head = tokens[words[words.count - 1]].key
        if let of = c.tokens.first(where: { connectives.contains(tokens[$0].key) && !tokens[$0].isCapitalized }),
           let before = words.last(where: { $0 < of }) {
            head = tokens[before].key
        }
        if head == allianceWord {
            return promote(&view, idx, ["Organization", "Alliance"], ["kind": .string("alliance")], cue: "shape.alliance")
        }
        if let kind = organizationSuffixes[head] {
            var labels = ["Organization"]
            if kind == "alliance" { labels.append("Alliance") }
            return promote(&view, idx, labels, ["kind": .string(kind)], cue: "shape.organization")
        }
        if corporateSuffixes.contains(head) && !looksLikePerson(c, tokens) {
            return promote(&view, idx, ["Company"], [:], cue: "shape.corporate-suffix")
        }
        return nil
    }

    /// Runs of adjacent capitalised items — candidates and company or market mentions, with
    /// nothing but spaces between them — tried as one name. A run becomes a candidate only in a
    /// trial copy of the view, kept when discovery types it; otherwise the parts stay as they were.
    private func mergeAdjacent(_ view: inout SentenceView, tokens: [Token], bytes: TextBytes) -> [Found] {
        var found: [Found] = []
        var start = 0
        while start < view.items.count {
            var end = start
            var candidates = 0, mentions = 0
            while end < view.items.count, joinable(view, end, tokens) {
                if end > start {
                    let prev = view.items[end - 1], cur = view.items[end]
                    let gapFree = prev.tokens.upperBound == cur.tokens.lowerBound
                    let glued = tokens[cur.tokens.lowerBound].flags.contains(.spaceBefore)
                        && !tokens[cur.tokens.lowerBound].flags.contains(.newlineBefore)
                    let prevPossessive = prev.kind == .mention && view.mentions[Int(prev.ref)].possessive
                    if !gapFree || !glued || prevPossessive { break }
                }
                if view.items[end].kind == .candidate { candidates += 1 } else { mentions += 1 }
                end += 1
            }
            if end - start >= 2 && (candidates >= 1 || mentions >= 2) {
                var trial = view
                let range = view.items[start].tokens.lowerBound..<view.items[end - 1].tokens.upperBound
                trial.mergeIntoCandidate(items: start..<end,
                                         candidate: Candidate(tokens: range, name: EntityDiscovery.normalizedName(tokens, range, bytes)))
                let typed = typeCandidates(&trial, tokens: tokens, bytes: bytes)
                if trial.items[start].kind == .mention, !typed.isEmpty {
                    view = trial
                    found += typed
                    start += 1
                    continue
                }
            }
            start = max(end, start + 1)
        }
        return found
    }

    /// Items that may be part of a longer name: candidates, and company or market mentions
    /// found by name (not anaphors).
    private func joinable(_ view: SentenceView, _ i: Int, _ tokens: [Token]) -> Bool {
        let item = view.items[i]
        switch item.kind {
        case .candidate: return true
        case .token: return false
        case .mention:
            let m = view.mentions[Int(item.ref)]
            guard m.origin != .anaphor, !m.isPlural, !m.possessive, !m.modifier else {
                return false
            }
            guard m.labels.rawValue & joinableLabels.rawValue != 0 else { return false }
            return tokens[m.tokens.lowerBound].isCapitalized
        }
    }

    private func promote(_ view: inout SentenceView, _ item: Int, _ labels: [String], _ props: ValueMap, cue: String) -> Found {
        let c = view.candidates[Int(view.items[item].ref)]
        let primary = labels.first ?? ""
        var isNew = false
        let entity: Int
        if let e = catalog.find(label: primary, name: c.name) {
            entity = e
        } else {
            entity = catalog.add(labels: labels, name: c.name, properties: props)
            isNew = true
        }
        view.promote(item: item, entity: entity, labels: catalog.bits(of: entity), origin: .discovered,
                     possessiveKey: lexicon.possessive)
        return Found(entity: entity, cue: cue, isNew: isNew)
    }

    /// Two to four capitalised words (particles aside, hyphenated parts counted with the word
    /// they hang on), none a corporate suffix, a demonym or all capitals.
    func looksLikePerson(_ c: Candidate, _ tokens: [Token]) -> Bool {
        var words = 0
        for j in c.tokens {
            let t = tokens[j]
            guard t.kind == .word else { return false }
            if particles.contains(t.key) && !t.isCapitalized { continue }
            if t.flags.contains(.hyphenBefore) { continue }
            if corporateSuffixes.contains(t.key) || !t.isCapitalized || demonyms.contains(t.key) { return false }
            if t.flags.contains(.allCaps) && t.end - t.start > 1 { return false }
            words += 1
        }
        return words >= 2 && words <= 4
    }
}
