// How the alliance graph looks in Graphviz: a shape and fill per label, an edge caption made of
// the relationship type and its key property, dashed lines for facts that no longer or do not
// yet hold, and the quoting every DOT string goes through.
//
// The tables follow the vocabulary of DESIGN.md ("Domain vocabulary"); a label or type they do
// not know still gets a stable look (an ellipse in a colour picked by a hash of the label's
// bytes — never Swift's per-process seeded Hasher, so the output is the same on every run).
// Only these fixed attributes are ever written: user properties appear as label *text*, never
// as Graphviz attribute names (DESIGN.md "Exports").

import KeiretsuGraph

struct DOTNodeStyle: Equatable, Sendable {
    var shape: String
    var fill: String
}

enum DOTStyle {
    /// Most specific first: a node labelled both Organization and Alliance is drawn as an alliance.
    static let labelStyles: [(label: String, style: DOTNodeStyle)] = [
        ("Alliance", DOTNodeStyle(shape: "doubleoctagon", fill: "#d9d2e9")),
        ("Company", DOTNodeStyle(shape: "box", fill: "#cfe2f3")),
        ("Person", DOTNodeStyle(shape: "ellipse", fill: "#fce5cd")),
        ("Project", DOTNodeStyle(shape: "hexagon", fill: "#d9ead3")),
        ("Market", DOTNodeStyle(shape: "house", fill: "#fff2cc")),
        ("Organization", DOTNodeStyle(shape: "diamond", fill: "#ead1dc")),
        ("Document", DOTNodeStyle(shape: "note", fill: "#eeeeee")),
    ]

    /// Fills for labels outside the table, chosen by hash.
    static let palette = ["#e6f2e6", "#f4e1d2", "#dde7f0", "#f0e6f5", "#f5f0d8", "#d8f0ef", "#f2dede", "#e8e8d0"]

    static let unlabelled = DOTNodeStyle(shape: "ellipse", fill: "#ffffff")

    /// The label that decides a node's look, and the look.
    static func style(forLabels labels: [String]) -> (label: String?, style: DOTNodeStyle) {
        for (label, style) in labelStyles where labels.contains(label) { return (label, style) }
        guard let first = labels.first else { return (nil, unlabelled) }
        return (first, DOTNodeStyle(shape: "ellipse", fill: palette[Int(fnv1a(first) % UInt64(palette.count))]))
    }

    static func fnv1a(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }

    /// Relationship types drawn without an arrow head: the fact has no direction.
    static let symmetricTypes: Set<String> = ["PARTNERS_WITH", "MERGES_WITH"]

    /// Statuses of a fact that is planned rather than done.
    static let plannedStatuses: Set<String> = ["considering", "talks", "planned", "proposed", "negotiating", "rumored", "rumoured"]

    // MARK: Node captions

    /// The text shown in a node: its name (or title, or path), else its label and id.
    static func caption(labels: [String], properties: ValueMap, id: ElementID) -> String {
        for key in ["name", "title", "path"] {
            if case .string(let s)? = properties[key], !s.isEmpty { return s }
        }
        if let label = labels.first { return "\(label) \(id)" }
        return "node \(id)"
    }

    // MARK: Edge captions and line styles

    /// `HOLDS_STAKE 43%`, `HOLDS_ROLE CEO`, `INVESTS_IN 1.5bn EUR`, …; the bare type otherwise.
    static func edgeCaption(type: String, properties p: ValueMap) -> String {
        var detail: String? = nil
        switch type {
        case "HOLDS_STAKE":
            if let pct = p["percent"].flatMap(number) {
                detail = pct + "%"
            } else if let target = p["targetPercent"].flatMap(number) {
                detail = "→ " + target + "%"
            }
        case "HOLDS_ROLE":
            detail = p["role"].flatMap(text)
        case "INVESTS_IN":
            if let amount = p["amount"] {
                let a = amount.doubleValue.map(compactAmount) ?? text(amount)
                detail = [a, p["currency"].flatMap(text)].compactMap { $0 }.joined(separator: " ")
            }
        case "LEADS":
            detail = p["area"].flatMap(text)
        case "MERGES_WITH":
            detail = p["status"].flatMap(text)
        case "MEMBER_OF", "PARTNERS_WITH":
            detail = p["since"].flatMap(text).map { "since " + $0 }
        default:
            break
        }
        guard let detail, !detail.isEmpty else { return type }
        return type + " " + detail
    }

    enum LineStyle: Equatable {
        case solid
        /// Former facts (`former: true`, an `until` date) and planned ones (a target stake
        /// without a stake, a status such as `talks` or `considering`).
        case dashed
        /// Abandoned facts.
        case dotted
    }

    static func lineStyle(properties p: ValueMap) -> LineStyle {
        if case .string(let s)? = p["status"], s.lowercased() == "abandoned" { return .dotted }
        if case .bool(true)? = p["former"] { return .dashed }
        if let until = p["until"], !until.isNull { return .dashed }
        if let target = p["targetPercent"], !target.isNull, (p["percent"] ?? .null).isNull { return .dashed }
        if case .string(let s)? = p["status"], plannedStatuses.contains(s.lowercased()) { return .dashed }
        return .solid
    }

    /// A number without a needless `.0`: 43.0 → "43", 43.5 → "43.5".
    static func number(_ v: Value) -> String? {
        switch v {
        case .int(let i): return String(i)
        case .float(let d) where d.isFinite:
            if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
            return String(d)
        case .string(let s): return s
        default: return nil
        }
    }

    /// 1500000000 → "1.5bn", 250000000 → "250M", 12000 → "12k".
    static func compactAmount(_ d: Double) -> String {
        guard d.isFinite else { return formatDouble(d) }
        let units: [(Double, String)] = [(1e12, "tn"), (1e9, "bn"), (1e6, "M"), (1e3, "k")]
        for (scale, suffix) in units where abs(d) >= scale {
            let rounded = (d / scale * 10).rounded() / 10
            // Past 10^15 of the largest unit a number is no amount anyone reads; print it plainly
            // (this also keeps the Int64 conversion below in range).
            guard abs(rounded) < 1e15 else { return formatDouble(d) }
            return (rounded == rounded.rounded() ? String(Int64(rounded)) : String(rounded)) + suffix
        }
        return number(.float(d)) ?? formatDouble(d)
    }

    static func text(_ v: Value) -> String? {
        switch v {
        case .null: return nil
        case .string(let s): return s
        case .temporal(let t): return t.isoString
        default: return v.literal()
        }
    }

    // MARK: Quoting

    /// `s` as a DOT double-quoted string, at most `limit` characters of it (an ellipsis marks the
    /// cut). In Graphviz strings `\` starts an escape (`\n`, `\N`, `\G`, …) and `&…;` an HTML
    /// entity, so both are escaped; line breaks become `\n`; characters that would make the SVG
    /// output invalid XML (control characters, U+FFFE, U+FFFF) become U+FFFD.
    static func quoted(_ s: String, limit: Int = Int.max) -> String {
        // Fast path: short printable ASCII without a character to escape is copied as it is.
        if s.utf8.count <= limit, s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C && $0 != 0x26 }) {
            return "\"" + s + "\""
        }
        var out = "\""
        var count = 0
        var previousCR = false
        for ch in s {
            if count >= limit {
                out += "…"
                break
            }
            count += 1
            for scalar in ch.unicodeScalars {
                switch scalar {
                case "\\": out += "\\\\"
                case "\"": out += "\\\""
                case "&": out += "&amp;"
                case "\n":
                    if !previousCR { out += "\\n" }
                case "\r": out += "\\n"
                case "\t": out += " "
                default:
                    let v = scalar.value
                    if v < 0x20 || v == 0x7F || v == 0xFFFE || v == 0xFFFF {
                        out += "\u{FFFD}"
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
                previousCR = scalar == "\r"
            }
        }
        return out + "\""
    }
}
