// DocumentExtractor: one article in, its mentions and facts out (nothing written yet).
//
// Per sentence, in this order: known mentions (MentionFinder), candidate names and their typing
// (EntityDiscovery), short forms of people named so far (a surname resolves to the person it
// belongs to, within the document), anaphors (AnaphoraResolver), then the relation table
// (RelationExtractor). Facts then get their sentence-level dates (`asOf` from a full date in the
// sentence, `since` from "since 2019"), are de-duplicated per document (the same fact stated
// twice is one fact, stated first where first stated) and checked against the schema.

import KeiretsuGraph

final class DocumentExtractor {
    let lexicon: Lexicon
    let catalog: EntityCatalog
    let schema: GraphSchema
    let finder: MentionFinder
    private let tokenizer: Tokenizer
    private let splitter: SentenceSplitter
    private let matcher: PatternMatcher
    private let discovery: EntityDiscovery
    private let anaphora: AnaphoraResolver
    private let extractor: RelationExtractor
    private let dates: DateFinder
    private let particles: Set<WordID>
    private let corporateSuffixes: Set<String>
    private let phraseKeys: PhraseKeys
    /// Short forms by entity (names do not change during a run).
    private var shortFormCache: [Int: [String]] = [:]

    init(catalog: EntityCatalog, lexicon: Lexicon, schema: GraphSchema, rules: [RelationRule]) throws {
        self.lexicon = lexicon
        self.catalog = catalog
        self.schema = schema
        tokenizer = Tokenizer(lexicon: lexicon)
        splitter = SentenceSplitter(lexicon: lexicon)
        finder = MentionFinder(lexicon: lexicon, catalog: catalog)
        for i in 0..<catalog.count { finder.register(entity: i) }
        let literals = LiteralIndex(lexicon: lexicon)
        matcher = PatternMatcher(lexicon: lexicon, literals: literals, quantities: QuantityReader(lexicon: lexicon),
                                 qualifierLabels: catalog.labelSet(["Market"]))
        discovery = try EntityDiscovery(lexicon: lexicon, catalog: catalog, literals: literals, matcher: matcher)
        anaphora = try AnaphoraResolver(lexicon: lexicon, catalog: catalog, literals: literals, matcher: matcher)
        extractor = try RelationExtractor(rules: rules, lexicon: lexicon, literals: literals, matcher: matcher,
                                          catalog: catalog, finder: finder, schema: schema)
        dates = DateFinder(lexicon: lexicon)
        particles = Set(CueWords.nameParticles.map { lexicon.intern(folding: $0) })
        phraseKeys = PhraseKeys(lexicon: lexicon)
        corporateSuffixes = Set(CueWords.corporateSuffixes.map { TextFolding.fold($0) })
    }

    func extract(_ article: Article) -> DocumentExtraction {
        let bytes = TextBytes(bytes: article.bytes)
        let tokens = tokenizer.tokenize(article.bytes, range: article.body)
        let sentences = splitter.split(tokens)
        var doc = DocumentExtraction(article: article, sentences: sentences)
        let overlay = Gazetteer(lexicon: lexicon, phrases: phraseKeys)
        var shortFormsAdded: Set<Int> = []
        var history = MentionHistory()
        var state = DocumentState()
        var seen: [FactKey: Int] = [:]  // fact key → index in doc.facts
        let personBit = catalog.labelSet(["Person"])
        let companyBit = catalog.labelSet(["Company"])
        let andKey = lexicon.intern(folding: "and")

        for (si, sentence) in sentences.enumerated() {
            let range = sentence.tokens
            matcher.prepare(sentence: range, tokens: tokens, bytes: bytes)
            let mentions = finder.find(tokens, range, overlay: overlay)
            let candidates = discovery.candidates(tokens, range, mentions: mentions, bytes: bytes)
            var view = SentenceView(tokens: tokens, range: range, mentions: mentions, candidates: candidates, sentence: si)
            let found = discovery.discover(&view, tokens: tokens, bytes: bytes)
            for f in found {
                if f.isNew { finder.register(entity: f.entity) }
                if doc.discoveredBy[f.entity] == nil { doc.discoveredBy[f.entity] = f.cue }
            }
            // People named so far are known by their surname for the rest of the document, and
            // companies by their name without the corporate suffix ("Quorra Motor" → "Quorra").
            var addedShortForm = false
            for m in view.orderedMentions where m.origin != .anaphor {
                let isPerson = m.labels.rawValue & personBit.rawValue != 0
                let isCompany = m.labels.rawValue & companyBit.rawValue != 0
                guard isPerson || isCompany else { continue }
                for e in m.entities where !shortFormsAdded.contains(e) {
                    shortFormsAdded.insert(e)
                    let forms: [String]
                    if let cached = shortFormCache[e] {
                        forms = cached
                    } else {
                        forms = isPerson ? shortForms(catalog.name(of: e)) : companyShortForms(catalog.name(of: e))
                        shortFormCache[e] = forms
                    }
                    for s in forms { overlay.add(s, entity: e) }
                    addedShortForm = addedShortForm || !forms.isEmpty
                }
            }
            if addedShortForm { resolveLeftovers(&view, tokens: tokens, overlay: overlay) }
            anaphora.resolve(&view, history: history, tokens: tokens, bytes: bytes)

            var created: [(entity: Int, surface: String)] = []
            var (facts, attributes) = extractor.extract(view, tokens: tokens, bytes: bytes, state: &state, created: &created)

            // Mentions, and new spellings as aliases.
            for m in view.orderedMentions where m.origin != .anaphor {
                guard let e = m.entities.first else { continue }
                let surface = normalizedSurface(bytes.text(tokens[m.tokens.lowerBound].start..<tokens[m.tokens.upperBound - 1].end))
                doc.mentions.append(MentionRecord(entity: e, surface: surface, sentence: si, origin: m.origin))
                if m.origin != .discovered { catalog.noteSurface(e, surface) }
            }
            for c in created where !doc.mentions.contains(where: { $0.entity == c.entity }) {
                doc.mentions.append(MentionRecord(entity: c.entity, surface: normalizedSurface(c.surface), sentence: si, origin: .discovered))
            }
            history.record(view, comma: lexicon.comma, and: andKey)

            // Dates the sentence itself gives.
            let explicitDate = dates.fullDate(tokens, range, bytes)
            let since = dates.sinceYear(tokens, range, bytes)
            for i in facts.indices {
                let spec = schema.relationship(facts[i].type)
                if let d = explicitDate { facts[i].properties["asOf"] = .temporal(.date(d)) }
                if let y = since, facts[i].properties["since"] == nil,
                   spec?.properties.contains(where: { $0.name == "since" }) == true {
                    facts[i].properties["since"] = .int(Int64(y))
                }
            }
            for f in facts { add(f, to: &doc, seen: &seen) }
            for a in attributes {
                if let v = schema.checkNodeProperty(labels: catalog.labels(of: a.entity), key: a.key, value: a.value) {
                    doc.rejected.append(RejectedFact(type: "@" + a.key, from: a.entity, to: a.entity, properties: [a.key: a.value],
                                                     rule: a.rule, sentence: a.sentence, reason: v.message))
                } else if !doc.attributes.contains(where: { $0.entity == a.entity && $0.key == a.key }) {
                    doc.attributes.append(a)
                }
            }
        }
        return doc
    }

    /// Adds a fact unless the document already states it (then only missing properties are added);
    /// a fact that breaks the schema goes to `rejected`.
    private struct FactKey: Hashable {
        var type: String
        var from: Int
        var to: Int
        var role: String
    }

    private func add(_ f: ExtractedFact, to doc: inout DocumentExtraction, seen: inout [FactKey: Int]) {
        let spec = schema.relationship(f.type)
        if let v = schema.check(type: f.type, fromLabels: catalog.labels(of: f.from), toLabels: catalog.labels(of: f.to),
                                properties: f.properties) {
            doc.rejected.append(RejectedFact(type: f.type, from: f.from, to: f.to, properties: f.properties, rule: f.rule,
                                             sentence: f.sentence, reason: v.message))
            return
        }
        var a = f.from, b = f.to
        if spec?.symmetric == true && b < a { swap(&a, &b) }
        // One person may hold several roles at one company: the role is part of the identity.
        let key = FactKey(type: f.type, from: a, to: b, role: f.properties["role"]?.stringValue ?? "")
        if let i = seen[key] {
            for (k, v) in f.properties where doc.facts[i].properties[k] == nil { doc.facts[i].properties[k] = v }
            return
        }
        seen[key] = doc.facts.count
        doc.facts.append(f)
    }

    /// "Anna de Vries" → ["de Vries", "Vries"]; "Oren Valdic" → ["Valdic"].
    func shortForms(_ name: String) -> [String] {
        let words = name.split(separator: " ").map(String.init)
        guard words.count >= 2 else { return [] }
        var out: [String] = []
        let rest = words.dropFirst().joined(separator: " ")
        out.append(rest)
        if let last = words.last, last != rest, last.count > 1 { out.append(last) }
        return out.filter { s in
            let k = lexicon.lookup(folding: s)
            return s.count > 1 && !(k.map(particles.contains) ?? false)
        }
    }

    /// "Quorra Motor" → ["Quorra"]: a company's name without its corporate suffix.
    func companyShortForms(_ name: String) -> [String] {
        let words = name.split(separator: " ").map(String.init)
        guard words.count >= 2, let last = words.last, corporateSuffixes.contains(TextFolding.fold(last)) else { return [] }
        let rest = words.dropLast().joined(separator: " ")
        guard let first = rest.unicodeScalars.first, TextFolding.isUppercase(first), rest.count > 1 else { return [] }
        return [rest]
    }

    /// Candidates left untyped that are now a known short form (a surname after the full name).
    private func resolveLeftovers(_ view: inout SentenceView, tokens: [Token], overlay: Gazetteer) {
        for idx in view.items.indices.reversed() where view.items[idx].kind == .candidate {
            let c = view.candidates[Int(view.items[idx].ref)]
            guard let m = overlay.longestMatch(tokens, from: c.tokens.lowerBound, limit: c.tokens.upperBound),
                  m.end == c.tokens.upperBound else { continue }
            view.promote(item: idx, entity: m.entity, labels: catalog.bits(of: m.entity), origin: .surname,
                         possessiveKey: lexicon.possessive)
        }
    }

    private func normalizedSurface(_ s: String) -> String {
        var previousSpace = false
        var clean = true
        for b in s.utf8 {
            if b == 0x0A || b == 0x0D || b == 0x09 || (b == 0x20 && previousSpace) {
                clean = false
                break
            }
            previousSpace = b == 0x20
        }
        if clean { return s }
        return s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(separator: " ")
    }
}
