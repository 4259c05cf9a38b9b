// Property values of extracted facts: from a rule's RuleValues to typed graph Values.
//
// Numbers are typed by the schema: a property declared `float` gets a float even for "43%"
// (so every percent compares the same way), one declared `integer` gets an integer when the
// number is whole ("420,000 people"). Money splits into `amount` and `currency`. A value whose
// slot did not bind (an optional part of the pattern) is simply absent.

import KeiretsuGraph

extension RelationExtractor {
    func properties(_ props: [RuleProperty], type: String, _ m: PatternMatch, _ cr: CompiledRule, _ view: SentenceView,
                    _ tokens: [Token], _ bytes: TextBytes, element: [RuleEndpoint: Element], roleIndex: Int = 0) -> ValueMap {
        var out: ValueMap = [:]
        for p in props {
            var own: Element? = nil
            if case .slot(let s) = p.value { own = element[.slot(s)] }
            if let v = propertyValue(p.value, type: type, key: p.name, labels: [], m, cr, view, tokens, bytes, element: own,
                                     roleIndex: roleIndex) {
                out[p.name] = v
            }
        }
        return out
    }

    /// The value of `v` for property `key` of relationship `type` (or, with `type` nil, of a node
    /// labelled `labels`); `element` is the endpoint element when the value reads its own slot.
    func propertyValue(_ v: RuleValue, type: String?, key: String, labels: [String], _ m: PatternMatch,
                       _ cr: CompiledRule, _ view: SentenceView, _ tokens: [Token], _ bytes: TextBytes,
                       element: Element?, roleIndex: Int = 0) -> Value? {
        let types = declaredTypes(type: type, key: key, labels: labels)
        func slotValue(_ name: String) -> SlotValue? {
            guard let s = cr.pattern.slot(name) else { return nil }
            return m.values[s] ?? nil
        }
        switch v {
        case .constant(let c):
            return c
        case .slot(let name):
            if let e = element { return .string(e.text) }
            guard let sv = slotValue(name) else { return nil }
            switch sv {
            case .number(let d): return RelationExtractor.number(d, types)
            case .money(let money): return RelationExtractor.number(money.amount, types)
            case .role(let rs):
                guard !rs.isEmpty else { return nil }
                return .string(rs[min(roleIndex, rs.count - 1)].name)
            case .mentions(let refs):
                guard let r = refs.first, let e = view.mentions[r].entities.first else { return nil }
                return .string(catalog.name(of: e))
            case .phrase(let pieces):
                guard let first = pieces.first else { return nil }
                switch first {
                case .mention(let r):
                    guard let e = view.mentions[r].entities.first else { return nil }
                    return .string(catalog.name(of: e))
                case .text(let range):
                    return .string(RelationExtractor.phraseName(tokens, range, bytes))
                }
            case .candidate:
                return nil
            }
        case .roleFormer(let name):
            guard case .role(let rs)? = slotValue(name), !rs.isEmpty, rs[min(roleIndex, rs.count - 1)].former == true else {
                return nil
            }
            return .bool(true)
        case .amount(let name):
            guard case .money(let money)? = slotValue(name) else { return nil }
            return RelationExtractor.number(money.amount, types)
        case .currency(let name):
            guard case .money(let money)? = slotValue(name) else { return nil }
            return .string(money.currency)
        }
    }

    private func declaredTypes(type: String?, key: String, labels: [String]) -> [PropertyType] {
        if let t = type {
            return schema.relationship(t)?.properties.first { $0.name == key }?.types ?? []
        }
        var specs = schema.commonNodeProperties
        for l in labels { specs += schema.nodeProperties[l] ?? [] }
        return specs.first { $0.name == key }?.types ?? []
    }

    /// A number as the schema wants it: an integer when integers are allowed and it is whole.
    static func number(_ d: Double, _ types: [PropertyType]) -> Value {
        let whole = d == d.rounded() && abs(d) < 9.0e15
        if whole && (types.contains(.integer) || types.isEmpty) { return .int(Int64(d)) }
        return .float(d)
    }
}

extension RelationExtractor {
    /// How many roles the role slots named in `props` hold (one fact per role: "the president
    /// and chief executive of X" states two roles).
    func roleCount(_ props: [RuleProperty], _ m: PatternMatch, _ cr: CompiledRule) -> Int {
        var n = 1
        for p in props {
            switch p.value {
            case .slot(let s), .roleFormer(let s):
                if let i = cr.pattern.slot(s), case .role(let rs)? = m.values[i] { n = max(n, rs.count) }
            default:
                break
            }
        }
        return n
    }
}
