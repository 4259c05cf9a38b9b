// The Gherkin model of a TCK feature file: features, scenarios, steps and their arguments.
//
// Only the subset of Gherkin the openCypher TCK uses is modelled: one Feature per file, an
// optional Background, Scenarios and Scenario Outlines with Examples, tags, doc strings and data
// tables. `Gherkin+Parser.swift` reads the text; `Gherkin+Outline.swift` expands outlines into the
// concrete scenarios the runner executes.

/// A step's argument: a doc string (`"""` block) or a data table.
public enum StepArgument: Sendable, Equatable {
    case docString(String)
    /// Rows of cells, already unescaped (`\|`, `\\`, `\n`).
    case table([[String]])
}

public struct Step: Sendable, Equatable {
    /// `Given`, `When`, `Then`, `And`, `But` or `*`: the runner ignores it, as the TCK README says.
    public var keyword: String
    /// The text after the keyword, trimmed.
    public var text: String
    /// 1-based line of the step in its file.
    public var line: Int
    public var argument: StepArgument?

    public init(keyword: String, text: String, line: Int, argument: StepArgument? = nil) {
        self.keyword = keyword
        self.text = text
        self.line = line
        self.argument = argument
    }

    public var docString: String? {
        if case .docString(let s)? = argument { return s }
        return nil
    }

    public var table: [[String]]? {
        if case .table(let t)? = argument { return t }
        return nil
    }
}

/// One `Examples:` block of a Scenario Outline: a header row and value rows.
public struct ExamplesBlock: Sendable, Equatable {
    public var tags: [String]
    public var line: Int
    public var header: [String]
    public var rows: [[String]]

    public init(tags: [String], line: Int, header: [String], rows: [[String]]) {
        self.tags = tags
        self.line = line
        self.header = header
        self.rows = rows
    }
}

/// A Scenario or a Scenario Outline as written (outlines not yet expanded).
public struct ScenarioDefinition: Sendable, Equatable {
    public var name: String
    public var tags: [String]
    public var line: Int
    public var isOutline: Bool
    public var steps: [Step]
    public var examples: [ExamplesBlock]

    public init(name: String, tags: [String], line: Int, isOutline: Bool, steps: [Step], examples: [ExamplesBlock]) {
        self.name = name
        self.tags = tags
        self.line = line
        self.isOutline = isOutline
        self.steps = steps
        self.examples = examples
    }
}

public struct Feature: Sendable, Equatable {
    /// The path the feature was read from, relative to the TCK root (`features/clauses/…`).
    public var path: String
    public var name: String
    public var tags: [String]
    /// Steps of the `Background:` section, run before each scenario's own steps.
    public var background: [Step]
    public var scenarios: [ScenarioDefinition]

    public init(path: String, name: String, tags: [String], background: [Step], scenarios: [ScenarioDefinition]) {
        self.path = path
        self.name = name
        self.tags = tags
        self.background = background
        self.scenarios = scenarios
    }
}

/// A concrete scenario ready to run: background steps included, outline placeholders replaced.
public struct Scenario: Sendable, Equatable {
    public var featurePath: String
    public var featureName: String
    /// The name as written (placeholders not substituted, so that the id stays stable).
    public var name: String
    public var line: Int
    /// For outline instances: the 1-based index of the Examples row, counted over all blocks.
    public var exampleIndex: Int?
    public var tags: [String]
    public var steps: [Step]

    public init(featurePath: String, featureName: String, name: String, line: Int, exampleIndex: Int?,
                tags: [String], steps: [Step]) {
        self.featurePath = featurePath
        self.featureName = featureName
        self.name = name
        self.line = line
        self.exampleIndex = exampleIndex
        self.tags = tags
        self.steps = steps
    }

    /// The stable identifier used by `--filter` and the ratchet file:
    /// `features/clauses/match/Match1.feature:[1] Match non-existent nodes returns empty`, with
    /// ` #N` appended for the N-th Examples row of an outline. Line numbers are left out on
    /// purpose so that an edit elsewhere in the file does not rename every scenario after it.
    public var id: String {
        var s = featurePath + ":" + name
        if let i = exampleIndex { s += " #\(i)" }
        return s
    }

    public var isIgnored: Bool { tags.contains("@ignore") }
}

/// A malformed feature file, with the position of the problem.
public struct GherkinError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(path: String, line: Int, column: Int, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(path):\(line):\(column): error: \(message)" }
}
