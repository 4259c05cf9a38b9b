// Terminal column widths, for lining up the box table.
//
// A terminal gives East Asian wide characters (CJK ideographs, kana, Hangul, full-width forms,
// most emoji) two columns and combining marks none; everything else takes one. This is the
// small core of Unicode's East Asian Width property (UAX #11) that matters for names of
// companies and people, not the full table.

enum DisplayWidth {
    static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x300 { return v < 0x20 || (v >= 0x7F && v < 0xA0) ? 0 : 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if isWide(v) { return 2 }
        return 1
    }

    static func isWide(_ v: UInt32) -> Bool {
        (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v)
    }

    /// The width of `text` in terminal columns.
    static func of(_ text: String) -> Int {
        var w = 0
        for s in text.unicodeScalars { w += of(s) }
        return w
    }

    /// `text` cut to at most `maxWidth` columns, ending in `…` when something was cut.
    static func truncate(_ text: String, to maxWidth: Int) -> String {
        guard of(text) > maxWidth else { return text }
        guard maxWidth >= 1 else { return "" }
        var out = ""
        var w = 0
        for ch in text {
            var cw = 0
            for s in ch.unicodeScalars { cw += of(s) }
            if w + cw > maxWidth - 1 { break }
            out.append(ch)
            w += cw
        }
        return out + "…"
    }
}
