// RelationExtractor: applies the relation table to one sentence view and builds facts.
//
// For each rule whose literals all occur in the sentence, every match is turned into facts by
// the rule's actions: endpoints are resolved to catalog entities (a phrase slot names a project,
// creating it when new; `.participants` reads the document's state), property values are read
// from slots and typed by the schema (43 → 43.0 for a float `percent`, 420000 stays an integer).
// A match is skipped when an earlier rule making the same relationship type already matched
// overlapping items that include every entity the match binds (it would restate that reading;
// "X, the former CEO of A, is the CEO of B" still yields both roles). Facts from one entity to
// itself are dropped.

import Foundation
import KeiretsuGraph

/// What a document remembers from sentence to sentence.
struct DocumentState {
    /// The companies last said to be working together (for "one [project] will focus on …").
    var participants: [Int] = []
}

final class RelationExtractor {
    final class CompiledRule {
        let rule: RelationRule
        let pattern: CompiledPattern
        /// Relationship types (and `@attribute` keys) the rule makes, for overlap suppression.
        let makes: Set<String>
        /// Phrase slots and the label of the entity a phrase names.
        let phraseLabels: [Int: String]

        init(rule: RelationRule, pattern: CompiledPattern, makes: Set<String>, phraseLabels: [Int: String]) {
            self.rule = rule
            self.pattern = pattern
            self.makes = makes
            self.phraseLabels = phraseLabels
        }
    }

    let rules: [CompiledRule]
    private let lexicon: Lexicon
    private let literals: LiteralIndex
    private let matcher: PatternMatcher
    let catalog: EntityCatalog
    private let finder: MentionFinder
    let schema: GraphSchema
    private let projectHeads: Set<WordID>

    init(rules: [RelationRule], lexicon: Lexicon, literals: LiteralIndex, matcher: PatternMatcher,
         catalog: EntityCatalog, finder: MentionFinder, schema: GraphSchema) throws {
        self.lexicon = lexicon
        self.literals = literals
        self.matcher = matcher
        self.catalog = catalog
        self.finder = finder
        self.schema = schema
        projectHeads = Set(CueWords.projectHeadWords.map { lexicon.intern(folding: $0) })
        var compiler = PatternCompiler(lexicon: lexicon, literals: literals, labels: catalog.labelTable)
        var compiled: [CompiledRule] = []
        for r in rules {
            let p = try compiler.compile(r.pattern, rule: r.name)
            var makes: Set<String> = []
            for a in r.actions {
                switch a {
                case .relate(let t, _, _, _), .pairwise(let t, _, _): makes.insert(t)
                case .attribute(_, let key, _): makes.insert("@" + key)
                case .rememberParticipants: makes.insert("@participants")
                case .mirror(let t, _, _): makes.insert("@mirror:" + t)
                }
                try RelationExtractor.checkSlots(a, p, rule: r.name)
            }
            var phraseLabels: [Int: String] = [:]
            RelationExtractor.collectPhraseLabels(p.nodes, into: &phraseLabels)
            compiled.append(CompiledRule(rule: r, pattern: p, makes: makes, phraseLabels: phraseLabels))
        }
        catalog.labelTable = compiler.labels
        self.rules = compiled
    }

    /// Every slot an action names must exist in the pattern.
    private static func checkSlots(_ a: RuleAction, _ p: CompiledPattern, rule: String) throws {
        var names: [String] = []
        func endpoint(_ e: RuleEndpoint) {
            switch e {
            case .slot(let s): names.append(s)
            case .derived(_, _, let s): names.append(s)
            case .participants: break
            }
        }
        func value(_ v: RuleValue) {
            switch v {
            case .slot(let s), .roleFormer(let s), .amount(let s), .currency(let s): names.append(s)
            case .constant: break
            }
        }
        switch a {
        case .relate(_, let f, let t, let props):
            endpoint(f)
            endpoint(t)
            props.forEach { value($0.value) }
        case .pairwise(_, let s, let props):
            names.append(s)
            props.forEach { value($0.value) }
        case .attribute(let s, _, let v):
            names.append(s)
            value(v)
        case .rememberParticipants(let slots):
            names += slots
        case .mirror:
            break
        }
        for n in names where p.slot(n) == nil {
            throw PatternError(rule: rule, message: "action names slot \(n), which the pattern does not bind")
        }
    }

    private static func collectPhraseLabels(_ nodes: [PatternNode], into out: inout [Int: String]) {
        for n in nodes {
            switch n {
            case .phrase(let slot, let label, _, _, _): out[slot] = label
            case .group(let alts): for a in alts { collectPhraseLabels(a, into: &out) }
            case .optional(let inner): collectPhraseLabels(inner, into: &out)
            default: break
            }
        }
    }

    // MARK: Extraction

    /// Facts and attributes stated by one sentence; `created` collects entities named by phrases.
    func extract(_ view: SentenceView, tokens: [Token], bytes: TextBytes, state: inout DocumentState,
                 created: inout [(entity: Int, surface: String)]) -> ([ExtractedFact], [ExtractedAttribute]) {
        guard view.items.contains(where: { $0.kind == .mention }) else { return ([], []) }
        matcher.load(view: view)
        var itemOfMention = [Int](repeating: -1, count: view.mentions.count)
        for (i, item) in view.items.enumerated() where item.kind == .mention { itemOfMention[Int(item.ref)] = i }
        var facts: [ExtractedFact] = []
        var attributes: [ExtractedAttribute] = []
        var claimed: [String: [Range<Int>]] = [:]
        var mirrors: [(String, String, String, String)] = []
        for cr in rules {
            guard matcher.canMatch(cr.pattern) else { continue }
            for m in matcher.matches(cr.pattern) {
                // Skip a match whose entities were all read already, for the same relationship
                // type, by an earlier rule: it restates what that rule took.
                let bound = boundItems(m, view, itemOfMention)
                if cr.makes.contains(where: { t in
                    guard let spans = claimed[t], spans.contains(where: { $0.overlaps(m.items) }) else { return false }
                    return bound.allSatisfy { b in spans.contains { $0.contains(b) } }
                }) { continue }
                var madeSomething = false
                for action in cr.rule.actions {
                    switch action {
                    case .relate(let type, let from, let to, let props):
                        let froms = endpoint(from, m, cr, view, tokens, bytes, state, &created)
                        let tos = endpoint(to, m, cr, view, tokens, bytes, state, &created)
                        let roles = roleCount(props, m, cr)
                        for f in froms {
                            for t in tos where f.entity != t.entity {
                                for r in 0..<roles {
                                    let p = properties(props, type: type, m, cr, view, tokens, bytes, element: [from: f, to: t],
                                                       roleIndex: r)
                                    facts.append(ExtractedFact(type: type, from: f.entity, to: t.entity, properties: p,
                                                               rule: cr.rule.name, sentence: view.sentence))
                                    madeSomething = true
                                }
                            }
                        }
                    case .pairwise(let type, let slot, let props):
                        let all = endpoint(.slot(slot), m, cr, view, tokens, bytes, state, &created)
                        for i in all.indices {
                            for j in all.indices where j > i && all[i].entity != all[j].entity {
                                let p = properties(props, type: type, m, cr, view, tokens, bytes, element: [:])
                                facts.append(ExtractedFact(type: type, from: all[i].entity, to: all[j].entity, properties: p,
                                                           rule: cr.rule.name, sentence: view.sentence))
                                madeSomething = true
                            }
                        }
                    case .attribute(let slot, let key, let v):
                        for e in endpoint(.slot(slot), m, cr, view, tokens, bytes, state, &created) {
                            guard let value = propertyValue(v, type: nil, key: key, labels: catalog.labels(of: e.entity),
                                                             m, cr, view, tokens, bytes, element: nil) else { continue }
                            attributes.append(ExtractedAttribute(entity: e.entity, key: key, value: value,
                                                                 rule: cr.rule.name, sentence: view.sentence))
                            madeSomething = true
                        }
                    case .rememberParticipants(let slots):
                        var ps: [Int] = []
                        for s in slots {
                            for e in endpoint(.slot(s), m, cr, view, tokens, bytes, state, &created) where !ps.contains(e.entity) {
                                ps.append(e.entity)
                            }
                        }
                        if !ps.isEmpty {
                            state.participants = ps
                            madeSomething = true
                        }
                    case .mirror(let type, let target, let asKey):
                        mirrors.append((type, target, asKey, cr.rule.name))
                        madeSomething = true
                    }
                }
                if madeSomething {
                    for t in cr.makes { claimed[t, default: []].append(m.items) }
                }
            }
        }
        for (type, target, asKey, rule) in mirrors {
            for f in facts where f.type == type {
                guard let v = f.properties[target] else { continue }
                if facts.contains(where: { $0.type == type && $0.from == f.to && $0.to == f.from }) { continue }
                facts.append(ExtractedFact(type: type, from: f.to, to: f.from, properties: [asKey: v], rule: rule,
                                           sentence: view.sentence))
            }
        }
        return (facts, attributes)
    }

    /// The items bound to entity and phrase slots of a match.
    private func boundItems(_ m: PatternMatch, _ view: SentenceView, _ itemOfMention: [Int]) -> [Int] {
        var out: [Int] = []
        for v in m.values {
            switch v {
            case .mentions(let refs)?:
                out += refs.compactMap { itemOfMention[$0] >= 0 ? itemOfMention[$0] : nil }
            case .phrase(let pieces)?:
                for p in pieces {
                    switch p {
                    case .mention(let r): if itemOfMention[r] >= 0 { out.append(itemOfMention[r]) }
                    case .text(let range):
                        out += m.items.filter { range.contains(view.items[$0].tokens.lowerBound) }
                    }
                }
            default:
                break
            }
        }
        return out
    }

    // MARK: Endpoints

    struct Element {
        var entity: Int
        /// The element's own text, for properties read from the same slot ("area").
        var text: String
    }

    private func endpoint(_ ep: RuleEndpoint, _ m: PatternMatch, _ cr: CompiledRule, _ view: SentenceView,
                          _ tokens: [Token], _ bytes: TextBytes, _ state: DocumentState,
                          _ created: inout [(entity: Int, surface: String)]) -> [Element] {
        switch ep {
        case .participants:
            return state.participants.map { Element(entity: $0, text: catalog.name(of: $0)) }
        case .slot(let name):
            guard let s = cr.pattern.slot(name), let v = m.values[s] else { return [] }
            switch v {
            case .mentions(let refs):
                var out: [Element] = []
                for r in refs {
                    for e in view.mentions[r].entities { out.append(Element(entity: e, text: catalog.name(of: e))) }
                }
                return out
            case .phrase(let pieces):
                let label = cr.phraseLabels[s] ?? "Project"
                return pieces.compactMap { piece in
                    switch piece {
                    case .mention(let r):
                        guard let e = view.mentions[r].entities.first else { return nil }
                        return Element(entity: e, text: catalog.name(of: e))
                    case .text(let range):
                        var name = RelationExtractor.phraseName(tokens, range, bytes)
                        // "the ZX electric-vehicle architecture" → "ZX architecture".
                        if let c = view.items.first(where: { $0.kind == .candidate && $0.tokens.lowerBound == range.lowerBound }),
                           c.tokens.upperBound < range.upperBound - 1, projectHeads.contains(tokens[range.upperBound - 1].key) {
                            name = view.candidates[Int(c.ref)].name + " " + bytes.text(tokens[range.upperBound - 1])
                        }
                        guard !name.isEmpty else { return nil }
                        let e = entity(label: label, name: name)
                        created.append((e, bytes.text(tokens[range.lowerBound].start..<tokens[range.upperBound - 1].end)))
                        return Element(entity: e, text: name)
                    }
                }
            default:
                return []
            }
        case .derived(let label, let template, let slot):
            let base = endpoint(.slot(slot), m, cr, view, tokens, bytes, state, &created)
            return base.map { b in
                let name = template.replacingOccurrences(of: "{}", with: catalog.name(of: b.entity))
                let e = entity(label: label, name: name)
                created.append((e, ""))
                return Element(entity: e, text: name)
            }
        }
    }

    /// The entity `label`/`name`, created (and entered in the gazetteer) when new.
    private func entity(label: String, name: String) -> Int {
        if let e = catalog.find(label: label, name: name) { return e }
        let e = catalog.add(labels: [label], name: name)
        finder.register(entity: e)
        return e
    }

    /// A phrase's text with single spaces, slashes glued ("E / E" → "E/E") and hyphens kept.
    static func phraseName(_ tokens: [Token], _ range: Range<Int>, _ bytes: TextBytes) -> String {
        var s = ""
        var previousSlash = false
        for j in range {
            let t = tokens[j]
            let text = bytes.text(t)
            if j > range.lowerBound {
                if t.flags.contains(.hyphenBefore) { s += "-" }
                else if text == "/" || previousSlash {}
                else { s += " " }
            }
            s += text
            previousSlash = text == "/"
        }
        return s
    }
}
