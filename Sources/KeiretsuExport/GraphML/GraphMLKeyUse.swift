// How the reader interprets each `<key>` of a GraphML file, and how it turns `<data>` text into
// values.
//
// Keys that keiretsu wrote carry `<desc>keiretsu:KIND</desc>` (see GraphMLKeys.swift) and are
// read back exactly: encoded names decoded, lists and maps parsed from JSON, temporals from ISO
// text, integers kept apart from floats in a widened key. Keys from other tools are read by
// their GraphML `attr.type`:
//
//   boolean → boolean (true/false/1/0, any case)   int, long → integer   float, double → float
//   (NaN, INF, Infinity with any sign and case: Java, Python and C spell them differently)
//   string or no attr.type → string; with APOC's attr.list, a JSON array becomes a list
//   anything else → string, with a warning (the issue: "unknown key types fall back to strings")
//
// Roles: a node key named `labels` holds the labels (`:A:B`, as Neo4j APOC and keiretsu write
// them), an edge key named `label` the relationship type. yEd's `yfiles.type="nodegraphics"` /
// `"edgegraphics"` keys hold drawing markup; the reader keeps only the label text in them.

import KeiretsuGraph

enum GraphMLConversion: Equatable {
    case boolean, long, double, string
    /// keiretsu's widened numeric key: integers without a point, floats with one.
    case number
    case json
    case temporal(String)
    /// APOC's `attr.list`: JSON array text, kept as a string when it is not one.
    case stringList
}

enum GraphMLKeyRole: Equatable {
    case labels(escaped: Bool)
    case type
    case property(name: String, conversion: GraphMLConversion)
    /// yEd's graphics markup: the text of its `NodeLabel` / `EdgeLabel` elements is kept.
    case yfilesGraphics
    case ignored
}

/// A `<key>` as declared.
struct GraphMLKeyDeclaration {
    var id: String
    var domain: String  // node, edge, graph, all, …
    var attrName: String?
    var attrType: String?
    var yfilesType: String?
    var isList: Bool
    var desc = ""
    var defaultText: String?
    var line: Int

    /// The keiretsu kind named by the description, when keiretsu wrote this key.
    var keiretsuKind: GraphMLKind? {
        let d = desc.trimmingXMLSpace()
        guard d.hasPrefix("keiretsu:") else { return nil }
        let word = d.dropFirst("keiretsu:".count).prefix { !$0.isWhitespace }
        return GraphMLKind(annotation: String(word))
    }

    func appliesTo(_ domain: GraphMLDomain) -> Bool {
        self.domain == domain.rawValue || self.domain == "all"
    }

    /// What this key means on elements of `domain`; `unknownType` is set for an attr.type
    /// outside the GraphML list.
    func role(for domain: GraphMLDomain) -> (role: GraphMLKeyRole, unknownType: String?) {
        if let kind = keiretsuKind {
            let name = GraphMLNames.decode(attrName ?? id)
            switch kind {
            case .labels where domain == .node: return (.labels(escaped: true), nil)
            case .type where domain == .edge: return (.type, nil)
            case .labels, .type: return (.property(name: name, conversion: .string), nil)
            case .boolean: return (.property(name: name, conversion: .boolean), nil)
            case .long: return (.property(name: name, conversion: .long), nil)
            case .double: return (.property(name: name, conversion: .double), nil)
            case .number: return (.property(name: name, conversion: .number), nil)
            case .string: return (.property(name: name, conversion: .string), nil)
            case .json: return (.property(name: name, conversion: .json), nil)
            case .temporal(let t): return (.property(name: name, conversion: .temporal(t)), nil)
            }
        }
        if let y = yfilesType {
            return (y == "nodegraphics" || y == "edgegraphics" ? .yfilesGraphics : .ignored, nil)
        }
        let name = attrName ?? id
        if domain == .node && name == "labels" { return (.labels(escaped: false), nil) }
        if domain == .edge && name == "label" { return (.type, nil) }
        switch attrType?.lowercased() {
        case "boolean": return (.property(name: name, conversion: .boolean), nil)
        case "int", "long": return (.property(name: name, conversion: .long), nil)
        case "float", "double": return (.property(name: name, conversion: .double), nil)
        case nil, "string": return (.property(name: name, conversion: isList ? .stringList : .string), nil)
        case .some(let other): return (.property(name: name, conversion: .string), other)
        }
    }
}

/// Why a `<data>` text could not be read; the loader adds file, line and key.
struct GraphMLValueError: Error {
    var message: String
}

extension GraphMLConversion {
    /// The value of `text`, or nil when the element should hold nothing (empty text in a
    /// non-string key, which yEd writes for unset fields). `warn` receives a note when a
    /// value was kept as a string because keiretsu cannot yet parse it.
    func value(of text: String, warn: (String) -> Void) throws -> Value? {
        switch self {
        case .string:
            return .string(text)
        case .stringList:
            if let v = try? Value.parseJSON(text), case .list = v { return v }
            return .string(text)
        default:
            break
        }
        let t = text.trimmingXMLSpace()
        if t.isEmpty { return nil }
        switch self {
        case .boolean:
            switch t.lowercased() {
            case "true", "1": return .bool(true)
            case "false", "0": return .bool(false)
            default: throw GraphMLValueError(message: "'\(t)' is not a boolean")
            }
        case .long:
            guard let i = Int64(t) else { throw GraphMLValueError(message: "'\(t)' is not an integer (64-bit)") }
            return .int(i)
        case .double:
            guard let d = parseGraphMLDouble(t) else { throw GraphMLValueError(message: "'\(t)' is not a number") }
            return .float(d)
        case .number:
            if t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "+") }), let i = Int64(t) { return .int(i) }
            guard let d = parseGraphMLDouble(t) else { throw GraphMLValueError(message: "'\(t)' is not a number") }
            return .float(d)
        case .json:
            do {
                return try Value.parseJSON(text)
            } catch let e as JSONDecodeError {
                throw GraphMLValueError(message: "invalid JSON at byte \(e.offset): \(e.message)")
            }
        case .temporal(let kind):
            if let v = Temporal.parseTagged(kind: kind, text: t) { return .temporal(v) }
            warn("'\(t)' could not be read as a \(kind); kept as a string")
            return .string(text)
        case .string, .stringList:
            return .string(text)
        }
    }
}

/// xs:double's lexical space plus the spellings other writers use: `NaN`, `nan`, `INF`, `inf`,
/// `Infinity`, `-Infinity`, `+inf`. Hexadecimal floats are not GraphML and are refused.
func parseGraphMLDouble(_ text: String) -> Double? {
    var body = Substring(text)
    var negative = false
    if let first = body.first, first == "+" || first == "-" {
        negative = first == "-"
        body = body.dropFirst()
    }
    switch body.lowercased() {
    case "nan": return .nan
    case "inf", "infinity": return negative ? -.infinity : .infinity
    default: break
    }
    guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "e" || $0 == "E" || $0 == "+" || $0 == "-") }),
        let d = Double(body)
    else { return nil }
    return negative ? -d : d
}
