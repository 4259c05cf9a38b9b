// Turning CSV field bytes into property values, by the column's declared type.
//
//   int/long/short/byte   optional sign, decimal digits; outside Int64 is an error
//   float/double          decimal or exponent notation, also NaN, Infinity, -Infinity
//   boolean               true or false, any case
//   date                  ISO 8601 (2023-01-28, 20230128, +YYYYY-MM-DD)
//   string, untyped       the bytes as UTF-8 (invalid sequences become U+FFFD)
//   type[]                elements separated by `;`, each by the element type
//
// Spaces and tabs around non-string values are ignored; strings are kept exactly. Numbers are
// parsed from the bytes without building a String: integers digit by digit with overflow
// checks, floats by the exact fast path (at most 15 significant digits and a power of ten up
// to 10^22 are both exact doubles, so one multiplication or division rounds correctly — Clinger,
// "How to read floating point numbers accurately", 1990) with the standard library's parser as
// the fallback for everything else.

import KeiretsuGraph

enum CSVValueParsing {
    static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The value of `bytes` as `type`, nil when the text is not one.
    @inline(__always)
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, _ type: CSVValueType) -> Value? {
        switch type {
        case .string: return .string(String(decoding: bytes, as: UTF8.self))
        case .integer: return integer(trimmed(bytes)).map(Value.int)
        case .float: return float(trimmed(bytes)).map(Value.float)
        case .boolean: return boolean(trimmed(bytes)).map(Value.bool)
        case .date: return date(trimmed(bytes)).map { .temporal(.date($0)) }
        case .localTime, .time, .localDateTime, .dateTime, .duration:
            guard let kind = type.temporalKind else { return nil }
            return (try? Temporal.parse(String(decoding: trimmed(bytes), as: UTF8.self), as: kind)).map(Value.temporal)
        }
    }

    /// An array value: elements separated by `;`. Nil when an element is not of `type` (an
    /// empty element of a non-string array counts as not).
    static func array(_ bytes: UnsafeBufferPointer<UInt8>, _ type: CSVValueType) -> Value? {
        var items: [Value] = []
        var start = 0
        var k = 0
        while k <= bytes.count {
            if k == bytes.count || bytes[k] == 0x3B {
                let piece = UnsafeBufferPointer(rebasing: bytes[start..<k])
                guard let v = scalar(piece, type) else { return nil }
                items.append(v)
                start = k + 1
            }
            k += 1
        }
        return .list(items)
    }

    @inline(__always)
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }

    @inline(__always)
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var s = 0, e = bytes.count
        while s < e && isSpace(bytes[s]) { s += 1 }
        while e > s && isSpace(bytes[e - 1]) { e -= 1 }
        if s == 0 && e == bytes.count { return bytes }
        return UnsafeBufferPointer(rebasing: bytes[s..<e])
    }

    static func integer(_ b: UnsafeBufferPointer<UInt8>) -> Int64? {
        var i = 0
        var negative = false
        if i < b.count && (b[i] == 0x2B || b[i] == 0x2D) {
            negative = b[i] == 0x2D
            i += 1
        }
        guard i < b.count else { return nil }
        // Accumulate negatively so that Int64.min parses.
        var v: Int64 = 0
        while i < b.count {
            let d = b[i] &- 0x30
            guard d < 10 else { return nil }
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.subtractingReportingOverflow(Int64(d))
            guard !o1 && !o2 else { return nil }
            v = s
            i += 1
        }
        if negative { return v }
        let (p, o) = Int64(0).subtractingReportingOverflow(v)
        return o ? nil : p
    }

    static func float(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        guard b.count > 0 else { return nil }
        var i = 0
        var negative = false
        if b[i] == 0x2B || b[i] == 0x2D {
            negative = b[i] == 0x2D
            i += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        var sawDigit = false
        while i < b.count, b[i] &- 0x30 < 10 {
            sawDigit = true
            if digits < 19 {
                mantissa = mantissa &* 10 &+ UInt64(b[i] &- 0x30)
                if mantissa != 0 { digits += 1 }
            } else {
                exponent += 1
            }
            i += 1
        }
        if i < b.count && b[i] == 0x2E {
            i += 1
            while i < b.count, b[i] &- 0x30 < 10 {
                sawDigit = true
                if digits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(b[i] &- 0x30)
                    if mantissa != 0 { digits += 1 }
                    exponent -= 1
                }
                i += 1
            }
        }
        if sawDigit && i < b.count && (b[i] == 0x65 || b[i] == 0x45) {
            i += 1
            var expNegative = false
            if i < b.count && (b[i] == 0x2B || b[i] == 0x2D) {
                expNegative = b[i] == 0x2D
                i += 1
            }
            var e = 0
            var sawExpDigit = false
            while i < b.count, b[i] &- 0x30 < 10 {
                sawExpDigit = true
                if e < 100_000 { e = e * 10 + Int(b[i] &- 0x30) }
                i += 1
            }
            guard sawExpDigit else { return nil }
            exponent += expNegative ? -e : e
        }
        if sawDigit && i == b.count && digits <= 15 && exponent >= -22 && exponent <= 22 {
            var d = Double(mantissa)
            if exponent < 0 { d /= exactPowersOfTen[-exponent] } else { d *= exactPowersOfTen[exponent] }
            return negative ? -d : d
        }
        // Everything else (long mantissas, large exponents, NaN, Infinity) by the standard
        // library, which rounds correctly.
        let text = String(decoding: b, as: UTF8.self)
        switch text {
        case "NaN": return .nan
        case "Infinity", "+Infinity": return .infinity
        case "-Infinity": return -.infinity
        default: break
        }
        guard sawDigit, let d = Double(text) else { return nil }
        return d
    }

    static func boolean(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        func equalsIgnoringCase(_ word: StaticString) -> Bool {
            guard b.count == word.utf8CodeUnitCount else { return false }
            let w = word.utf8Start
            for k in 0..<b.count where b[k] | 0x20 != w[k] { return false }
            return true
        }
        if equalsIgnoringCase("true") { return true }
        if equalsIgnoringCase("false") { return false }
        return nil
    }

    static func date(_ b: UnsafeBufferPointer<UInt8>) -> LocalDate? {
        // Fast path for the common YYYY-MM-DD.
        if b.count == 10 && b[4] == 0x2D && b[7] == 0x2D {
            func num(_ from: Int, _ to: Int) -> Int? {
                var v = 0
                for k in from..<to {
                    let d = b[k] &- 0x30
                    guard d < 10 else { return nil }
                    v = v * 10 + Int(d)
                }
                return v
            }
            if let y = num(0, 4), let m = num(5, 7), let d = num(8, 10) {
                return LocalDate(year: Int64(y), month: m, day: d)
            }
            return nil
        }
        return LocalDate.parse(String(decoding: b, as: UTF8.self))
    }
}
