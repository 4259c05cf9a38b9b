// CorpusGenerator: invented companies, people and articles for the ingest benchmark.
//
// Names are built from syllables ("Varnok Motors", "Teliqa Group", "Oren Valdic"), so no real
// entity is named. Half of the companies and people go into the gazetteer graph (with a short
// alias); the rest must be discovered from the suffix or title cues, as in real news. Each
// article is about 2 KB: a dozen fact sentences drawn from templates covering every relationship
// type, interleaved with sentences of plain prose.

import KeiretsuGraph

struct CorpusGenerator {
    var rng: SplitMix64
    let companies: [String]
    let people: [String]
    let projects: [String]
    let markets: [String]
    let alliances: [String]

    static let syllables = ["var", "nok", "tel", "iqa", "mor", "ven", "dal", "ri", "so", "ka", "lun", "zet", "ob", "ra",
                            "quin", "te", "mar", "vel", "dor", "is", "an", "ux", "pe", "lo", "gri", "fa", "ton", "eb"]
    static let suffixes = ["Motors", "Group", "Holdings", "Industries", "Automotive", "Technologies", "Electric", "Mobility"]
    static let projectHeads = ["battery platform", "software architecture", "hydrogen programme", "robotaxi project",
                               "chip initiative", "van platform"]
    static let roles = ["chief executive", "chairman", "president", "chief operating officer", "founder"]

    init(seed: UInt64) {
        rng = SplitMix64(state: seed)
        var r = SplitMix64(state: seed ^ 0x5EED)
        func word(_ n: Int) -> String {
            var s = ""
            for _ in 0..<n { s += CorpusGenerator.syllables[r.int(CorpusGenerator.syllables.count)] }
            return s.prefix(1).uppercased() + s.dropFirst()
        }
        var c: [String] = []
        var seen: Set<String> = []
        while c.count < 400 {
            let name = word(2 + r.int(2)) + " " + CorpusGenerator.suffixes[r.int(CorpusGenerator.suffixes.count)]
            if seen.insert(name).inserted { c.append(name) }
        }
        companies = c
        var p: [String] = []
        while p.count < 300 {
            let name = word(2) + " " + word(2 + r.int(2))
            if seen.insert(name).inserted { p.append(name) }
        }
        people = p
        var j: [String] = []
        while j.count < 60 {
            let name = word(2).uppercased() + " " + CorpusGenerator.projectHeads[r.int(CorpusGenerator.projectHeads.count)]
            if seen.insert(name).inserted { j.append(name) }
        }
        projects = j
        markets = ["India", "Brazil", "Europe", "China", "Japan", "Latin America", "North America", "Southeast Asia",
                   "Mexico", "Germany", "South Korea", "Africa"]
        alliances = (0..<8).map { _ in word(2) + " Alliance" }
    }

    /// The gazetteer: every other company and person, all alliances, with aliases.
    func gazetteer() -> MemoryGraph {
        let g = MemoryGraph()
        for (i, c) in companies.enumerated() where i % 2 == 0 {
            let short = String(c.split(separator: " ").first ?? "")
            _ = try? g.createNode(labels: ["Company"], properties: ["name": .string(c), "aliases": .list([.string(short)])])
        }
        for (i, p) in people.enumerated() where i % 2 == 0 {
            _ = try? g.createNode(labels: ["Person"], properties: ["name": .string(p)])
        }
        for a in alliances {
            _ = try? g.createNode(labels: ["Organization", "Alliance"], properties: ["name": .string(a), "kind": .string("alliance")])
        }
        return g
    }

    mutating func article(_ index: Int) -> ArticleSource {
        let year = 2000 + rng.int(25)
        let date = "\(year)-\(pad(1 + rng.int(12)))-\(pad(1 + rng.int(28)))"
        var sentences: [String] = []
        var size = 0
        while size < 1900 {
            let s = rng.int(3) == 0 ? filler() : fact()
            sentences.append(s)
            size += s.utf8.count + 1
        }
        var paragraphs: [String] = []
        var k = 0
        while k < sentences.count {
            let n = 3 + rng.int(3)
            paragraphs.append(sentences[k..<min(k + n, sentences.count)].joined(separator: " "))
            k += n
        }
        let body = paragraphs.joined(separator: "\n\n")
        let name = String(100_000 + index).dropFirst()
        switch index % 3 {
        case 0:
            return ArticleSource(path: "gen/\(name).txt", text: " date \(date) " + body + "\n")
        case 1:
            return ArticleSource(path: "gen/\(name).md",
                                 text: "---\ndate: \(date)\ntitle: Alliance news \(index)\nsource: generated\n---\n" + body + "\n")
        default:
            return ArticleSource(path: "gen/\(name).txt", text: body + "\n")
        }
    }

    private func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    private mutating func company() -> String { rng.pick(companies) }

    private mutating func two() -> (String, String) {
        let a = company()
        var b = company()
        while b == a { b = company() }
        return (a, b)
    }

    private mutating func fact() -> String {
        let (a, b) = two()
        let pct = "\(1 + rng.int(60)).\(rng.int(10))%"
        switch rng.int(12) {
        case 0: return "\(a) holds a \(pct) stake in \(b)."
        case 1: return "\(a) will raise its stake in \(b) from \(pct) to \(40 + rng.int(50))%."
        case 2: return "\(rng.pick(people)), the \(rng.pick(CorpusGenerator.roles)) of \(a), said the deal made sense."
        case 3: return "\(a) will invest \(1 + rng.int(900)) million dollars in \(b), the companies said on Tuesday."
        case 4: return "\(a) and \(b) have agreed to merge, creating a larger group."
        case 5: return "\(a) and \(b) signed a strategic partnership last year."
        case 6: return "\(a) is a member of the \(rng.pick(alliances))."
        case 7: return "\(a) will lead the development of the \(rng.pick(projects))."
        case 8: return "\(a) sells most of its cars in \(rng.pick(markets)) and \(rng.pick(markets))."
        case 9: return "\(b), a subsidiary of \(a), reported higher sales."
        case 10: return "\(a) and \(b) will jointly develop the \(rng.pick(projects))."
        default: return "\(a) is considering an investment in \(b), according to people familiar with the matter."
        }
    }

    private mutating func filler() -> String {
        let lines = [
            "Analysts said the move reflected the rising cost of electrification and software in the industry.",
            "Shares rose 2.4% in early trading before giving up some of their gains in the afternoon.",
            "The companies did not disclose further details of the agreement, citing ongoing negotiations.",
            "Demand for electric vehicles has slowed in several markets, putting pressure on margins.",
            "Regulators are expected to review the transaction over the coming months.",
            "Executives at both companies declined to comment on the timing of the next steps.",
        ]
        return rng.pick(lines)
    }
}
