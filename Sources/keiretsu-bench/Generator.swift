// A deterministic synthetic alliance graph, written as neo4j-admin import CSV.
//
// For N nodes: 20% companies, 70% people, 9% projects and 1% markets (at least 20), and about
// five relationships per node. Targets that are companies are drawn with a squared uniform
// (index = ⌊C·u²⌋), which gives a few hub companies thousands of relationships (the largest has
// about 11,000 at N = 1M) and most companies a handful. The same N and seed always give the
// same files, so keiretsu and Kuzu load identical data.

import Foundation

/// SplitMix64: tiny, fast and deterministic across platforms.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
}

struct GraphShape {
    let nodes: Int
    var companies: Int { max(nodes / 5, 10) }
    var markets: Int { max(nodes / 100, 20) }
    var projects: Int { max(nodes * 9 / 100, 10) }
    var people: Int { max(nodes - companies - markets - projects, 10) }

    // Id ranges, one after the other.
    var companyBase: Int { 0 }
    var personBase: Int { companies }
    var projectBase: Int { companies + people }
    var marketBase: Int { companies + people + projects }

    static let countries = ["France", "Japan", "Germany", "Italy", "United States", "China", "India", "Brazil",
                            "Korea", "Spain", "Sweden", "Mexico", "Canada", "United Kingdom", "Netherlands",
                            "Switzerland", "Australia", "Turkey", "Poland", "Thailand"]
    static let roles = ["CEO", "chairman", "president", "CFO", "board member", "COO"]
    static let regions = ["Europe", "Asia", "Americas", "Africa", "Oceania"]

    func companyName(_ i: Int) -> String { "Company \(i)" }
}

/// Writes the CSV files into `directory`; returns their paths.
func generateGraph(nodes: Int, into directory: URL, seed: UInt64 = 42) throws -> [URL] {
    let shape = GraphShape(nodes: nodes)
    var rng = SplitMix64(seed: seed)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    var written: [URL] = []

    func write(_ name: String, _ header: String, _ body: (CSVFile, inout SplitMix64) -> Void) throws {
        let url = directory.appendingPathComponent(name)
        let file = try CSVFile(url)
        file.append(header + "\n")
        body(file, &rng)
        try file.close()
        written.append(url)
    }

    func skewedCompany(_ rng: inout SplitMix64) -> Int {
        let u = rng.unit()
        return shape.companyBase + min(Int(Double(shape.companies) * u * u), shape.companies - 1)
    }

    func date(_ rng: inout SplitMix64) -> String {
        let y = 1990 + rng.below(35), m = 1 + rng.below(12), d = 1 + rng.below(28)
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    try write("nodes_companies.csv", "id:ID,name,country,founded:int,revenue:float,aliases:string[],:LABEL") { out, rng in
        for i in 0..<shape.companies {
            let id = shape.companyBase + i
            let country = GraphShape.countries[rng.below(GraphShape.countries.count)]
            let founded = 1850 + rng.below(175)
            let revenue = Double(rng.below(1_000_000)) / 10.0
            out.append("\(id),\(shape.companyName(i)),\(country),\(founded),\(revenue),C\(i);Co \(i),Company\n")
        }
    }
    try write("nodes_people.csv", "id:ID,name,born:date,:LABEL") { out, rng in
        for i in 0..<shape.people {
            out.append("\(shape.personBase + i),Person \(i),\(date(&rng)),Person\n")
        }
    }
    try write("nodes_projects.csv", "id:ID,name,budget:long,:LABEL") { out, rng in
        for i in 0..<shape.projects {
            out.append("\(shape.projectBase + i),Project \(i),\(rng.below(1_000_000_000)),Project\n")
        }
    }
    try write("nodes_markets.csv", "id:ID,name,region,:LABEL") { out, rng in
        for i in 0..<shape.markets {
            out.append("\(shape.marketBase + i),Market \(i),\(GraphShape.regions[rng.below(GraphShape.regions.count)]),Market\n")
        }
    }
    try write("rels_holds_stake.csv", ":START_ID,:END_ID,:TYPE,percent:float,asOf:date") { out, rng in
        for i in 0..<shape.companies {
            for _ in 0..<5 {
                let target = skewedCompany(&rng)
                if target == shape.companyBase + i { continue }
                out.append("\(shape.companyBase + i),\(target),HOLDS_STAKE,\(Double(1 + rng.below(999)) / 10.0),\(date(&rng))\n")
            }
        }
    }
    try write("rels_holds_role.csv", ":START_ID,:END_ID,:TYPE,role,since:int") { out, rng in
        for i in 0..<shape.people {
            for _ in 0..<3 {
                out.append("\(shape.personBase + i),\(skewedCompany(&rng)),HOLDS_ROLE,\(GraphShape.roles[rng.below(GraphShape.roles.count)]),\(1980 + rng.below(45))\n")
            }
        }
    }
    try write("rels_partners_with.csv", ":START_ID,:END_ID,:TYPE,since:int") { out, rng in
        for _ in 0..<(shape.companies * 3) {
            let a = skewedCompany(&rng), b = skewedCompany(&rng)
            if a == b { continue }
            out.append("\(a),\(b),PARTNERS_WITH,\(1990 + rng.below(35))\n")
        }
    }
    try write("rels_operates_in.csv", ":START_ID,:END_ID,:TYPE") { out, rng in
        for i in 0..<shape.companies {
            for _ in 0..<3 { out.append("\(shape.companyBase + i),\(shape.marketBase + rng.below(shape.markets)),OPERATES_IN\n") }
        }
    }
    try write("rels_participates_in.csv", ":START_ID,:END_ID,:TYPE") { out, rng in
        for i in 0..<shape.companies {
            for _ in 0..<2 { out.append("\(shape.companyBase + i),\(shape.projectBase + rng.below(shape.projects)),PARTICIPATES_IN\n") }
        }
    }
    try write("rels_leads.csv", ":START_ID,:END_ID,:TYPE,area") { out, rng in
        for p in 0..<shape.projects {
            out.append("\(skewedCompany(&rng)),\(shape.projectBase + p),LEADS,area \(rng.below(50))\n")
        }
    }
    try write("rels_targets.csv", ":START_ID,:END_ID,:TYPE") { out, rng in
        for p in 0..<shape.projects {
            out.append("\(shape.projectBase + p),\(shape.marketBase + rng.below(shape.markets)),TARGETS\n")
        }
    }
    return written
}

/// A buffered CSV writer that flushes every megabyte.
final class CSVFile {
    let handle: FileHandle
    var buffer = ""

    init(_ url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
              let handle = FileHandle(forWritingAtPath: url.path)
        else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path]) }
        self.handle = handle
        buffer.reserveCapacity(1 << 20)
    }

    func append(_ text: String) {
        buffer += text
        if buffer.utf8.count >= 1 << 20 { flush() }
    }

    func flush() {
        handle.write(Data(buffer.utf8))
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        flush()
        try handle.close()
    }
}
