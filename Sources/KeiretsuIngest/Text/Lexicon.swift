// Lexicon: folded words interned as small integers.
//
// Every token, gazetteer key and rule literal is compared by its lexicon id, so matching is
// integer work. The table is an open-addressing hash over raw folded bytes (FNV-1a), which lets
// the tokenizer look a word up straight from a scratch buffer without building a String per
// token — the hot path of ingest. Ids are dense and allocated in first-seen order, so they are
// deterministic for a given input order; nothing is ever removed.

public typealias WordID = Int32

final class Lexicon {
    // Single-threaded by construction (one pipeline, one thread), and on the hot path of every
    // token: the run-time exclusivity checks of these properties are turned off.
    @exclusivity(unchecked) private var arena: [UInt8] = []
    @exclusivity(unchecked) private var starts: [Int] = []
    @exclusivity(unchecked) private var lengths: [Int] = []
    @exclusivity(unchecked) private var hashes: [UInt64] = []
    @exclusivity(unchecked) private var slots: [Int32]
    @exclusivity(unchecked) private var mask: Int

    /// The punctuation and words the pipeline tests for directly. They are interned first, in
    /// this order, so their ids are the constants below.
    static let fixedWords = [".", ",", ";", ":", "!", "?", "...", "\"", "'", "(", ")", "-", "/", "&", "%", "#", "'s", "the"]
    let period: WordID = 0, comma: WordID = 1, semicolon: WordID = 2, colon: WordID = 3
    let exclamation: WordID = 4, question: WordID = 5, ellipsis: WordID = 6, doubleQuote: WordID = 7
    let apostrophe: WordID = 8, openParen: WordID = 9, closeParen: WordID = 10, dash: WordID = 11
    let slash: WordID = 12, ampersand: WordID = 13, percent: WordID = 14, hash: WordID = 15
    let possessive: WordID = 16, the: WordID = 17

    init() {
        slots = Array(repeating: -1, count: 1024)
        mask = 1023
        for w in Lexicon.fixedWords { _ = intern(Array(w.utf8)[...]) }
    }

    var count: Int { starts.count }

    /// Words seen written in lower case somewhere (not at a sentence start): evidence that a
    /// capitalised occurrence at the start of a sentence is an ordinary word, not a name.
    @exclusivity(unchecked) private var lowercaseSeen: [UInt64] = []

    func noteLowercase(_ id: WordID) {
        let w = Int(id) >> 6
        if w >= lowercaseSeen.count { lowercaseSeen.append(contentsOf: repeatElement(0, count: w + 1 - lowercaseSeen.count)) }
        lowercaseSeen[w] |= 1 << UInt64(Int(id) & 63)
    }

    func seenLowercase(_ id: WordID) -> Bool {
        let w = Int(id) >> 6
        return id >= 0 && w < lowercaseSeen.count && lowercaseSeen[w] & (1 << UInt64(Int(id) & 63)) != 0
    }

    @inline(__always)
    private static func fnv(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return h
    }

    /// The id of `bytes` (already folded), adding it when new.
    func intern(_ bytes: ArraySlice<UInt8>) -> WordID {
        let h = Lexicon.fnv(bytes)
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = slots[i]
            if s < 0 { break }
            if hashes[Int(s)] == h && equal(Int(s), bytes) { return s }
            i = (i + 1) & mask
        }
        let id = WordID(starts.count)
        starts.append(arena.count)
        lengths.append(bytes.count)
        hashes.append(h)
        arena.append(contentsOf: bytes)
        slots[i] = id
        if starts.count * 2 > slots.count { grow() }
        return id
    }

    /// The id of `bytes` if it has been interned.
    func lookup(_ bytes: ArraySlice<UInt8>) -> WordID? {
        let h = Lexicon.fnv(bytes)
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = slots[i]
            if s < 0 { return nil }
            if hashes[Int(s)] == h && equal(Int(s), bytes) { return s }
            i = (i + 1) & mask
        }
    }

    /// Interns a word given as text, folding it first.
    func intern(folding word: String) -> WordID {
        intern(Array(TextFolding.fold(word).utf8)[...])
    }

    func lookup(folding word: String) -> WordID? {
        lookup(Array(TextFolding.fold(word).utf8)[...])
    }

    /// The folded text of an id.
    func text(_ id: WordID) -> String {
        guard id >= 0 && Int(id) < starts.count else { return "" }
        let s = Int(starts[Int(id)])
        return String(decoding: arena[s..<(s + Int(lengths[Int(id)]))], as: UTF8.self)
    }

    @inline(__always)
    private func equal(_ id: Int, _ bytes: ArraySlice<UInt8>) -> Bool {
        let n = Int(lengths[id])
        guard n == bytes.count else { return false }
        let s = Int(starts[id])
        var j = bytes.startIndex
        for k in s..<(s + n) {
            if arena[k] != bytes[j] { return false }
            j += 1
        }
        return true
    }

    private func grow() {
        let size = slots.count * 2
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        for id in 0..<starts.count {
            var i = Int(truncatingIfNeeded: hashes[id]) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(id)
        }
    }
}
