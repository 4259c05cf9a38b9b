// The relation table, one relationship type at a time, with the properties each one takes from
// the prose. Names are invented; the gazetteer is Harness.defaultEntities.

import KeiretsuGraph
import XCTest

@testable import KeiretsuIngest

final class RelationRulesTests: XCTestCase {
    var h: Harness!

    override func setUpWithError() throws {
        h = try Harness()
    }

    func testStakesWithPercentTargetAndLargestShareholder() {
        XCTAssertEqual(h.facts("Norvik holds a 43% stake in Talvi."), ["HOLDS_STAKE Norvik Motors -> Talvi Energy {percent: 43.0}"])
        XCTAssertEqual(h.facts("The Harbour house will reduce its current 43% stake in Talvi to 15% over time."),
                       ["HOLDS_STAKE Norvik Motors -> Talvi Energy {percent: 43.0, targetPercent: 15.0}"])
        XCTAssertEqual(h.facts("Belcastro will raise its stake in Talvi to 20% from 16.8%, it said."),
                       ["HOLDS_STAKE Belcastro -> Talvi Energy {percent: 16.8, targetPercent: 20.0}"])
        XCTAssertEqual(h.facts("Belcastro, which owns 36% of Norvik, said so."), ["HOLDS_STAKE Belcastro -> Norvik Motors {percent: 36.0}"])
        XCTAssertEqual(h.facts("Talvi, in which Norvik holds a 27% stake, grew."), ["HOLDS_STAKE Norvik Motors -> Talvi Energy {percent: 27.0}"])
        XCTAssertEqual(h.facts("Norvik also holds 5% of Talvi and 16.8% of Belcastro."),
                       ["HOLDS_STAKE Norvik Motors -> Talvi Energy {percent: 5.0}", "HOLDS_STAKE Norvik Motors -> Belcastro {percent: 16.8}"])
        XCTAssertEqual(h.facts("Approval came from the Polish government, which represents Talvi’s most significant shareholder."),
                       ["HOLDS_STAKE Polish government -> Talvi Energy {largestShareholder: true}"])
    }

    func testCrossShareholdingsEqualisedMirrorTheTarget() {
        let f = h.facts("The makers agreed to equalise their cross-shareholdings, with Norvik reducing its 43% stake in Talvi to 15%.")
        XCTAssertEqual(f, ["HOLDS_STAKE Norvik Motors -> Talvi Energy {percent: 43.0, targetPercent: 15.0}",
                           "HOLDS_STAKE Talvi Energy -> Norvik Motors {percent: 15.0}"])
    }

    func testBuyingAStakeIsAlsoAnInvestment() {
        XCTAssertEqual(h.facts("Norvik will acquire 4.94% of Talvi for about 96 billion yen."),
                       ["HOLDS_STAKE Norvik Motors -> Talvi Energy {targetPercent: 4.94}",
                        "INVESTS_IN Norvik Motors -> Talvi Energy {amount: 96000000000.0, currency: 'JPY', status: 'agreed'}"])
        XCTAssertEqual(h.facts("Belcastro has completed its purchase of a 41% stake in Talvi for 325 million euros."),
                       ["HOLDS_STAKE Belcastro -> Talvi Energy {percent: 41.0}",
                        "INVESTS_IN Belcastro -> Talvi Energy {amount: 325000000.0, currency: 'EUR', status: 'completed'}"])
    }

    func testRolesWithTitlesFormerAndCoordinatedTitles() {
        XCTAssertEqual(h.facts("Mara Ellison, the CEO of Talvi, spoke."), ["HOLDS_ROLE Mara Ellison -> Talvi Energy {role: 'CEO'}"])
        XCTAssertEqual(h.facts("Mara Ellison is the president and chief executive of Talvi."),
                       ["HOLDS_ROLE Mara Ellison -> Talvi Energy {role: 'president'}", "HOLDS_ROLE Mara Ellison -> Talvi Energy {role: 'CEO'}"])
        XCTAssertEqual(h.facts("The crisis of the Alliance was triggered by the then president Mara Ellison."),
                       ["HOLDS_ROLE Mara Ellison -> Northern Alliance {role: 'president', former: true}"])
        XCTAssertEqual(h.facts("Mara Ellison, the former chairman of Norvik, is the chairman of Talvi."),
                       ["HOLDS_ROLE Mara Ellison -> Norvik Motors {role: 'chairman', former: true}",
                        "HOLDS_ROLE Mara Ellison -> Talvi Energy {role: 'chairman'}"])
        XCTAssertEqual(h.facts("Mara Ellison, who succeeded Oren Valdic as chief executive of Talvi, spoke."),
                       ["HOLDS_ROLE Mara Ellison -> Talvi Energy {role: 'CEO'}",
                        "HOLDS_ROLE Oren Valdic -> Talvi Energy {role: 'CEO', former: true}"])
        XCTAssertEqual(h.facts("Mara Ellison is a former vice chief operating officer of Norvik."),
                       ["HOLDS_ROLE Mara Ellison -> Norvik Motors {role: 'vice COO', former: true}"])
    }

    func testMembershipOfAnAlliance() {
        XCTAssertEqual(h.facts("The Alliance made up of Norvik, Belcastro and Talvi met."),
                       ["MEMBER_OF Norvik Motors -> Northern Alliance", "MEMBER_OF Belcastro -> Northern Alliance",
                        "MEMBER_OF Talvi Energy -> Northern Alliance"])
        XCTAssertEqual(h.facts("Talvi is a founding member of the Alliance."), ["MEMBER_OF Talvi Energy -> Northern Alliance"])
    }

    func testProjectsLedWithTheirArea() {
        XCTAssertEqual(h.facts("Norvik will be responsible for the E / E architecture, and Talvi will be the leader in solid state batteries."),
                       ["LEADS Norvik Motors -> E/E architecture {area: 'E/E architecture'}",
                        "LEADS Talvi Energy -> Solid-state batteries {area: 'Solid-state batteries'}"])
        XCTAssertEqual(h.facts("Belcastro will lead the joint work on all-wheel-drive technology."),
                       ["LEADS Belcastro -> all-wheel-drive technology {area: 'all-wheel-drive technology'}"])
    }

    func testJointProjectsAndTheMarketsTheyTarget() {
        let f = h.facts("Norvik and Belcastro will collaborate on five joint projects with the help of Talvi. "
            + "One is expected to concern commercial vans, another will focus on the Indian market.")
        XCTAssertEqual(f.sorted(), [
            "PARTICIPATES_IN Belcastro -> India project", "PARTICIPATES_IN Belcastro -> commercial vans",
            "PARTICIPATES_IN Norvik Motors -> India project", "PARTICIPATES_IN Norvik Motors -> commercial vans",
            "PARTICIPATES_IN Talvi Energy -> India project", "PARTICIPATES_IN Talvi Energy -> commercial vans",
            "PARTNERS_WITH Norvik Motors -> Belcastro", "TARGETS India project -> India",
        ])
        XCTAssertEqual(h.facts("Norvik and Talvi will jointly develop a battery-electric platform."),
                       ["PARTICIPATES_IN Norvik Motors -> battery-electric platform", "PARTICIPATES_IN Talvi Energy -> battery-electric platform"])
    }

    func testInvestmentsWithAmountCurrencyAndStatus() {
        XCTAssertEqual(h.facts("Norvik should invest in Talvi."), ["INVESTS_IN Norvik Motors -> Talvi Energy {status: 'considering'}"])
        XCTAssertEqual(h.facts("Norvik will invest 600 million dollars in Talvi."),
                       ["INVESTS_IN Norvik Motors -> Talvi Energy {amount: 600000000.0, currency: 'USD', status: 'agreed'}"])
        XCTAssertEqual(h.facts("Belcastro invested €1.5bn in Talvi in 2017."),
                       ["INVESTS_IN Belcastro -> Talvi Energy {amount: 1500000000.0, currency: 'EUR', status: 'completed'}"])
    }

    func testMergersWithStatus() {
        XCTAssertEqual(h.facts("Norvik and Talvi are in talks to merge."), ["MERGES_WITH Norvik Motors -> Talvi Energy {status: 'talks'}"])
        XCTAssertEqual(h.facts("Norvik and Talvi have agreed to merge."), ["MERGES_WITH Norvik Motors -> Talvi Energy {status: 'agreed'}"])
        XCTAssertEqual(h.facts("Norvik and Talvi have completed their merger."), ["MERGES_WITH Norvik Motors -> Talvi Energy {status: 'completed'}"])
        XCTAssertEqual(h.facts("Norvik had abandoned merger talks with Talvi."), ["MERGES_WITH Norvik Motors -> Talvi Energy {status: 'abandoned'}"])
    }

    func testSubsidiariesPartnersAndMarkets() {
        XCTAssertEqual(h.facts("Vortek, Talvi's electric-vehicle business, will grow."), ["SUBSIDIARY_OF Vortek -> Talvi Energy"])
        XCTAssertEqual(h.facts("Zefra and Quell are subsidiaries of Norvik."),
                       ["SUBSIDIARY_OF Zefra -> Norvik Motors", "SUBSIDIARY_OF Quell -> Norvik Motors"])
        XCTAssertEqual(h.facts("Norvik signed a strategic partnership with Talvi."), ["PARTNERS_WITH Norvik Motors -> Talvi Energy"])
        XCTAssertEqual(h.facts("Talvi sells most of its cars in Brazil and Mexico."),
                       ["OPERATES_IN Talvi Energy -> Brazil", "OPERATES_IN Talvi Energy -> Mexico"])
    }

    func testNodePropertiesOfEntities() {
        let d = h.extract("Today the partnership employs 420,000 people and operates 29 manufacturing plants.")
        XCTAssertEqual(d.attributes.map { "\(h.name($0.entity)).\($0.key)=\($0.value.literal())" },
                       ["Northern Alliance.employees=420000", "Northern Alliance.plants=29"])
    }

    func testSinceAndExplicitDates() {
        XCTAssertEqual(h.facts("Norvik and Talvi have been partners since 2005."),
                       ["PARTNERS_WITH Norvik Motors -> Talvi Energy {since: 2005}"])
        XCTAssertEqual(h.facts("On 12 March 2021 Norvik held a 10% stake in Talvi."),
                       ["HOLDS_STAKE Norvik Motors -> Talvi Energy {percent: 10.0, asOf: date('2021-03-12')}"])
    }

    func testEveryFactNamesAnExistingRule() {
        let names = Set(RelationRule.defaultRules.map(\.name))
        let d = h.extract("Norvik holds a 43% stake in Talvi. Mara Ellison, the CEO of Talvi, spoke. Norvik will invest 5 million dollars in Talvi.")
        XCTAssertEqual(d.facts.count, 3)
        for f in d.facts { XCTAssertTrue(names.contains(f.rule), f.rule) }
    }

    func testTheShippedTablesCompile() throws {
        XCTAssertNoThrow(try IngestPipeline.validate(rules: RelationRule.defaultRules))
        XCTAssertEqual(Set(RelationRule.defaultRules.map(\.name)).count, RelationRule.defaultRules.count, "rule names are unique")
        // Every relationship type of the vocabulary has at least one rule.
        var made: Set<String> = []
        for r in RelationRule.defaultRules {
            for a in r.actions {
                switch a {
                case .relate(let t, _, _, _), .pairwise(let t, _, _): made.insert(t)
                default: break
                }
            }
        }
        XCTAssertEqual(made, Set(GraphSchema.default.relationships.map(\.type)))
    }
}
