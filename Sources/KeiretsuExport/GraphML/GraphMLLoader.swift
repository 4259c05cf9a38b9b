// GraphMLLoader: the state machine that turns XML events into nodes and relationships.
//
// It creates nodes and relationships in the target graph as their elements end; GraphMLReader
// wraps the whole load in a transaction, so a file that fails half-way leaves nothing behind.
//
// Structure checks (what graphml.xsd and the primer require, reported as
// `InputError.InvalidGraphML` with file:line): the root is `<graphml>`; keys have ids, are
// unique and come before the graph; nodes have unique ids and sit in a graph; edges have a source
// and a target that the file declares (anywhere in it: GraphML lets an edge come before its
// nodes, so an unknown endpoint becomes a placeholder that must be declared by the end); edge ids
// are unique; `<data>` names a declared key, at most once per element, with text its type
// accepts. Tolerated with a warning, because real files do it: attributes outside the schema
// (APOC's `labels=":A"` and `label="T"`, which are used when no labels/label data is given),
// unknown attr.type values, undirected edges (loaded directed, source → target), hyperedges
// (skipped), nested graphs (flattened), a root outside the GraphML namespace.
//
// Defaults (documented in Exporter.swift): an edge without a type gets `RELATED_TO` (or the text
// of its yEd edge label); a node without a labels key gets no label; files that do not come
// from keiretsu or APOC keep each GraphML node id in the property `id` (networkx writes node
// names there); yEd node label text becomes `name`.

import KeiretsuCypher
import KeiretsuGraph

struct GraphMLLoader: XMLEventHandler {
    static let defaultRelationshipType = "RELATED_TO"
    static let graphmlNamespace = "http://graphml.graphdrawing.org/xmlns"

    let name: String
    let graph: any GraphStore
    var warnings: [String] = []
    var warnedAbout: Set<String> = []

    // Keys
    var declarations: [String: GraphMLKeyDeclaration] = [:]
    var nodeUses: [String: GraphMLKeyRole] = [:]
    var edgeUses: [String: GraphMLKeyRole] = [:]
    /// Keys with a `<default>`, per domain, in key-id order.
    var nodeDefaults: [(key: String, role: GraphMLKeyRole, text: String, line: Int)] = []
    var edgeDefaults: [(key: String, role: GraphMLKeyRole, text: String, line: Int)] = []
    var keysResolved = false
    var keepNodeIDs = false
    /// Whether any key carries a keiretsu annotation (the file is keiretsu's own export).
    var isKeiretsuFile = false

    // Where we are
    enum Frame {
        case document, graphml, key, keyDesc, keyDefault, graph, node, edge
        case data(key: String, role: GraphMLKeyRole, owner: GraphMLDomain?)
        /// Markup inside a yEd graphics `<data>`; `label` when it is a NodeLabel/EdgeLabel.
        case yMarkup(label: Bool)
    }
    var stack: [Frame] = [.document]
    var rootNamespace: String?
    var text = ""
    var collecting = false
    var insideYLabel = false

    // Elements being built (nested graphs make nodes nest).
    struct Pending {
        var domain: GraphMLDomain
        var graphmlID: String
        var line: Int
        var labels: [String]?
        var type: String?
        var properties = ValueMap()
        /// Keys given so far (a handful per element: an array beats a set here).
        var seenKeys: [String] = []
        var source = "", target = ""
        var apocLabel: String?
        var yLabels: [String] = []
    }
    var pending: [Pending] = []
    var currentKey: GraphMLKeyDeclaration?

    // Identity
    var nodeIDs: [String: ElementID] = [:]
    /// Nodes created because an edge named them before their `<node>`: id → (GraphML id, line).
    var placeholders: [ElementID: (String, Int)] = [:]
    var directedStack: [Bool] = []

    init(name: String, graph: any GraphStore) {
        self.name = name
        self.graph = graph
    }

    var wantsText: Bool { collecting }

    // MARK: Errors and warnings

    func invalid(_ line: Int, _ message: String) -> CypherError {
        CypherError(.inputError, "InvalidGraphML", "\(name):\(line): \(message)", phase: .runtime)
    }

    mutating func warn(_ line: Int, _ message: String, once topic: String? = nil) {
        if let topic {
            guard warnedAbout.insert(topic).inserted else { return }
        }
        warnings.append("\(name):\(line): warning: \(message)")
    }

    // MARK: Events

    mutating func startElement(_ localName: String, namespace: String?, attributes: [XMLAttribute], line: Int) throws -> XMLStartAction {
        guard let top = stack.last else { return .skipSubtree }
        func attr(_ n: String) -> String? {
            attributes.first { $0.localName == n && $0.namespace == nil }?.value
        }
        if case .document = top {
            guard localName == "graphml" else {
                throw invalid(line, "not a GraphML document: the root element is <\(localName)>, not <graphml>")
            }
            rootNamespace = namespace
            if namespace != GraphMLLoader.graphmlNamespace {
                warn(line, "the root element is not in the GraphML namespace \(GraphMLLoader.graphmlNamespace)")
            }
            stack.append(.graphml)
            return .descend
        }
        // Inside <data>: only yEd graphics markup is descended into, to reach its label text.
        switch top {
        case .data(let key, let role, _):
            if role == .yfilesGraphics {
                startYMarkup(localName)
                return .descend
            }
            warn(line, "markup inside <data key=\"\(key)\"> ignored; only its text is kept", once: "markup:\(key)")
            return .skipSubtree
        case .yMarkup:
            startYMarkup(localName)
            return .descend
        default:
            break
        }
        guard namespace == rootNamespace else {
            warn(line, "element <\(localName)> from namespace \(namespace ?? "none") ignored", once: "ns:\(namespace ?? "")")
            return .skipSubtree
        }
        switch (top, localName) {
        case (.graphml, "key"):
            guard !keysResolved else { throw invalid(line, "<key> after <graph>: GraphML declares all keys first") }
            guard let id = attr("id") else { throw invalid(line, "<key> without an id") }
            if let first = declarations[id] {
                throw invalid(line, "key id '\(id)' is declared twice (first at line \(first.line))")
            }
            currentKey = GraphMLKeyDeclaration(
                id: id, domain: attr("for") ?? "all", attrName: attr("attr.name"), attrType: attr("attr.type"),
                yfilesType: attr("yfiles.type"), isList: attr("attr.list") != nil, line: line)
            stack.append(.key)
            return .descend
        case (.key, "desc"):
            stack.append(.keyDesc)
            beginText()
            return .descend
        case (.key, "default"):
            stack.append(.keyDefault)
            beginText()
            return .descend
        case (.graphml, "desc"), (.graph, "desc"), (.node, "desc"), (.edge, "desc"):
            return .skipSubtree
        case (.graphml, "graph"), (.node, "graph"):
            if case .node = top {
                warn(line, "nested graphs are flattened: their nodes and edges join the main graph", once: "nested")
            }
            if !keysResolved { resolveKeys(line: line) }
            let directed = attr("edgedefault").map { $0 != "undirected" } ?? true
            directedStack.append(directed)
            stack.append(.graph)
            return .descend
        case (.graphml, "data"):
            return .skipSubtree  // graph-file attributes (yEd resources, …) have no place in a property graph
        case (.graph, "node"):
            guard let id = attr("id") else { throw invalid(line, "<node> without an id") }
            var p = Pending(domain: .node, graphmlID: id, line: line)
            p.apocLabel = attr("labels")
            pending.append(p)
            stack.append(.node)
            return .descend
        case (.graph, "edge"):
            guard let source = attr("source"), let target = attr("target") else {
                throw invalid(line, "<edge> without a source and a target")
            }
            // Edge ids are not kept, so they are not checked for uniqueness either: graphml.xsd
            // wants them unique, but networkx writes a multigraph's per-pair keys (0, 1, 0, …).
            let directed = attr("directed").map { $0 == "true" || $0 == "1" } ?? (directedStack.last ?? true)
            if !directed {
                warn(line, "undirected edges are loaded as relationships directed from source to target", once: "undirected")
            }
            var p = Pending(domain: .edge, graphmlID: attr("id") ?? "", line: line)
            p.source = source
            p.target = target
            p.apocLabel = attr("label")
            pending.append(p)
            stack.append(.edge)
            return .descend
        case (.graph, "hyperedge"):
            warn(line, "hyperedges are not supported and were skipped", once: "hyperedge")
            return .skipSubtree
        case (.graph, "data"):
            return .skipSubtree
        case (.node, "port"), (.node, "locator"), (.graph, "locator"):
            return .skipSubtree
        case (.node, "data"), (.edge, "data"):
            guard let key = attr("key") else { throw invalid(line, "<data> without a key") }
            guard let last = pending.indices.last else { return .skipSubtree }
            let domain = pending[last].domain
            guard !pending[last].seenKeys.contains(key) else {
                throw invalid(line, "key '\(key)' is given twice on the same \(domain == .node ? "node" : "edge")")
            }
            pending[last].seenKeys.append(key)
            let role = try self.role(ofKey: key, on: domain, line: line)
            stack.append(.data(key: key, role: role, owner: domain))
            beginText()
            if role == .yfilesGraphics || role == .ignored { collecting = false }
            return .descend
        default:
            throw invalid(line, "element <\(localName)> is not allowed inside \(frameName(top))")
        }
    }

    mutating func endElement(line: Int) throws {
        guard let top = stack.popLast() else { return }
        switch top {
        case .document, .graphml:
            break
        case .keyDesc:
            let t = endText()
            currentKey?.desc = t
        case .keyDefault:
            let t = endText()
            currentKey?.defaultText = t
        case .key:
            if let key = currentKey { declarations[key.id] = key }
            currentKey = nil
        case .graph:
            _ = directedStack.popLast()
        case .node:
            guard let p = pending.popLast() else { return }
            try finishNode(p)
        case .edge:
            guard let p = pending.popLast() else { return }
            try finishEdge(p)
        case .data(let key, let role, _):
            let value = endText()
            guard var p = pending.popLast() else { return }
            try apply(role, text: value, key: key, to: &p, line: line)
            pending.append(p)
        case .yMarkup(let label):
            if label {
                insideYLabel = false
                let t = endText().trimmingXMLSpace()
                if !t.isEmpty, !pending.isEmpty { pending[pending.count - 1].yLabels.append(t) }
            }
        }
    }

    mutating func text(_ text: String, line: Int) throws {
        if collecting { self.text += text }
    }

    mutating func entityReference(_ name: String, line: Int) throws {
        throw invalid(line, "entity reference &\(name); is not supported in GraphML input")
    }

    /// Checks what only the end of the file can tell: every edge endpoint was declared.
    func finish() throws {
        if let (id, line) = placeholders.values.min(by: { $0.1 < $1.1 }) {
            throw invalid(line, "edge refers to node '\(id)', which the file never declares")
        }
        if stack.count > 1 || !stack.contains(where: { if case .document = $0 { return true } else { return false } }) {
            throw invalid(1, "the document ended inside an element")
        }
    }

    // MARK: Helpers

    private mutating func beginText() {
        text = ""
        collecting = true
    }

    private mutating func endText() -> String {
        collecting = false
        let t = text
        text = ""
        return t
    }

    /// An element inside yEd graphics markup. The text of a NodeLabel/EdgeLabel is collected,
    /// including text in elements nested inside it.
    private mutating func startYMarkup(_ localName: String) {
        let isLabel = !insideYLabel && (localName == "NodeLabel" || localName == "EdgeLabel")
        if isLabel {
            insideYLabel = true
            beginText()
        }
        stack.append(.yMarkup(label: isLabel))
    }

    private func frameName(_ frame: Frame) -> String {
        switch frame {
        case .document: return "the document"
        case .graphml: return "<graphml>"
        case .key: return "<key>"
        case .keyDesc: return "<desc>"
        case .keyDefault: return "<default>"
        case .graph: return "<graph>"
        case .node: return "<node>"
        case .edge: return "<edge>"
        case .data: return "<data>"
        case .yMarkup: return "yEd markup"
        }
    }
}
