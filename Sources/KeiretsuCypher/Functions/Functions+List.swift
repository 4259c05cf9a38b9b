// List functions and the general scalar functions over any value (openCypher 9, "List
// functions", "Scalar functions"; TCK List6, List9, List11, List12, String3, Conditional1;
// List7/8/10 are empty placeholders there and are pinned by this project's own tests).
//
// Null rules:
//   head, last, tail, size, reverse, isEmpty        null → null
//   head([]), last([])                              null; tail([]) is []
//   size(STRING)                                    code points (see Functions+String.swift)
//   toBooleanList, toFloatList, toIntegerList,      null → null; each element converted as the
//   toStringList                                    …OrNull function does (nulls stay null)
//   range(start, end [, step])                      null if any argument is null
//   coalesce(a, …)                                  the first non-null argument, else null
//   nullIf(a, b)                                    null when a = b is true, else a
// Errors:
//   a non-list (non-string for size/reverse/isEmpty) argument: TypeError.InvalidArgumentValue
//   range(): a non-INTEGER bound or step is ArgumentError.InvalidArgumentType, even an
//   integral float like 0.0 (List11 [5]); step 0 is ArgumentError.NumberOutOfRange (List11 [4]);
//   so is a range longer than `maxRangeLength`, which would otherwise exhaust memory.
// size() of a path is refused at compile time by the analyser (List6 [5]); at run time it is
// the TypeError above.

import KeiretsuGraph

/// The longest list range() builds. A larger request is an error rather than gigabytes of
/// memory; UNWIND over a bigger range needs the executor to stream it.
let maxRangeLength: UInt64 = 10_000_000

let listFunctions: [ScalarFunction] = [
    scalar("head", arity: 1...1) { _, args in
        if args[0].isNull { return .null }
        return try args.list(0).first ?? .null
    },
    scalar("last", arity: 1...1) { _, args in
        if args[0].isNull { return .null }
        return try args.list(0).last ?? .null
    },
    scalar("tail", arity: 1...1) { _, args in
        if args[0].isNull { return .null }
        return .list(Array(try args.list(0).dropFirst()))
    },
    scalar("size", arity: 1...1) { _, args in
        switch args[0] {
        case .null: return .null
        case .list(let l): return .int(Int64(l.count))
        case .string(let s): return .int(Int64(s.unicodeScalars.count))
        default: throw CypherError.invalidArgumentValue("size", expected: "a STRING or a LIST", got: args[0])
        }
    },
    scalar("reverse", arity: 1...1) { _, args in
        switch args[0] {
        case .null: return .null
        case .list(let l): return .list(l.reversed())
        case .string(let s): return .string(String(s.reversed()))
        default: throw CypherError.invalidArgumentValue("reverse", expected: "a STRING or a LIST", got: args[0])
        }
    },
    scalar("isEmpty", arity: 1...1) { _, args in
        switch args[0] {
        case .null: return .null
        case .list(let l): return .bool(l.isEmpty)
        case .string(let s): return .bool(s.isEmpty)
        case .map(let m): return .bool(m.isEmpty)
        default: throw CypherError.invalidArgumentValue("isEmpty", expected: "a STRING, LIST or MAP", got: args[0])
        }
    },
    variadicScalar("coalesce", minArity: 1) { _, args in
        args.values.first { !$0.isNull } ?? .null
    },
    scalar("nullIf", arity: 2...2) { _, args in
        Value.cypherEquals(args[0], args[1]) == true ? .null : args[0]
    },
    scalar("range", arity: 2...3) { _, args in
        if args.anyNull { return .null }
        func bound(_ i: Int, _ what: String) throws -> Int64 {
            if case .int(let v) = args[i] { return v }
            throw CypherError(.argumentError, "InvalidArgumentType",
                              "range() expects an INTEGER \(what), got \(args[i].typeName)", phase: .runtime)
        }
        let start = try bound(0, "start"), end = try bound(1, "end")
        let step = args.count >= 3 ? try bound(2, "step") : 1
        return .list(try integerRange(start, end, step).map { .int($0) })
    },
    convertingList("toBooleanList", convert: toBooleanOrNull),
    convertingList("toFloatList", convert: toFloatOrNull),
    convertingList("toIntegerList", convert: toIntegerOrNull),
    convertingList("toStringList", convert: toStringOrNull),
]

/// start, start + step, … up to and including `end` when the progression reaches it.
func integerRange(_ start: Int64, _ end: Int64, _ step: Int64, limit: UInt64 = maxRangeLength) throws -> [Int64] {
    if step == 0 { throw CypherError.numberOutOfRange("range", "step must not be zero") }
    // The distance is computed in UInt64: end - start can exceed Int64 (range(-2^63, 2^63-1)).
    let distance: UInt64
    if step > 0 {
        if end < start { return [] }
        distance = UInt64(bitPattern: end &- start)
    } else {
        if start < end { return [] }
        distance = UInt64(bitPattern: start &- end)
    }
    // count = steps + 1, which overflows UInt64 for range(-2^63, 2^63 - 1); compare first.
    let steps = distance / step.magnitude
    if steps >= limit {
        throw CypherError.numberOutOfRange("range", "the range has more than \(limit) elements")
    }
    let count = steps + 1
    var out: [Int64] = []
    out.reserveCapacity(Int(count))
    var v = start
    for i in 0..<count {
        out.append(v)
        // The step after the last element may leave Int64; it is never taken.
        if i + 1 < count { v = v &+ step }
    }
    return out
}

private func convertingList(_ name: String, convert: @escaping @Sendable (Value) -> Value) -> ScalarFunction {
    scalar(name, arity: 1...1) { _, args in
        if args[0].isNull { return .null }
        return .list(try args.list(0).map(convert))
    }
}
