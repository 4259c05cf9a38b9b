// PatternMatcher: runs a compiled pattern over a SentenceView.
//
// Backtracking, depth first, over items: gaps try the fewest skipped items first, optional groups
// try the group first, lists try the longest coordination first — so the first match found from
// a start position is the preferred one from there. `matches(_:)` tries every start position the
// pattern's first element allows and keeps, among overlapping matches, the one that skipped the
// fewest items in gaps (then the earliest): in "X and Y said Z holds 40% of W" the stake goes to
// Z, the nearest subject.
//
// Speed: this is the hot path of ingest. The pattern is a flat POD program (PatternProgram);
// during a match, slots hold only item ranges (their values — mention lists, numbers, role
// names, phrase pieces — are read once, for the matches kept); continuations live on a frame
// stack instead of being allocated; per-sentence data (items, mention labels, the literal groups
// of every token) sit in buffers owned by the matcher. A match step then touches no reference
// count. Sentences are short and rules are pre-filtered by their literals, so backtracking never
// approaches its exponential worst case; gap widths are capped at 40.

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

/// What a slot bound during matching: an item range (start < 0: unbound).
struct SlotRange {
    var start: Int32
    var end: Int32
    static let unbound = SlotRange(start: -1, end: -1)
}

struct MentionInfo {
    var labels: UInt64
    var plural: Bool
    var possessive: Bool
    var modifier: Bool
}

final class PatternMatcher {
    let lexicon: Lexicon
    let literals: LiteralIndex
    let quantities: QuantityReader
    let clauseBreaks: Set<WordID>
    let listSeparators: Set<WordID>
    let and: WordID
    let phraseStops: Set<WordID>
    let determiners: Set<WordID>
    let genericHeads: Set<WordID>
    let qualifierLabels: LabelSet
    let quantityGroups: QuantityGroups

    // The sentence being matched.
    // Single-threaded, hot: no run-time exclusivity checks (see Lexicon).
    @exclusivity(unchecked) private(set) var view = SentenceView(tokens: [], range: 0..<0, mentions: [], candidates: [], sentence: 0)
    @exclusivity(unchecked) private(set) var tokens: [Token] = []
    @exclusivity(unchecked) private(set) var bytes = TextBytes(bytes: [])
    /// Literal groups present in the sentence (rules whose required literals are missing are skipped).
    @exclusivity(unchecked) private(set) var present = GroupBits(count: 0)

    // Owned buffers, reused from sentence to sentence.
    let items = PODBuffer<Item>()
    let mentionInfo = PODBuffer<MentionInfo>()
    let tokenGroupStart = PODBuffer<Int32>()
    let tokenGroupCount = PODBuffer<Int32>()
    let groupPool = PODBuffer<Int32>()
    let clauseBreak = PODBuffer<Bool>()
    let separator = PODBuffer<UInt8>()  // 0 none, 1 comma, 2 and/&
    /// `present` as raw words, for `canMatch`.
    let presentBits = PODBuffer<UInt64>()
    // Scratch space for `matches`, reused from call to call.
    let slotScratch = PODBuffer<SlotRange>()
    let frameScratch = PODBuffer<Frame>()
    let topScratch = PODBuffer<Int32>(capacity: 1)
    /// Per word id: 1 clause break, 2 comma, 4 "and"/"&" (filled on first sight of a word).
    @exclusivity(unchecked) private var wordFlags: [UInt8] = []
    @exclusivity(unchecked) private(set) var sentenceStart = 0
    /// The labels of the loaded view's mention items, together.
    @exclusivity(unchecked) private(set) var mentionLabels: UInt64 = 0

    init(lexicon: Lexicon, literals: LiteralIndex, quantities: QuantityReader, qualifierLabels: LabelSet) {
        self.lexicon = lexicon
        self.literals = literals
        self.quantities = quantities
        self.qualifierLabels = qualifierLabels
        quantityGroups = QuantityGroups(literals)
        clauseBreaks = [lexicon.comma, lexicon.semicolon, lexicon.colon, lexicon.openParen, lexicon.closeParen,
                        lexicon.dash, lexicon.doubleQuote, lexicon.period, lexicon.question, lexicon.exclamation]
        and = lexicon.intern(folding: "and")
        listSeparators = [lexicon.comma, lexicon.ampersand, and]
        phraseStops = Set(CueWords.phraseStops.map { lexicon.intern(folding: $0) })
        determiners = Set(CueWords.determiners.map { lexicon.intern(folding: $0) })
        genericHeads = Set(CueWords.genericPhraseHeads.map { lexicon.intern(folding: $0) })
    }

    /// Reads the literal groups of a sentence's tokens, once per sentence.
    func prepare(sentence range: Range<Int>, tokens: [Token], bytes: TextBytes) {
        self.tokens = tokens
        self.bytes = bytes
        sentenceStart = range.lowerBound
        present = GroupBits(count: literals.groupCount)
        tokenGroupStart.removeAll()
        tokenGroupCount.removeAll()
        groupPool.removeAll()
        clauseBreak.removeAll()
        separator.removeAll()
        for t in range {
            let key = tokens[t].key
            let start = groupPool.count
            literals.forEachGroup(key) { g in
                groupPool.append(g)
                present.insert(g)
            }
            tokenGroupStart.append(Int32(start))
            tokenGroupCount.append(Int32(groupPool.count - start))
            let f = flags(key)
            clauseBreak.append(f & 1 != 0)
            separator.append(f & 2 != 0 ? 1 : f & 4 != 0 ? 2 : 0)
        }
        presentBits.removeAll()
        for w in present.words { presentBits.append(w) }
    }

    private func flags(_ key: WordID) -> UInt8 {
        let i = Int(key)
        if i >= wordFlags.count {
            wordFlags.append(contentsOf: repeatElement(255, count: max(i + 1 - wordFlags.count, 1024)))
        }
        if wordFlags[i] == 255 {
            var f: UInt8 = 0
            if clauseBreaks.contains(key) { f |= 1 }
            if key == lexicon.comma { f |= 2 }
            if key == and || key == lexicon.ampersand { f |= 4 }
            wordFlags[i] = f
        }
        return wordFlags[i]
    }

    /// Sets the view to match (after `prepare` for its sentence).
    func load(view: SentenceView) {
        self.view = view
        items.removeAll()
        for it in view.items { items.append(it) }
        mentionInfo.removeAll()
        mentionLabels = 0
        for it in view.items where it.kind == .mention { mentionLabels |= view.mentions[Int(it.ref)].labels.rawValue }
        for m in view.mentions {
            mentionInfo.append(MentionInfo(labels: m.labels.rawValue, plural: m.isPlural, possessive: m.possessive, modifier: m.modifier))
        }
    }

    /// Whether every literal the pattern requires occurs in the sentence.
    func canMatch(_ pattern: CompiledPattern) -> Bool {
        let n = pattern.requirementCount
        guard n > 0 else { return true }
        let groups = pattern.requirementGroups
        let ends = pattern.requirementEnds
        let bits = presentBits.pointer
        let words = presentBits.count
        var start = 0
        for r in 0..<n {
            let end = Int(ends[r])
            var any = false
            var k = start
            while k < end {
                let g = Int(groups[k])
                if g >> 6 < words && bits[g >> 6] & (1 << UInt64(g & 63)) != 0 {
                    any = true
                    break
                }
                k += 1
            }
            if !any { return false }
            start = end
        }
        return true
    }

    /// The best non-overlapping matches of `pattern` in the loaded view, in item order.
    func matches(_ pattern: CompiledPattern) -> [PatternMatch] {
        guard canMatch(pattern) else { return [] }
        // Every top-level entity slot needs a mention of its labels somewhere in the sentence.
        for labels in pattern.requiredLabels where labels & mentionLabels == 0 { return [] }
        let program = pattern.program
        let slotCount = pattern.slotNames.count
        var found: [(Int, Int, Int, [SlotRange])] = []
        let n = items.count
        slotScratch.reserve(max(slotCount, 1))
        let frameCap = program.nodes.count * 4 + 16
        frameScratch.reserve(frameCap)
        let slotBuf = slotScratch.pointer
        let frames = frameScratch.pointer
        let top = topScratch.pointer
        program.nodes.withUnsafeBufferPointer { nodes in
            program.sequences.withUnsafeBufferPointer { seqs in
                program.alternatives.withUnsafeBufferPointer { alts in
                    guard let np = nodes.baseAddress, let sp = seqs.baseAddress, let ap = alts.baseAddress else { return }
                    let c = Ctx(nodes: np, seqs: sp, alts: ap,
                                items: items.pointer, itemCount: Int32(n), minfo: mentionInfo.pointer,
                                tgStart: tokenGroupStart.pointer, tgCount: tokenGroupCount.pointer, pool: groupPool.pointer,
                                clauseBreak: clauseBreak.pointer, separator: separator.pointer, sentenceStart: Int32(sentenceStart),
                                slots: slotBuf, frames: frames, top: top, frameCap: Int32(frameCap))
                    for start in 0..<n where canStart(c, program.start, Int32(start)) {
                        for s in 0..<slotCount { slotBuf[s] = .unbound }
                        top.pointee = 0
                        if let (end, cost) = run(c, 0, 0, Int32(start), 0, -1) {
                            found.append((start, Int(end), Int(cost), Array(UnsafeBufferPointer(start: slotBuf, count: slotCount))))
                        }
                    }
                }
            }
        }
        var kept: [(Int, Int, Int, [SlotRange])] = []
        if found.count <= 1 {
            kept = found
        } else {
            for m in found.sorted(by: { ($0.2, $0.0) < ($1.2, $1.0) })
            where !kept.contains(where: { $0.0 < m.1 && m.0 < $0.1 }) {
                kept.append(m)
            }
            kept.sort { $0.0 < $1.0 }
        }
        return kept.map { m in
            PatternMatch(items: m.0..<m.1, values: materialize(pattern, m.3), cost: m.2)
        }
    }

    // MARK: The machine

    struct Frame {
        var seq: Int32
        var index: Int32
        var next: Int32
    }

    struct Ctx {
        let nodes: UnsafePointer<FlatNode>
        let seqs: UnsafePointer<SequenceRef>
        let alts: UnsafePointer<Int32>
        let items: UnsafeMutablePointer<Item>
        let itemCount: Int32
        let minfo: UnsafeMutablePointer<MentionInfo>
        let tgStart: UnsafeMutablePointer<Int32>
        let tgCount: UnsafeMutablePointer<Int32>
        let pool: UnsafeMutablePointer<Int32>
        let clauseBreak: UnsafeMutablePointer<Bool>
        let separator: UnsafeMutablePointer<UInt8>
        let sentenceStart: Int32
        let slots: UnsafeMutablePointer<SlotRange>
        let frames: UnsafeMutablePointer<Frame>
        let top: UnsafeMutablePointer<Int32>
        let frameCap: Int32

        /// The sentence-relative index of item `i`'s first token.
        @inline(__always) func token(_ i: Int32) -> Int { items[Int(i)].tokens.lowerBound - Int(sentenceStart) }

        @inline(__always) func isToken(_ i: Int32) -> Bool { i < itemCount && items[Int(i)].kind == .token }

        @inline(__always) func literal(_ i: Int32, _ g: Int32) -> Bool {
            guard isToken(i) else { return false }
            let t = token(i)
            let s = Int(tgStart[t])
            for k in s..<(s + Int(tgCount[t])) where pool[k] == g { return true }
            return false
        }

        @inline(__always) func keyIs(_ i: Int32, _ key: WordID) -> Bool {
            isToken(i) && items[Int(i)].ref == key
        }
    }

    private func canStart(_ c: Ctx, _ f: StartFilter, _ i: Int32) -> Bool {
        switch f {
        case .any: return true
        case .literal(let g): return c.literal(i, g)
        case .mention(let labels): return compatible(c, i, labels, possessive: false)
        case .candidate: return c.items[Int(i)].kind == .candidate
        case .token: return c.isToken(i)
        }
    }

    @inline(__always)
    private func compatible(_ c: Ctx, _ i: Int32, _ labels: UInt64, possessive: Bool) -> Bool {
        guard i < c.itemCount, c.items[Int(i)].kind == .mention else { return false }
        let m = c.minfo[Int(c.items[Int(i)].ref)]
        return m.labels & labels != 0 && !m.modifier && (!possessive || m.possessive)
    }

    @inline(__always)
    private func bind(_ c: Ctx, _ slot: Int32, _ start: Int32, _ end: Int32, _ next: () -> (Int32, Int32)?) -> (Int32, Int32)? {
        let saved = c.slots[Int(slot)]
        c.slots[Int(slot)] = SlotRange(start: start, end: end)
        if let r = next() { return r }
        c.slots[Int(slot)] = saved
        return nil
    }

    private func push(_ c: Ctx, _ seq: Int32, _ index: Int32, _ next: Int32) -> Int32? {
        let t = c.top.pointee
        guard t < c.frameCap else { return nil }
        c.frames[Int(t)] = Frame(seq: seq, index: index, next: next)
        c.top.pointee = t + 1
        return t
    }

    /// Matches node `i` of sequence `seq` and the rest at item `pos`; `cont` is the frame to
    /// resume when the sequence ends. Returns (end item, cost).
    private func run(_ c: Ctx, _ seq: Int32, _ i: Int32, _ pos: Int32, _ cost: Int32, _ cont: Int32) -> (Int32, Int32)? {
        let s = c.seqs[Int(seq)]
        if i == s.count {
            if cont >= 0 {
                let f = c.frames[Int(cont)]
                return run(c, f.seq, f.index, pos, cost, f.next)
            }
            return (pos, cost)
        }
        let node = c.nodes[Int(s.start + i)]
        switch node.op {
        case .literal:
            guard c.literal(pos, node.a) else { return nil }
            return run(c, seq, i + 1, pos + 1, cost, cont)

        case .entity:
            // "of the Norvik-Talvi group": an article before a name is no obstacle.
            if c.keyIs(pos, lexicon.the), compatible(c, pos + 1, node.labels, possessive: node.possessive) {
                return run(c, seq, i, pos + 1, cost, cont)
            }
            guard compatible(c, pos, node.labels, possessive: node.possessive) else { return nil }
            let plural = c.minfo[Int(c.items[Int(pos)].ref)].plural
            if !node.list {
                guard !plural else { return nil }
                return bind(c, node.a, pos, pos + 1) { run(c, seq, i + 1, pos + 1, cost, cont) }
            }
            // Coordination, longest first; a list of two or more closes with "and".
            var ends: [Int32] = [pos + 1]
            var p = pos + 1
            while let (q, closing) = listSeparator(c, p), let next = listElement(c, q, node.labels) {
                p = next + 1
                if closing { ends.append(p) }
            }
            for end in ends.reversed() {
                if let r = bind(c, node.a, pos, end, { run(c, seq, i + 1, end, cost, cont) }) { return r }
            }
            return nil

        case .candidate:
            guard pos < c.itemCount, c.items[Int(pos)].kind == .candidate else { return nil }
            return bind(c, node.a, pos, pos + 1) { run(c, seq, i + 1, pos + 1, cost, cont) }

        case .gap:
            var skipped: Int32 = 0
            while true {
                if let r = run(c, seq, i + 1, pos + skipped, node.free ? cost : cost + skipped, cont) { return r }
                guard skipped < node.a, pos + skipped < c.itemCount else { return nil }
                if node.clause && c.isToken(pos + skipped) && c.clauseBreak[c.token(pos + skipped)] { return nil }
                skipped += 1
            }

        case .percent, .number, .money, .role:
            // A cheap look at the first word before the readers run.
            guard c.isToken(pos) else { return nil }
            let numeric = tokens[c.items[Int(pos)].tokens.lowerBound].kind == .number
            switch node.op {
            case .role: guard c.literal(pos, quantityGroups.roleStart) else { return nil }
            case .money: guard numeric || c.literal(pos, quantityGroups.moneyStart) else { return nil }
            default: guard numeric || c.literal(pos, quantityGroups.numberStart) else { return nil }
            }
            guard let end = quantityEnd(c, node.op, pos) else { return nil }
            return bind(c, node.a, pos, end) { run(c, seq, i + 1, end, cost, cont) }

        case .phrase:
            let ends = phraseEnds(c, pos, labels: node.labels, list: node.list, head: node.b)
            for end in ends.reversed() {
                if let r = bind(c, node.a, pos, end, { run(c, seq, i + 1, end, cost, cont) }) { return r }
            }
            return nil

        case .group:
            guard let frame = push(c, seq, i + 1, cont) else { return nil }
            defer { c.top.pointee = frame }
            for k in 0..<node.b {
                if let r = run(c, c.alts[Int(node.a + k)], 0, pos, cost, frame) { return r }
            }
            return nil

        case .optional:
            if let frame = push(c, seq, i + 1, cont) {
                let r = run(c, node.a, 0, pos, cost, frame)
                c.top.pointee = frame
                if let r { return r }
            }
            return run(c, seq, i + 1, pos, cost, cont)
        }
    }
}
