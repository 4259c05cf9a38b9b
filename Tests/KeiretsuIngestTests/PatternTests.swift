// The pattern language (compiler errors, matching semantics) and the quantity readers, each on
// their own, over hand-built sentence views.

import KeiretsuGraph
import XCTest

@testable import KeiretsuIngest

final class PatternTests: XCTestCase {
    /// Compiles `pattern` and matches it against `text` whose gazetteer is `entities`.
    func run(_ pattern: String, _ text: String, entities: [(String, String)] = [("Company", "Norvik"), ("Company", "Talvi"),
                                                                               ("Company", "Varen"), ("Person", "Mara Ellison")])
        throws -> (matches: [PatternMatch], view: SentenceView, names: (Int) -> String)
    {
        let lexicon = Lexicon()
        let catalog = EntityCatalog(labels: GraphSchema.default.entityLabels)
        for (label, name) in entities { catalog.add(labels: [label], name: name) }
        let finder = MentionFinder(lexicon: lexicon, catalog: catalog)
        for i in 0..<catalog.count { finder.register(entity: i) }
        let literals = LiteralIndex(lexicon: lexicon)
        let matcher = PatternMatcher(lexicon: lexicon, literals: literals, quantities: QuantityReader(lexicon: lexicon),
                                     qualifierLabels: catalog.labelSet(["Market"]))
        var compiler = PatternCompiler(lexicon: lexicon, literals: literals, labels: catalog.labelTable)
        let compiled = try compiler.compile(pattern, rule: "test")
        let bytes = Array(text.utf8)
        let tokens = Tokenizer(lexicon: lexicon).tokenize(bytes)
        let mentions = finder.find(tokens, 0..<tokens.count, overlay: nil)
        let view = SentenceView(tokens: tokens, range: 0..<tokens.count, mentions: mentions, candidates: [], sentence: 0)
        matcher.prepare(sentence: 0..<tokens.count, tokens: tokens, bytes: TextBytes(bytes: bytes))
        matcher.load(view: view)
        return (matcher.matches(compiled), view, { catalog.name(of: $0) })
    }

    func entities(_ r: (matches: [PatternMatch], view: SentenceView, names: (Int) -> String), _ slot: Int, match: Int = 0) -> [String] {
        guard match < r.matches.count, case .mentions(let refs)? = r.matches[match].values[slot] else { return [] }
        return refs.flatMap { r.view.mentions[$0].entities.map(r.names) }
    }

    func testCompilerErrorsNameTheRuleAndThePiece() {
        var compiler = PatternCompiler(lexicon: Lexicon(), literals: LiteralIndex(lexicon: Lexicon()), labels: LabelTable(["Company"]))
        XCTAssertThrowsError(try compiler.compile("( a | b", rule: "r1")) { XCTAssertTrue("\($0)".contains("r1")) }
        XCTAssertThrowsError(try compiler.compile("a ] b", rule: "r2"))
        XCTAssertThrowsError(try compiler.compile("<A> holds", rule: "r3"))
        XCTAssertThrowsError(try compiler.compile("spin-off of <A:Company>", rule: "r4")) { XCTAssertTrue("\($0)".contains("spin-off")) }
        XCTAssertThrowsError(try compiler.compile("<A:Company> ...99 x", rule: "r5"))
        XCTAssertThrowsError(try compiler.compile("<A:Company> %A", rule: "r6"), "one slot, two kinds")
        // An action naming a slot the pattern does not bind is refused when the table is built.
        let bad = RelationRule("bad.slot", "<A:Company> owns <B:Company>", [.rel("HOLDS_STAKE", "A", "C")])
        XCTAssertThrowsError(try IngestPipeline.validate(rules: [bad]))
    }

    func testGapsPreferTheNearestSubject() throws {
        let r = try run("<A:Company> __6 holds %P of <B:Company>", "Norvik said Talvi holds 40% of Varen.")
        XCTAssertEqual(r.matches.count, 1)
        XCTAssertEqual(entities(r, 0), ["Talvi"])
        XCTAssertEqual(entities(r, 2), ["Varen"])
        guard case .number(let p)? = r.matches[0].values[1] else { return XCTFail("no percent") }
        XCTAssertEqual(p, 40)
    }

    func testClauseGapsDoNotCrossCommas() throws {
        XCTAssertEqual(try run("<A:Company> __6 holds", "Norvik, as we know, holds.").matches.count, 0)
        XCTAssertEqual(try run("<A:Company> ...6 holds", "Norvik, as we know, holds.").matches.count, 1)
    }

    func testListsCloseWithAnd() throws {
        let r = try run("<A+:Company> are members", "Norvik, Talvi and Varen are members.")
        XCTAssertEqual(entities(r, 0), ["Norvik", "Talvi", "Varen"])
        let open = try run("<A+:Company> are members", "Norvik, Talvi are members.")
        XCTAssertEqual(entities(open, 0), ["Talvi"], "without 'and' the list is only its last element")
    }

    func testOptionalGroupsAndAlternatives() throws {
        XCTAssertEqual(try run("<A:Company> ( will | agreed to ) [also] invest", "Norvik agreed to also invest.").matches.count, 1)
        XCTAssertEqual(try run("<A:Company> ( will | agreed to ) [also] invest", "Norvik will invest.").matches.count, 1)
        XCTAssertEqual(try run("<A:Company> ( will | agreed to ) [also] invest", "Norvik might invest.").matches.count, 0)
        XCTAssertEqual(try run("<A:Company> reduc* stake", "Norvik reducing stake.").matches.count, 1)
    }

    func testAppositionsAreFree() throws {
        let r = try run("<A:Company> APPOS owns %P of <B:Company>", "Norvik, the old maker from the north, owns 5% of Talvi.")
        XCTAssertEqual(entities(r, 0), ["Norvik"])
        XCTAssertEqual(r.matches.first?.cost, 0)
    }

    func testPhrasesAndHeads() throws {
        let r = try run("<A:Company> leads ~J+", "Norvik leads the E / E architecture and solid-state batteries.")
        guard case .phrase(let pieces)? = r.matches.first?.values[1] else { return XCTFail("no phrase") }
        XCTAssertEqual(pieces.count, 2)
        let headed = try run("<A:Company> runs ~J=project|platform", "Norvik runs the compact car project, a joint effort.")
        XCTAssertEqual(headed.matches.count, 1)
        XCTAssertEqual(try run("<A:Company> runs ~J=project|platform", "Norvik runs the compact car business.").matches.count, 0)
        XCTAssertEqual(try run("<A:Company> leads ~J", "Norvik leads 30% of sales.").matches.count, 0, "a number alone is no phrase")
    }
}

final class QuantityReaderTests: XCTestCase {
    func read<T>(_ text: String, _ f: (QuantityReader, [Token], TextBytes) -> T?) -> T? {
        let lexicon = Lexicon()
        let bytes = Array(text.utf8)
        let tokens = Tokenizer(lexicon: lexicon).tokenize(bytes)
        return f(QuantityReader(lexicon: lexicon), tokens, TextBytes(bytes: bytes))
    }

    func testRolesCoordinatedRankedAndPast() {
        func roles(_ s: String) -> [String] {
            read(s) { q, t, _ in q.roles(t, 0, t.count).map { $0.0.map { "\($0.name)\($0.former == true ? "*" : "")" } } } ?? []
        }
        XCTAssertEqual(roles("the president and chief executive of"), ["president", "CEO"])
        XCTAssertEqual(roles("the founder, chairman and chief executive"), ["founder", "chairman", "CEO"])
        XCTAssertEqual(roles("the then president"), ["president*"])
        XCTAssertEqual(roles("a former vice chief operating officer"), ["vice COO*"])
        XCTAssertEqual(roles("ex-CEO"), ["CEO*"])
        XCTAssertEqual(roles("senior managing executive officer"), ["senior managing executive officer"])
        XCTAssertEqual(roles("co-founder"), ["founder"])
        XCTAssertEqual(roles("the chair"), ["chairman"])
        XCTAssertEqual(roles("the market"), [])
    }

    func testPercentagesNumbersAndMoney() {
        XCTAssertEqual(read("43.4% stake") { q, t, b in q.percent(t, 0, t.count, bytes: b)?.0 }, 43.4)
        XCTAssertEqual(read("about 15 per cent") { q, t, b in q.percent(t, 0, t.count, bytes: b)?.0 }, 15)
        XCTAssertEqual(read("420,000 people") { q, t, b in q.number(t, 0, t.count, bytes: b)?.0 }, 420_000)
        XCTAssertEqual(read("five joint projects") { q, t, b in q.number(t, 0, t.count, bytes: b)?.0 }, 5)
        func money(_ s: String) -> String? {
            read(s) { q, t, b in q.money(t, 0, t.count, bytes: b).map { "\(formatDouble($0.0.amount)) \($0.0.currency)" } }
        }
        XCTAssertEqual(money("600 million dollars"), "600000000.0 USD")
        XCTAssertEqual(money("$2.5 billion"), "2500000000.0 USD")
        XCTAssertEqual(money("€600m"), "600000000.0 EUR")
        XCTAssertEqual(money("about 80 billion yen"), "80000000000.0 JPY")
        XCTAssertEqual(money("US$ 3 bn"), "3000000000.0 USD")
        XCTAssertNil(money("600 million people"))
    }
}
