// SentenceSplitter: tokens → sentences, each keeping its byte range in the article.
//
// A sentence ends at `.`, `!`, `?` or an ellipsis when what follows starts a new sentence, at a
// paragraph break, and after a Markdown heading or list-item line. The period is the hard case:
//   - after a title ("Mr.", "Dr."), "e.g."/"i.e." or a single capital initial ("John F. Kennedy")
//     it never ends a sentence;
//   - after a corporate abbreviation ("Inc.", "Corp.", "Co.", "Ltd.") or "U.S." it ends one only
//     when the next word is a typical sentence opener ("The", "It", "Meanwhile", …), since
//     "Foo Inc. The deal" and "Foo Inc. Chairman" are both common;
//   - before a lower-case word it never does ("approx. five", ". . From" keeps the stray dot).
// Decimals ("43.4%") and initialisms never reach here as periods (the Tokenizer keeps them in
// one token), and "E / E" is plain punctuation. Closing quotes and brackets right after the
// terminator stay with the sentence they close. A run of more than `maxTokens` tokens without a
// sentence end (a table, a list without punctuation, a corrupt file) is cut, so no later step
// ever works on an unbounded "sentence".

public struct Sentence: Sendable, Hashable {
    /// Index range into the article's tokens.
    public var tokens: Range<Int>
    /// Byte range into the article's UTF-8.
    public var byteRange: Range<Int>
}

struct SentenceSplitter {
    let lexicon: Lexicon
    /// The longest sentence kept whole; news sentences are a few dozen tokens.
    static let maxTokens = 256
    private let neverEnd: Set<WordID>
    private let endOnlyBeforeOpener: Set<WordID>
    private let openers: Set<WordID>
    private let hashMark: WordID
    private let listMarks: Set<WordID>
    private let closers: Set<WordID>

    init(lexicon: Lexicon) {
        self.lexicon = lexicon
        func ids(_ words: [String]) -> Set<WordID> { Set(words.map { lexicon.intern(folding: $0) }) }
        neverEnd = ids(CueWords.titleAbbreviations)
        endOnlyBeforeOpener = ids(CueWords.corporateAbbreviations)
        openers = ids(CueWords.sentenceOpeners)
        hashMark = lexicon.hash
        listMarks = [lexicon.dash, lexicon.intern(folding: "*"), lexicon.intern(folding: "+")]
        closers = [lexicon.doubleQuote, lexicon.apostrophe, lexicon.closeParen, lexicon.intern(folding: "]")]
    }

    func split(_ tokens: [Token]) -> [Sentence] {
        var out: [Sentence] = []
        var begin = 0
        var heading = false
        var i = 0

        func close(_ stop: Int) {
            guard stop > begin else { return }
            // A "sentence" of punctuation only (". ." leftovers) joins the previous one.
            if !tokens[begin..<stop].contains(where: { $0.kind == .word || $0.kind == .number }), let last = out.last {
                out[out.count - 1] = Sentence(tokens: last.tokens.lowerBound..<stop,
                                              byteRange: last.byteRange.lowerBound..<tokens[stop - 1].end)
            } else {
                out.append(Sentence(tokens: begin..<stop, byteRange: tokens[begin].start..<tokens[stop - 1].end))
            }
            begin = stop
        }

        while i < tokens.count {
            let t = tokens[i]
            if i - begin >= SentenceSplitter.maxTokens { close(i) }
            if i > begin {
                if t.flags.contains(.paragraphBefore) || (heading && t.flags.contains(.newlineBefore)) {
                    close(i)
                } else if t.flags.contains(.newlineBefore) && startsBlockLine(tokens, i) {
                    close(i)
                }
            }
            if i == begin { heading = t.key == hashMark && startsBlockLine(tokens, i) }
            if t.kind == .punct && isTerminator(t.key) {
                var stop = i + 1
                while stop < tokens.count && closers.contains(tokens[stop].key)
                    && !tokens[stop].flags.contains(.spaceBefore) {
                    stop += 1
                }
                if endsSentence(tokens, terminator: i, next: stop) {
                    close(stop)
                    i = stop
                    continue
                }
            }
            i += 1
        }
        close(tokens.count)
        return out
    }

    private func isTerminator(_ k: WordID) -> Bool {
        k == lexicon.period || k == lexicon.exclamation || k == lexicon.question || k == lexicon.ellipsis
    }

    /// A Markdown heading (`#`) or list item (`- `, `* `, `+ `) at the start of a line.
    private func startsBlockLine(_ tokens: [Token], _ i: Int) -> Bool {
        let t = tokens[i]
        guard i == 0 || t.flags.contains(.newlineBefore) else { return false }
        if t.key == hashMark { return true }
        if listMarks.contains(t.key), i + 1 < tokens.count, tokens[i + 1].flags.contains(.spaceBefore) { return true }
        return false
    }

    /// Whether the terminator at `terminator` ends the sentence; `next` is the first token after
    /// it and any closing quotes.
    private func endsSentence(_ tokens: [Token], terminator: Int, next: Int) -> Bool {
        guard next < tokens.count else { return true }
        let n = tokens[next]
        if n.flags.contains(.paragraphBefore) { return true }
        // What follows must look like a sentence start: a capital, a digit, or an opening quote.
        var startTok = n
        if (n.key == lexicon.doubleQuote || n.key == lexicon.openParen), next + 1 < tokens.count {
            startTok = tokens[next + 1]
        }
        let looksLikeStart = startTok.isCapitalized || startTok.kind == .number
        guard looksLikeStart else { return false }
        let term = tokens[terminator]
        guard term.key == lexicon.period, terminator > 0 else { return true }
        let prev = tokens[terminator - 1]
        // Only a word glued to the period can be an abbreviation.
        guard prev.kind == .word, !term.flags.contains(.spaceBefore) else { return true }
        let opener = openers.contains(startTok.key) || startTok.kind == .number
        if neverEnd.contains(prev.key) { return false }
        if endOnlyBeforeOpener.contains(prev.key) { return opener }
        // A single capital letter is an initial ("John F. Kennedy") unless an opener follows.
        if prev.end - prev.start == 1 && prev.isCapitalized { return opener }
        return true
    }
}

extension SentenceSplitter {
    /// Splits plain text (for callers and tests that have no token array yet).
    static func split(text: String) -> [(range: Range<Int>, text: String)] {
        let lexicon = Lexicon()
        let bytes = Array(text.utf8)
        let tokens = Tokenizer(lexicon: lexicon).tokenize(bytes)
        let tb = TextBytes(bytes: bytes)
        return SentenceSplitter(lexicon: lexicon).split(tokens).map { ($0.byteRange, tb.text($0.byteRange)) }
    }
}
