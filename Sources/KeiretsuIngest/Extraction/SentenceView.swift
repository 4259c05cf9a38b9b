// SentenceView: one sentence as the rule matcher sees it — tokens, with every entity mention
// (and every untyped capitalised chunk) collapsed into a single item.
//
// Rules then read like the prose they match: `<A:Company> holds %P stake in <B:Company>` does not
// care whether A was written "Norvik", "the Harbour house" or "its". A mention item remembers
// the entities it stands for (several for "the two carmakers"), whether it was possessive
// ("Norvik’s") and whether it came from an anaphor, so rules and reports can tell.

enum MentionOrigin: String, Sendable {
    case gazetteer, market, discovered, surname, anaphor
}

struct ViewMention {
    /// Catalog indices: one entity, or several for a plural anaphor.
    var entities: [Int]
    var labels: LabelSet
    /// Token range of the mention text (the possessive `'s` excluded).
    var tokens: Range<Int>
    var possessive: Bool
    var origin: MentionOrigin
    /// Hyphenated to a participle ("Suzuki-built cars", "a Munich-based unit"): the entity is
    /// mentioned, but as a modifier it is nobody's subject or object.
    var modifier = false
    var isPlural: Bool { entities.count > 1 }
}

struct Candidate {
    var tokens: Range<Int>
    /// The chunk's text with normalised spacing ("Jean-Luc Marchetti", "Foo Motors").
    var name: String
}

enum ItemKind: UInt8 {
    case token, mention, candidate
}

struct Item {
    var kind: ItemKind
    /// Token range covered (a possessive after a mention included).
    var tokens: Range<Int>
    /// The token's word id (tokens), or the index into `mentions` / `candidates`.
    var ref: Int32
}

struct SentenceView {
    var items: [Item]
    var mentions: [ViewMention]
    var candidates: [Candidate]
    /// Index of the sentence in its document.
    var sentence: Int

    /// Builds the view over `tokens[range]` from mentions and candidates (each sorted, disjoint).
    init(tokens: [Token], range: Range<Int>, mentions: [ViewMention], candidates: [Candidate], sentence: Int) {
        self.mentions = mentions
        self.candidates = candidates
        self.sentence = sentence
        var items: [Item] = []
        items.reserveCapacity(range.count)
        var mi = 0, ci = 0
        var i = range.lowerBound
        while i < range.upperBound {
            if mi < mentions.count && mentions[mi].tokens.lowerBound == i {
                var end = mentions[mi].tokens.upperBound
                if mentions[mi].possessive && end < range.upperBound && tokens[end].kind == .possessive { end += 1 }
                items.append(Item(kind: .mention, tokens: i..<end, ref: Int32(mi)))
                mi += 1
                i = max(end, i + 1)
                continue
            }
            if ci < candidates.count && candidates[ci].tokens.lowerBound == i {
                let end = candidates[ci].tokens.upperBound
                items.append(Item(kind: .candidate, tokens: i..<end, ref: Int32(ci)))
                ci += 1
                i = max(end, i + 1)
                continue
            }
            items.append(Item(kind: .token, tokens: i..<(i + 1), ref: tokens[i].key))
            i += 1
        }
        self.items = items
    }

    /// Turns candidate item `itemIndex` into a mention of `entity`; a possessive `'s` item right
    /// after it joins the mention (so later items shift down by one).
    mutating func promote(item itemIndex: Int, entity: Int, labels: LabelSet, origin: MentionOrigin, possessiveKey: WordID) {
        let item = items[itemIndex]
        guard item.kind == .candidate else { return }
        var covered = item.tokens
        var possessive = false
        if itemIndex + 1 < items.count, items[itemIndex + 1].kind == .token, items[itemIndex + 1].ref == possessiveKey {
            possessive = true
            covered = covered.lowerBound..<items[itemIndex + 1].tokens.upperBound
            items.remove(at: itemIndex + 1)
        }
        mentions.append(ViewMention(entities: [entity], labels: labels, tokens: candidates[Int(item.ref)].tokens,
                                    possessive: possessive, origin: origin))
        items[itemIndex] = Item(kind: .mention, tokens: covered, ref: Int32(mentions.count - 1))
    }

    /// Replaces the token items `range` (item indices) by a mention item.
    mutating func replace(items range: Range<Int>, with mention: ViewMention) {
        guard !range.isEmpty else { return }
        mentions.append(mention)
        let covered = items[range.lowerBound].tokens.lowerBound..<items[range.upperBound - 1].tokens.upperBound
        items.replaceSubrange(range, with: [Item(kind: .mention, tokens: covered, ref: Int32(mentions.count - 1))])
    }

    /// Replaces items `range` by one candidate item (a trial name across known names).
    mutating func mergeIntoCandidate(items range: Range<Int>, candidate: Candidate) {
        guard !range.isEmpty else { return }
        candidates.append(candidate)
        items.replaceSubrange(range, with: [Item(kind: .candidate, tokens: candidate.tokens, ref: Int32(candidates.count - 1))])
    }

    /// Extends candidate item `i` over the next (token) item, renaming it ("ZX" + "platform").
    mutating func extendCandidate(item i: Int, name: String) {
        guard i + 1 < items.count, items[i].kind == .candidate, items[i + 1].kind == .token else { return }
        let covered = items[i].tokens.lowerBound..<items[i + 1].tokens.upperBound
        candidates.append(Candidate(tokens: covered, name: name))
        items[i] = Item(kind: .candidate, tokens: covered, ref: Int32(candidates.count - 1))
        items.remove(at: i + 1)
    }

    func mention(at itemIndex: Int) -> ViewMention? {
        guard itemIndex < items.count, items[itemIndex].kind == .mention else { return nil }
        return mentions[Int(items[itemIndex].ref)]
    }

    /// Mentions in item order.
    var orderedMentions: [ViewMention] {
        items.compactMap { $0.kind == .mention ? mentions[Int($0.ref)] : nil }
    }
}
