// The composite elements of the pattern matcher — coordinations, quantities, noun phrases — and
// the reading of slot values once a match is kept.
//
// During matching a slot holds only the item range it covered. `materialize` turns the ranges of
// a kept match into values: the mentions of a coordination, the number of `%P`, the roles of
// `@R` ("the president and chief executive" → two roles), the pieces of a phrase list.

extension PatternMatcher {
    /// A list separator at item `p` (`,` | `and` | `, and` | `&`): the item after it, and whether
    /// it closes the list (contains "and" or "&").
    func listSeparator(_ c: Ctx, _ p: Int32) -> (Int32, Bool)? {
        guard c.isToken(p) else { return nil }
        let sep = c.separator[c.token(p)]
        guard sep != 0 else { return nil }
        var q = p + 1
        var closing = sep == 2
        if sep == 1, c.isToken(q), c.separator[c.token(q)] == 2 {
            q += 1
            closing = true
        }
        return (q, closing)
    }

    /// The index of a list element at `q`: a fitting mention, possibly after a short descriptor
    /// ("and the parts maker Zelt Components").
    func listElement(_ c: Ctx, _ q: Int32, _ labels: UInt64) -> Int32? {
        guard q < c.itemCount else { return nil }
        if mentionFits(c, q, labels) { return q }
        guard c.isToken(q), determiners.contains(c.items[Int(q)].ref) else { return nil }
        var r = q + 1
        var words = 0
        while r < c.itemCount, words <= 2, c.isToken(r) {
            let t = tokens[c.items[Int(r)].tokens.lowerBound]
            guard t.kind == .word, !t.isCapitalized, !phraseStops.contains(t.key) else { return nil }
            words += 1
            r += 1
        }
        guard words >= 1, mentionFits(c, r, labels) else { return nil }
        return r
    }

    private func mentionFits(_ c: Ctx, _ i: Int32, _ labels: UInt64) -> Bool {
        guard i < c.itemCount, c.items[Int(i)].kind == .mention else { return false }
        let m = c.minfo[Int(c.items[Int(i)].ref)]
        return m.labels & labels != 0 && !m.modifier
    }

    /// The token run that starts at item `pos`: (first token, token limit).
    private func tokenRun(_ pos: Int, itemCount: Int, item: (Int) -> Item) -> (Int, Int)? {
        guard pos < itemCount, item(pos).kind == .token else { return nil }
        var runEnd = pos
        while runEnd < itemCount && item(runEnd).kind == .token { runEnd += 1 }
        return (item(pos).tokens.lowerBound, item(runEnd - 1).tokens.upperBound)
    }

    /// The item after a quantity (`%P`, `#N`, `$M`, `@R`) read at `pos`.
    func quantityEnd(_ c: Ctx, _ op: FlatNode.Op, _ pos: Int32) -> Int32? {
        guard let (first, limit) = tokenRun(Int(pos), itemCount: Int(c.itemCount), item: { c.items[$0] }) else { return nil }
        let end: Int?
        switch op {
        case .percent: end = quantities.percent(tokens, first, limit, bytes: bytes)?.1
        case .number: end = quantities.number(tokens, first, limit, bytes: bytes)?.1
        case .money: end = quantities.money(tokens, first, limit, bytes: bytes)?.1
        default: end = quantities.roles(tokens, first, limit, build: false)?.1
        }
        guard let e = end else { return nil }
        return pos + Int32(e - first)
    }

    /// The possible ends of a phrase (or phrase list) at `pos`, shortest first.
    func phraseEnds(_ c: Ctx, _ pos: Int32, labels: UInt64, list: Bool, head: Int32) -> [Int32] {
        var ends: [Int32] = []
        var p = pos
        var closing = true
        while let end = phrasePieceEnd(c, p, labels: labels, head: head) {
            if closing { ends.append(end) }
            guard list, let (q, isClosing) = listSeparator(c, end) else { break }
            closing = isClosing
            p = q
        }
        return ends
    }

    /// One phrase element at item `p`: a mention of the phrase's label, or determiners then 1…6
    /// plain words (a slash joins words: "E / E architecture"; a market or an unknown name may
    /// qualify the words after it: "India compact van project"). With `head` ≥ 0 the phrase must
    /// end in one of those words. Returns the item after it.
    func phrasePieceEnd(_ c: Ctx, _ p: Int32, labels: UInt64, head: Int32) -> Int32? {
        guard p < c.itemCount else { return nil }
        var q = p
        // Determiners, unless hyphenated to what follows ("all-wheel-drive").
        while q + 1 < c.itemCount, c.isToken(q), determiners.contains(c.items[Int(q)].ref),
              !(c.isToken(q + 1) && tokens[c.items[Int(q + 1)].tokens.lowerBound].flags.contains(.hyphenBefore)) {
            q += 1
        }
        if q < c.itemCount, c.items[Int(q)].kind == .mention {
            let m = c.minfo[Int(c.items[Int(q)].ref)]
            if !m.plural, m.labels & labels != 0 {
                if head >= 0 {
                    let last = view.mentions[Int(c.items[Int(q)].ref)].tokens.upperBound - 1
                    guard literals.matches(tokens[last].key, head) else { return nil }
                }
                return q + 1
            }
        }
        let start = q
        var words = 0
        var lastWord: Int32 = -1
        while q < c.itemCount, words < 6 {
            let item = c.items[Int(q)]
            if item.kind != .token {
                // A qualifying name inside the phrase, never its end.
                let qualifies = item.kind == .candidate
                    || (view.mentions[Int(item.ref)].origin != .anaphor
                        && c.minfo[Int(item.ref)].labels & qualifierLabels.rawValue != 0)
                guard qualifies, c.isToken(q + 1), tokens[c.items[Int(q + 1)].tokens.lowerBound].kind == .word else { break }
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
            } else if t.key == lexicon.slash, words > 0, c.isToken(q + 1) {
                q += 1  // the next word is taken by the loop
            } else {
                break
            }
        }
        guard lastWord >= start else { return nil }
        var end = lastWord + 1
        if head >= 0 {
            // End at the last head word.
            var h = lastWord
            while h >= start && !c.literal(h, head) { h -= 1 }
            guard h >= start else { return nil }
            end = h + 1
        }
        // Numbers alone ("30" in "responsible for 30% of sales") and generic plurals are no name.
        var sawWord = false
        var lastKey: WordID = -1
        for k in start..<end where c.isToken(k) {
            let t = tokens[c.items[Int(k)].tokens.lowerBound]
            if t.kind == .word { sawWord = true }
            lastKey = t.key
        }
        guard sawWord, !genericHeads.contains(lastKey) else { return nil }
        return end
    }

    // MARK: Values

    /// The values of a kept match's slots, read from the item ranges they bound.
    func materialize(_ pattern: CompiledPattern, _ slots: [SlotRange]) -> [SlotValue?] {
        var out = [SlotValue?](repeating: nil, count: slots.count)
        let items = view.items
        for (s, r) in slots.enumerated() where r.start >= 0 {
            let lo = Int(r.start), hi = Int(r.end)
            guard lo < items.count else { continue }
            switch pattern.slotKinds[s] {
            case .entity:
                out[s] = .mentions((lo..<min(hi, items.count)).compactMap { items[$0].kind == .mention ? Int(items[$0].ref) : nil })
            case .candidate:
                out[s] = .candidate(item: lo)
            case .percent, .number, .money, .role:
                let first = items[lo].tokens.lowerBound
                let limit = items[max(lo, min(hi, items.count) - 1)].tokens.upperBound
                switch pattern.slotKinds[s] {
                case .percent: out[s] = quantities.percent(tokens, first, limit, bytes: bytes).map { .number($0.0) }
                case .number: out[s] = quantities.number(tokens, first, limit, bytes: bytes).map { .number($0.0) }
                case .money: out[s] = quantities.money(tokens, first, limit, bytes: bytes).map { .money($0.0) }
                default: out[s] = quantities.roles(tokens, first, limit, build: true).map { .role($0.0) }
                }
            case .phrase:
                out[s] = .phrase(phrasePieces(lo, hi, pattern, slot: s))
            }
        }
        return out
    }

    /// The pieces of a phrase (list) bound to items `lo..<hi`.
    private func phrasePieces(_ lo: Int, _ hi: Int, _ pattern: CompiledPattern, slot: Int) -> [PhrasePiece] {
        var labels: UInt64 = 0
        var head: Int32 = -1
        for n in pattern.program.nodes where n.op == .phrase && n.a == Int32(slot) {
            labels = n.labels
            head = n.b
        }
        var pieces: [PhrasePiece] = []
        let items = view.items
        withContext { c in
            var p = Int32(lo)
            while Int(p) < hi, let end = phrasePieceEnd(c, p, labels: labels, head: head) {
                // The piece proper starts after its determiners.
                var first = p
                while first < end - 1, c.isToken(first), determiners.contains(c.items[Int(first)].ref),
                      !(c.isToken(first + 1) && tokens[c.items[Int(first + 1)].tokens.lowerBound].flags.contains(.hyphenBefore)) {
                    first += 1
                }
                if end - first == 1, items[Int(first)].kind == .mention {
                    pieces.append(.mention(Int(items[Int(first)].ref)))
                } else {
                    pieces.append(.text(items[Int(first)].tokens.lowerBound..<items[Int(end) - 1].tokens.upperBound))
                }
                guard let (q, _) = listSeparator(c, end) else { break }
                p = q
            }
        }
        return pieces
    }

    /// Runs `body` with a context over the loaded view (no program: for element helpers only).
    func withContext(_ body: (Ctx) -> Void) {
        let dummyNodes = UnsafeMutablePointer<FlatNode>.allocate(capacity: 1)
        let dummySeqs = UnsafeMutablePointer<SequenceRef>.allocate(capacity: 1)
        let dummyAlts = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        let slots = UnsafeMutablePointer<SlotRange>.allocate(capacity: 1)
        let frames = UnsafeMutablePointer<Frame>.allocate(capacity: 1)
        let top = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        defer {
            dummyNodes.deallocate()
            dummySeqs.deallocate()
            dummyAlts.deallocate()
            slots.deallocate()
            frames.deallocate()
            top.deallocate()
        }
        let c = Ctx(nodes: dummyNodes, seqs: dummySeqs, alts: dummyAlts, items: items.pointer, itemCount: Int32(items.count),
                    minfo: mentionInfo.pointer, tgStart: tokenGroupStart.pointer, tgCount: tokenGroupCount.pointer,
                    pool: groupPool.pointer, clauseBreak: clauseBreak.pointer, separator: separator.pointer,
                    sentenceStart: Int32(sentenceStart), slots: slots, frames: frames, top: top, frameCap: 0)
        body(c)
    }
}
