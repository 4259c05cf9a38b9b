// Quality on Tests/IngestCorpus: entity and fact precision, recall and F1 against the hand
// annotations, plus how many annotated properties come out right. The table is printed on every
// run; the test fails when a figure drops below its floor, so the floors ratchet up as the
// extractor improves (raise them, never lower them).
//
// Matching: entities by (label, name) with names compared folded (case, diacritics); facts by
// (type, from, to), either direction for the symmetric types. Property accuracy counts, over the
// facts that match, the annotated properties whose value the extractor gives (numbers within
// 1e-6, strings folded).

import Foundation
import KeiretsuCypher
import KeiretsuGraph
import XCTest

@testable import KeiretsuIngest

final class CorpusQualityTests: XCTestCase {
    // Floors: the figures this extractor reaches (rounded down), to catch regressions.
    static let floors = (entityF1: 0.96, factF1: 0.92, propertyAccuracy: 0.98)

    struct Counts {
        var tp = 0, fp = 0, fn = 0
        var precision: Double { tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp) }
        var recall: Double { tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn) }
        var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        static func += (a: inout Counts, b: Counts) {
            a.tp += b.tp
            a.fp += b.fp
            a.fn += b.fn
        }
    }

    struct Score {
        var entities = Counts()
        var facts = Counts()
        var propertiesRight = 0
        var propertiesTotal = 0
        var missedFacts: [String] = []
        var extraFacts: [String] = []
        var missedEntities: [String] = []
        var extraEntities: [String] = []
    }

    static let symmetric: Set<String> = ["PARTNERS_WITH", "MERGES_WITH"]

    static func fold(_ s: String) -> String { TextFolding.fold(s) }

    /// Facts are keyed by type and endpoints; roles also by title (one fact per title).
    static func factKey(_ type: String, _ from: String, _ to: String, role: String? = nil) -> String {
        var a = fold(from), b = fold(to)
        if symmetric.contains(type) && b < a { swap(&a, &b) }
        if type == "HOLDS_ROLE", let r = role { return "\(type) \(a) -> \(b) [\(fold(r))]" }
        return "\(type) \(a) -> \(b)"
    }

    static func same(_ a: Value, _ b: Value) -> Bool {
        if let x = a.doubleValue, let y = b.doubleValue { return abs(x - y) < 1e-6 }
        if case .string(let x) = a, case .string(let y) = b { return fold(x) == fold(y) }
        if case .bool(let x) = a, case .bool(let y) = b { return x == y }
        return false
    }

    /// Scores one document report against its annotation.
    static func score(_ doc: DocumentReport, expected: Value) -> Score {
        var s = Score()
        guard case .map(let m) = expected else { return s }
        var want: [String: String] = [:]
        if case .list(let es)? = m["entities"] {
            for case .map(let e) in es {
                let key = "\(e["label"]?.stringValue ?? "") \(fold(e["name"]?.stringValue ?? ""))"
                want[key] = key
            }
        }
        var got: Set<String> = []
        for e in doc.entities {
            // An entity matches under any of its labels (Organization:Alliance is an Organization).
            let keys = e.labels.map { "\($0) \(fold(e.name))" }
            if let k = keys.first(where: { want[$0] != nil }) { got.insert(k) } else { got.insert(keys.first ?? "") }
        }
        for k in got { if want[k] != nil { s.entities.tp += 1 } else { s.entities.fp += 1; s.extraEntities.append(k) } }
        for k in want.keys where !got.contains(k) { s.entities.fn += 1; s.missedEntities.append(k) }

        var wantFacts: [String: ValueMap] = [:]
        if case .list(let fs)? = m["facts"] {
            for case .map(let f) in fs {
                let key = factKey(f["type"]?.stringValue ?? "", f["from"]?.stringValue ?? "", f["to"]?.stringValue ?? "",
                                  role: (f["properties"]?.isNull == false) ? { if case .map(let p)? = f["properties"] { return p["role"]?.stringValue } else { return nil } }() : nil)
                var props: ValueMap = [:]
                if case .map(let p)? = f["properties"] { props = p }
                // Two annotations of one relation (a current and a future stake) score as one fact
                // with the union of their properties.
                if var existing = wantFacts[key] {
                    for (k, v) in props where existing[k] == nil { existing[k] = v }
                    wantFacts[key] = existing
                } else {
                    wantFacts[key] = props
                }
            }
        }
        var gotFacts: [String: ValueMap] = [:]
        for f in doc.facts {
            let key = factKey(f.type, f.from, f.to, role: f.properties["role"]?.stringValue)
            var props = gotFacts[key] ?? [:]
            for (k, v) in f.properties where props[k] == nil { props[k] = v }
            gotFacts[key] = props
        }
        for (k, props) in gotFacts {
            if let w = wantFacts[k] {
                s.facts.tp += 1
                for (pk, pv) in w {
                    s.propertiesTotal += 1
                    if let g = props[pk], same(g, pv) { s.propertiesRight += 1 }
                }
            } else {
                s.facts.fp += 1
                s.extraFacts.append(k)
            }
        }
        for k in wantFacts.keys where gotFacts[k] == nil {
            s.facts.fn += 1
            s.missedFacts.append(k)
        }
        return s
    }

    func testCorpusPrecisionRecall() throws {
        let dir = TestSupport.corpusDir
        guard FileManager.default.fileExists(atPath: dir.appendingPathComponent("gazetteer.cypher").path) else {
            throw XCTSkip("Tests/IngestCorpus is missing")
        }
        let db = try TestSupport.database(seeding: dir)
        // Articles are the files with an answer key next to them (README.md is not one).
        let paths = try IngestPipeline.articlePaths(in: dir.path).filter {
            FileManager.default.fileExists(atPath: ($0 as NSString).deletingPathExtension + ".expected.json")
        }
        XCTAssertGreaterThanOrEqual(paths.count, 12)
        let report = try IngestPipeline(graph: db.graph, options: IngestOptions(relativeTo: dir.path)).ingest(paths: paths)

        var total = Score()
        var table = "document                                  ent P   R    F1  | fact P   R    F1  | props\n"
        let verbose = ProcessInfo.processInfo.environment["KEIRETSU_QUALITY_VERBOSE"] != nil
        for doc in report.documents {
            let base = (doc.path as NSString).deletingPathExtension
            let annotation = dir.appendingPathComponent(base + ".expected.json")
            let text = try String(contentsOf: annotation, encoding: .utf8)
            let s = CorpusQualityTests.score(doc, expected: try Value.parseJSON(text))
            total.entities += s.entities
            total.facts += s.facts
            total.propertiesRight += s.propertiesRight
            total.propertiesTotal += s.propertiesTotal
            table += row(String(base.prefix(40)), s) + "\n"
            if verbose {
                for k in s.missedEntities.sorted() { table += "    missed entity  \(k)\n" }
                for k in s.extraEntities.sorted() { table += "    extra entity   \(k)\n" }
                for k in s.missedFacts.sorted() { table += "    missed fact    \(k)\n" }
                for k in s.extraFacts.sorted() { table += "    extra fact     \(k)\n" }
            }
        }
        table += row("TOTAL (micro)", total) + "\n"
        let accuracy = total.propertiesTotal == 0 ? 1 : Double(total.propertiesRight) / Double(total.propertiesTotal)
        print(table)
        print(String(format: "entities P %.3f R %.3f F1 %.3f | facts P %.3f R %.3f F1 %.3f | property accuracy %.3f (%d/%d)",
                     total.entities.precision, total.entities.recall, total.entities.f1,
                     total.facts.precision, total.facts.recall, total.facts.f1,
                     accuracy, total.propertiesRight, total.propertiesTotal))
        XCTAssertGreaterThanOrEqual(total.entities.f1, CorpusQualityTests.floors.entityF1)
        XCTAssertGreaterThanOrEqual(total.facts.f1, CorpusQualityTests.floors.factF1)
        XCTAssertGreaterThanOrEqual(accuracy, CorpusQualityTests.floors.propertyAccuracy)
    }

    private func row(_ name: String, _ s: Score) -> String {
        let pad = name.count >= 40 ? name : name + String(repeating: " ", count: 40 - name.count)
        let props = s.propertiesTotal == 0 ? "   -" : String(format: "%d/%d", s.propertiesRight, s.propertiesTotal)
        return pad + String(format: "  %.2f %.2f %.2f | %.2f %.2f %.2f | ", s.entities.precision, s.entities.recall, s.entities.f1,
                            s.facts.precision, s.facts.recall, s.facts.f1) + props
    }
}
