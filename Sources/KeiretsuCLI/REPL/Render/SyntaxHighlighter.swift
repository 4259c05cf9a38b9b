// Colours for the text being typed: keywords, strings, numbers, comments, parameters and
// labels, and the bracket that matches the one at the cursor.
//
// This is a forgiving scan of the buffer, not the engine's lexer: half-typed text is the normal
// case here (an open string, an unfinished comment), and every character must get a style even
// when the text is not Cypher yet. Strings and comments follow the same rules as the statement
// splitter (quotes with backslash escapes, back-quoted names with doubled back quotes, `//` and
// `/* */` comments), so what is coloured as a string is what the splitter skips.

enum HighlightStyle: UInt8, Equatable, Sendable {
    case plain, keyword, string, number, comment, parameter, label, function
    /// The bracket at the cursor and the one matching it.
    case bracketMatch
    /// A bracket at the cursor with no partner.
    case bracketUnmatched
}

enum SyntaxHighlighter {
    /// One style per character of `buffer`; with `cursor`, the brackets at the cursor are marked.
    static func styles(_ buffer: [Character], cursor: Int? = nil) -> [HighlightStyle] {
        var styles = [HighlightStyle](repeating: .plain, count: buffer.count)
        var brackets: [(index: Int, char: Character)] = []
        var i = 0
        let n = buffer.count
        func paint(_ from: Int, _ to: Int, _ style: HighlightStyle) {
            var k = from
            while k < to && k < n {
                styles[k] = style
                k += 1
            }
        }
        while i < n {
            let c = buffer[i]
            let next: Character? = i + 1 < n ? buffer[i + 1] : nil
            switch c {
            case "/" where next == "/":
                var j = i
                while j < n && buffer[j] != "\n" { j += 1 }
                paint(i, j, .comment)
                i = j
            case "/" where next == "*":
                var j = i + 2
                while j < n && !(buffer[j] == "*" && j + 1 < n && buffer[j + 1] == "/") { j += 1 }
                j = min(j + 2, n)
                paint(i, j, .comment)
                i = j
            case "'", "\"":
                var j = i + 1
                while j < n && buffer[j] != c {
                    if buffer[j] == "\\" { j += 1 }
                    j += 1
                }
                j = min(j + 1, n)
                paint(i, j, .string)
                i = j
            case "`":
                var j = i + 1
                while j < n {
                    if buffer[j] == "`" {
                        if j + 1 < n && buffer[j + 1] == "`" { j += 2; continue }
                        break
                    }
                    j += 1
                }
                j = min(j + 1, n)
                if previousSignificant(buffer, before: i) == ":" { paint(i, j, .label) }
                i = j
            case "$":
                var j = i + 1
                while j < n && isWord(buffer[j]) { j += 1 }
                if j > i + 1 { paint(i, j, .parameter) }
                i = max(j, i + 1)
            case "(", ")", "[", "]", "{", "}":
                brackets.append((i, c))
                i += 1
            default:
                if c.isNumber && (i == 0 || !isWord(buffer[i - 1])) {
                    var j = i + 1
                    while j < n && (isWord(buffer[j]) || (buffer[j] == "." && j + 1 < n && buffer[j + 1].isNumber)
                                    || ((buffer[j] == "-" || buffer[j] == "+") && (buffer[j - 1] == "e" || buffer[j - 1] == "E"))) {
                        j += 1
                    }
                    paint(i, j, .number)
                    i = j
                } else if isWord(c) {
                    var j = i + 1
                    while j < n && isWord(buffer[j]) { j += 1 }
                    let before = previousSignificant(buffer, before: i)
                    if before == ":" || (before == "|" && insideLabelExpression(buffer, before: i)) {
                        paint(i, j, .label)
                    } else if before != "." && j - i <= 11 && CypherVocabulary.isKeyword(String(buffer[i..<j])) {
                        paint(i, j, .keyword)
                    } else if j < n && buffer[j] == "(" {
                        paint(i, j, .function)
                    }
                    i = j
                } else {
                    i += 1
                }
            }
        }
        if let cursor { markBrackets(brackets, cursor: cursor, buffer: buffer, styles: &styles) }
        return styles
    }

    static func isWord(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }

    /// The last character before `index` that is not white space, on any line.
    static func previousSignificant(_ buffer: [Character], before index: Int) -> Character? {
        var k = index - 1
        while k >= 0 && (buffer[k] == " " || buffer[k] == "\t") { k -= 1 }
        return k >= 0 ? buffer[k] : nil
    }

    /// `:A|B`: a `|` whose chain of names goes back to a `:`.
    static func insideLabelExpression(_ buffer: [Character], before index: Int) -> Bool {
        var k = index - 1
        while k >= 0 {
            let c = buffer[k]
            if c == ":" { return true }
            if !(isWord(c) || c == "|" || c == " " || c == "`") { return false }
            k -= 1
        }
        return false
    }

    /// The bracket at the cursor (or just before it) and its partner.
    private static func markBrackets(_ brackets: [(index: Int, char: Character)], cursor: Int,
                                     buffer: [Character], styles: inout [HighlightStyle]) {
        let atCursor: Int? = {
            if cursor < buffer.count, "()[]{}".contains(buffer[cursor]), styles[cursor] == .plain { return cursor }
            if cursor > 0, "()[]{}".contains(buffer[cursor - 1]), styles[cursor - 1] == .plain { return cursor - 1 }
            return nil
        }()
        guard let target = atCursor else { return }
        // Pair brackets with a stack; a closing bracket of the wrong kind pairs with nothing.
        var stack: [(index: Int, char: Character)] = []
        var partner: [Int: Int] = [:]
        for b in brackets {
            switch b.char {
            case "(", "[", "{":
                stack.append(b)
            default:
                let opening: Character = b.char == ")" ? "(" : b.char == "]" ? "[" : "{"
                if let top = stack.last, top.char == opening {
                    stack.removeLast()
                    partner[top.index] = b.index
                    partner[b.index] = top.index
                }
            }
        }
        if let other = partner[target] {
            styles[target] = .bracketMatch
            styles[other] = .bracketMatch
        } else {
            styles[target] = .bracketUnmatched
        }
    }
}
