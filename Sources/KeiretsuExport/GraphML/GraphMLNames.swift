// The spelling rules of keiretsu's GraphML: property names, label lists and text content.
//
// Three things a property graph allows and GraphML does not:
//
// * `attr.name` must be an NMTOKEN (graphml.xsd, `key.name.type`), but a property may be called
//   `founded in`, `#shares` or `株式/比率`. Names are therefore encoded the way .NET's
//   XmlConvert.EncodeName does it: every character that is not an XML 1.0 NameChar becomes
//   `_xHHHH_` (`_xHHHHHH_` outside the Basic Multilingual Plane), and a `_` that would read as
//   the start of such an escape is itself escaped. The names `labels`, `label` and `id` are kept
//   for the labels key, the relationship-type key and the element ids (networkx and igraph put
//   the GraphML id into an attribute called `id`), so a property with one of those names has its
//   first character escaped: `labels` → `_x006C_abels`. Decoding reverses all of it; keiretsu's
//   reader decodes the names of the keys it wrote itself (those carry a `keiretsu:` description).
// * Labels travel in one string, `:Company:Other`, as Neo4j APOC writes them. A label holding
//   `:` or `\` gets a backslash before it so the list splits back exactly.
// * XML 1.0 text cannot hold most control characters, nor U+FFFE and U+FFFF (XML 1.0 §2.2,
//   production Char). libxml2's writer emits them raw and reports success, leaving a file no
//   parser accepts, so they are replaced with U+FFFD before they reach it.

enum GraphMLNames {
    /// Names taken by the structure of the export; a property so called is escaped.
    static let reserved: Set<String> = ["labels", "label", "id"]

    /// The `attr.name` of the empty property name (an NMTOKEN cannot be empty).
    static let emptyName = "_xEMPTY_"

    /// `name` as an NMTOKEN that `decode` maps back to `name`.
    static func encode(_ name: String) -> String {
        if name.isEmpty { return emptyName }
        let scalars = Array(name.unicodeScalars)
        var out = ""
        out.reserveCapacity(name.utf8.count)
        for (i, s) in scalars.enumerated() {
            let mustEscape: Bool
            if i == 0 && reserved.contains(name) {
                mustEscape = true
            } else if s == "_" {
                mustEscape = escapeAt(scalars, i) != nil || name == emptyName
            } else {
                mustEscape = !isNameChar(s)
            }
            if mustEscape {
                out += escapeSequence(s)
            } else {
                out.unicodeScalars.append(s)
            }
        }
        return out
    }

    /// The property name that `encode` turned into `token`.
    static func decode(_ token: String) -> String {
        if token == emptyName { return "" }
        let scalars = Array(token.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "_", let (scalar, length) = escapeAt(scalars, i) {
                out.append(scalar)
                i += length
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }

    static func escapeSequence(_ s: Unicode.Scalar) -> String {
        let hex = String(s.value, radix: 16, uppercase: true)
        let width = s.value > 0xFFFF ? 6 : 4
        return "_x" + String(repeating: "0", count: max(0, width - hex.count)) + hex + "_"
    }

    /// The scalar an escape `_xHHHH_` or `_xHHHHHH_` starting at `i` stands for, and its length.
    /// Only upper-case hex digits count, so `_x00e9_` is plain text.
    static func escapeAt(_ s: [Unicode.Scalar], _ i: Int) -> (Unicode.Scalar, Int)? {
        guard i + 1 < s.count, s[i] == "_", s[i + 1] == "x" else { return nil }
        for width in [4, 6] {
            let end = i + 2 + width
            guard end < s.count, s[end] == "_" else { continue }
            var value: UInt32 = 0
            var ok = true
            for k in (i + 2)..<end {
                let c = s[k].value
                switch c {
                case 0x30...0x39: value = value * 16 + (c - 0x30)
                case 0x41...0x46: value = value * 16 + (c - 0x37)
                default: ok = false
                }
                if !ok { break }
            }
            if ok, let scalar = Unicode.Scalar(value) { return (scalar, width + 3) }
        }
        return nil
    }

    /// XML 1.0 (Fifth Edition) NameChar, §2.3, restricted to the Basic Multilingual Plane:
    /// characters beyond it are escaped too, because parsers that follow the older editions'
    /// character tables reject them in names.
    static func isNameChar(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3A, 0x5F, 0x2D, 0x2E: return true  // : _ - .
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case 0xB7, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x37D, 0x37F...0x1FFF: return true
        case 0x200C...0x200D, 0x203F...0x2040, 0x2070...0x218F, 0x2C00...0x2FEF: return true
        case 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD: return true
        default: return false
        }
    }

    // MARK: Labels

    /// `:A:B`, with `:` and `\` inside a label escaped by a backslash.
    static func joinLabels(_ labels: [String]) -> String {
        var out = ""
        for label in labels {
            out += ":"
            for ch in label.unicodeScalars {
                if ch == ":" || ch == "\\" { out += "\\" }
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// Reverses `joinLabels`.
    static func splitLabels(_ text: String) -> [String] {
        var labels: [String] = []
        var current = String.UnicodeScalarView()
        var started = false
        var escaped = false
        for ch in text.unicodeScalars {
            if escaped {
                current.append(ch)
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else if ch == ":" {
                if started { labels.append(String(current)) }
                current = String.UnicodeScalarView()
                started = true
            } else {
                current.append(ch)
            }
        }
        if started { labels.append(String(current)) }
        return labels
    }

    /// APOC's plain form: `:A:B` (or `A:B`) split on every colon, empty pieces dropped.
    static func splitForeignLabels(_ text: String) -> [String] {
        text.split(separator: ":").map { String($0).trimmingXMLSpace() }.filter { !$0.isEmpty }
    }

    // MARK: Text content

    /// `text` with every character XML 1.0 cannot hold replaced by U+FFFD. Allowed (production
    /// Char): tab, line feed, carriage return, U+0020…U+D7FF, U+E000…U+FFFD, U+10000…U+10FFFF.
    static func xmlSafe(_ text: String) -> String {
        // Fast path: a byte scan finds nothing to replace in almost every string. U+FFFE and
        // U+FFFF are EF BF BE / EF BF BF in UTF-8.
        var clean = true
        var previous: (UInt8, UInt8) = (0, 0)
        for b in text.utf8 {
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D {
                clean = false
                break
            }
            if (b == 0xBE || b == 0xBF) && previous == (0xEF, 0xBF) {
                clean = false
                break
            }
            previous = (previous.1, b)
        }
        if clean { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            let v = s.value
            let allowed = v == 0x09 || v == 0x0A || v == 0x0D || (v >= 0x20 && v != 0xFFFE && v != 0xFFFF)
            out.append(allowed ? s : "\u{FFFD}")
        }
        return String(out)
    }
}

extension String {
    /// Without leading and trailing XML white space (space, tab, CR, LF).
    func trimmingXMLSpace() -> String {
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
            let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(scalars[first...last])
    }
}
