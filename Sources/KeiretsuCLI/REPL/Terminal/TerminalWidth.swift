// How many terminal columns a character takes.
//
// The editor must know exactly where the terminal will put the cursor, so every character of
// the buffer is measured: East Asian wide and full-width characters take two columns (Unicode
// UAX #11, properties W and F), as do emoji shown in emoji presentation; combining marks,
// zero-width format characters and Hangul medial/final jamo take none; everything else takes
// one. This is the same rule wcwidth(3) implements, written out here because the C function
// depends on the process locale and on the age of the system's tables.
//
// Control characters have no width of their own; the editor's view shows them as `^X`.

enum TerminalWidth {
    /// Columns taken by one Unicode scalar; 0 for control characters.
    static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x7F { return v < 0x20 ? 0 : 1 }
        if v < 0xA0 { return 0 }
        if v < 0x300 { return 1 }
        if (0x1160...0x11FF).contains(v) || v == 0x200B { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if isWide(v) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// Ranges of East Asian Width W and F (UAX #11), the blocks that hold letters people type.
    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
             0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
             0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4,
             0x17000...0x18AFF, 0x1B000...0x1B2FF, 0x1F200...0x1F251, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Columns taken by one grapheme cluster: its base character's width, or two for an emoji
    /// sequence (a variation selector 16, a flag made of two regional indicators).
    static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        var base = of(first)
        if scalars.count > 1 {
            if (0x1F1E6...0x1F1FF).contains(first.value) { return 2 }
            if first.properties.isEmoji && scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
            if base == 0 {
                // A lone combining sequence with no visible base: measure what it holds.
                base = scalars.reduce(0) { $0 + of($1) }
            }
        }
        return base
    }

    /// Columns taken by `text` when printed (control characters counted as none).
    static func of(_ text: String) -> Int {
        var w = 0
        for ch in text { w += of(ch) }
        return w
    }

    /// Columns taken by `text` ignoring ANSI escape sequences (`ESC [ … letter`) in it.
    static func ofStyled(_ text: String) -> Int {
        var w = 0
        var inEscape = false
        for ch in text {
            if inEscape {
                if let s = ch.unicodeScalars.first, (0x40...0x7E).contains(s.value), ch != "[" { inEscape = false }
                continue
            }
            if ch == "\u{1B}" {
                inEscape = true
                continue
            }
            w += of(ch)
        }
        return w
    }

    /// `text` cut to at most `maxWidth` columns, ending in `…` when something was cut.
    static func truncate(_ text: String, to maxWidth: Int) -> (text: String, cut: Bool) {
        guard of(text) > maxWidth else { return (text, false) }
        guard maxWidth >= 1 else { return ("", true) }
        var out = ""
        var w = 0
        for ch in text {
            let cw = of(ch)
            if w + cw > maxWidth - 1 { break }
            out.append(ch)
            w += cw
        }
        return (out + "…", true)
    }
}
