// RelationRule: one row of the relation table — a name, a pattern, and what a match makes.
//
// A rule's actions say which relationship (or node property) to create from which slots, and
// where each property value comes from. Endpoints are usually slots; two special endpoints let
// rules span sentences the way news prose does: `.participants` is the set of companies the
// document last said were working together ("the two carmakers will collaborate on five joint
// projects … one will focus on the Indian market"), and `.derived` names a new entity after a
// slot ("India" → the "India project").

import KeiretsuGraph

public enum RuleEndpoint: Sendable, Hashable {
    /// The entities bound to a slot (a list slot gives one fact per entity).
    case slot(String)
    /// The companies the document last named as working together (see `rememberParticipants`).
    case participants
    /// An entity with `label` named by `template` ("{} project") filled with the slot's name.
    case derived(label: String, template: String, slot: String)
}

public enum RuleValue: Sendable, Hashable {
    /// The slot's value: a number, a role name, a phrase's text, an entity's name.
    case slot(String)
    case constant(Value)
    /// `true` when the role in the slot was marked past ("the then president"); else no value.
    case roleFormer(String)
    /// The amount / the ISO currency of a money slot.
    case amount(String)
    case currency(String)
}

public enum RuleAction: Sendable, Hashable {
    /// A relationship `type` from each entity of `from` to each entity of `to`.
    case relate(String, from: RuleEndpoint, to: RuleEndpoint, properties: [RuleProperty])
    /// A symmetric relationship between every pair of entities of a list slot.
    case pairwise(String, slot: String, properties: [RuleProperty])
    /// A property on each entity of `slot`.
    case attribute(slot: String, key: String, value: RuleValue)
    /// Makes the entities of these slots the document's current participants.
    case rememberParticipants([String])
    /// For each `type` fact of the same sentence that has `target`, the reverse fact with that
    /// value as `as` ("equalise their cross-shareholdings, A reducing its 43% stake in B to 15%"
    /// → B holds 15% of A).
    case mirror(type: String, target: String, as: String)
}

public struct RuleProperty: Sendable, Hashable {
    public var name: String
    public var value: RuleValue

    public init(_ name: String, _ value: RuleValue) {
        self.name = name
        self.value = value
    }
}

public struct RelationRule: Sendable, Hashable {
    public var name: String
    /// The pattern, in the language of Pattern.swift.
    public var pattern: String
    public var actions: [RuleAction]

    public init(_ name: String, _ pattern: String, _ actions: [RuleAction]) {
        self.name = name
        self.pattern = pattern
        self.actions = actions
    }
}

// Shorthands that keep the rule table one line per rule.
extension RuleAction {
    static func rel(_ type: String, _ from: String, _ to: String, _ props: [(String, RuleValue)] = []) -> RuleAction {
        .relate(type, from: .slot(from), to: .slot(to), properties: props.map { RuleProperty($0.0, $0.1) })
    }
}

extension RuleValue {
    static func text(_ s: String) -> RuleValue { .constant(.string(s)) }
    static let yes = RuleValue.constant(.bool(true))
}
