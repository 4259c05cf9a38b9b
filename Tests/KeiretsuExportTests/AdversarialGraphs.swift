// The adversarial graphs every export format is run through (issue 5, "Tests"): text that
// breaks naive quoting, names that are keywords or not XML names, extreme numbers, collections,
// mixed types, empty graphs, loops and parallel edges, very long strings.

import KeiretsuGraph

@testable import KeiretsuExport

enum AdversarialGraphs {
    static let longString = String(repeating: "長い文字列 with <tags> & \"quotes\" ", count: 700)  // > 16 KB

    static let nastyStrings: [String] = [
        "plain",
        "quote \" and 'apostrophe'",
        "back\\slash \\N \\G \\\\ \\\"",
        "new\nline and\r\ncrlf and\rcr",
        "tab\there",
        "<tag attr=\"x\">&amp; &lt; &#x41; ]]> </tag>",
        "control \u{01}\u{02}\u{1B}\u{7F} bell \u{07} nul \u{00}",
        "emoji 😀👩‍👩‍👧 flags 🇯🇵",
        "日本語の文字列、カタカナ、ひらがな",
        "non-characters \u{FFFE}\u{FFFF} end",
        "",
        "   ",
        "{\"json\": [1, 2]}",
        "-> -- { } [ ] ; , = digraph strict",
    ]

    static func strings() throws -> MemoryGraph {
        let g = MemoryGraph()
        var previous: ElementID? = nil
        for (i, s) in nastyStrings.enumerated() {
            let id = try g.node(["Company"], ["name": .string(s), "index": .int(Int64(i))])
            if let p = previous { try g.rel(p, "HOLDS_ROLE", id, ["role": .string(s)]) }
            previous = id
        }
        let long = try g.node(["Person"], ["name": .string(longString)])
        try g.rel(long, "HOLDS_ROLE", long, ["role": .string(longString)])
        return g
    }

    static func keywords() throws -> MemoryGraph {
        let g = MemoryGraph()
        var ids: [ElementID] = []
        for word in ["node", "graph", "edge", "strict", "subgraph", "digraph", "a:b", "n1:sw", "Label With Spaces"] {
            ids.append(try g.node([word, "Organization"], ["name": .string(word), "kind": "other"]))
        }
        for (i, id) in ids.enumerated() where i > 0 {
            try g.rel(ids[i - 1], ["edge", "strict", "subgraph", "A:B", "TYPE WITH SPACE", "node"][i % 6], id, [:])
        }
        try g.node([], ["name": "no labels"])
        try g.node(["", "back\\slash:colon"], ["name": "odd labels"])
        return g
    }

    static let nastyNames: [String] = [
        "x y", "#shares", "1st", "株式/比率", "emoji😀", "_x0041_", "_xEMPTY_", "labels", "label", "id",
        ":", "-", ".dot", "a\"b", "tab\tname", "Label", "ID", "",
    ]

    static func names() throws -> MemoryGraph {
        let g = MemoryGraph()
        var props = ValueMap()
        for (i, n) in nastyNames.enumerated() { props[n] = .int(Int64(i)) }
        let a = try g.createNode(labels: ["Company"], properties: props)
        let b = try g.createNode(labels: ["Company"], properties: ["name": "b"])
        try g.createRelationship(type: "HOLDS_STAKE", start: a, end: b, properties: props)
        return g
    }

    static func numbers() throws -> MemoryGraph { try numbers(subnormals: true) }

    static func numbers(subnormals: Bool) throws -> MemoryGraph {
        let g = MemoryGraph()
        let floats: [Double] = [.nan, .infinity, -.infinity, 1e308, subnormals ? 5e-324 : 2.2250738585072014e-308, -0.0, 0.1,
                                -2.5e-10, 1.7976931348623157e308]
        let ints: [Int64] = [Int64.max, Int64.min, 0, -1, 9_007_199_254_740_993]
        var previous: ElementID? = nil
        for (i, f) in floats.enumerated() {
            let id = try g.node(["Market"], ["f": .float(f), "i": .int(ints[i % ints.count]), "b": .bool(i % 2 == 0)])
            if let p = previous { try g.rel(p, "INVESTS_IN", id, ["amount": .float(f), "n": .int(ints[i % ints.count])]) }
            previous = id
        }
        return g
    }

    static func collections() throws -> MemoryGraph {
        let g = MemoryGraph()
        var nested = ValueMap()
        nested["a"] = [1, 2.5, "x"]
        nested["b"] = .map(["deep": .list([.float(.nan), .float(.infinity), .null, true])])
        nested["key with space"] = "v"
        let date = Value.temporal(.date(LocalDate(year: 2023, month: 1, day: 28) ?? LocalDate(epochDay: 0)))
        let a = try g.node(["Project"], ["tags": ["ev", "india", "日本"], "empty": [], "m": .map(nested), "emptyMap": .map([:]),
                                         "since": date])
        let b = try g.node(["Project"], ["tags": ["x\"y", "a\\b", "<&>"], "since": .temporal(.date(LocalDate(epochDay: -1000)))])
        try g.rel(a, "TARGETS", b, ["when": date, "list": [[1], [2, [3]]]])
        return g
    }

    static func mixed() throws -> MemoryGraph {
        let g = MemoryGraph()
        let a = try g.node(["Company"], ["v": 1, "w": 1, "x": true, "y": "s", "z": 2.5])
        let b = try g.node(["Company"], ["v": 2.5, "w": "one", "x": 1, "y": ["s"], "z": 3])
        let c = try g.node(["Company"], ["w": [1], "x": .temporal(.date(LocalDate(epochDay: 0)))])
        try g.rel(a, "PARTNERS_WITH", b, ["since": 2019])
        try g.rel(b, "PARTNERS_WITH", c, ["since": "2020"])
        try g.rel(c, "PARTNERS_WITH", a, ["since": 2021.5])
        return g
    }

    static func empty() throws -> MemoryGraph { MemoryGraph() }

    static func loops() throws -> MemoryGraph {
        let g = MemoryGraph()
        let a = try g.node(["Company"], ["name": "A"])
        let b = try g.node(["Company"], ["name": "B"])
        try g.rel(a, "HOLDS_STAKE", a, ["percent": 5.0])
        try g.rel(a, "HOLDS_STAKE", a, ["percent": 6.0])
        for pct in [10.0, 20.0, 30.0] { try g.rel(a, "HOLDS_STAKE", b, ["percent": .float(pct)]) }
        try g.rel(b, "PARTNERS_WITH", a, [:])
        try g.rel(a, "MERGES_WITH", b, ["status": "talks"])
        try g.rel(b, "MERGES_WITH", a, ["status": "abandoned"])
        return g
    }

    /// A small alliance graph in the DESIGN.md vocabulary, with provenance.
    static func alliance() throws -> MemoryGraph {
        let g = MemoryGraph()
        let alliance = try g.node(["Organization", "Alliance"], ["name": "Three-Way Alliance", "kind": "alliance"])
        let c1 = try g.node(["Company"], ["name": "Maker One"])
        let c2 = try g.node(["Company"], ["name": "Maker Two"])
        let c3 = try g.node(["Company"], ["name": "Maker Three"])
        let ceo = try g.node(["Person"], ["name": "Chief Person"])
        let project = try g.node(["Project"], ["name": "EV Platform"])
        let market = try g.node(["Market"], ["name": "India"])
        let gov = try g.node(["Organization"], ["name": "State Fund", "kind": "government"])
        let doc = try g.node(["Document"], ["title": "Article one", "path": "seeds/a.txt"])
        for c in [c1, c2, c3] { try g.rel(c, "MEMBER_OF", alliance, ["since": 1999]) }
        try g.rel(c1, "HOLDS_STAKE", c2, ["percent": 43.4])
        try g.rel(c2, "HOLDS_STAKE", c1, ["percent": 15.0])
        try g.rel(c2, "HOLDS_STAKE", c3, ["targetPercent": 34])
        try g.rel(gov, "HOLDS_STAKE", c1, ["percent": 15])
        try g.rel(ceo, "HOLDS_ROLE", c1, ["role": "CEO", "former": true])
        try g.rel(ceo, "HOLDS_ROLE", c2, ["role": "Chairman"])
        try g.rel(c1, "LEADS", project, ["area": "EV"])
        try g.rel(project, "TARGETS", market, [:])
        try g.rel(c2, "INVESTS_IN", project, ["amount": 2.3e9, "currency": "EUR", "status": "considering"])
        try g.rel(doc, "MENTIONS", c1, [:])
        try g.rel(doc, "MENTIONS", c2, [:])
        return g
    }

    static let all: [(name: String, build: @Sendable () throws -> MemoryGraph)] = [
        ("strings", strings), ("keywords", keywords), ("names", names), ("numbers", numbers),
        ("collections", collections), ("mixed", mixed), ("empty", empty), ("loops", loops),
        ("alliance", alliance),
    ]
}
