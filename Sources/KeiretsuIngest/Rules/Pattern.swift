// Pattern: the small token-pattern language the rule tables are written in, and its compiler.
//
// A pattern is a space-separated sequence matched against a sentence whose entity mentions have
// been collapsed into single items:
//
//   <A:Company|Organization>   an entity mention with one of the labels, bound to slot A;
//                              `<A+:Company>` a coordination ("X, Y and Z"), `<A:Company's>`
//                              a possessive mention ("Renault's", "its"); `Any` allows every label
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

struct CompiledPattern {
    var nodes: [PatternNode]
    var slotNames: [String]
    var slotKinds: [SlotKind]
    /// Literal groups that every match must contain (a quick pre-check per sentence).
    var requiredLiterals: [Int32]

    func slot(_ name: String) -> Int? { slotNames.firstIndex(of: name) }
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
        var required: [Int32] = []
        for n in nodes { if case .literal(let g) = n { required.append(g) } }
        return CompiledPattern(nodes: nodes, slotNames: slotNames, slotKinds: slotKinds, requiredLiterals: required)
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
