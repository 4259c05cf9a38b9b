// Tab completion: what may go at the cursor, from the text before it and the live graph.
//
// The context decides the candidates:
//
//   `:he|` at the start of the buffer     meta commands; later words: that command's arguments
//   `$pa|`                                 parameters set with :param or --param
//   `n.na|`                                property keys (and `duration.be|` function names)
//   `(n:Co|`, `WHERE n:Co|`                labels
//   `[:HO|`, `[r:HO|`, `[r:A|HO|`          relationship types
//   `{na|` (a map key)                     property keys
//   anything else                          keywords, functions and the pattern variables of
//                                          the buffer
//
// Inside a string literal or a comment nothing is offered. Keywords come back in the case the
// user started typing (`mat` → `match`, `MAT` → `MATCH`); names that are not plain identifiers
// are back-quoted. The catalogue is a value the session refreshes after each statement, so
// completion never queries the graph while a key is being handled.

struct CompletionCatalogue: Equatable, Sendable {
    var labels: [String] = []
    var relationshipTypes: [String] = []
    var propertyKeys: [String] = []
    var parameters: [String] = []
    /// Function names in their usual spelling (`toLower`, `duration.between`).
    var functions: [String] = []
    /// Meta command names without the colon, with the arguments each accepts (empty: free).
    var commands: [(name: String, arguments: [String])] = []

    static func == (a: CompletionCatalogue, b: CompletionCatalogue) -> Bool {
        a.labels == b.labels && a.relationshipTypes == b.relationshipTypes && a.propertyKeys == b.propertyKeys
            && a.parameters == b.parameters && a.functions == b.functions
            && a.commands.map(\.name) == b.commands.map(\.name)
            && a.commands.map(\.arguments) == b.commands.map(\.arguments)
    }
}

struct Completion: Equatable {
    enum Kind: Equatable, Sendable {
        case keyword, function, label, relationshipType, propertyKey, parameter, command, argument, variable
    }

    struct Candidate: Equatable {
        var text: String
        var kind: Kind
        /// Typed after the candidate when it is the only one (`(` after a function).
        var suffix: String = ""
    }

    /// The buffer range (character offsets) the candidate replaces: the word being typed.
    var start: Int
    var end: Int
    var candidates: [Candidate]

    /// The longest text every candidate starts with (compared case-insensitively, spelled as
    /// the first candidate).
    var commonPrefix: String {
        guard let first = candidates.first else { return "" }
        var prefix = Array(first.text)
        for c in candidates.dropFirst() {
            let other = Array(c.text)
            var n = 0
            while n < prefix.count && n < other.count && prefix[n].lowercased() == other[n].lowercased() { n += 1 }
            prefix.removeLast(prefix.count - n)
        }
        return String(prefix)
    }
}

struct Completer {
    var catalogue: CompletionCatalogue

    init(catalogue: CompletionCatalogue = CompletionCatalogue()) {
        self.catalogue = catalogue
    }

    /// The candidates for the word that ends at `cursor` in `buffer`.
    func complete(_ buffer: [Character], cursor: Int) -> Completion {
        let cursor = min(max(cursor, 0), buffer.count)
        var start = cursor
        while start > 0 && Self.isWordCharacter(buffer[start - 1]) { start -= 1 }
        let word = String(buffer[start..<cursor])
        let none = Completion(start: start, end: cursor, candidates: [])

        if let meta = metaCompletion(buffer, start: start, cursor: cursor, word: word) { return meta }

        let scan = CompletionScan(buffer[..<start])
        if scan.inStringOrComment { return none }
        let before = scan.previousSignificant
        var candidates: [Completion.Candidate] = []

        switch before {
        case "$" where scan.previousSignificantIsAdjacent:
            candidates = matching(catalogue.parameters, word, .parameter)
        case "." where scan.previousSignificantIsAdjacent && !scan.dotFollowsNumber:
            if let namespace = scan.wordBeforeDot, !namespace.isEmpty {
                let prefix = namespace.lowercased() + "."
                let tails = catalogue.functions.filter { $0.lowercased().hasPrefix(prefix) }
                    .map { String($0.dropFirst(prefix.count)) }
                candidates = matching(tails, word, .function, suffix: "(")
            }
            candidates += matching(catalogue.propertyKeys, word, .propertyKey).map(quoted)
        case ":" where scan.previousSignificantIsAdjacent, "|" where scan.previousSignificantIsAdjacent:
            switch scan.innermostBracket {
            case "[": candidates = matching(catalogue.relationshipTypes, word, .relationshipType).map(quoted)
            case "{": candidates = []
            default: candidates = before == "|" && scan.innermostBracket != "(" ? [] :
                matching(catalogue.labels, word, .label).map(quoted)
            }
        default:
            if scan.innermostBracket == "{" && (before == "{" || before == ",") {
                candidates = matching(catalogue.propertyKeys, word, .propertyKey).map(quoted)
            } else if !word.isEmpty, let first = word.first, !first.isNumber {
                candidates = keywordCandidates(word)
                    + matching(catalogue.functions, word, .function, suffix: "(")
                    + matching(scan.variables.filter { $0 != word }, word, .variable)
            }
        }
        // The same text offered twice (a variable named like a function) is shown once.
        var seen = Set<String>()
        candidates = candidates.filter { seen.insert($0.text).inserted }
        // Nothing to open after a function when `(` already follows the cursor.
        if cursor < buffer.count && buffer[cursor] == "(" {
            for i in candidates.indices where candidates[i].suffix == "(" { candidates[i].suffix = "" }
        }
        return Completion(start: start, end: cursor, candidates: candidates)
    }

    static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }

    private func quoted(_ c: Completion.Candidate) -> Completion.Candidate {
        var c = c
        c.text = CypherVocabulary.quotedName(c.text)
        return c
    }

    private func matching(_ names: [String], _ word: String, _ kind: Completion.Kind,
                          suffix: String = "") -> [Completion.Candidate] {
        let lower = word.lowercased()
        return names.filter { $0.lowercased().hasPrefix(lower) }.map { Completion.Candidate(text: $0, kind: kind, suffix: suffix) }
    }

    private func keywordCandidates(_ word: String) -> [Completion.Candidate] {
        let upper = word.uppercased()
        let lowerCase = word.contains(where: { $0.isLowercase })
        return CypherVocabulary.keywords.filter { $0.hasPrefix(upper) }.map {
            Completion.Candidate(text: lowerCase ? $0.lowercased() : $0, kind: .keyword, suffix: " ")
        }
    }

    /// Meta commands: `:name` first, then the named command's arguments.
    private func metaCompletion(_ buffer: [Character], start: Int, cursor: Int, word: String) -> Completion? {
        guard let first = buffer.firstIndex(where: { !$0.isWhitespace }), buffer[first] == ":",
              first < cursor else { return nil }
        if start == first + 1 {
            let names = catalogue.commands.map(\.name).filter { $0.hasPrefix(word.lowercased()) }
            let candidates = names.map { name -> Completion.Candidate in
                let takesArguments = catalogue.commands.first { $0.name == name }.map { !$0.arguments.isEmpty } ?? false
                return Completion.Candidate(text: name, kind: .command, suffix: takesArguments ? " " : "")
            }
            return Completion(start: start, end: cursor, candidates: candidates)
        }
        // The command's name, then complete its arguments from the table.
        var nameEnd = first + 1
        while nameEnd < buffer.count && Self.isWordCharacter(buffer[nameEnd]) { nameEnd += 1 }
        let name = String(buffer[(first + 1)..<nameEnd]).lowercased()
        let words = String(buffer[nameEnd..<start]).split(whereSeparator: { $0.isWhitespace })
        guard words.isEmpty, let command = catalogue.commands.first(where: { $0.name == name }) else {
            return Completion(start: start, end: cursor, candidates: [])
        }
        var options = command.arguments
        if name == "param" { options += catalogue.parameters }
        return Completion(start: start, end: cursor,
                          candidates: matching(options, word, .argument))
    }
}

/// One pass over the text before the word being completed: whether it ends inside a string or
/// comment, the innermost open bracket, the last significant character, and the variables
/// bound in patterns (`(n`, `[r`) and by `AS`.
struct CompletionScan {
    var inStringOrComment = false
    var innermostBracket: Character?
    var previousSignificant: Character?
    /// The previous significant character touches the word (no space between).
    var previousSignificantIsAdjacent = false
    var dotFollowsNumber = false
    var wordBeforeDot: String?
    var variables: [String] = []

    init(_ text: ArraySlice<Character>) {
        var stack: [Character] = []
        var i = text.startIndex
        var lastWord = ""
        var lastSignificant: Character?
        var variables: [String] = []
        var previousWord = ""
        var pendingWord = ""
        func endWord() {
            guard !pendingWord.isEmpty else { return }
            if lastSignificant == "(" || lastSignificant == "[" || previousWord.uppercased() == "AS" {
                if !variables.contains(pendingWord) && !CypherVocabulary.isKeyword(pendingWord) {
                    variables.append(pendingWord)
                }
            }
            previousWord = pendingWord
            lastWord = pendingWord
            pendingWord = ""
        }
        while i < text.endIndex {
            let c = text[i]
            let next: Character? = text.index(after: i) < text.endIndex ? text[text.index(after: i)] : nil
            if c == "'" || c == "\"" || c == "`" {
                endWord()
                var j = text.index(after: i)
                var closed = false
                while j < text.endIndex {
                    if text[j] == "\\" && c != "`" {
                        j = text.index(after: j)
                        if j >= text.endIndex { break }
                    } else if text[j] == c {
                        closed = true
                        break
                    }
                    j = text.index(after: j)
                }
                if !closed {
                    inStringOrComment = true
                    return
                }
                lastSignificant = c
                i = text.index(after: j)
                continue
            }
            if c == "/" && next == "/" {
                endWord()
                guard let nl = text[i...].firstIndex(of: "\n") else {
                    inStringOrComment = true
                    return
                }
                i = nl
                continue
            }
            if c == "/" && next == "*" {
                endWord()
                var j = text.index(i, offsetBy: 2)
                var closed = false
                while j < text.endIndex {
                    if text[j] == "*" && text.index(after: j) < text.endIndex && text[text.index(after: j)] == "/" {
                        closed = true
                        j = text.index(j, offsetBy: 2)
                        break
                    }
                    j = text.index(after: j)
                }
                if !closed {
                    inStringOrComment = true
                    return
                }
                i = j
                continue
            }
            if Completer.isWordCharacter(c) {
                pendingWord.append(c)
            } else {
                endWord()
                if !c.isWhitespace {
                    switch c {
                    case "(", "[", "{": stack.append(c)
                    case ")", "]", "}": if !stack.isEmpty { stack.removeLast() }
                    default: break
                    }
                    lastSignificant = c
                    lastWord = ""
                }
            }
            i = text.index(after: i)
        }
        let endedInWord = !pendingWord.isEmpty
        endWord()
        self.variables = variables
        innermostBracket = stack.last
        if endedInWord {
            previousSignificant = nil
        } else {
            previousSignificant = lastSignificant
            previousSignificantIsAdjacent = text.last.map { !$0.isWhitespace } ?? false
        }
        if previousSignificant == "." {
            // What stands before the dot: a number (`1.`), a name (`n.`, `duration.`).
            var j = text.index(before: text.endIndex)
            var name = ""
            while j > text.startIndex && Completer.isWordCharacter(text[text.index(before: j)]) {
                j = text.index(before: j)
                name = String(text[j]) + name
            }
            dotFollowsNumber = name.first?.isNumber ?? false
            wordBeforeDot = name
            _ = lastWord
        }
    }
}
