// Tokenizer: article bytes → tokens, in one pass over the UTF-8.
//
// Decisions made here, because every later step relies on them:
// - a word is a run of letters, digits and combining marks; an apostrophe between letters stays
//   inside ("don't", "O'Neill") except a final `'s`, which becomes a possessive token;
// - a number is a run of digits with decimal points ("43.4") and thousands commas ("420,000")
//   inside; letters right after digits start a new token ("600m" → `600` `m`);
// - initialisms with dots ("U.S.", "e.g.", "S.p.A.") are one word with the inner dots, then a
//   period token for the last dot;
// - a hyphen or dash between two word characters, with no space, joins them: it is dropped and
//   the next token gets `hyphenBefore`; a free-standing dash is a `-` punctuation token;
// - "..." and "…" are one ellipsis token; every other symbol is a one-scalar punctuation token.
// Folding (TextFolding) happens as the token's bytes are read, into a reused scratch buffer, and
// the lexicon turns the folded bytes into an id without allocating a String.

struct Tokenizer {
    let lexicon: Lexicon

    /// Decodes the scalar at `i`: (scalar, byte length). Invalid UTF-8 reads as U+FFFD, one byte.
    @inline(__always)
    static func decode(_ b: [UInt8], _ i: Int) -> (Unicode.Scalar, Int) {
        let c0 = b[i]
        if c0 < 0x80 { return (Unicode.Scalar(c0), 1) }
        let n = b.count
        var v: UInt32
        var len: Int
        if c0 & 0xE0 == 0xC0 { v = UInt32(c0 & 0x1F); len = 2 }
        else if c0 & 0xF0 == 0xE0 { v = UInt32(c0 & 0x0F); len = 3 }
        else if c0 & 0xF8 == 0xF0 { v = UInt32(c0 & 0x07); len = 4 }
        else { return ("\u{FFFD}", 1) }
        guard i + len <= n else { return ("\u{FFFD}", 1) }
        for k in 1..<len {
            let c = b[i + k]
            guard c & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            v = (v << 6) | UInt32(c & 0x3F)
        }
        guard let s = Unicode.Scalar(v) else { return ("\u{FFFD}", 1) }
        return (s, len)
    }

    /// The class of the scalar at `i` (and its length), `.other` past the end.
    @inline(__always)
    static func peek(_ b: [UInt8], _ i: Int, _ end: Int) -> (TextFolding.ScalarClass, Unicode.Scalar, Int) {
        guard i < end else { return (.other, " ", 0) }
        let c = b[i]
        if c < 0x80 {
            if TextFolding.isASCIILetter(c) { return (.letter, Unicode.Scalar(c), 1) }
            if TextFolding.isASCIIDigit(c) { return (.digit, Unicode.Scalar(c), 1) }
        }
        let (s, len) = decode(b, i)
        return (TextFolding.classify(s), s, len)
    }

    /// Tokens of `bytes[range]`.
    func tokenize(_ bytes: [UInt8], range: Range<Int>? = nil) -> [Token] {
        let lo = max(0, range?.lowerBound ?? 0)
        let end = min(bytes.count, range?.upperBound ?? bytes.count)
        var tokens: [Token] = []
        tokens.reserveCapacity((end - lo) / 5)
        var scratch: [UInt8] = []
        scratch.reserveCapacity(64)
        var pending: TokenFlags = []
        var newlines = 0
        var i = lo

        func emit(_ start: Int, _ stop: Int, _ kind: TokenKind, _ extra: TokenFlags, key: WordID) {
            var flags = pending.union(extra)
            if newlines >= 2 { flags.insert(.paragraphBefore) }
            if newlines >= 1 { flags.insert(.newlineBefore) }
            tokens.append(Token(start: start, end: stop, key: key, kind: kind, flags: flags))
            pending = []
            newlines = 0
        }

        while i < end {
            let (cls, scalar, len) = Tokenizer.peek(bytes, i, end)
            switch cls {
            case .whitespace:
                if scalar == "\n" || scalar == "\u{2028}" || scalar == "\u{2029}" { newlines += 1 }
                pending.insert(.spaceBefore)
                i += len
            case .letter, .digit:
                i = scanWord(bytes, i, end, &scratch, emit: emit)
            case .combiningMark:
                i += len  // a stray mark outside a word
            case .ellipsis:
                emit(i, i + len, .punct, [], key: lexicon.ellipsis)
                i += len
            case .apostrophe:
                emit(i, i + len, .punct, [], key: lexicon.apostrophe)
                i += len
            case .doubleQuote:
                emit(i, i + len, .punct, [], key: lexicon.doubleQuote)
                i += len
            case .dash:
                emit(i, i + len, .punct, [], key: lexicon.dash)
                i += len
            case .other:
                if scalar == "." && i + 2 < end && bytes[i + 1] == 0x2E && bytes[i + 2] == 0x2E {
                    var j = i + 3
                    while j < end && bytes[j] == 0x2E { j += 1 }
                    emit(i, j, .punct, [], key: lexicon.ellipsis)
                    i = j
                } else {
                    scratch.removeAll(keepingCapacity: true)
                    TextFolding.appendFolded(scalar, to: &scratch)
                    emit(i, i + len, .punct, [], key: lexicon.intern(scratch[...]))
                    i += len
                }
            }
        }
        return tokens
    }

    /// Scans a word or number starting at `start` — several tokens when hyphens join parts —
    /// emits it (and a possessive after it) and returns the index after it.
    private func scanWord(_ b: [UInt8], _ start: Int, _ end: Int, _ scratch: inout [UInt8],
                          emit: (Int, Int, TokenKind, TokenFlags, WordID) -> Void) -> Int {
        // Initialisms: one or two letters each followed by a dot, at least two groups ("U.S.").
        if !TextFolding.isASCIIDigit(b[start]), let stop = initialismEnd(b, start, end) {
            // The final dot is its own token, so the sentence splitter can weigh it like the
            // period of any other abbreviation ("U.S. The deal" ends a sentence, "e.g. Foo" not).
            scratch.removeAll(keepingCapacity: true)
            var sawLower = false
            for k in start..<(stop - 1) {
                let c = b[k]
                if c >= 0x61 && c <= 0x7A { sawLower = true }
                scratch.append(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
            }
            var flags: TokenFlags = []
            if !sawLower { flags.formUnion([.allCaps, .capitalized]) }
            else if b[start] >= 0x41 && b[start] <= 0x5A { flags.insert(.capitalized) }
            emit(start, stop - 1, .word, flags, lexicon.intern(scratch[...]))
            emit(stop - 1, stop, .punct, [], lexicon.period)
            return stop
        }
        var segment = start
        var joined: TokenFlags = []
        while true {
            scratch.removeAll(keepingCapacity: true)
            var i = segment
            let (firstClass, first, _) = Tokenizer.peek(b, i, end)
            let isNumber = firstClass == .digit
            var flags = joined
            if !isNumber && TextFolding.isUppercase(first) { flags.insert(.capitalized) }
            var sawLower = false, sawLetter = false
            var possessive: Range<Int>? = nil
            var hyphenNext: Int? = nil
            scan: while i < end {
                // ASCII letters and digits, the bulk of any text, without decoding.
                let byte = b[i]
                if byte >= 0x61 && byte <= 0x7A {
                    if isNumber { break scan }
                    sawLetter = true
                    sawLower = true
                    scratch.append(byte)
                    i += 1
                    continue
                }
                if byte >= 0x41 && byte <= 0x5A {
                    if isNumber { break scan }
                    sawLetter = true
                    scratch.append(byte | 0x20)
                    i += 1
                    continue
                }
                if byte >= 0x30 && byte <= 0x39 {
                    scratch.append(byte)
                    i += 1
                    continue
                }
                let (cls, s, len) = Tokenizer.peek(b, i, end)
                switch cls {
                case .letter:
                    if isNumber { break scan }
                    sawLetter = true
                    if TextFolding.isLowercase(s) { sawLower = true }
                    TextFolding.appendFolded(s, to: &scratch)
                    i += len
                case .digit:
                    TextFolding.appendFolded(s, to: &scratch)
                    i += len
                case .combiningMark:
                    i += len
                case .other where isNumber && (s == "." || s == ","):
                    // "43.4" and "420,000" stay one number; a comma needs exactly three digits.
                    let (nc, _, _) = Tokenizer.peek(b, i + 1, end)
                    guard nc == .digit else { break scan }
                    if s == "," {
                        var d = 0
                        while i + 1 + d < end && TextFolding.isASCIIDigit(b[i + 1 + d]) { d += 1 }
                        guard d == 3 else { break scan }
                    }
                    scratch.append(UInt8(s.value))
                    i += len
                case .apostrophe where !isNumber:
                    let (nc, ns, nlen) = Tokenizer.peek(b, i + len, end)
                    if nc == .letter {
                        if ns == "s" || ns == "S" {
                            let (after, _, _) = Tokenizer.peek(b, i + len + nlen, end)
                            if after != .letter && after != .digit {
                                possessive = i..<(i + len + nlen)
                                break scan
                            }
                        }
                        scratch.append(0x27)
                        i += len
                    } else {
                        // "companies'" is a plural possessive; any other trailing ' a quote.
                        if scratch.last == 0x73 && nc != .digit { possessive = i..<(i + len) }
                        break scan
                    }
                case .dash:
                    let (nc, _, _) = Tokenizer.peek(b, i + len, end)
                    if nc == .letter || nc == .digit { hyphenNext = i + len }
                    break scan
                default:
                    break scan
                }
            }
            if sawLetter && !sawLower { flags.insert(.allCaps) }
            let id = lexicon.intern(scratch[...])
            if sawLetter && !flags.contains(.capitalized) { lexicon.noteLowercase(id) }
            emit(segment, i, isNumber ? .number : .word, flags, id)
            if let p = possessive {
                emit(p.lowerBound, p.upperBound, .possessive, [], lexicon.possessive)
                return p.upperBound
            }
            guard let next = hyphenNext else { return i }
            segment = next
            joined = [.hyphenBefore]
        }
    }

    /// End of an initialism such as "U.S." or "S.p.A." at `start`, if there is one.
    private func initialismEnd(_ b: [UInt8], _ start: Int, _ end: Int) -> Int? {
        var i = start
        var groups = 0
        while i + 1 < end, TextFolding.isASCIILetter(b[i]) {
            var j = i
            while j < end && TextFolding.isASCIILetter(b[j]) && j - i < 2 { j += 1 }
            guard j < end, b[j] == 0x2E else { break }
            if j - i == 2 && groups == 0 { return nil }  // "Mr." is a word plus a period
            groups += 1
            i = j + 1
        }
        guard groups >= 2 else { return nil }
        // The next character must not continue a word ("U.S.A" without the last dot still ends).
        if i < end && (TextFolding.isASCIILetter(b[i]) || TextFolding.isASCIIDigit(b[i])) { return nil }
        return i
    }
}
