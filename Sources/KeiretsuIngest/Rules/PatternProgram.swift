// PatternProgram: a compiled pattern flattened into plain-old-data arrays for the matcher.
//
// The pattern tree (PatternNode) is convenient to build and inspect, but walking it during
// backtracking retains and releases its nested arrays at every step — on the hot path of ingest
// that reference counting cost more than the matching itself. The program stores every node in
// one array of fixed-size structs; a sequence is a (start, count) slice of it, a group lists the
// sequences of its alternatives in `alternatives`. Sequence 0 is the whole pattern. The matcher
// reads it through unsafe buffer pointers, so a match step touches no reference count at all.

struct FlatNode {
    enum Op: UInt8 {
        case literal, entity, candidate, gap, percent, number, money, role, phrase, group, optional
    }

    var op: Op
    /// literal: group · entity/candidate/quantities/phrase: slot · gap: max · group: first
    /// alternative index · optional: sequence
    var a: Int32
    /// group: alternative count · phrase: head literal group or -1
    var b: Int32 = -1
    var labels: UInt64 = 0
    var list = false
    var possessive = false
    var clause = false
    var free = false
}

struct SequenceRef {
    var start: Int32
    var count: Int32
}

/// Where a match may start: only items that can satisfy the pattern's first element are tried.
enum StartFilter {
    case any
    case literal(Int32)
    case mention(UInt64)
    case candidate
    case token
}

final class PatternProgram {
    private(set) var nodes: [FlatNode] = []
    private(set) var sequences: [SequenceRef] = []
    private(set) var alternatives: [Int32] = []
    private(set) var start: StartFilter = .any

    init(_ root: [PatternNode]) {
        alternatives.append(0)  // never read: keeps the array (and its base address) non-empty
        sequences.append(SequenceRef(start: 0, count: 0))
        sequences[0] = flatten(root)
        start = PatternProgram.startFilter(root)
    }

    /// Appends `seq` (its children first, then its own nodes contiguously) and returns its slice.
    private func flatten(_ seq: [PatternNode]) -> SequenceRef {
        // Children are flattened first so a sequence's own nodes stay contiguous.
        var own: [FlatNode] = []
        for n in seq {
            switch n {
            case .literal(let g): own.append(FlatNode(op: .literal, a: g))
            case .entity(let slot, let spec):
                own.append(FlatNode(op: .entity, a: Int32(slot), labels: spec.labels.rawValue, list: spec.list, possessive: spec.possessive))
            case .candidate(let slot): own.append(FlatNode(op: .candidate, a: Int32(slot)))
            case .gap(let max, let clause, let free): own.append(FlatNode(op: .gap, a: Int32(max), clause: clause, free: free))
            case .percent(let slot): own.append(FlatNode(op: .percent, a: Int32(slot)))
            case .number(let slot): own.append(FlatNode(op: .number, a: Int32(slot)))
            case .money(let slot): own.append(FlatNode(op: .money, a: Int32(slot)))
            case .role(let slot): own.append(FlatNode(op: .role, a: Int32(slot)))
            case .phrase(let slot, _, let labels, let list, let head):
                own.append(FlatNode(op: .phrase, a: Int32(slot), b: head ?? -1, labels: labels.rawValue, list: list))
            case .group(let alts):
                var ids: [Int32] = []
                for alt in alts {
                    let ref = flatten(alt)
                    sequences.append(ref)
                    ids.append(Int32(sequences.count - 1))
                }
                let first = Int32(alternatives.count)
                alternatives.append(contentsOf: ids)
                own.append(FlatNode(op: .group, a: first, b: Int32(ids.count)))
            case .optional(let inner):
                let ref = flatten(inner)
                sequences.append(ref)
                own.append(FlatNode(op: .optional, a: Int32(sequences.count - 1)))
            }
        }
        let start = Int32(nodes.count)
        nodes.append(contentsOf: own)
        return SequenceRef(start: start, count: Int32(own.count))
    }

    private static func startFilter(_ root: [PatternNode]) -> StartFilter {
        guard let first = root.first else { return .any }
        switch first {
        case .literal(let g): return .literal(g)
        case .entity(_, let spec): return .mention(spec.labels.rawValue)
        case .candidate: return .candidate
        case .percent, .number, .money, .role: return .token
        default: return .any
        }
    }
}
