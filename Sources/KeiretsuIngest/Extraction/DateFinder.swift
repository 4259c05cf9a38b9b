// DateFinder: dates written in a sentence, for `asOf` and `since`.
//
// A fact's `asOf` is the article's date unless the sentence itself gives a full date
// ("on 12 March 2021", "March 12, 2021", "2021-03-12"). `since` comes from "since 2019" or
// "since March 2019" (a year is kept as an integer: the text does not say the day).

import KeiretsuGraph

struct DateFinder {
    private let months: [WordID: Int]
    private let since: WordID
    private let comma: WordID
    private let dash: WordID

    init(lexicon: Lexicon) {
        var m: [WordID: Int] = [:]
        for (w, n) in CueWords.months { m[lexicon.intern(folding: w)] = n }
        months = m
        since = lexicon.intern(folding: "since")
        comma = lexicon.comma
        dash = lexicon.dash
    }

    private func integer(_ t: Token, _ bytes: TextBytes, digits: ClosedRange<Int>) -> Int? {
        guard t.kind == .number, digits.contains(t.end - t.start), let v = bytes.number(t), v == v.rounded() else { return nil }
        return Int(v)
    }

    /// The first full date in `tokens[range]`.
    func fullDate(_ tokens: [Token], _ range: Range<Int>, _ bytes: TextBytes) -> LocalDate? {
        var i = range.lowerBound
        let hi = range.upperBound
        while i < hi {
            let t = tokens[i]
            // Only a number or a capitalised month can start a date.
            guard t.kind == .number || t.isCapitalized else { i += 1; continue }
            // 2021-03-12 (hyphens join the parts)
            if let y = integer(t, bytes, digits: 4...4), i + 2 < hi,
               tokens[i + 1].flags.contains(.hyphenBefore), tokens[i + 2].flags.contains(.hyphenBefore),
               let mo = integer(tokens[i + 1], bytes, digits: 1...2), let d = integer(tokens[i + 2], bytes, digits: 1...2),
               let date = LocalDate(year: Int64(y), month: mo, day: d) {
                return date
            }
            // March 12, 2021
            if let mo = months[t.key], t.isCapitalized, i + 1 < hi, let d = integer(tokens[i + 1], bytes, digits: 1...2) {
                var j = i + 2
                if j < hi && tokens[j].key == comma { j += 1 }
                if j < hi, let y = integer(tokens[j], bytes, digits: 4...4), let date = LocalDate(year: Int64(y), month: mo, day: d) {
                    return date
                }
            }
            // 12 March 2021
            if let d = integer(t, bytes, digits: 1...2), i + 2 < hi, let mo = months[tokens[i + 1].key], tokens[i + 1].isCapitalized,
               let y = integer(tokens[i + 2], bytes, digits: 4...4), let date = LocalDate(year: Int64(y), month: mo, day: d) {
                return date
            }
            i += 1
        }
        return nil
    }

    /// The year after "since" ("since 2019", "since March 2019"), if any.
    func sinceYear(_ tokens: [Token], _ range: Range<Int>, _ bytes: TextBytes) -> Int? {
        var i = range.lowerBound
        while i + 1 < range.upperBound {
            if tokens[i].key == since {
                var j = i + 1
                if months[tokens[j].key] != nil && tokens[j].isCapitalized { j += 1 }
                if j < range.upperBound, let y = integer(tokens[j], bytes, digits: 4...4), (1800...2200).contains(y) { return y }
            }
            i += 1
        }
        return nil
    }
}
