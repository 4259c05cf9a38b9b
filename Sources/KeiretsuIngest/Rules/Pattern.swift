// Pattern: the small token-pattern language the rule tables are written in, and its compiler.
//
// A pattern is a space-separated sequence matched against a sentence whose entity mentions have
// been collapsed into single items:
//
//   <A:Company|Organization>   an entity mention with one of the labels, bound to slot A;
//                              `<A+:Company>` a coordination ("X, Y and Z"), `<A:Company's>`
//                              a possessive mention ("Norvik's", "its"); `Any` allows every label
//   <X:?>                      an untyped capitalised chunk (discovery cues only)
//   word  w1|w2|pre*           a word (folded), alternatives, or a prefix ("reduc*")
//   , : ; - ' "                punctuation, literally
//   %P  #N  $M                 a percentage, a number ("420,000", "five"), an amount of money
//   @R                         a role title, with "the"/"then"/"former" before it
//   ~J[+][:Label][=w1|w2]      a noun phrase or a mention of Label (default Project), or a list;
//                              `=…` requires the phrase to end with one of the words
//   ...N  __N                  skip 0…N items (default 6); `__` never crosses , ; : ( ) or a dash
//   ( a b | c )  [ a b ]       a group of alternatives; an optional group
//   APPOS                      an optional apposition ", the Italian investment company," whose
//                              words do not count as skipped
//
// Compilation turns words into lexicon ids (through `LiteralIndex`, so prefixes are resolved once
// per distinct word) and slot names into indices. Errors name the rule and the offending piece;
// a test compiles every shipped table so they can never fail at run time.

struct PatternError: Error, CustomStringConvertible {
    var rule: String
    var message: String
    var description: String { "rule \(rule): \(message)" }
}

enum SlotKind: Equatable {
    case entity, candidate, percent, number, money, role, phrase
}

struct EntitySlotSpec {
    var labels: LabelSet
    var list: Bool
    var possessive: Bool
}

indirect enum PatternNode {
    case literal(Int32)
    case entity(slot: Int, spec: EntitySlotSpec)
    case candidate(slot: Int)
    case gap(max: Int, clause: Bool, free: Bool)
    case percent(slot: Int)
    case number(slot: Int)
    case money(slot: Int)
    case role(slot: Int)
    case phrase(slot: Int, label: String, labels: LabelSet, list: Bool, head: Int32?)
    case group([[PatternNode]])
    case optional([PatternNode])
}

/// A compiled pattern (a class: rule tables are walked for every sentence, and copying a struct
/// of arrays there cost reference counting on every step).
final class CompiledPattern {
    let nodes: [PatternNode]
    let slotNames: [String]
    let slotKinds: [SlotKind]
    /// What every match must contain, as sets of literal groups of which one must occur in the
    /// sentence (a literal, or one of a group's alternatives) — a quick pre-check per sentence.
    let requirements: [[Int32]]
    /// `requirements` flattened for the per-sentence check (run ~100 times per sentence):
    /// the groups, each requirement ending at an index of `requirementEnds`; raw memory owned
    /// by this object, so reading it costs no reference counting.
    let requirementGroups: UnsafeMutableBufferPointer<Int32>
    let requirementEnds: UnsafeMutableBufferPointer<Int32>
    /// The same pattern as flat data, for the matcher.
    let program: PatternProgram

    init(nodes: [PatternNode], slotNames: [String], slotKinds: [SlotKind], quantityGroups: QuantityGroups) {
        self.nodes = nodes
        self.slotNames = slotNames
        self.slotKinds = slotKinds
        requirements = CompiledPattern.requirements(nodes, quantityGroups)
        let flat = requirements.flatMap { $0 }
        requirementGroups = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(flat.count, 1))
        _ = requirementGroups.initialize(from: flat)
        requirementEnds = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(requirements.count, 1))
        var n: Int32 = 0
        for (i, r) in requirements.enumerated() {
            n += Int32(r.count)
            requirementEnds[i] = n
        }
        requirementCount = requirements.count
        var labels: [UInt64] = []
        for n in nodes { if case .entity(_, let spec) = n { labels.append(spec.labels.rawValue) } }
        requiredLabels = labels
        program = PatternProgram(nodes)
    }

    let requirementCount: Int
    /// Label sets of which the sentence must hold a mention (one per top-level entity slot).
    let requiredLabels: [UInt64]

    deinit {
        requirementGroups.deallocate()
        requirementEnds.deallocate()
    }

    func slot(_ name: String) -> Int? { slotNames.firstIndex(of: name) }

    /// The literal requirements of a sequence: each literal is one; a group whose every
    /// alternative requires something requires the union of its alternatives' first requirements.
    /// A role title, a percentage or an amount needs one of its words in the sentence too.
    static func requirements(_ seq: [PatternNode], _ q: QuantityGroups) -> [[Int32]] {
        var out: [[Int32]] = []
        for n in seq {
            switch n {
            case .literal(let g):
                out.append([g])
            case .role:
                out.append([q.role])
            case .percent:
                out.append([q.percent])
            case .money:
                out.append([q.money])
            case .group(let alts):
                var union: [Int32] = []
                var all = true
                for a in alts {
                    guard let first = requirements(a, q).first else { all = false; break }
                    union += first
                }
                if all && !union.isEmpty { out.append(union) }
            default:
                break
            }
        }
        return out
    }
}

/// Literal groups of the words a quantity cannot be written without.
struct QuantityGroups {
    var role: Int32
    var percent: Int32
    var money: Int32
    /// Words a role title can start with ("the", "former", "vice", "chief", …).
    var roleStart: Int32
    /// Words a number can start with besides digits ("five", "about", …).
    var numberStart: Int32
    /// Words an amount can start with besides digits ("$", "about", …).
    var moneyStart: Int32

    init(_ literals: LiteralIndex) {
        func words(_ phrases: [String]) -> [String] {
            var out: [String] = []
            for p in phrases {
                for w in p.split(whereSeparator: { $0 == " " || $0 == "-" }) {
                    var word = String(w)
                    // "US$" is the word "us" and the symbol "$".
                    if word.count > 1, let last = word.last, !last.isLetter { out.append(String(last)); word.removeLast() }
                    out.append(word)
                }
            }
            return out
        }
        func firsts(_ phrases: [String]) -> [String] {
            phrases.compactMap { p in words([p]).first }
        }
        // Function words of role phrases ("chairman of the board") say nothing about a title.
        let functionWords: Set<String> = ["of", "the", "and", "a", "an", "group"]
        role = literals.group(words(QuantityWords.roles.map(\.0)).filter { !functionWords.contains($0.lowercased()) })
        percent = literals.group(["%", "percent", "per", "pct", "percentage"])
        money = literals.group(words(QuantityWords.currencies.map(\.0)))
        let approximators = firsts(QuantityWords.approximators)
        roleStart = literals.group(["the", "a", "an"] + firsts(QuantityWords.pastModifiers) + firsts(QuantityWords.currentModifiers)
                                   + firsts(QuantityWords.rankPrefixes) + firsts(QuantityWords.roles.map(\.0)))
        numberStart = literals.group(approximators + firsts(QuantityWords.numberWords.map(\.0)))
        moneyStart = literals.group(approximators + firsts(QuantityWords.currencies.map(\.0)))
    }
}

struct PatternCompiler {
    let lexicon: Lexicon
    let literals: LiteralIndex
    var labels: LabelTable

    mutating func compile(_ source: String, rule: String) throws -> CompiledPattern {
        // Brackets and parentheses are pieces of their own even when written against a word.
        var spaced = ""
        for ch in source {
            if "[]()".contains(ch) { spaced += " \(ch) " } else { spaced.append(ch) }
        }
        var pieces = spaced.split(separator: " ", omittingEmptySubsequences: true).map(String.init)[...]
        var slotNames: [String] = []
        var slotKinds: [SlotKind] = []
        let nodes = try parseSequence(&pieces, rule: rule, slotNames: &slotNames, slotKinds: &slotKinds, closer: nil)
        if let extra = pieces.first {
            throw PatternError(rule: rule, message: "unexpected '\(extra)'")
        }
        return CompiledPattern(nodes: nodes, slotNames: slotNames, slotKinds: slotKinds, quantityGroups: QuantityGroups(literals))
    }

    private mutating func parseSequence(_ p: inout ArraySlice<String>, rule: String, slotNames: inout [String],
                                        slotKinds: inout [SlotKind], closer: Set<String>?) throws -> [PatternNode] {
        var out: [PatternNode] = []
        while let piece = p.first {
            if let c = closer, c.contains(piece) { return out }
            if piece == ")" || piece == "]" || piece == "|" {
                throw PatternError(rule: rule, message: "unbalanced '\(piece)'")
            }
            p.removeFirst()
            if piece == "(" {
                var alts: [[PatternNode]] = []
                while true {
                    alts.append(try parseSequence(&p, rule: rule, slotNames: &slotNames, slotKinds: &slotKinds, closer: ["|", ")"]))
                    guard let sep = p.first else { throw PatternError(rule: rule, message: "'(' is never closed") }
                    p.removeFirst()
                    if sep == ")" { break }
                }
                out.append(.group(alts))
            } else if piece == "[" {
                let inner = try parseSequence(&p, rule: rule, slotNames: &slotNames, slotKinds: &slotKinds, closer: ["]"])
                guard p.first == "]" else { throw PatternError(rule: rule, message: "'[' is never closed") }
                p.removeFirst()
                out.append(.optional(inner))
            } else {
                out.append(try parseAtom(piece, rule: rule, slotNames: &slotNames, slotKinds: &slotKinds))
            }
        }
        if closer != nil { throw PatternError(rule: rule, message: "group is never closed") }
        return out
    }

    private mutating func parseAtom(_ piece: String, rule: String, slotNames: inout [String],
                                    slotKinds: inout [SlotKind]) throws -> PatternNode {
        func newSlot(_ name: String, _ kind: SlotKind) throws -> Int {
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber }) else {
                throw PatternError(rule: rule, message: "bad slot name in '\(piece)'")
            }
            if let i = slotNames.firstIndex(of: name) {
                guard slotKinds[i] == kind else { throw PatternError(rule: rule, message: "slot \(name) used with two kinds") }
                return i
            }
            slotNames.append(name)
            slotKinds.append(kind)
            return slotNames.count - 1
        }
        if piece.hasPrefix("<") && piece.hasSuffix(">") && piece.count > 2 {
            let body = String(piece.dropFirst().dropLast())
            guard let colon = body.firstIndex(of: ":") else { throw PatternError(rule: rule, message: "slot '\(piece)' needs ':labels'") }
            var name = String(body[..<colon])
            var labelText = String(body[body.index(after: colon)...])
            let list = name.hasSuffix("+")
            if list { name.removeLast() }
            if labelText == "?" { return .candidate(slot: try newSlot(name, .candidate)) }
            let possessive = labelText.hasSuffix("'s")
            if possessive { labelText.removeLast(2) }
            var set: LabelSet = []
            for l in labelText.split(separator: "|") {
                if l == "Any" { set = LabelSet(rawValue: ~0) } else { set.insert(labels.bit(String(l))) }
            }
            guard !set.isEmpty else { throw PatternError(rule: rule, message: "slot '\(piece)' has no labels") }
            return .entity(slot: try newSlot(name, .entity), spec: EntitySlotSpec(labels: set, list: list, possessive: possessive))
        }
        if piece.hasPrefix("...") || piece.hasPrefix("__") {
            let clause = piece.hasPrefix("__")
            let digits = piece.drop(while: { $0 == "." || $0 == "_" })
            guard let n = digits.isEmpty ? 6 : Int(digits), n >= 0, n <= 40 else {
                throw PatternError(rule: rule, message: "bad gap '\(piece)'")
            }
            return .gap(max: n, clause: clause, free: false)
        }
        if piece == "APPOS" {
            // An optional apposition or parenthetical clause, ", … ,": structure, not noise, so
            // the words it skips do not count against the match.
            return .optional([.literal(literals.group([","])), .gap(max: 14, clause: true, free: true), .literal(literals.group([","]))])
        }
        if piece.count >= 2, let sigil = piece.first, "%#$@~".contains(sigil) {
            var name = String(piece.dropFirst())
            switch sigil {
            case "%": return .percent(slot: try newSlot(name, .percent))
            case "#": return .number(slot: try newSlot(name, .number))
            case "$": return .money(slot: try newSlot(name, .money))
            case "@": return .role(slot: try newSlot(name, .role))
            default:
                // ~J[+][:Label][=head|words]
                var head: Int32? = nil
                if let eq = name.firstIndex(of: "=") {
                    let words = name[name.index(after: eq)...].split(separator: "|").map(String.init)
                    guard !words.isEmpty else { throw PatternError(rule: rule, message: "empty head list in '\(piece)'") }
                    head = literals.group(words)
                    name = String(name[..<eq])
                }
                var label = "Project"
                if let colon = name.firstIndex(of: ":") {
                    label = String(name[name.index(after: colon)...])
                    name = String(name[..<colon])
                }
                let list = name.hasSuffix("+")
                if list { name.removeLast() }
                let bits = labels.bit(label)
                return .phrase(slot: try newSlot(name, .phrase), label: label, labels: bits, list: list, head: head)
            }
        }
        let words = piece.split(separator: "|").map(String.init)
        guard !words.isEmpty, !words.contains(where: \.isEmpty) else {
            throw PatternError(rule: rule, message: "bad literal '\(piece)'")
        }
        // Articles never yield a token with an inner hyphen ("spin-off" is `spin` `off`).
        if let bad = words.first(where: { $0.count > 1 && $0.contains("-") }) {
            throw PatternError(rule: rule, message: "literal '\(bad)' can never match: write its parts as separate words")
        }
        return .literal(literals.group(words))
    }
}
