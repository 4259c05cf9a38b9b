// `keiretsu export`, run as a subprocess: formats on stdout and to files, subgraphs from a
// query, GraphML that validates and loads back through a seeds folder, and the error paths
// (a query with no graph elements, a bad query, a file that cannot be written) exiting 2 with
// nothing half-written.

import Foundation
import XCTest

final class ExportCommandTests: XCTestCase {
    func seeds() throws -> ScratchFolder {
        let folder = try ScratchFolder()
        _ = try folder.write("graph.cypher", """
            CREATE (a:Company {name: 'A <&> "quoted"', founded: 1899, aliases: ['a', 'α']}),
                   (b:Company {name: 'B'}), (p:Person {name: 'P'}),
                   (a)-[:HOLDS_STAKE {percent: 43.0, asOf: date('2023-01-28')}]->(b),
                   (p)-[:HOLDS_ROLE {role: 'CEO'}]->(a);
            """)
        return folder
    }

    func testJSONOfAQuerySubgraphBringsRelationshipEndpoints() throws {
        let folder = try seeds()
        let r = try BinaryRunner.run(["export", "--seeds", folder.url.path, "--format", "json",
                                      "--query", "MATCH ()-[r:HOLDS_STAKE]->() RETURN r"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((object["nodes"] as? [Any])?.count, 2)
        XCTAssertEqual((object["relationships"] as? [Any])?.count, 1)
    }

    func testGraphMLFileValidatesAndLoadsBack() throws {
        let folder = try seeds()
        let out = try ScratchFolder()
        let file = out.url.appendingPathComponent("g.graphml").path
        let r = try BinaryRunner.run(["export", "--seeds", folder.url.path, "--format", "graphml", "-o", file])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "")
        let back = try BinaryRunner.run(["query", "--seeds", out.url.path, "--format", "tsv",
                                         "MATCH (a)-[r:HOLDS_STAKE]->(b) RETURN a.name, a.aliases, r.percent, r.asOf, b.name"])
        XCTAssertEqual(back.status, 0, back.stderr)
        XCTAssertEqual(back.stdout.split(separator: "\n").last.map(String.init),
                       "A <&> \"quoted\"\t['a', 'α']\t43.0\tdate('2023-01-28')\tB")
    }

    func testErrorsExitTwoAndWriteNothing() throws {
        let folder = try seeds()
        let out = try ScratchFolder()
        let file = out.url.appendingPathComponent("none.dot").path
        let empty = try BinaryRunner.run(["export", "--seeds", folder.url.path, "--format", "dot", "--query", "RETURN 1", "-o", file])
        XCTAssertEqual(empty.status, 2)
        XCTAssertTrue(empty.stderr.contains("InputError.NoGraphElements"), empty.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: file))
        let bad = try BinaryRunner.run(["export", "--seeds", folder.url.path, "--format", "dot", "--query", "MATCH (n RETURN n"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.hasPrefix("<query>:1:"), bad.stderr)
        let unwritable = try BinaryRunner.run(["export", "--seeds", folder.url.path, "--format", "dot", "-o", "/nonexistent/dir/x.dot"])
        XCTAssertEqual(unwritable.status, 2, unwritable.stderr)
    }
}
