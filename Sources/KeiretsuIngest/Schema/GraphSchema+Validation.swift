// Checking facts and node properties against a GraphSchema.
//
// The checks are the ones a reader of the vocabulary table would make: the relationship type is
// declared; the start node carries one of the allowed start labels and the end node one of the
// allowed end labels; every property is declared for the type (or is provenance) and its value
// has one of the declared types. The first failure is reported, phrased for a person.

import KeiretsuGraph

public struct SchemaViolation: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension GraphSchema {
    /// Nil when a `type` relationship from a node labelled `fromLabels` to one labelled
    /// `toLabels`, with `properties`, fits the schema.
    public func check(type: String, fromLabels: [String], toLabels: [String], properties: ValueMap) -> SchemaViolation? {
        guard let spec = relationship(type) else {
            return SchemaViolation("relationship type \(type) is not in the schema")
        }
        if !fromLabels.contains(where: spec.from.contains) {
            return SchemaViolation("\(type) cannot start at \(labelText(fromLabels)) (allowed: \(spec.from.joined(separator: ", ")))")
        }
        if !toLabels.contains(where: spec.to.contains) {
            return SchemaViolation("\(type) cannot end at \(labelText(toLabels)) (allowed: \(spec.to.joined(separator: ", ")))")
        }
        for (key, value) in properties {
            let declared = spec.properties.first { $0.name == key } ?? provenanceProperties.first { $0.name == key }
            guard let p = declared else {
                return SchemaViolation("\(type) has no property '\(key)'")
            }
            if !p.types.contains(where: { $0.admits(value) }) {
                return SchemaViolation("\(type).\(key) must be \(p.types.map(\.rawValue).joined(separator: " or ")), not \(value.typeName)")
            }
        }
        return nil
    }

    /// Nil when a node labelled `labels` may carry `key = value`.
    public func checkNodeProperty(labels: [String], key: String, value: Value) -> SchemaViolation? {
        var declared: [PropertySpec] = commonNodeProperties
        for l in labels { declared += nodeProperties[l] ?? [] }
        guard let p = declared.first(where: { $0.name == key }) else {
            return SchemaViolation("\(labelText(labels)) has no property '\(key)'")
        }
        if !p.types.contains(where: { $0.admits(value) }) {
            return SchemaViolation("\(key) must be \(p.types.map(\.rawValue).joined(separator: " or ")), not \(value.typeName)")
        }
        return nil
    }

    private func labelText(_ labels: [String]) -> String {
        labels.isEmpty ? "a node without labels" : labels.map { ":" + $0 }.joined()
    }
}
