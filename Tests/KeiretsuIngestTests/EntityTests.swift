// Gazetteer, MentionFinder, EntityDiscovery and AnaphoraResolver, each on its own. All names
// here are invented: the ingest must work for any corpus.

import KeiretsuGraph
import XCTest

@testable import KeiretsuIngest

/// A catalog, finder and extractor over a small invented gazetteer.
struct Harness {
    let lexicon = Lexicon()
    let catalog: EntityCatalog
    let extractor: DocumentExtractor

    init(_ entities: [([String], String, [String])] = Harness.defaultEntities, country: [String: String] = [:]) throws {
        let g = try TestSupport.graph(entities)
        for (name, c) in country {
            if let id = g.allNodeIDs().first(where: { g.nodeProperty($0, "name").stringValue == name }) {
                try g.setNodeProperty(id, "country", .string(c))
            }
        }
        let resolver = EntityResolver(graph: g, schema: .default)
        catalog = resolver.catalog
        extractor = try DocumentExtractor(catalog: catalog, lexicon: lexicon, schema: .default, rules: RelationRule.defaultRules)
    }

    static let defaultEntities: [([String], String, [String])] = [
        (["Company"], "Norvik Motors", ["Norvik", "the Harbour house"]),
        (["Company"], "Belcastro", ["Belcastro Group", "the Alpine giant"]),
        (["Company"], "Talvi Energy", ["Talvi"]),
        (["Person"], "Mara Ellison", ["Ellison"]),
        (["Organization", "Alliance"], "Northern Alliance", ["the Alliance", "the partnership"]),
        (["Project"], "Solid-state batteries", ["solid-state batteries"]),
        (["Market"], "India", ["the Indian market"]),
    ]

    func extract(_ body: String, date: String = "2024-03-05") -> DocumentExtraction {
        let text = " date \(date) " + body
        let bytes = Array(text.utf8)
        let r = ArticleReader().parse(bytes: bytes, path: "t.txt")
        return extractor.extract(r.article ?? Article(path: "t.txt", format: .plain, title: "", date: nil, source: nil,
                                                      bytes: bytes, body: 0..<bytes.count))
    }

    func name(_ e: Int) -> String { catalog.name(of: e) }

    /// (entity name, surface) of every mention.
    func mentions(_ body: String) -> [(String, String)] {
        extract(body).mentions.map { (name($0.entity), $0.surface) }
    }

    /// "TYPE from -> to {props}" lines of the facts stated by `body`.
    func facts(_ body: String) -> [String] {
        let d = extract(body)
        return d.facts.map { f in
            let props = f.properties.isEmpty ? "" : " " + Value.map(f.properties).literal()
            return "\(f.type) \(name(f.from)) -> \(name(f.to))\(props)"
        }
    }
}

final class GazetteerTests: XCTestCase {
    func testLongestMatchFoldsCaseDiacriticsHyphensAndSpacing() {
        let lexicon = Lexicon()
        let g = Gazetteer(lexicon: lexicon)
        g.add("Norvik", entity: 0)
        g.add("Norvik Motors", entity: 1)
        g.add("E/E architecture", entity: 2)
        g.add("Citroën", entity: 3)
        g.add("the Harbour house", entity: 4)
        func first(_ text: String) -> (String, Int)? {
            let bytes = Array(text.utf8)
            let t = Tokenizer(lexicon: lexicon).tokenize(bytes)
            guard let m = g.longestMatch(t, from: 0, limit: t.count) else { return nil }
            return (String(decoding: bytes[t[0].start..<t[m.end - 1].end], as: UTF8.self), m.entity)
        }
        XCTAssertEqual(first("Norvik Motors said")?.1, 1)
        XCTAssertEqual(first("Norvik said")?.1, 0)
        XCTAssertEqual(first("NORVIK MOTORS")?.1, 1)
        XCTAssertEqual(first("E / E architecture")?.0, "E / E architecture")
        XCTAssertEqual(first("CITROEN")?.1, 3)
        XCTAssertEqual(first("Harbour House")?.1, 4, "an alias with 'the' is also entered without it")
        XCTAssertEqual(first("the harbour house")?.1, 4)
    }

    func testOneCapitalisedWordOnlyMatchesCapitalised() {
        let lexicon = Lexicon()
        let g = Gazetteer(lexicon: lexicon)
        g.add("Alliance", entity: 0)
        g.add("the partnership", entity: 1)
        let t = Tokenizer(lexicon: lexicon).tokenize(Array("an alliance and a partnership".utf8))
        XCTAssertNil(g.longestMatch(t, from: 1, limit: t.count), "'alliance' in lower case is a common noun")
        XCTAssertNil(g.longestMatch(t, from: 4, limit: t.count), "'partnership' without 'the' names nothing")
    }
}

final class MentionFinderTests: XCTestCase {
    func testGazetteerAliasesPossessivesAndDescriptions() throws {
        let h = try Harness()
        let m = h.mentions("The Harbour house said Norvik’s rival, the Alpine giant, and Belcastro's unit agreed.")
        XCTAssertEqual(m.map(\.0), ["Norvik Motors", "Norvik Motors", "Belcastro", "Belcastro"])
        XCTAssertEqual(m.map(\.1), ["The Harbour house", "Norvik", "the Alpine giant", "Belcastro"])
    }

    func testMarketListCountriesRegionsAndDemonyms() throws {
        let h = try Harness()
        let m = h.mentions("Talvi sells in Latin America and Brazil, and eyes the Indian market and the Chinese market.")
        XCTAssertEqual(m.map(\.0), ["Talvi Energy", "Latin America", "Brazil", "India", "China"])
        // A demonym alone is not a market.
        XCTAssertEqual(h.mentions("The Japanese carmakers met.").count, 0)
    }

    func testGovernmentsFromDemonyms() throws {
        let h = try Harness()
        let d = h.extract("The Dutch government bought shares in Talvi.")
        XCTAssertEqual(d.mentions.map { h.name($0.entity) }, ["Dutch government", "Talvi Energy"])
        let gov = try XCTUnwrap(d.mentions.first).entity
        XCTAssertEqual(h.catalog.labels(of: gov), ["Organization"])
        XCTAssertEqual(h.catalog[gov].initialProperties["kind"], .string("government"))
    }

    func testHyphenatedContinuationsAndParticiples() throws {
        let h = try Harness([(["Project"], "software", []), (["Company"], "Varen", [])])
        XCTAssertEqual(h.mentions("A software-defined platform.").count, 0, "'software' is part of a longer word here")
        let d = h.extract("Varen-built cars sell well. Varen grew.")
        XCTAssertEqual(d.mentions.map(\.surface), ["Varen", "Varen"], "a participle compound still mentions the name")
    }

    func testSurnamesResolveAfterTheFullName() throws {
        let h = try Harness()
        let d = h.extract("Teodor Vasko, the chief executive of Talvi, spoke. Later Vasko left. Ellison stayed.")
        let people = d.mentions.filter { h.catalog.labels(of: $0.entity) == ["Person"] }.map { (h.name($0.entity), $0.surface) }
        XCTAssertEqual(people.map(\.0), ["Teodor Vasko", "Teodor Vasko", "Mara Ellison"])
        XCTAssertEqual(people.map(\.1), ["Teodor Vasko", "Vasko", "Ellison"])
    }
}

final class EntityDiscoveryTests: XCTestCase {
    func discovered(_ h: Harness, _ body: String) -> [String] {
        let d = h.extract(body)
        return d.discoveredBy.keys.map { "\(h.catalog.labels(of: $0).joined(separator: ":")) \(h.name($0))" }.sorted()
    }

    func testPeopleByTitlesBeforeAndAfterTheName() throws {
        let h = try Harness()
        XCTAssertEqual(discovered(h, "Norvik CEO Lina Obradovic spoke."), ["Person Lina Obradovic"])
        XCTAssertEqual(discovered(h, "Its president, Jean-Paul Dumarc, spoke."), ["Person Jean-Paul Dumarc"])
        XCTAssertEqual(discovered(h, "Piet van der Berg, the chairman of Talvi, resigned."), ["Person Piet van der Berg"])
        XCTAssertEqual(discovered(h, "Chung Soo-min is the president of Talvi."), ["Person Chung Soo-min"])
        XCTAssertEqual(discovered(h, "The then chairman Olaf Brenner quit."), ["Person Olaf Brenner"])
    }

    func testCompaniesBySuffixContextAndCoordination() throws {
        let h = try Harness()
        XCTAssertEqual(discovered(h, "Grenholt Industries said sales rose."), ["Company Grenholt Industries"])
        XCTAssertEqual(discovered(h, "Talvi bought a stake in Quorra."), ["Company Quorra"])
        XCTAssertEqual(discovered(h, "Belcastro and Oskana will merge."), ["Company Oskana"])
        XCTAssertEqual(discovered(h, "Zelt, the Polish battery maker, grew."), ["Company Zelt"])
        XCTAssertEqual(discovered(h, "Acme Holding AG and Brio SA plan a deal."), ["Company Acme Holding AG", "Company Brio SA"])
    }

    func testOrganisationsAlliancesAndNamesAcrossKnownNames() throws {
        let h = try Harness()
        XCTAssertEqual(discovered(h, "The Polish Ministry of Economy and Finance keeps 20% of Talvi."),
                       ["Organization Polish Ministry of Economy and Finance"])
        XCTAssertEqual(discovered(h, "Talvi joined the Arctic Alliance last year."), ["Organization:Alliance Arctic Alliance"])
        // A known company followed by a market or a capitalised word is a longer name when a cue types it.
        XCTAssertEqual(discovered(h, "Talvi India, a subsidiary of Talvi, grew."), ["Company Talvi India"])
        XCTAssertEqual(discovered(h, "Norvik Trucks, the truck arm of Norvik, grew."), ["Company Norvik Trucks"])
    }

    func testWhatIsNotAName() throws {
        let h = try Harness()
        XCTAssertEqual(discovered(h, "Analysts said shares of Talvi rose; analysts were wrong."), [])
        XCTAssertEqual(discovered(h, "A Munich-based subsidiary of Talvi opened."), [])
        XCTAssertEqual(discovered(h, "The South Korean subsidiary of Talvi opened."), [])
        XCTAssertEqual(discovered(h, "In March Talvi said so."), [])
    }

    func testDiscoveredNamesAreKnownInLaterSentencesAndShortForms() throws {
        let h = try Harness()
        let d = h.extract("Quorra Motor holds 12% of Talvi. Later Quorra sold shares.")
        let names = d.mentions.map { "\(h.name($0.entity))=\($0.surface)" }
        XCTAssertEqual(names, ["Quorra Motor=Quorra Motor", "Talvi Energy=Talvi", "Quorra Motor=Quorra"])
    }
}

final class AnaphoraTests: XCTestCase {
    func testPronounsAndDescriptionsPointBack() throws {
        let h = try Harness()
        XCTAssertEqual(h.facts("Admitting it was the Alliance, its president, Dana Kolar, spoke."),
                       ["HOLDS_ROLE Dana Kolar -> Northern Alliance {role: 'president'}"])
        XCTAssertEqual(h.facts("Talvi created a unit called Vortek. Norvik should invest in this last unit."),
                       ["SUBSIDIARY_OF Vortek -> Talvi Energy", "INVESTS_IN Norvik Motors -> Vortek {status: 'considering'}"])
    }

    func testPluralAnaphorsPreferTheLastCoordination() throws {
        let h = try Harness()
        let facts = h.facts("Talvi and Belcastro met. Norvik watched. The two companies signed a partnership.")
        XCTAssertEqual(facts, ["PARTNERS_WITH Talvi Energy -> Belcastro"])
    }

    func testADefiniteDescriptionSkipsItsOwnSubject() throws {
        let h = try Harness()
        XCTAssertEqual(h.facts("Norvik grew. Talvi bought a 14% stake in the company."),
                       ["HOLDS_STAKE Talvi Energy -> Norvik Motors {percent: 14.0}",
                        "INVESTS_IN Talvi Energy -> Norvik Motors {status: 'completed'}"])
    }

    func testDemonymsMustAgreeWithTheCountry() throws {
        let h = try Harness(country: ["Norvik Motors": "Sweden", "Belcastro": "Italy"])
        XCTAssertEqual(h.facts("Norvik and Belcastro met. Talvi bought 5% of the Swedish carmaker."),
                       ["HOLDS_STAKE Talvi Energy -> Norvik Motors {percent: 5.0}",
                        "INVESTS_IN Talvi Energy -> Norvik Motors {status: 'completed'}"])
    }

    func testTitlesBeforeNamesAndPredicatesAreNotAnaphors() throws {
        let h = try Harness()
        // "the battery maker Zelt" introduces Zelt; it does not point back at Talvi.
        XCTAssertEqual(h.facts("Talvi, Norvik and the battery maker Zelt are members of the Alliance.").count, 3)
    }
}
