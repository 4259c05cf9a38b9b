// The line-at-a-time front end: piped input, and terminals that cannot take the editor's
// escape sequences (TERM=dumb, e.g. Emacs' shell buffers).
//
// Piped (`echo 'MATCH (n) RETURN count(n);' | keiretsu repl`): no banner, no prompt; results
// as TSV with a header (unless --format says otherwise); the first failing statement or
// command stops the session with status 2, its error on stderr positioned by line in the whole
// input; a last statement without `;` at the end of input still runs.
//
// Plain prompt: `keiretsu> ` and `     ...> ` prompts, the terminal's own line editing, Ctrl-C
// abandons the statement being typed (or cancels a running one), errors do not end the
// session, and Ctrl-D at an empty prompt leaves.

import KeiretsuCypher

extension ReplSession {
    func runLines(prompting: Bool) -> Int32 {
        var feeder = ScriptFeeder()
        var reader = LineReader(descriptor: 0)
        let view = EditorView(palette: .plain)
        func prompt() {
            guard prompting else { return }
            out.write(feeder.isCollecting ? view.continuationPrompt : view.prompt)
            out.flush()
        }
        if prompting { TerminalSignals.forwardInterrupts(to: token) }
        prompt()
        while true {
            switch reader.next() {
            case .line(let line):
                if let item = feeder.feed(line: line) {
                    let ok: Bool
                    if prompting {
                        switch item {
                        case .meta(let text, _):
                            remember(text)
                            ok = runMeta(text)
                        case .statements(let text, _):
                            remember(text)
                            ok = runStatements(text)
                        }
                    } else {
                        ok = run(item, file: nil)
                    }
                    if quitRequested { break }
                    if !ok && !prompting {
                        finishStream()
                        return ExitStatus.badInput
                    }
                }
                prompt()
            case .interrupted:
                if prompting && TerminalSignals.takeInterrupt() {
                    feeder.discard()
                    out.write("\n")
                    prompt()
                }
            case .end:
                if let item = feeder.finish() {
                    if prompting, case .statements(let text, _) = item { remember(text) }
                    let ok = prompting ? runStatementsOrMeta(item) : run(item, file: nil)
                    if !ok && !prompting {
                        finishStream()
                        return ExitStatus.badInput
                    }
                }
                if prompting { out.write("\n") }
                finishStream()
                return ExitStatus.ok
            }
            if quitRequested {
                finishStream()
                return ExitStatus.ok
            }
        }
    }

    private func runStatementsOrMeta(_ item: ScriptFeeder.Item) -> Bool {
        switch item {
        case .meta(let text, _): return runMeta(text)
        case .statements(let text, _): return runStatements(text)
        }
    }
}
