// TextFolding: the one place that decides when two spellings of a word are the same word.
//
// Gazetteer keys, rule literals and article tokens are all compared in folded form: lower case,
// no diacritics ("café" = "cafe"), one apostrophe (’ ʼ ‘ → '), one double quote (“ ” „ « »
// → "), one dash (‐ ‑ ‒ – — − → -) and one ellipsis (… → ...). Folding works on Unicode scalars
// with a table for the Latin-1 Supplement, Latin Extended-A and the Romanian comma-below letters
// (which covers the names of European and Latin American news); combining marks are dropped so
// decomposed input folds the same way; other scripts are lower-cased through the scalar's own
// lowercase mapping. No Foundation: this runs on every token of every article.

enum TextFolding {
    /// Classes of scalars that the tokenizer treats specially.
    enum ScalarClass: Equatable {
        case letter, digit, whitespace, apostrophe, doubleQuote, dash, ellipsis, combiningMark, other
    }

    @inline(__always)
    static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    @inline(__always)
    static func isASCIIDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    static func classify(_ s: Unicode.Scalar) -> ScalarClass {
        let v = s.value
        if v < 0x80 {
            let b = UInt8(v)
            if isASCIILetter(b) { return .letter }
            if isASCIIDigit(b) { return .digit }
            switch b {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C: return .whitespace
            case 0x27: return .apostrophe
            case 0x22: return .doubleQuote
            case 0x2D: return .dash
            default: return .other
            }
        }
        switch v {
        case 0x2019, 0x2018, 0x02BC, 0x2032: return .apostrophe
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB, 0x2033: return .doubleQuote
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212: return .dash
        case 0x2026: return .ellipsis
        case 0x00A0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: return .whitespace
        case 0x00AD: return .combiningMark  // soft hyphen: invisible, folds to nothing
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F:
            return .combiningMark
        default:
            break
        }
        let p = s.properties
        if p.isWhitespace { return .whitespace }
        if p.isAlphabetic { return .letter }
        if p.numericType == .decimal { return .digit }
        if p.generalCategory == .nonspacingMark || p.generalCategory == .spacingMark { return .combiningMark }
        return .other
    }

    static func isUppercase(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value >= 0x41 && s.value <= 0x5A }
        return s.properties.isUppercase
    }

    static func isLowercase(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value >= 0x61 && s.value <= 0x7A }
        return s.properties.isLowercase
    }

    /// Appends the folded UTF-8 form of `s` to `out`.
    static func appendFolded(_ s: Unicode.Scalar, to out: inout [UInt8]) {
        let v = s.value
        if v < 0x80 {
            var b = UInt8(v)
            if b >= 0x41 && b <= 0x5A { b |= 0x20 }
            out.append(b)
            return
        }
        if v >= 0xC0 && v <= 0x17F {
            let base = latinTable[Int(v - 0xC0)]
            if !base.isEmpty {
                out.append(contentsOf: base.utf8)
                return
            }
        }
        switch classify(s) {
        case .apostrophe: out.append(0x27); return
        case .doubleQuote: out.append(0x22); return
        case .dash: out.append(0x2D); return
        case .ellipsis: out.append(contentsOf: [0x2E, 0x2E, 0x2E]); return
        case .combiningMark: return
        default: break
        }
        switch v {
        case 0x218, 0x219: out.append(0x73); return  // Ș ș
        case 0x21A, 0x21B: out.append(0x74); return  // Ț ț
        default: break
        }
        if s.properties.changesWhenLowercased {
            out.append(contentsOf: s.properties.lowercaseMapping.utf8)
        } else {
            out.append(contentsOf: String(s).utf8)
        }
    }

    /// The folded form of a whole string (for tables and tests; the tokenizer folds in place).
    static func fold(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for s in text.unicodeScalars { appendFolded(s, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Base letters for U+00C0…U+017F, indexed from U+00C0; "" where the scalar is not a letter
    /// (× and ÷), which then folds through the general path.
    static let latinTable: [String] = {
        // Latin-1 Supplement letters, U+00C0…U+00FF.
        let latin1 = ["a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
                      "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",
                      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
                      "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y"]
        // Latin Extended-A, U+0100…U+017F, as (count, base) runs in code point order.
        let runs: [(Int, String)] = [
            (6, "a"), (8, "c"), (4, "d"), (10, "e"), (8, "g"), (4, "h"), (10, "i"), (2, "ij"), (2, "j"),
            (3, "k"), (10, "l"), (9, "n"), (6, "o"), (2, "oe"), (6, "r"), (8, "s"), (6, "t"), (12, "u"),
            (2, "w"), (3, "y"), (6, "z"), (1, "s"),
        ]
        var table = latin1
        for (n, base) in runs { table.append(contentsOf: Array(repeating: base, count: n)) }
        return table
    }()
}
