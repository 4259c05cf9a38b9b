// End-to-end tests of the interactive REPL: the built binary runs in a pseudo-terminal that
// tmux provides; the tests type keys (`send-keys`), paste (`paste-buffer -p`, bracketed),
// resize the window, and read the screen (`capture-pane`). Skipped, saying so, when tmux is not
// installed (Debian: `apt-get install tmux`; CI's .ci/run installs it).
//
// Each test runs its own tmux server (`-S` with a unique socket in the temporary folder,
// `-f /dev/null` so no user configuration applies, `-u` so wide characters survive whatever
// locale the test runs in) and kills it afterwards.

import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One tmux server with one window running a command.
final class TmuxSession {
    static let tmux: String? = {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/tmux"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }()

    /// The server's socket, in the temporary folder; removed with the server.
    let socket = FileManager.default.temporaryDirectory
        .appendingPathComponent("keiretsu-tmux-\(UUID().uuidString.prefix(8))").path
    let target = "repl"

    /// Starts `arguments` (the keiretsu binary and its arguments) in a window `width`×`height`;
    /// `environment` is set for it, `unset` removed. After the program ends the window shows
    /// `EXITED <status>`.
    init(_ arguments: [String], environment: [String: String] = [:], unset: [String] = ["NO_COLOR"],
         width: Int = 100, height: Int = 30, directory: String? = nil) throws {
        guard Self.tmux != nil else { throw XCTSkip("tmux is not installed; the terminal tests need it (apt-get install tmux)") }
        var env = ["TERM=xterm-256color", "LANG=C.UTF-8", "LC_ALL=C.UTF-8"]
        for (k, v) in environment.sorted(by: { $0.key < $1.key }) { env.append("\(k)=\(v)") }
        let unsetPart = unset.map { "-u \(Self.quote($0))" }.joined(separator: " ")
        var command = "env \(unsetPart) " + env.map(Self.quote).joined(separator: " ") + " "
            + arguments.map(Self.quote).joined(separator: " ") + "; echo EXITED $?; sleep 60"
        if let directory { command = "cd \(Self.quote(directory)) && " + command }
        _ = try run(["new-session", "-d", "-s", target, "-x", String(width), "-y", String(height), command])
    }

    deinit {
        _ = try? run(["kill-server"])
        try? FileManager.default.removeItem(atPath: socket)
    }

    static func quote(_ s: String) -> String { "'" + s.replacing("'", with: "'\\''") + "'" }

    /// Runs `tmux ARGUMENTS` and returns what it printed.
    ///
    /// Spawned with posix_spawn and reaped with waitpid rather than through Foundation's
    /// Process: the first command starts the tmux server, which inherits the descriptors of
    /// the client, and Process learns of an exit from a descriptor closing — which the server
    /// would hold open for ever. Output is captured only for commands that print.
    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        guard let tmux = Self.tmux else { throw XCTSkip("tmux is not installed") }
        let prints = ["capture-pane", "show-buffer", "display-message"].contains(arguments.first ?? "")
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw XCTSkip("pipe() failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if prints {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        let argv = ([tmux, "-u", "-S", socket, "-f", "/dev/null"] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, tmux, &actions, nil, argv, environ)
        close(fds[1])
        defer { close(fds[0]) }
        guard spawned == 0 else { throw XCTSkip("could not start tmux") }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 14)
        while prints {
            let n = read(fds[0], &chunk, chunk.count)
            if n > 0 { output += chunk[0..<n] } else if n < 0 && errno == EINTR { continue } else { break }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return String(decoding: output, as: UTF8.self)
    }

    /// Types `text` literally. tmux takes a `;` that ends an argument as a command separator,
    /// so semicolons are sent as the hex key 3b.
    func type(_ text: String) throws {
        let parts = text.split(separator: ";", omittingEmptySubsequences: false)
        for (i, part) in parts.enumerated() {
            if !part.isEmpty { try run(["send-keys", "-t", target, "-l", "--", String(part)]) }
            if i < parts.count - 1 { try run(["send-keys", "-t", target, "-H", "3b"]) }
        }
    }

    /// Presses keys by tmux name (`Enter`, `C-c`, `Up`, `Tab`, `BSpace` …).
    func press(_ keys: String...) throws {
        for key in keys { try run(["send-keys", "-t", target, key]) }
    }

    /// Pastes `text` as the terminal would: bracketed when the program asked for it.
    /// (Loaded from a file: `set-buffer` would take a final `;` as a command separator.)
    func paste(_ text: String) throws {
        let file = URL(fileURLWithPath: socket + "-paste")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        try run(["load-buffer", "-b", "t", file.path])
        try run(["paste-buffer", "-p", "-b", "t", "-t", target])
    }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", target, "-x", String(width), "-y", String(height)])
    }

    /// The visible screen (with SGR escapes when `escapes`), trailing blank lines removed.
    func screen(escapes: Bool = false) throws -> String {
        var text = try run(["capture-pane", "-p", "-J", "-t", target] + (escapes ? ["-e"] : []))
        while text.hasSuffix("\n\n") { text.removeLast() }
        return text
    }

    /// Waits until the screen contains `needle`; fails with the screen when it never does.
    @discardableResult
    func waitFor(_ needle: String, timeout: Double = 20, escapes: Bool = false,
                 file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen(escapes: escapes)
            if last.contains(needle) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTFail("the screen never showed \(needle.debugDescription):\n\(last)", file: file, line: line)
        return last
    }

    /// Lines of the screen, without trailing spaces.
    func lines() throws -> [String] {
        try screen().split(separator: "\n", omittingEmptySubsequences: false).map {
            var s = String($0)
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }
    }
}

final class REPLTerminalTests: XCTestCase {
    var scratch: ScratchFolder!

    override func setUpWithError() throws {
        guard TmuxSession.tmux != nil else { throw XCTSkip("tmux is not installed; the terminal tests need it (apt-get install tmux)") }
        guard BinaryRunner.binary != nil else { throw XCTSkip("the keiretsu binary was not found; run `swift build`") }
        scratch = try ScratchFolder()
        try scratch.write("seeds/010_graph.cypher", """
            CREATE (a:Company {name: 'Alpha Motors', founded: 1899}),
                   (b:Company {name: 'Beta Auto', founded: 1933}),
                   (c:Company {name: '日本自動車', founded: 1970}),
                   (p:Person {name: 'Jane Roe'}),
                   (a)-[:HOLDS_STAKE {percent: 43.0}]->(b),
                   (p)-[:HOLDS_ROLE {role: 'CEO'}]->(a);
            """)
    }

    var seeds: String { scratch.path + "/seeds" }
    var history: String { scratch.path + "/state/history" }

    func start(_ extra: [String] = [], environment: [String: String] = [:], unset: [String] = ["NO_COLOR"],
               width: Int = 100, subcommand: Bool = true) throws -> TmuxSession {
        guard let binary = BinaryRunner.binary else { throw XCTSkip("no binary") }
        var env = ["KEIRETSU_HISTORY": history]
        for (k, v) in environment { env[k] = v }
        let session = try TmuxSession([binary] + (subcommand ? ["repl"] : []) + ["--seeds", seeds] + extra,
                                      environment: env, unset: unset, width: width)
        try session.waitFor("keiretsu> ")
        return session
    }

    func testBannerPromptAndBoxTable() throws {
        let t = try start()
        let banner = try t.screen()
        XCTAssertTrue(banner.contains("keiretsu 0.1.0"), banner)
        XCTAssertTrue(banner.contains("4 nodes, 2 relationships"), banner)
        XCTAssertTrue(banner.contains(":help for help, Ctrl-D to exit"), banner)
        try t.type("MATCH (c:Company) RETURN c.name AS name, c.founded AS founded, null AS x ORDER BY founded;")
        try t.press("Enter")
        let screen = try t.waitFor("3 rows")
        XCTAssertTrue(screen.contains("│ Alpha Motors │    1899 │ null │"), screen)
        XCTAssertTrue(screen.contains("│ 日本自動車   │    1970 │ null │"), screen)
        XCTAssertTrue(screen.contains("┌──────────────┬─────────┬──────┐"), screen)
    }

    func testPlainKeiretsuStartsTheREPLOnATerminal() throws {
        let t = try start(subcommand: false)
        XCTAssertTrue(try t.screen().contains("keiretsu 0.1.0"))
    }

    func testMultiLineStatementRunsWhenComplete() throws {
        let t = try start()
        try t.type("RETURN 1 AS a,")
        try t.press("Enter")
        try t.waitFor("     ...> ")
        try t.type("  2 AS b;")
        try t.press("Enter")
        let screen = try t.waitFor("1 row")
        XCTAssertTrue(screen.contains("keiretsu> RETURN 1 AS a,\n     ...>   2 AS b;"), screen)
        XCTAssertTrue(screen.contains("│ 1 │ 2 │"), screen)
    }

    func testTabCompletesFromTheLiveGraph() throws {
        let t = try start()
        try t.type("MATCH (n:Comp")
        try t.press("Tab")
        try t.waitFor("MATCH (n:Company")
        try t.type(")-[:HOLDS_S")
        try t.press("Tab")
        try t.waitFor("-[:HOLDS_STAKE")
        try t.press("C-c")
        try t.type("CREATE (:Zebra {stripes: 7});")
        try t.press("Enter")
        try t.waitFor("Created 1 node")
        try t.type("MATCH (z:Zeb")
        try t.press("Tab")
        try t.waitFor("MATCH (z:Zebra")
        try t.type(") RETURN z.str")
        try t.press("Tab")
        try t.waitFor("RETURN z.stripes")
    }

    func testCtrlCClearsTheLineAndCtrlDExitsZero() throws {
        let t = try start()
        try t.type("RETURN 1 +")
        try t.press("C-c")
        try t.waitFor("RETURN 1 +^C")
        try t.press("C-c")
        try t.waitFor("(to leave, press Ctrl-D or type :quit)")
        try t.type("x")
        try t.press("C-d")
        Thread.sleep(forTimeInterval: 0.3)
        XCTAssertFalse(try t.screen().contains("EXITED"), "Ctrl-D on a non-empty line deletes, not exits")
        try t.press("BSpace", "C-d")
        try t.waitFor("EXITED 0")
    }

    func testCtrlCCancelsARunningQueryAndKeepsTheSession() throws {
        let t = try start()
        try t.type("UNWIND range(1, 10000) AS a UNWIND range(1, 10000) AS b RETURN count(*);")
        try t.press("Enter")
        Thread.sleep(forTimeInterval: 0.5)
        try t.press("C-c")
        try t.waitFor("query cancelled")
        try t.type("RETURN 5 AS five;")
        try t.press("Enter")
        let screen = try t.waitFor("1 row")
        XCTAssertTrue(screen.contains("│    5 │"), screen)
    }

    func testErrorShowsCodePositionAndCaret() throws {
        let t = try start()
        try t.type("MATCH (n RETURN n;")
        try t.press("Enter")
        let screen = try t.waitFor("error:")
        XCTAssertTrue(screen.contains("error: SyntaxError.UnexpectedSyntax at 1:10: "), screen)
        XCTAssertTrue(screen.contains("MATCH (n RETURN n;\n         ^^^^^^"), screen)
        let last = try t.lines().last { !$0.isEmpty }
        XCTAssertEqual(last, "keiretsu>", "the session goes on with a fresh prompt")
    }

    func testHistoryRecallSearchAndFile() throws {
        do {
            let t = try start()
            try t.type("RETURN 'first' AS one;")
            try t.press("Enter")
            try t.waitFor("1 row")
            try t.type("RETURN 'second' AS two;")
            try t.press("Enter")
            try t.type("RETURN 'second' AS two;")
            try t.press("Enter")
            try t.waitFor("two")
            try t.press("Up")
            try t.waitFor("keiretsu> RETURN 'second' AS two;\n")
            try t.press("C-c", "C-r")
            try t.type("fir")
            try t.waitFor("(reverse-i-search)'fir': RETURN 'first' AS one;")
            try t.press("C-g", "C-d")
            try t.waitFor("EXITED 0")
        }
        let saved = try String(contentsOfFile: history, encoding: .utf8)
        XCTAssertEqual(saved, "RETURN 'first' AS one;\nRETURN 'second' AS two;\n", "the repeated entry is kept once")
        // A new session starts with the saved history.
        let t = try start()
        try t.press("Up", "Up")
        try t.waitFor("keiretsu> RETURN 'first' AS one;")
        try t.press("C-c")
        try t.type(":history")
        try t.press("Enter")
        let listed = try t.waitFor("2  RETURN 'second' AS two;")
        XCTAssertTrue(listed.contains("1  RETURN 'first' AS one;\n2  RETURN 'second' AS two;"), listed)
    }

    func testNoHistoryFlagWritesNothing() throws {
        let t = try start(["--no-history"])
        try t.type("RETURN 1;")
        try t.press("Enter")
        try t.waitFor("1 row")
        XCTAssertFalse(FileManager.default.fileExists(atPath: history))
    }

    func testBracketedPasteInsertsWithoutRunning() throws {
        let t = try start()
        try t.paste("RETURN 1 AS p;\nRETURN 2 AS q;")
        let pasted = try t.waitFor("RETURN 2 AS q;")
        XCTAssertTrue(pasted.contains("keiretsu> RETURN 1 AS p;\n     ...> RETURN 2 AS q;"), pasted)
        XCTAssertFalse(pasted.contains("1 row"), "a paste never submits")
        try t.press("Enter")
        let screen = try t.waitFor("│ q │")
        XCTAssertTrue(screen.contains("│ p │"), screen)
    }

    func testEditingAroundWideCharacters() throws {
        let t = try start()
        try t.type("RETURN '本' AS w;")
        for _ in 0..<8 { try t.press("Left") }
        try t.type("日")
        try t.waitFor("keiretsu> RETURN '日本' AS w;")
        try t.press("End")
        try t.type(" ")
        try t.press("BSpace", "Enter")
        let screen = try t.waitFor("1 row")
        XCTAssertTrue(screen.contains("│ 日本 │"), screen)
    }

    func testLongLinesWrapAndFollowResizes() throws {
        let t = try start(width: 60)
        try t.resize(width: 40, height: 30)
        Thread.sleep(forTimeInterval: 0.3)
        let query = "RETURN 'abcdefghijklmnopqrstuvwxyz' AS letters, 12345 AS digits;"
        try t.type(query)
        try t.waitFor("digits;")
        let rows = try t.lines().filter { !$0.isEmpty }
        let start = try XCTUnwrap(rows.lastIndex { $0.hasPrefix("keiretsu> ") })
        let shown = rows[start...].prefix(while: { !$0.hasPrefix("EXITED") }).joined()
        XCTAssertEqual(shown, "keiretsu> " + query, "the wrapped rows read back as the query")
        for row in rows[start...] { XCTAssertLessThanOrEqual(row.count, 40, row) }
        try t.press("Enter")
        let screen = try t.waitFor("1 row")
        XCTAssertTrue(screen.contains("12345"), screen)
    }

    func testColoursAndNoColor() throws {
        let coloured = try start()
        try coloured.type("MATCH (n) RETURN null AS nothing LIMIT 1;")
        let typed = try coloured.waitFor("MATCH", escapes: true)
        XCTAssertTrue(typed.contains("\u{1B}["), "keywords are highlighted: " + typed)
        try coloured.press("Enter")
        let table = try coloured.waitFor("1 row", escapes: true)
        XCTAssertTrue(table.contains("\u{1B}[2mnull"), "null is dimmed: " + table)

        let plain = try start(environment: ["NO_COLOR": "1"], unset: [])
        try plain.type("MATCH (n) RETURN null AS nothing LIMIT 1;")
        try plain.press("Enter")
        let screen = try plain.waitFor("1 row", escapes: true)
        XCTAssertFalse(screen.contains("\u{1B}["), "NO_COLOR: no escapes at all: " + screen)
    }

    func testDumbTerminalGetsAPlainPrompt() throws {
        let t = try start(environment: ["TERM": "dumb"])
        try t.type("RETURN 1 AS a,")
        try t.press("Enter")
        try t.waitFor("...> ")
        try t.type("2 AS b;")
        try t.press("Enter")
        let screen = try t.waitFor("1 row", escapes: true)
        XCTAssertFalse(screen.contains("\u{1B}["), screen)
        // Ctrl-C abandons the statement being typed and keeps the session.
        try t.type("RETURN 1 +")
        try t.press("Enter")
        try t.waitFor("...> ")
        try t.press("C-c")
        try t.type("RETURN 3 AS three;")
        try t.press("Enter")
        let after = try t.waitFor("│ three │")
        XCTAssertFalse(after.contains("error"), after)
        try t.press("C-d")
        try t.waitFor("EXITED 0")
    }

    func testMetaCommandsAtThePrompt() throws {
        let t = try start()
        try t.type(":shema")
        try t.press("Enter")
        try t.waitFor("did you mean :schema?")
        try t.type(":param limit => 1 + 1")
        try t.press("Enter")
        try t.waitFor("limit => 2")
        try t.type(":maxrows 1")
        try t.press("Enter")
        try t.type("MATCH (c:Company) RETURN c.name LIMIT $limit;")
        try t.press("Enter")
        let screen = try t.waitFor("2 rows")
        XCTAssertTrue(screen.contains("1 more row not shown (:maxrows 0 shows all)"), screen)
        try t.type(":quit")
        try t.press("Enter")
        try t.waitFor("EXITED 0")
    }
}
