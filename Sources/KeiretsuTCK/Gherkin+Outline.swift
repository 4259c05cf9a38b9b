// Turning a parsed Feature into the concrete scenarios the runner executes.
//
// A Scenario Outline yields one scenario per Examples row, counted 1, 2, … over all its Examples
// blocks. `<name>` placeholders are replaced in step texts, doc strings and table cells (Gherkin
// reference, "Scenario Outline"); a `<word>` with no matching column stays as written. The
// Background's steps run first in every scenario. Tags of the feature, the outline and the
// Examples block all apply, so `@ignore` on any of them skips the scenario.

extension Feature {
    public func expandedScenarios() -> [Scenario] {
        var out: [Scenario] = []
        for def in scenarios {
            guard def.isOutline else {
                out.append(Scenario(featurePath: path, featureName: name, name: def.name, line: def.line,
                                    exampleIndex: nil, tags: tags + def.tags, steps: background + def.steps))
                continue
            }
            var index = 0
            for block in def.examples {
                for row in block.rows {
                    index += 1
                    var values: [String: String] = [:]
                    for (k, v) in zip(block.header, row) { values[k] = v }
                    let steps = (background + def.steps).map { $0.substituting(values) }
                    out.append(Scenario(featurePath: path, featureName: name, name: def.name, line: def.line,
                                        exampleIndex: index, tags: tags + def.tags + block.tags, steps: steps))
                }
            }
        }
        return out
    }
}

extension Step {
    func substituting(_ values: [String: String]) -> Step {
        guard !values.isEmpty else { return self }
        var s = self
        s.text = substitutePlaceholders(text, values)
        switch argument {
        case .docString(let d)?: s.argument = .docString(substitutePlaceholders(d, values))
        case .table(let rows)?: s.argument = .table(rows.map { $0.map { substitutePlaceholders($0, values) } })
        case nil: break
        }
        return s
    }
}

/// Replaces each `<name>` whose name is a key of `values`. Scans once, so a substituted value
/// that itself contains `<…>` is never expanded again.
func substitutePlaceholders(_ text: String, _ values: [String: String]) -> String {
    guard text.contains("<") else { return text }
    var out = ""
    var i = text.startIndex
    while i < text.endIndex {
        let c = text[i]
        if c == "<", let close = text[text.index(after: i)...].firstIndex(of: ">") {
            let name = String(text[text.index(after: i)..<close])
            if let v = values[name] {
                out += v
                i = text.index(after: close)
                continue
            }
        }
        out.append(c)
        i = text.index(after: i)
    }
    return out
}
