// round(value [, precision [, mode]]) (Neo4j Cypher manual, "round()", which follows Java's
// Math.round and java.math.RoundingMode).
//
//   call                         result
//   round(x)                     nearest integer as a FLOAT, ties towards +Infinity
//                                (round(-1.5) = -1.0, round(2.5) = 3.0)
//   round(x, 0)                  the same as round(x) ("to align with round(-1.5)")
//   round(x, p)                  nearest multiple of 10^-p, ties away from zero (HALF_UP):
//                                round(-1.55, 1) = -1.6; p may be negative: round(1234, -2) = 1200.0
//   round(x, p, mode)            mode UP, DOWN, CEILING, FLOOR, HALF_UP, HALF_DOWN, HALF_EVEN
//                                (case-insensitive); another string is ArgumentError
//   any argument null            null
//   x not a number, p not a number, mode not a string: TypeError.InvalidArgumentValue
//   NaN, ±Infinity, ±0.0         returned unchanged (a zero result is +0.0)
//
// Ties are decided on the shortest decimal that reads back as the same double (what Java's
// BigDecimal.valueOf sees), not on the binary value: 1.25 and -1.35 are ties at precision 1
// even though -1.35 is stored as -1.350000000000000088…, which is what the manual's examples
// show (round(-1.35, 1, 'HALF_DOWN') = -1.3). The rounding itself is exact decimal arithmetic on
// those digits; the result is read back with correct rounding.

import KeiretsuGraph

let roundingFunctions: [ScalarFunction] = [
    scalar("round", arity: 1...3) { _, args in
        if args.anyNull { return .null }
        let x = try args.number(0)
        guard args.count >= 2 else { return .float(roundDecimal(x, precision: 0, mode: .halfCeiling)) }
        let precision: Int64
        switch args[1] {
        case .int(let p): precision = p
        case .float(let p) where p.isFinite: precision = p < 0 ? -Int64(min(-p, 1e6)) : Int64(min(p, 1e6))
        default: throw CypherError.invalidArgumentValue("round", expected: "an INTEGER precision", got: args[1])
        }
        let mode: CypherRoundingMode
        if args.count >= 3 {
            let name = try args.string(2)
            guard let m = CypherRoundingMode(name: name) else {
                throw CypherError.invalidArgumentChoice(
                    "round", "unknown rounding mode '\(name)' (expected UP, DOWN, CEILING, FLOOR, HALF_UP, HALF_DOWN or HALF_EVEN)")
            }
            mode = m
        } else {
            mode = precision == 0 ? .halfCeiling : .halfUp
        }
        return .float(roundDecimal(x, precision: precision, mode: mode))
    },
]

enum CypherRoundingMode: Sendable {
    case up, down, ceiling, floor, halfUp, halfDown, halfEven
    /// Java's Math.round: nearest, ties towards +Infinity. Not selectable by name.
    case halfCeiling

    init?(name: String) {
        switch name.uppercased() {
        case "UP": self = .up
        case "DOWN": self = .down
        case "CEILING": self = .ceiling
        case "FLOOR": self = .floor
        case "HALF_UP": self = .halfUp
        case "HALF_DOWN": self = .halfDown
        case "HALF_EVEN": self = .halfEven
        default: return nil
        }
    }
}

/// `x` rounded to a multiple of 10^-precision under `mode`.
func roundDecimal(_ x: Double, precision: Int64, mode: CypherRoundingMode) -> Double {
    guard x.isFinite, x != 0 else { return x }
    // Beyond ±400 every double behaves the same: no double has digits below 10^-400, and every
    // finite double is below 10^400.
    let p = Int(max(-400, min(400, precision)))
    let negative = x < 0
    let (digits, scale) = shortestDecimal(Swift.abs(x))  // |x| = digits × 10^scale
    let drop = -p - scale  // how many trailing digits fall below 10^-p
    if drop <= 0 { return x }

    // Split into the kept digits and a description of the dropped ones.
    var kept: [UInt8]
    let firstDropped: UInt8
    let restNonZero: Bool
    if drop > digits.count {
        kept = []
        firstDropped = 0
        restNonZero = true  // digits is non-zero and lies wholly below the first dropped place
    } else {
        kept = Array(digits[0..<(digits.count - drop)])
        firstDropped = digits[digits.count - drop]
        restNonZero = digits[(digits.count - drop + 1)...].contains { $0 != 0 }
    }
    if firstDropped == 0 && !restNonZero { return x }  // nothing below 10^-p: already exact

    let aboveHalf = firstDropped > 5 || (firstDropped == 5 && restNonZero)
    let isHalf = firstDropped == 5 && !restNonZero
    let lastKeptOdd = (kept.last ?? 0) % 2 == 1
    let increment: Bool
    switch mode {
    case .up: increment = true
    case .down: increment = false
    case .ceiling: increment = !negative
    case .floor: increment = negative
    case .halfUp: increment = aboveHalf || isHalf
    case .halfDown: increment = aboveHalf
    case .halfEven: increment = aboveHalf || (isHalf && lastKeptOdd)
    case .halfCeiling: increment = aboveHalf || (isHalf && !negative)
    }
    if increment {
        var i = kept.count - 1
        var carry = true
        while carry && i >= 0 {
            if kept[i] == 9 {
                kept[i] = 0
                i -= 1
            } else {
                kept[i] += 1
                carry = false
            }
        }
        if carry { kept.insert(1, at: 0) }
    }
    guard kept.contains(where: { $0 != 0 }) else { return 0.0 }
    var text = String(kept.map { Character(Unicode.Scalar($0 + 48)) })
    text += "e\(-p)"
    let magnitude = Double(text) ?? .infinity
    return negative ? -magnitude : magnitude
}

/// The shortest decimal that reads back as `x` (x finite and positive): its significant digits
/// and the power of ten of the last one, so that x = digits × 10^scale.
func shortestDecimal(_ x: Double) -> (digits: [UInt8], scale: Int) {
    // Swift prints the shortest round-tripping form: "123.45", "1e-05", "1.2345e+20".
    let text = "\(x)"
    var mantissa = Substring(text)
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
        mantissa = text[text.startIndex..<e]
        exponent = Int(text[text.index(after: e)...]) ?? 0
    }
    var digits: [UInt8] = []
    var fractionDigits = 0
    var seenPoint = false
    for ch in mantissa.unicodeScalars {
        if ch == "." {
            seenPoint = true
        } else if ch.value >= 48 && ch.value <= 57 {
            digits.append(UInt8(ch.value - 48))
            if seenPoint { fractionDigits += 1 }
        }
    }
    // Leading zeros carry no value ("0.001"); trailing zeros are harmless but cheap to keep.
    let firstNonZero = digits.firstIndex { $0 != 0 } ?? digits.count
    digits.removeFirst(firstNonZero)
    return (digits, exponent - fractionDigits)
}
