// QuantityWords: role titles, currencies, scale words and number words.
//
// The rule matcher's `@R`, `$M`, `#N` and `%P` elements read these tables. Role titles map the
// many spellings of a position to one role name ("chief executive officer", "CEO", "chief
// executive" → "CEO"); a modifier such as "then" or "former" before a title marks a past role.
// Currencies map symbols, codes and words to ISO 4217 codes.

enum QuantityWords {
    /// (spelling, role) — spellings are tokenized like articles, so "co-founder" = "co founder".
    /// Coordinated titles ("president and chief executive") are read as several roles.
    static let roles: [(String, String)] = [
        ("chief executive officer", "CEO"), ("chief executive", "CEO"), ("CEO", "CEO"), ("co-CEO", "co-CEO"),
        ("chief operating officer", "COO"), ("COO", "COO"), ("chief financial officer", "CFO"), ("CFO", "CFO"),
        ("chief technology officer", "CTO"), ("CTO", "CTO"), ("chief technical officer", "CTO"),
        ("chairman", "chairman"), ("chairwoman", "chairman"), ("chairperson", "chairman"), ("chair", "chairman"),
        ("chairman of the board", "chairman"), ("president", "president"),
        ("founder", "founder"), ("co-founder", "founder"), ("cofounder", "founder"),
        ("managing director", "managing director"), ("director general", "director general"),
        ("general manager", "general manager"), ("director", "director"), ("board member", "board member"),
        ("head", "head"), ("boss", "CEO"), ("chief", "chief"), ("secretary general", "secretary general"),
        ("officer", "officer"), ("executive", "executive"), ("manager", "manager"),
    ]

    /// Words that rank a title without changing it ("vice COO", "executive chairman",
    /// "deputy managing director", "senior managing executive officer"); kept in the role name.
    static let rankPrefixes = ["vice", "deputy", "executive", "honorary", "senior", "assistant", "associate",
                               "managing", "non-executive", "group", "global", "regional"]

    /// Words before a title that make the role a past one.
    static let pastModifiers = ["then", "former", "ex", "outgoing", "previous", "erstwhile", "late", "onetime", "one-time"]

    /// Words before a title that keep it current.
    static let currentModifiers = ["current", "new", "incoming", "interim", "acting", "incumbent", "newly appointed", "present"]

    /// (symbol or word, ISO code, symbolComesFirst)
    static let currencies: [(String, String)] = [
        ("$", "USD"), ("US$", "USD"), ("USD", "USD"), ("dollar", "USD"), ("dollars", "USD"), ("US dollars", "USD"),
        ("€", "EUR"), ("EUR", "EUR"), ("euro", "EUR"), ("euros", "EUR"),
        ("£", "GBP"), ("GBP", "GBP"), ("pound", "GBP"), ("pounds", "GBP"), ("sterling", "GBP"),
        ("¥", "JPY"), ("JPY", "JPY"), ("yen", "JPY"),
        ("CNY", "CNY"), ("RMB", "CNY"), ("yuan", "CNY"), ("renminbi", "CNY"),
        ("KRW", "KRW"), ("won", "KRW"), ("INR", "INR"), ("rupee", "INR"), ("rupees", "INR"), ("₹", "INR"),
        ("CHF", "CHF"), ("Swiss francs", "CHF"), ("francs", "CHF"), ("SEK", "SEK"), ("kronor", "SEK"),
        ("BRL", "BRL"), ("reais", "BRL"), ("R$", "BRL"), ("₩", "KRW"),
    ]

    /// Scale words after a number.
    static let scales: [(String, Double)] = [
        ("thousand", 1e3), ("k", 1e3), ("million", 1e6), ("millions", 1e6), ("m", 1e6), ("mn", 1e6), ("mln", 1e6),
        ("billion", 1e9), ("billions", 1e9), ("bn", 1e9), ("b", 1e9), ("trillion", 1e12), ("tn", 1e12),
    ]

    static let numberWords: [(String, Double)] = [
        ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7), ("eight", 8),
        ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12), ("thirteen", 13), ("fourteen", 14),
        ("fifteen", 15), ("sixteen", 16), ("seventeen", 17), ("eighteen", 18), ("nineteen", 19), ("twenty", 20),
        ("thirty", 30), ("forty", 40), ("fifty", 50), ("hundred", 100), ("a dozen", 12), ("dozen", 12),
        ("both", 2), ("a hundred", 100),
    ]

    /// Words that make a number a percentage.
    static let percentWords = ["%", "percent", "per cent", "pct", "percentage points"]

    /// Hedges allowed between a verb and a number ("about 40%", "more than 5,000 people").
    static let approximators = ["about", "around", "some", "nearly", "almost", "roughly", "approximately",
                                "over", "more than", "less than", "up to", "just over", "just under", "close to"]
}
