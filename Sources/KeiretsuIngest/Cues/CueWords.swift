// CueWords: the closed word lists of English news prose that the pipeline keys on.
//
// These are language facts, not corpus facts: abbreviations that do not end a sentence, words
// that typically open one, corporate suffixes, name particles, words that can never be part of
// a proper name. Keeping them in one data file makes it plain that no entity of any corpus is
// named in code; the role titles, anaphors and markets have their own tables next to this one.

enum CueWords {
    /// A period after these never ends a sentence ("Mr. Smith", "e.g. Foo").
    static let titleAbbreviations = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "gov", "sen", "rep", "hon", "rev", "messrs", "mme", "mlle",
        "e.g", "i.e", "cf", "vs", "approx", "fig", "ca", "st", "mt", "ft",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]

    /// A period after these ends a sentence only before a typical sentence opener.
    static let corporateAbbreviations = [
        "inc", "corp", "co", "ltd", "plc", "llc", "bros", "jr", "sr", "etc", "al",
        "u.s", "u.k", "e.u", "s.a", "n.v", "b.v", "s.p.a", "a.g", "s.e",
    ]

    /// Words that commonly start a sentence.
    static let sentenceOpeners = [
        "the", "a", "an", "it", "its", "this", "that", "these", "those", "they", "he", "she", "we", "i",
        "in", "on", "at", "as", "but", "and", "or", "so", "yet", "however", "meanwhile", "moreover",
        "furthermore", "also", "still", "then", "there", "here", "after", "before", "while", "when",
        "since", "although", "though", "according", "both", "each", "all", "some", "many", "most", "one",
        "last", "earlier", "later", "next", "now", "today", "yesterday", "his", "her", "their", "our",
        "for", "with", "from", "under", "if", "what", "who", "which", "such", "other", "another", "no",
        "not", "instead", "overall", "first", "second", "finally", "by", "during", "despite", "until",
    ]

    /// Corporate suffixes: a capitalised name ending in one of these is a company.
    static let corporateSuffixes = [
        "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "plc",
        "ag", "sa", "se", "nv", "bv", "gmbh", "spa", "s.p.a", "s.a", "n.v", "b.v", "a.g", "kk", "ab", "asa",
        "oyj", "as", "sas", "srl", "pte", "pty", "bhd", "tbk", "jsc", "pjsc",
        "motors", "motor", "group", "holdings", "holding", "industries", "automotive", "automobiles",
        "auto", "autos", "technologies", "technology", "electric", "electronics", "energy", "airlines",
        "airways", "aerospace", "bank", "steel", "chemical", "chemicals", "pharmaceuticals", "pharma",
        "systems", "capital", "ventures", "mobility", "manufacturing", "trucks", "cars", "vehicles",
        "semiconductor", "semiconductors", "telecom", "communications", "networks", "software", "labs",
        "partners", "enterprises", "international", "global", "brands", "fund", "lines",
    ]

    /// Lower-case particles that may sit inside a personal or company name ("Anna de Vries").
    static let nameParticles = [
        "de", "del", "della", "di", "da", "dos", "das", "du", "van", "von", "der", "den", "ter", "la", "le",
        "bin", "al", "el", "y", "zu",
    ]

    /// Lower-case words hyphenated to a name that are not part of it ("Munich-based").
    static let hyphenSuffixes = [
        "based", "led", "owned", "listed", "made", "built", "backed", "controlled", "style", "like", "era", "born",
        "focused", "funded", "run", "registered", "headquartered", "related", "linked", "specific", "wide", "level",
        "sized", "size", "only", "free", "friendly", "driven", "powered", "making", "bound", "centric", "branded",
        "designed", "developed", "produced", "operated", "affiliated", "supported", "sponsored", "dominated",
    ]

    /// Capitalised words that are never a name, or never start one: sentence openers, months,
    /// days, and generic words that news capitalises in headlines.
    static let nonNameWords = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mr", "mrs", "ms", "dr", "prof", "sir", "lord", "lady", "madam", "said", "says", "reuters",
        "ceo", "cfo", "coo", "cto", "chairman", "chairwoman", "chair", "president", "chief", "executive",
        "director", "founder", "minister", "officer", "head", "boss", "vice", "managing", "former", "then",
        "new", "group", "company", "alliance", "partnership", "project", "market", "government", "state",
        "while", "whereas", "why", "how", "where", "whose", "whom", "until", "over", "about", "into",
        "will", "would", "could", "should", "can", "may", "might", "must", "shall", "is", "was", "are",
        "were", "be", "been", "has", "have", "had", "do", "does", "did", "meanwhile", "moreover", "indeed",
        "admitting", "given", "thanks", "regarding", "following", "including", "unlike", "like", "amid",
        "ev", "evs", "suv", "suvs", "ai", "ipo", "q1", "q2", "q3", "q4",
    ] + sentenceOpeners

    static let months: [(String, Int)] = [
        ("january", 1), ("jan", 1), ("february", 2), ("feb", 2), ("march", 3), ("mar", 3), ("april", 4),
        ("apr", 4), ("may", 5), ("june", 6), ("jun", 6), ("july", 7), ("jul", 7), ("august", 8), ("aug", 8),
        ("september", 9), ("sep", 9), ("sept", 9), ("october", 10), ("oct", 10), ("november", 11),
        ("nov", 11), ("december", 12), ("dec", 12),
    ]

    /// Words that end a noun phrase captured as a project or area name.
    static let phraseStops = [
        "while", "whereas", "therefore", "which", "that", "who", "whom", "whose", "where", "when", "but",
        "as", "because", "since", "although", "though", "so", "thus", "hence", "until", "after", "before",
        "in", "on", "at", "for", "with", "by", "from", "to", "into", "through", "over", "under", "across",
        "between", "among", "within", "without", "via", "of", "about", "against", "during", "per",
        "is", "are", "was", "were", "will", "would", "could", "should", "can", "may", "might", "must",
        "be", "been", "has", "have", "had", "do", "does", "did", "said", "says", "and", "or", "nor",
        "also", "not", "while", "if", "than", "then", "instead", "including", "led", "run", "headed",
        "it", "them", "this", "these", "those", "what", "its", "their",
        // Quantity nouns: "a series of projects" names no project.
        "series", "number", "range", "variety", "host", "couple", "lot", "set", "kind", "type", "part", "way",
    ]

    /// A captured phrase ending in one of these plural generic nouns names nothing in particular
    /// ("industrial projects", "several areas").
    static let genericPhraseHeads = [
        "projects", "programmes", "programs", "areas", "fields", "things", "issues", "matters", "ways",
        "opportunities", "activities", "topics", "efforts", "details", "plans", "synergies",
        "carmakers", "automakers", "companies", "firms", "rivals", "makers", "manufacturers", "competitors",
        "brands", "groups", "partners", "shareholders", "investors",
    ]

    /// Head words of named technical projects: "the ZX electric-vehicle architecture" is named
    /// "ZX architecture" after its proper name and its head.
    static let projectHeadWords = ["platform", "architecture", "project", "programme", "program", "initiative", "system"]

    /// Determiners stripped from the front of a captured phrase.
    static let determiners = [
        "the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "our", "some",
        "all", "any", "each", "every", "both", "such", "several", "two", "three", "four", "five",
    ]
}
