// Facts: what extraction produces for one document, before anything is written.
//
// Entities are catalog indices here; the resolver turns them into node ids. A fact keeps the
// index of the sentence that stated it, so provenance (the sentence text, its byte range) can be
// attached when it is written and reported.

import KeiretsuGraph

struct ExtractedFact {
    var type: String
    var from: Int
    var to: Int
    var properties: ValueMap
    var rule: String
    var sentence: Int
}

struct ExtractedAttribute {
    var entity: Int
    var key: String
    var value: Value
    var rule: String
    var sentence: Int
}

struct RejectedFact {
    var type: String
    var from: Int
    var to: Int
    var properties: ValueMap
    var rule: String
    var sentence: Int
    var reason: String
}

/// One mention as reported: which entity, how it was written, where.
struct MentionRecord {
    var entity: Int
    var surface: String
    var sentence: Int
    var origin: MentionOrigin
}

struct DocumentExtraction {
    var article: Article
    var sentences: [Sentence]
    var mentions: [MentionRecord] = []
    var facts: [ExtractedFact] = []
    var attributes: [ExtractedAttribute] = []
    var rejected: [RejectedFact] = []
    /// Discoveries: entity index → the cue that typed it first.
    var discoveredBy: [Int: String] = [:]

    func sentenceText(_ i: Int) -> String {
        guard i >= 0 && i < sentences.count else { return "" }
        let r = sentences[i].byteRange
        // One line: provenance prints the sentence on one line whatever the file's wrapping.
        guard article.bytes[r].contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else { return article.text(r) }
        return article.text(r).split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(separator: " ")
    }
}
