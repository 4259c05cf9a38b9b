// The registry itself: every family is registered once, lookups ignore case, and every
// function the openCypher TCK calls (outside the temporal family, which has its own issue) is
// present (FunctionLibrary.swift).

import Foundation
import XCTest
@testable import KeiretsuCypher
import KeiretsuGraph

final class FunctionsLibraryTests: XCTestCase {
    static let expectedScalars: Set<String> = [
        // math
        "abs", "sign", "isnan", "ceil", "floor", "round", "sqrt", "exp", "log", "log10", "sin", "cos",
        "tan", "cot", "asin", "acos", "atan", "atan2", "degrees", "radians", "haversin", "e", "pi",
        "rand", "randomuuid",
        // strings
        "toupper", "upper", "tolower", "lower", "trim", "ltrim", "rtrim", "btrim", "char_length",
        "character_length", "replace", "substring", "left", "right", "split",
        // lists and general scalars
        "head", "last", "tail", "size", "reverse", "isempty", "coalesce", "nullif", "range",
        "tobooleanlist", "tofloatlist", "tointegerlist", "tostringlist",
        // conversion
        "toboolean", "tointeger", "tofloat", "tostring", "tobooleanornull", "tointegerornull",
        "tofloatornull", "tostringornull",
        // graph
        "id", "elementid", "labels", "type", "keys", "properties", "startnode", "endnode", "length",
        "nodes", "relationships", "valuetype",
        // temporal (Functions+Temporal.swift)
        "date", "date.transaction", "date.statement", "date.realtime", "date.truncate",
        "localtime", "localtime.transaction", "localtime.statement", "localtime.realtime", "localtime.truncate",
        "time", "time.transaction", "time.statement", "time.realtime", "time.truncate",
        "localdatetime", "localdatetime.transaction", "localdatetime.statement", "localdatetime.realtime",
        "localdatetime.truncate",
        "datetime", "datetime.transaction", "datetime.statement", "datetime.realtime", "datetime.truncate",
        "datetime.fromepoch", "datetime.fromepochmillis",
        "duration", "duration.between", "duration.inmonths", "duration.indays", "duration.inseconds",
    ]
    static let expectedAggregates: Set<String> = [
        "count", "sum", "avg", "min", "max", "collect", "stdev", "stdevp", "percentilecont", "percentiledisc",
    ]

    func testEveryFunctionIsRegisteredExactlyOnce() {
        let scalars = builtinScalarFunctions.map(\.name), aggregates = builtinAggregateFunctions.map(\.name)
        XCTAssertEqual(scalars.count, Set(scalars).count, "a scalar name is registered twice")
        XCTAssertEqual(aggregates.count, Set(aggregates).count, "an aggregate name is registered twice")
        XCTAssertEqual(Set(scalars), Self.expectedScalars)
        XCTAssertEqual(Set(aggregates), Self.expectedAggregates)
        XCTAssertTrue(Set(scalars).isDisjoint(with: aggregates))
        for name in scalars + aggregates { XCTAssertEqual(name, name.lowercased(), "registry keys are lower-case") }
        XCTAssertEqual(FunctionLibrary.allNames, (scalars + aggregates).sorted())
    }

    func testLookupsIgnoreCase() {
        XCTAssertEqual(FunctionLibrary.scalar("toUpper")?.name, "toupper")
        XCTAssertEqual(FunctionLibrary.scalar("TOUPPER")?.name, "toupper")
        XCTAssertEqual(FunctionLibrary.aggregate("aVg")?.name, "avg")  // TCK Return4 [7]
        XCTAssertTrue(FunctionLibrary.isAggregate("cOuNt"))
        XCTAssertTrue(FunctionLibrary.isAggregate("percentileDisc"))
        XCTAssertFalse(FunctionLibrary.isAggregate("abs"))
        XCTAssertNil(FunctionLibrary.scalar("count"))
        XCTAssertNil(FunctionLibrary.scalar("foo"))  // TCK Return2 [18]: UnknownFunction
        XCTAssertNil(FunctionLibrary.aggregate("foo"))
    }

    func testArities() {
        func arity(_ name: String) -> String {
            if let f = FunctionLibrary.scalar(name) { return "\(f.minArity)...\(f.maxArity.map(String.init) ?? "")" }
            if let f = FunctionLibrary.aggregate(name) { return "\(f.minArity)...\(f.maxArity)" }
            return "missing"
        }
        XCTAssertEqual(arity("rand"), "0...0")
        XCTAssertEqual(arity("round"), "1...3")
        XCTAssertEqual(arity("substring"), "2...3")
        XCTAssertEqual(arity("range"), "2...3")
        XCTAssertEqual(arity("ltrim"), "1...2")
        XCTAssertEqual(arity("trim"), "1...1")
        XCTAssertEqual(arity("coalesce"), "1...")
        XCTAssertEqual(arity("count"), "1...1")
        XCTAssertEqual(arity("percentileCont"), "2...2")
        for f in builtinScalarFunctions {
            XCTAssertLessThanOrEqual(f.minArity, f.maxArity ?? Int.max, f.name)
        }
    }

    /// Every function name the TCK's queries call is known, except the temporal family (its own
    /// issue), the forms the parser handles itself (quantifiers, reduce, exists, shortest paths),
    /// procedures, and the deliberately unknown `foo` (Return2 [18]).
    func testEveryFunctionTheTCKCallsIsRegistered() throws {
        guard let features = functionTestsTCKFeatures() else {
            throw XCTSkip("../shared/tck/features is not in this checkout")
        }
        let notFunctions: Set<String> = [
            "all", "any", "none", "single", "reduce", "exists", "shortestpath", "allshortestpaths",
            "match", "create", "merge", "where", "return", "with", "unwind", "in", "and", "or", "xor", "not",
            "set", "delete", "call", "yield", "foo",
        ]
        let temporal: Set<String> = ["date", "datetime", "localdatetime", "localtime", "time", "duration"]
        var called: [String: String] = [:]  // name → first file that calls it
        let files = FileManager.default.enumerator(atPath: features.path)?.compactMap { $0 as? String } ?? []
        for file in files.sorted() where file.hasSuffix(".feature") && !file.hasPrefix("expressions/temporal") {
            let text = try String(contentsOf: features.appendingPathComponent(file), encoding: .utf8)
            for name in functionCalls(inQueriesOf: text) where called[name] == nil { called[name] = file }
        }
        XCTAssertGreaterThan(called.count, 20, "the scan found too few calls to be trusted")
        var missing: [String] = []
        for (name, file) in called.sorted(by: { $0.key < $1.key }) {
            if notFunctions.contains(name) || temporal.contains(name) { continue }
            if let prefix = name.split(separator: ".").first, name.contains(".") {
                if temporal.contains(String(prefix)) || prefix == "test" { continue }  // temporal.x(), procedures
            }
            if FunctionLibrary.scalar(name) == nil && !FunctionLibrary.isAggregate(name) {
                missing.append("\(name) (\(file))")
            }
        }
        XCTAssertEqual(missing, [], "functions the TCK calls but the library lacks")
    }

    /// Lower-cased names written as `name(` inside the triple-quoted query blocks of a feature.
    private func functionCalls(inQueriesOf feature: String) -> Set<String> {
        var names: Set<String> = []
        var inQuery = false
        for line in feature.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingCharacters(in: .whitespaces) == "\"\"\"" {
                inQuery.toggle()
                continue
            }
            guard inQuery else { continue }
            let scalars = Array(line.unicodeScalars)
            var i = 0
            while i < scalars.count {
                let c = scalars[i]
                let startsName = c == "_" || c.properties.isAlphabetic
                let previous = i > 0 ? scalars[i - 1] : " "
                let afterIdentifier = previous == "_" || previous == ":" || previous == "$"
                    || previous.properties.isAlphabetic || ("0"..."9").contains(previous)
                guard startsName && !afterIdentifier else {
                    i += 1
                    continue
                }
                var j = i
                while j < scalars.count,
                      scalars[j] == "_" || scalars[j] == "." || scalars[j].properties.isAlphabetic
                        || ("0"..."9").contains(scalars[j]) {
                    j += 1
                }
                if j < scalars.count && scalars[j] == "(" {
                    var name = String.UnicodeScalarView()
                    name.append(contentsOf: scalars[i..<j])
                    names.insert(String(name).lowercased())
                }
                i = j
            }
        }
        return names
    }
}
