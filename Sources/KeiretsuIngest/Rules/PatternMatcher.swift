// PatternMatcher: runs a compiled pattern over a SentenceView.
//
// Backtracking, depth first, over items: gaps try the fewest skipped items first, optional groups
// try the group first, lists try the longest coordination first — so the first match found from
// a start position is the preferred one from there. `matches(_:)` tries every start position and
// keeps, among overlapping matches, the one that skipped the fewest items in gaps (then the
// earliest): in "X and Y said Z holds 40% of W" the stake goes to Z, the nearest subject.
// Sentences are short (tens of items) and rules are pre-filtered by their literals, so the
// exponential worst case of backtracking is never approached; gap widths are capped at 40.

enum SlotValue {
    case mentions([Int])
    case candidate(item: Int)
    case number(Double)
    case money(MoneyValue)
    case role([RoleValue])
    case phrase([PhrasePiece])
}

enum PhrasePiece {
    /// A mention (index into the view's mentions) that stood where a phrase was expected.
    case mention(Int)
    /// Free text: token range.
    case text(Range<Int>)
}

struct PatternMatch {
    /// Item range of the match.
    var items: Range<Int>
    var values: [SlotValue?]
    /// Items skipped by gaps (lower is tighter).
    var cost: Int
}

final class PatternMatcher {
    private let lexicon: Lexicon
    private let literals: LiteralIndex
    private let quantities: QuantityReader
    private let clauseBreaks: Set<WordID>
    private let listSeparators: Set<WordID>
    private let and: WordID
    private let phraseStops: Set<WordID>
    private let determiners: Set<WordID>
    private let genericHeads: Set<WordID>
    private let qualifierLabels: LabelSet

    // The sentence being matched.
    private var view = SentenceView(tokens: [], range: 0..<0, mentions: [], candidates: [], sentence: 0)
    private var tokens: [Token] = []
    private var bytes = TextBytes(bytes: [])

    private final class Cont {
        let seq: [PatternNode]
        let index: Int
        let next: Cont?
        init(_ seq: [PatternNode], _ index: Int, _ next: Cont?) {
            self.seq = seq
            self.index = index
            self.next = next
        }
    }

    init(lexicon: Lexicon, literals: LiteralIndex, quantities: QuantityReader, qualifierLabels: LabelSet) {
        self.qualifierLabels = qualifierLabels
        self.lexicon = lexicon
        self.literals = literals
        self.quantities = quantities
        clauseBreaks = [lexicon.comma, lexicon.semicolon, lexicon.colon, lexicon.openParen, lexicon.closeParen,
                        lexicon.dash, lexicon.doubleQuote, lexicon.period, lexicon.question, lexicon.exclamation]
        and = lexicon.intern(folding: "and")
        listSeparators = [lexicon.comma, lexicon.ampersand, and]
        phraseStops = Set(CueWords.phraseStops.map { lexicon.intern(folding: $0) })
        determiners = Set(CueWords.determiners.map { lexicon.intern(folding: $0) })
        genericHeads = Set(CueWords.genericPhraseHeads.map { lexicon.intern(folding: $0) })
    }

    func load(view: SentenceView, tokens: [Token], bytes: TextBytes) {
        self.view = view
        self.tokens = tokens
        self.bytes = bytes
    }

    /// The best non-overlapping matches of `pattern` in the loaded view, in item order.
    func matches(_ pattern: CompiledPattern) -> [PatternMatch] {
        var found: [PatternMatch] = []
        let empty = [SlotValue?](repeating: nil, count: pattern.slotNames.count)
        for start in 0..<view.items.count {
            if let m = match(pattern.nodes, 0, start, empty, 0, nil) {
                found.append(PatternMatch(items: start..<m.end, values: m.values, cost: m.cost))
            }
        }
        guard found.count > 1 else { return found }
        let ranked = found.sorted { ($0.cost, $0.items.lowerBound) < ($1.cost, $1.items.lowerBound) }
        var kept: [PatternMatch] = []
        for m in ranked where !kept.contains(where: { $0.items.overlaps(m.items) }) { kept.append(m) }
        return kept.sorted { $0.items.lowerBound < $1.items.lowerBound }
    }

    private typealias State = (end: Int, values: [SlotValue?], cost: Int)

    private func match(_ seq: [PatternNode], _ i: Int, _ pos: Int, _ values: [SlotValue?], _ cost: Int,
                       _ k: Cont?) -> State? {
        if i == seq.count {
            if let k = k { return match(k.seq, k.index, pos, values, cost, k.next) }
            return (pos, values, cost)
        }
        let items = view.items
        switch seq[i] {
        case .literal(let g):
            guard pos < items.count, items[pos].kind == .token, literals.matches(items[pos].ref, g) else { return nil }
            return match(seq, i + 1, pos + 1, values, cost, k)

        case .entity(let slot, let spec):
            // "of the Air France-KLM group": an article before a name is no obstacle.
            if pos + 1 < items.count, items[pos].kind == .token, items[pos].ref == lexicon.the, compatible(pos + 1, spec) != nil {
                return match(seq, i, pos + 1, values, cost, k)
            }
            guard pos < items.count, let first = compatible(pos, spec) else { return nil }
            if !spec.list {
                guard !first.isPlural else { return nil }
                var v = values
                v[slot] = .mentions([Int(items[pos].ref)])
                return match(seq, i + 1, pos + 1, v, cost, k)
            }
            // Coordination: X (, Y)* (, and | and | &) Z — longest first. A list of two or more
            // must close with "and" ("Toyota, Honda said" is not a list), and a short descriptor
            // may stand before an element ("and the parts maker Hyundai Mobis").
            var ends: [(Int, [Int])] = [(pos + 1, [Int(items[pos].ref)])]
            var p = pos + 1
            var refs = [Int(items[pos].ref)]
            while p < items.count {
                guard let (q, closing) = listSeparator(p), let next = listElement(q, spec) else { break }
                refs.append(Int(items[next].ref))
                p = next + 1
                if closing { ends.append((p, refs)) }
            }
            for (end, r) in ends.reversed() {
                var v = values
                v[slot] = .mentions(r)
                if let s = match(seq, i + 1, end, v, cost, k) { return s }
            }
            return nil

        case .candidate(let slot):
            guard pos < items.count, items[pos].kind == .candidate else { return nil }
            var v = values
            v[slot] = .candidate(item: pos)
            return match(seq, i + 1, pos + 1, v, cost, k)

        case .gap(let maxSkip, let clause, let free):
            var skipped = 0
            while true {
                if let s = match(seq, i + 1, pos + skipped, values, free ? cost : cost + skipped, k) { return s }
                guard skipped < maxSkip, pos + skipped < items.count else { return nil }
                let it = items[pos + skipped]
                if clause && it.kind == .token && clauseBreaks.contains(it.ref) { return nil }
                skipped += 1
            }

        case .percent(let slot):
            return quantity(pos, seq, i, values, cost, k, slot) { t, a, l in
                self.quantities.percent(t, a, l, bytes: self.bytes).map { (.number($0.0), $0.1) }
            }
        case .number(let slot):
            return quantity(pos, seq, i, values, cost, k, slot) { t, a, l in
                self.quantities.number(t, a, l, bytes: self.bytes).map { (.number($0.0), $0.1) }
            }
        case .money(let slot):
            return quantity(pos, seq, i, values, cost, k, slot) { t, a, l in
                self.quantities.money(t, a, l, bytes: self.bytes).map { (.money($0.0), $0.1) }
            }
        case .role(let slot):
            return quantity(pos, seq, i, values, cost, k, slot) { t, a, l in
                self.quantities.roles(t, a, l).map { (.role($0.0), $0.1) }
            }

        case .phrase(let slot, _, let labels, let list, let head):
            return phrase(pos, seq, i, values, cost, k, slot: slot, labels: labels, list: list, head: head)

        case .group(let alternatives):
            let next = Cont(seq, i + 1, k)
            for alt in alternatives {
                if let s = match(alt, 0, pos, values, cost, next) { return s }
            }
            return nil

        case .optional(let inner):
            if let s = match(inner, 0, pos, values, cost, Cont(seq, i + 1, k)) { return s }
            return match(seq, i + 1, pos, values, cost, k)
        }
    }

    /// A list separator at item `p` (`,` | `and` | `, and` | `&`): the item after it, and whether
    /// it closes the list (contains "and" or "&").
    private func listSeparator(_ p: Int) -> (Int, Bool)? {
        let items = view.items
        guard p < items.count, items[p].kind == .token, listSeparators.contains(items[p].ref) else { return nil }
        var q = p + 1
        var closing = items[p].ref != lexicon.comma
        if items[p].ref == lexicon.comma, q < items.count, items[q].kind == .token, items[q].ref == and {
            q += 1
            closing = true
        }
        return (q, closing)
    }

    /// The index of a list element at `q`: a fitting mention, possibly after a short descriptor
    /// ("the parts maker").
    private func listElement(_ q: Int, _ spec: EntitySlotSpec) -> Int? {
        let items = view.items
        guard q < items.count else { return nil }
        if compatible(q, spec) != nil { return q }
        guard items[q].kind == .token, determiners.contains(items[q].ref) else { return nil }
        var r = q + 1
        var words = 0
        while r < items.count, words <= 2, items[r].kind == .token {
            let t = tokens[items[r].tokens.lowerBound]
            guard t.kind == .word, !t.isCapitalized, !phraseStops.contains(t.key) else { return nil }
            words += 1
            r += 1
        }
        guard words >= 1, r < items.count, compatible(r, spec) != nil else { return nil }
        return r
    }

    /// The mention at item `pos` when it fits `spec`.
    private func compatible(_ pos: Int, _ spec: EntitySlotSpec) -> ViewMention? {
        let item = view.items[pos]
        guard item.kind == .mention else { return nil }
        let m = view.mentions[Int(item.ref)]
        guard m.labels.rawValue & spec.labels.rawValue != 0, !m.modifier else { return nil }
        if spec.possessive && !m.possessive { return nil }
        return m
    }

    /// Runs a token-level reader at item `pos`, over the run of plain tokens that starts there.
    private func quantity(_ pos: Int, _ seq: [PatternNode], _ i: Int, _ values: [SlotValue?], _ cost: Int, _ k: Cont?,
                          _ slot: Int, _ read: ([Token], Int, Int) -> (SlotValue, Int)?) -> State? {
        let items = view.items
        guard pos < items.count, items[pos].kind == .token else { return nil }
        var runEnd = pos
        while runEnd < items.count && items[runEnd].kind == .token { runEnd += 1 }
        let firstToken = items[pos].tokens.lowerBound
        let limit = items[runEnd - 1].tokens.upperBound
        guard let (value, tokenEnd) = read(tokens, firstToken, limit) else { return nil }
        var v = values
        v[slot] = value
        return match(seq, i + 1, pos + (tokenEnd - firstToken), v, cost, k)
    }

    /// `~J`: a mention of `label` or a short noun phrase; with `list`, a coordination of them
    /// (closed by "and", like entity lists).
    private func phrase(_ pos: Int, _ seq: [PatternNode], _ i: Int, _ values: [SlotValue?], _ cost: Int, _ k: Cont?,
                        slot: Int, labels: LabelSet, list: Bool, head: Int32?) -> State? {
        var pieces: [PhrasePiece] = []
        var alternatives: [(Int, [PhrasePiece])] = []
        var p = pos
        var closing = true
        while true {
            guard let (piece, end) = phrasePiece(at: p, labels: labels, head: head) else { break }
            pieces.append(piece)
            if closing { alternatives.append((end, pieces)) }
            guard list, let (q, isClosing) = listSeparator(end) else { break }
            closing = isClosing
            p = q
        }
        for (end, ps) in alternatives.reversed() {
            var v = values
            v[slot] = .phrase(ps)
            if let s = match(seq, i + 1, end, v, cost, k) { return s }
        }
        return nil
    }

    /// One phrase element at item `p`: a mention, or determiners then 1…6 plain words (a
    /// slash joins words: "E / E architecture"; a market or an unknown name may qualify the words
    /// that follow it: "India compact car project"). With `head`, the phrase must end in one of
    /// those words.
    private func phrasePiece(at p: Int, labels: LabelSet, head: Int32?) -> (PhrasePiece, Int)? {
        let items = view.items
        guard p < items.count else { return nil }
        var q = p
        // Determiners, unless hyphenated to what follows ("all-wheel-drive").
        while q + 1 < items.count, items[q].kind == .token, determiners.contains(items[q].ref),
              !(items[q + 1].kind == .token && tokens[items[q + 1].tokens.lowerBound].flags.contains(.hyphenBefore)) {
            q += 1
        }
        if q < items.count, items[q].kind == .mention {
            // Only a mention of the phrase's own label ("the E/E architecture") stands in for it.
            let m = view.mentions[Int(items[q].ref)]
            if !m.isPlural, m.labels.rawValue & labels.rawValue != 0 {
                if let h = head, !literals.matches(tokens[m.tokens.upperBound - 1].key, h) { return nil }
                return (.mention(Int(items[q].ref)), q + 1)
            }
        }
        let start = q
        var words = 0
        var lastWord = -1
        while q < items.count, words < 6 {
            let item = items[q]
            if item.kind != .token {
                // A qualifying name inside the phrase, never its end.
                let qualifies: Bool
                if item.kind == .candidate {
                    qualifies = true
                } else {
                    let m = view.mentions[Int(item.ref)]
                    qualifies = m.origin != .anaphor && m.labels.rawValue & qualifierLabels.rawValue != 0
                }
                guard qualifies, q + 1 < items.count, items[q + 1].kind == .token,
                      tokens[items[q + 1].tokens.lowerBound].kind == .word else { break }
                words += 1
                q += 1
                continue
            }
            let t = tokens[item.tokens.lowerBound]
            if t.kind == .word || t.kind == .number {
                if phraseStops.contains(t.key) { break }
                words += 1
                lastWord = q
                q += 1
            } else if t.key == lexicon.slash, words > 0, q + 1 < items.count, items[q + 1].kind == .token {
                q += 1  // the next word is taken by the loop
            } else {
                break
            }
        }
        guard lastWord >= start else { return nil }
        q = lastWord + 1
        if let h = head {
            // End at the last head word.
            guard let hq = (start...lastWord).last(where: {
                items[$0].kind == .token && literals.matches(items[$0].ref, h)
            }) else { return nil }
            q = hq + 1
        }
        // Numbers alone ("30" in "responsible for 30% of sales") and generic plurals are no name.
        let inPhrase = (start..<q).filter { items[$0].kind == .token }.map { tokens[items[$0].tokens.lowerBound] }
        guard inPhrase.contains(where: { $0.kind == .word }) else { return nil }
        if let last = inPhrase.last, genericHeads.contains(last.key) { return nil }
        return (.text(items[start].tokens.lowerBound..<items[q - 1].tokens.upperBound), q)
    }
}
