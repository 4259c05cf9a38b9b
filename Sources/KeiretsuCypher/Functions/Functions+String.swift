// String functions (openCypher 9, "String functions"; Neo4j Cypher manual, "String functions";
// TCK String1, String3, String4; String2/5/12 are empty placeholders there and are pinned by
// this project's own tests).
//
// Unit of length: the Unicode scalar value (code point), as Neo4j specifies ("size() applied to
// any Unicode character returns 1") and as error columns count. size(), char_length(),
// substring(), left(), right() and split(s, '') all count code points, so
// size(substring(s, i, n)) <= n always holds. reverse() is the exception: it reverses extended
// grapheme clusters, so an accented letter written with a combining mark, a flag or a ZWJ emoji
// sequence stays intact (reversing code points would move a combining mark onto another
// letter). It still preserves size(): the code points are the same, only regrouped.
// Case mapping is Unicode's full, locale-independent mapping: toUpper('ß') = 'SS', and
// toLower applies the Final_Sigma rule as Java (and so Neo4j) does: toLower('ΣΑΣ') = 'σας'.
// Whitespace (trim family) is the Unicode White_Space property.
//
// Null rules:
//   toUpper, upper, toLower, lower, trim, ltrim, rtrim, btrim, reverse(STRING),
//   char_length, character_length          null → null
//   ltrim/rtrim/btrim(s, chars)             null if either is null
//   replace(s, search, replacement)         null if any argument is null
//   split(s, delimiter | [delimiters])      null if s or the delimiter is null, or any listed
//                                           delimiter is null
//   substring(s, start [, length])          s null → null; start or length null or negative →
//                                           error (TypeError / ArgumentError.NumberOutOfRange)
//   left(s, n), right(s, n)                 s null → null (even with n null); n null or
//                                           negative → error
// A non-string where a string is expected is TypeError.InvalidArgumentValue.
// size() and reverse() of lists are in Functions+List.swift.

import KeiretsuGraph

let stringFunctions: [ScalarFunction] = [
    unaryString("toUpper") { $0.uppercased() },
    unaryString("upper") { $0.uppercased() },
    unaryString("toLower") { lowercasedWithFinalSigma($0) },
    unaryString("lower") { lowercasedWithFinalSigma($0) },
    unaryString("trim") { trimScalars($0, leading: true, trailing: true, where: isUnicodeWhitespace) },
    trimFunction("ltrim", leading: true, trailing: false),
    trimFunction("rtrim", leading: false, trailing: true),
    trimFunction("btrim", leading: true, trailing: true),
    scalar("char_length", arity: 1...1) { _, args in
        if args[0].isNull { return .null }
        return .int(Int64(try args.string(0).unicodeScalars.count))
    },
    scalar("character_length", arity: 1...1) { _, args in
        if args[0].isNull { return .null }
        return .int(Int64(try args.string(0).unicodeScalars.count))
    },
    scalar("replace", arity: 3...3) { _, args in
        if args.anyNull { return .null }
        return .string(replacingScalars(try args.string(0), try args.string(1), with: try args.string(2)))
    },
    scalar("substring", arity: 2...3) { _, args in
        if args[0].isNull { return .null }
        let s = try args.string(0)
        let start = try args.nonNegativeInteger(1, "start")
        let length = args.count >= 3 ? try args.nonNegativeInteger(2, "length") : Int64.max
        return .string(scalarSlice(s, from: start, count: length))
    },
    scalar("left", arity: 2...2) { _, args in
        if args[0].isNull { return .null }
        let s = try args.string(0)
        return .string(scalarSlice(s, from: 0, count: try args.nonNegativeInteger(1, "length")))
    },
    scalar("right", arity: 2...2) { _, args in
        if args[0].isNull { return .null }
        let s = try args.string(0)
        let n = try args.nonNegativeInteger(1, "length")
        let total = Int64(s.unicodeScalars.count)
        return .string(scalarSlice(s, from: max(0, total - n), count: n))
    },
    scalar("split", arity: 2...2) { _, args in
        if args.anyNull { return .null }
        let s = try args.string(0)
        let delimiters: [String]
        switch args[1] {
        case .string(let d): delimiters = [d]
        case .list(let items):
            var ds: [String] = []
            for item in items {
                switch item {
                case .null: return .null
                case .string(let d): ds.append(d)
                default:
                    throw CypherError.invalidArgumentValue("split", expected: "a STRING or a LIST of STRINGs", got: item)
                }
            }
            delimiters = ds
        default:
            throw CypherError.invalidArgumentValue("split", expected: "a STRING or a LIST of STRINGs", got: args[1])
        }
        return .list(splitScalars(s, on: delimiters).map { .string($0) })
    },
]

private func unaryString(_ name: String, _ f: @escaping @Sendable (String) -> String) -> ScalarFunction {
    scalar(name, arity: 1...1) { _, args in
        if args[0].isNull { return .null }
        return .string(f(try args.string(0)))
    }
}

/// ltrim/rtrim/btrim: whitespace with one argument; with two, every leading/trailing code point
/// that occurs in the second string (Neo4j documents a single trim character; a longer string
/// is read as a set rather than refused).
private func trimFunction(_ name: String, leading: Bool, trailing: Bool) -> ScalarFunction {
    scalar(name, arity: 1...2) { _, args in
        if args.anyNull { return .null }
        let s = try args.string(0)
        if args.count < 2 { return .string(trimScalars(s, leading: leading, trailing: trailing, where: isUnicodeWhitespace)) }
        let set = Set(try args.string(1).unicodeScalars)
        return .string(trimScalars(s, leading: leading, trailing: trailing, where: { set.contains($0) }))
    }
}

/// Unicode's default lower-casing, including the one context-sensitive rule of SpecialCasing:
/// a capital sigma at the end of a word becomes the final form ς (Unicode 15, section 3.13,
/// Final_Sigma: preceded by a cased letter and not followed by one, case-ignorable characters
/// skipped on both sides). Swift's `lowercased()` maps every sigma to σ.
func lowercasedWithFinalSigma(_ s: String) -> String {
    let scalars = Array(s.unicodeScalars)
    guard scalars.contains("\u{03A3}") else { return s.lowercased() }
    func casedNeighbour(from start: Int, step: Int) -> Bool {
        var i = start
        while i >= 0 && i < scalars.count {
            let p = scalars[i].properties
            if !p.isCaseIgnorable { return p.isCased }
            i += step
        }
        return false
    }
    var out = String.UnicodeScalarView()
    for (i, c) in scalars.enumerated() {
        if c == "\u{03A3}" && casedNeighbour(from: i - 1, step: -1) && !casedNeighbour(from: i + 1, step: 1) {
            out.append("\u{03C2}")
        } else {
            out.append(contentsOf: c.properties.lowercaseMapping.unicodeScalars)
        }
    }
    return String(out)
}

@Sendable func isUnicodeWhitespace(_ c: Unicode.Scalar) -> Bool { c.properties.isWhitespace }

func trimScalars(_ s: String, leading: Bool, trailing: Bool, where drop: (Unicode.Scalar) -> Bool) -> String {
    let scalars = s.unicodeScalars
    var start = scalars.startIndex, end = scalars.endIndex
    if leading {
        while start < end && drop(scalars[start]) { start = scalars.index(after: start) }
    }
    if trailing {
        while end > start {
            let before = scalars.index(before: end)
            if !drop(scalars[before]) { break }
            end = before
        }
    }
    return String(scalars[start..<end])
}

/// Up to `count` code points of `s` starting at code point `from` (both clamped to the string).
func scalarSlice(_ s: String, from: Int64, count: Int64) -> String {
    let scalars = s.unicodeScalars
    let total = Int64(scalars.count)
    if from >= total || count <= 0 { return "" }
    let start = scalars.index(scalars.startIndex, offsetBy: Int(from))
    let length = min(count, total - from)
    let end = scalars.index(start, offsetBy: Int(length))
    return String(scalars[start..<end])
}

/// Replaces every non-overlapping occurrence of `search`, scanning left to right, comparing code
/// points (not canonical equivalence, which Swift's own String comparison would apply). An empty
/// `search` matches before every code point and at the end, as in Java: replace('ab', '', '-')
/// is '-a-b-'.
func replacingScalars(_ s: String, _ search: String, with replacement: String) -> String {
    let source = Array(s.unicodeScalars), pattern = Array(search.unicodeScalars)
    var out = String.UnicodeScalarView()
    if pattern.isEmpty {
        for c in source {
            out.append(contentsOf: replacement.unicodeScalars)
            out.append(c)
        }
        out.append(contentsOf: replacement.unicodeScalars)
        return String(out)
    }
    var i = 0
    while i < source.count {
        if matches(source, at: i, pattern) {
            out.append(contentsOf: replacement.unicodeScalars)
            i += pattern.count
        } else {
            out.append(source[i])
            i += 1
        }
    }
    return String(out)
}

/// Splits on every occurrence of any delimiter, keeping empty pieces (split('a,,b', ',') is
/// ['a', '', 'b'], split('', ',') is ['']). Where several delimiters match at one place the
/// longest wins. Empty delimiters are ignored unless all are empty, in which case the string
/// splits into its code points (split('', '') is []).
func splitScalars(_ s: String, on delimiters: [String]) -> [String] {
    let source = Array(s.unicodeScalars)
    let patterns = delimiters.map { Array($0.unicodeScalars) }.filter { !$0.isEmpty }
        .sorted { $0.count > $1.count }
    if patterns.isEmpty {
        return source.map { String(Character($0)) }
    }
    var pieces: [String] = []
    var current = String.UnicodeScalarView()
    var i = 0
    scan: while i < source.count {
        for p in patterns where matches(source, at: i, p) {
            pieces.append(String(current))
            current = String.UnicodeScalarView()
            i += p.count
            continue scan
        }
        current.append(source[i])
        i += 1
    }
    pieces.append(String(current))
    return pieces
}

@inline(__always)
private func matches(_ source: [Unicode.Scalar], at i: Int, _ pattern: [Unicode.Scalar]) -> Bool {
    guard i + pattern.count <= source.count else { return false }
    for j in 0..<pattern.count where source[i + j] != pattern[j] { return false }
    return true
}
