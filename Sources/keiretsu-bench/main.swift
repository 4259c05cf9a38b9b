// keiretsu-bench: loads the synthetic alliance graph through the seed-folder loader and times
// the eight benchmark queries of the engine issue.
//
//   keiretsu-bench [--nodes N] [--data DIR] [--repeat K] [--json]
//
// The CSV files are generated into DIR (default benchmarks/out/N) unless they are there
// already; benchmarks/compare_kuzu.py runs Kuzu on the same files and prints the ratios.
// Times are wall-clock medians over K runs after one warm-up run; the load is timed once.

import Foundation
import KeiretsuCLI
import KeiretsuCypher
import KeiretsuGraph

struct BenchQuery {
    let name: String
    let text: String
    let parameters: [String: Value]
}

func benchQueries(_ shape: GraphShape) -> [BenchQuery] {
    let hub = shape.companyName(0)
    let mid = shape.companyName(shape.companies / 2)
    let other = shape.companyName(shape.companies / 3)
    return [
        BenchQuery(name: "Q1 point lookup", text: "MATCH (c:Company {name: $name}) RETURN c.name, c.founded",
                   parameters: ["name": .string(shape.companyName(shape.companies / 7))]),
        BenchQuery(name: "Q2 1-hop from hub", text: "MATCH (c:Company {name: $name})-[r]-(x) RETURN x.name",
                   parameters: ["name": .string(hub)]),
        BenchQuery(name: "Q3 2-hop DISTINCT", text:
            "MATCH (c:Company {name: $name})-[:HOLDS_STAKE]->()-[:HOLDS_STAKE]->(x) RETURN count(DISTINCT x)",
                   parameters: ["name": .string(mid)]),
        BenchQuery(name: "Q4 roles by country", text:
            "MATCH (p:Person)-[:HOLDS_ROLE]->(c:Company) RETURN c.country AS country, count(*) AS roles ORDER BY country",
                   parameters: [:]),
        BenchQuery(name: "Q5 *1..3 DISTINCT", text:
            "MATCH (c:Company {name: $name})-[:HOLDS_STAKE*1..3]->(x) RETURN count(DISTINCT x)",
                   parameters: ["name": .string(mid)]),
        BenchQuery(name: "Q6 filtered scan", text: "MATCH (c:Company) WHERE c.founded > 2000 RETURN count(*)",
                   parameters: [:]),
        BenchQuery(name: "Q7 shortest path", text:
            "MATCH p = shortestPath((a:Company {name: $a})-[*..6]-(b:Company {name: $b})) RETURN length(p)",
                   parameters: ["a": .string(mid), "b": .string(other)]),
        BenchQuery(name: "Q8 count relationships", text: "MATCH ()-[r]->() RETURN count(r)", parameters: [:]),
    ]
}

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

func residentMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
        return kb / 1024
    }
    return 0
}

var nodes = 10_000
var dataDirectory: String? = nil
var repeats = 5
var json = false
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let a = arguments.next() {
    switch a {
    case "--nodes": nodes = Int(arguments.next() ?? "") ?? nodes
    case "--data": dataDirectory = arguments.next()
    case "--repeat": repeats = max(1, Int(arguments.next() ?? "") ?? repeats)
    case "--json": json = true
    default:
        FileHandle.standardError.write(Data("usage: keiretsu-bench [--nodes N] [--data DIR] [--repeat K] [--json]\n".utf8))
        exit(2)
    }
}

let shape = GraphShape(nodes: nodes)
let directory = URL(fileURLWithPath: dataDirectory ?? "benchmarks/out/\(nodes)")
if !FileManager.default.fileExists(atPath: directory.appendingPathComponent("rels_targets.csv").path) {
    let t0 = now()
    do {
        _ = try generateGraph(nodes: nodes, into: directory)
    } catch {
        FileHandle.standardError.write(Data("keiretsu-bench: cannot write \(directory.path): \(error)\n".utf8))
        exit(2)
    }
    FileHandle.standardError.write(Data(String(format: "generated %@ in %.1f s\n", directory.path, now() - t0).utf8))
}

let database = Database()
let loadStart = now()
do {
    try SeedFolderLoader().load(folder: directory.path, into: database)
    _ = try database.execute("CREATE INDEX company_name FOR (c:Company) ON (c.name)")
} catch let error as CypherError {
    FileHandle.standardError.write(Data("keiretsu-bench: load failed: \(error.qualifiedCode): \(error.message)\n".utf8))
    exit(2)
}
let loadSeconds = now() - loadStart
let rss = residentMegabytes()

var results: [(name: String, median: Double, rows: Int)] = []
for q in benchQueries(shape) {
    var times: [Double] = []
    var rows = 0
    for i in 0...repeats {
        let t0 = now()
        do {
            let r = try database.execute(q.text, parameters: q.parameters)
            rows = r.rows.count == 1 && r.rows[0].count == 1 ? Int(r.rows[0][0].doubleValue ?? 1) : r.rows.count
        } catch let error as CypherError {
            FileHandle.standardError.write(Data("keiretsu-bench: \(q.name) failed: \(error.qualifiedCode): \(error.message)\n".utf8))
            exit(2)
        }
        if i > 0 { times.append(now() - t0) }
    }
    times.sort()
    results.append((q.name, times[times.count / 2], rows))
}

if json {
    var out = "{\"nodes\":\(database.graph.nodeCount),\"relationships\":\(database.graph.relationshipCount)"
    out += ",\"load_s\":\(loadSeconds),\"rss_mb\":\(rss),\"queries\":{"
    out += results.map { "\"\($0.name.prefix(2))\":{\"ms\":\($0.median * 1000),\"result\":\($0.rows)}" }.joined(separator: ",")
    out += "}}"
    print(out)
} else {
    print(String(format: "graph: %d nodes, %d relationships; load %.2f s; resident %.0f MB",
                 database.graph.nodeCount, database.graph.relationshipCount, loadSeconds, rss))
    for r in results {
        print(String(format: "%-24@ %10.3f ms   (%d)", r.name as NSString, r.median * 1000, r.rows))
    }
}
