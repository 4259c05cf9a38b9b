// swift-tools-version:6.0
//
// keiretsu: a command-line graph database for news about corporate alliances.
// Targets depend one way, top to bottom (see README.md, "Layout").

import PackageDescription

// Release builds of the engine skip dynamic exclusivity checks: every class in it is confined
// to one thread at a time, and the checks cost a tenth of query time in the benchmark.
let engineSettings: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "keiretsu",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "keiretsu", targets: ["keiretsu"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
    ],
    targets: [
        // Values, the node/relationship/path model, the GraphStore protocol and the in-memory store.
        .target(
            name: "KeiretsuGraph",
            dependencies: [.product(name: "OrderedCollections", package: "swift-collections")],
            swiftSettings: engineSettings
        ),
        // Lexer, parser, AST, planner and executor for openCypher, and the Database façade.
        .target(name: "KeiretsuCypher", dependencies: ["KeiretsuGraph"], swiftSettings: engineSettings),
        // libxml2, boxed: only KeiretsuExport imports it.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // GraphML (libxml2), DOT, JSON writers/readers and the result renderers.
        .target(name: "KeiretsuExport", dependencies: ["KeiretsuGraph", "KeiretsuCypher", "CLibXML2"]),
        // Articles in, typed facts with provenance out.
        .target(name: "KeiretsuIngest", dependencies: ["KeiretsuGraph", "KeiretsuCypher"]),
        // Commands, loaders of seed folders, the REPL and the saved-query runner.
        .target(
            name: "KeiretsuCLI",
            dependencies: [
                "KeiretsuGraph", "KeiretsuCypher", "KeiretsuExport", "KeiretsuIngest",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "keiretsu", dependencies: ["KeiretsuCLI"]),
        // The openCypher TCK runner: Gherkin and value-notation parsers, comparator, side-effect
        // diffing, ratchet. A library so that its parts are unit-tested.
        .target(name: "KeiretsuTCK", dependencies: ["KeiretsuCypher", "KeiretsuGraph"]),
        // Runs the openCypher TCK feature files in ../shared/tck against the engine.
        .executableTarget(name: "keiretsu-tck", dependencies: ["KeiretsuTCK", "KeiretsuCypher", "KeiretsuGraph"]),
        // The engine benchmark: synthetic alliance graphs as neo4j-admin CSV, loaded and queried.
        .executableTarget(name: "keiretsu-bench", dependencies: ["KeiretsuCLI", "KeiretsuCypher", "KeiretsuGraph"]),
        // libFuzzer harness for the lexer and parser; built by Fuzz/run.sh with -sanitize=fuzzer.
        .executableTarget(name: "keiretsu-fuzz", dependencies: ["KeiretsuCypher"]),

        .testTarget(name: "KeiretsuGraphTests", dependencies: ["KeiretsuGraph"]),
        .testTarget(name: "KeiretsuCypherTests", dependencies: ["KeiretsuCypher", "KeiretsuGraph"]),
        .testTarget(name: "KeiretsuExportTests", dependencies: ["KeiretsuExport", "KeiretsuCypher", "KeiretsuGraph"],
                    exclude: ["Python"]),
        .testTarget(name: "KeiretsuIngestTests", dependencies: ["KeiretsuIngest", "KeiretsuCypher", "KeiretsuGraph"]),
        .testTarget(name: "KeiretsuCLITests", dependencies: ["KeiretsuCLI", "keiretsu"], exclude: ["Fixtures"]),
        .testTarget(name: "KeiretsuTCKTests", dependencies: ["KeiretsuTCK", "KeiretsuCypher", "KeiretsuGraph"]),
    ]
)
