// Folding, tokenizing and sentence splitting: the text layer every later step relies on.

import XCTest

@testable import KeiretsuIngest

final class TextFoldingTests: XCTestCase {
    func testFoldsCaseDiacriticsQuotesAndDashes() {
        XCTAssertEqual(TextFolding.fold("Citroën"), "citroen")
        XCTAssertEqual(TextFolding.fold("ŠKODA Łódź Straße"), "skoda lodz strasse")
        XCTAssertEqual(TextFolding.fold("Renault’s"), "renault's")
        XCTAssertEqual(TextFolding.fold("“quoted”"), "\"quoted\"")
        XCTAssertEqual(TextFolding.fold("A–B—C‑D"), "a-b-c-d")
        XCTAssertEqual(TextFolding.fold("wait…"), "wait...")
        // Decomposed input folds like precomposed input.
        XCTAssertEqual(TextFolding.fold("Se\u{0301}nard"), TextFolding.fold("Sénard"))
        XCTAssertEqual(TextFolding.fold("ȘTEFAN"), "stefan")
        XCTAssertEqual(TextFolding.fold("ΑΘΗΝΑ"), "αθηνα")
    }
}

final class TokenizerTests: XCTestCase {
    func tokens(_ text: String) -> (Lexicon, [Token], [String]) {
        let lexicon = Lexicon()
        let bytes = Array(text.utf8)
        let t = Tokenizer(lexicon: lexicon).tokenize(bytes)
        return (lexicon, t, t.map { lexicon.text($0.key) })
    }

    func testWordsNumbersAndPunctuation() {
        let (_, t, keys) = tokens("Norvik holds 43.4% of 420,000 shares, worth $600m.")
        XCTAssertEqual(keys, ["norvik", "holds", "43.4", "%", "of", "420,000", "shares", ",", "worth", "$", "600", "m", "."])
        XCTAssertEqual(t[2].kind, .number)
        XCTAssertTrue(t[0].isCapitalized)
        XCTAssertTrue(t[9].flags.contains(.spaceBefore))   // " $"
        XCTAssertFalse(t[10].flags.contains(.spaceBefore)) // "$600"
        XCTAssertFalse(t[11].flags.contains(.spaceBefore)) // "600m"
    }

    func testPossessivesAreTheirOwnTokens() {
        let (_, t, keys) = tokens("Belcastro’s unit and the companies' plants, Talvi's")
        XCTAssertEqual(keys, ["belcastro", "'s", "unit", "and", "the", "companies", "'s", "plants", ",", "talvi", "'s"])
        XCTAssertEqual(t[1].kind, .possessive)
        XCTAssertEqual(t[6].kind, .possessive)
        // Apostrophes inside words stay.
        XCTAssertEqual(tokens("O'Neill didn't").2, ["o'neill", "didn't"])
    }

    func testHyphensJoinWordsButVanishFromKeys() {
        let (_, t, keys) = tokens("solid-state batteries from Jean-Luc, a Munich–based firm - says one")
        XCTAssertEqual(keys, ["solid", "state", "batteries", "from", "jean", "luc", ",", "a", "munich", "based", "firm", "-", "says", "one"])
        XCTAssertTrue(t[1].flags.contains(.hyphenBefore))
        XCTAssertTrue(t[9].flags.contains(.hyphenBefore))
        XCTAssertFalse(t[11].flags.contains(.hyphenBefore))
    }

    func testInitialismsKeepInnerDotsAndEllipsesAreOneToken() {
        let (_, t, keys) = tokens("The U.S. market, e.g. here... and… there")
        XCTAssertEqual(keys, ["the", "u.s", ".", "market", ",", "e.g", ".", "here", "...", "and", "...", "there"])
        XCTAssertTrue(t[1].flags.contains(.allCaps))
    }

    func testByteOffsetsPointIntoTheText() {
        let text = "Sénard’s “plan”"
        let (_, t, _) = tokens(text)
        let bytes = Array(text.utf8)
        XCTAssertEqual(String(decoding: bytes[t[0].byteRange], as: UTF8.self), "Sénard")
        XCTAssertEqual(String(decoding: bytes[t[1].byteRange], as: UTF8.self), "’s")
        XCTAssertEqual(String(decoding: bytes[t[3].byteRange], as: UTF8.self), "plan")
    }

    func testLowercaseEvidenceIsRecorded() {
        let (lexicon, _, _) = tokens("Shares fell. The shares of Norvik rose.")
        XCTAssertTrue(lexicon.seenLowercase(lexicon.intern(folding: "shares")))
        XCTAssertFalse(lexicon.seenLowercase(lexicon.intern(folding: "norvik")))
    }
}

final class SentenceSplitterTests: XCTestCase {
    func sentences(_ text: String) -> [String] {
        SentenceSplitter.split(text: text).map(\.text)
    }

    func testAbbreviationsDoNotEndSentences() {
        XCTAssertEqual(sentences("Mr. Vasko met Dr. Ortiz. They agreed."), ["Mr. Vasko met Dr. Ortiz.", "They agreed."])
        XCTAssertEqual(sentences("Belcastro Inc. Chairman Teo spoke. The deal closed."),
                       ["Belcastro Inc. Chairman Teo spoke.", "The deal closed."])
        XCTAssertEqual(sentences("It bought Talvi Corp. The price was high."), ["It bought Talvi Corp.", "The price was high."])
        XCTAssertEqual(sentences("Norvik Co. Ltd. and Varen Ltd. merged. Shares rose."),
                       ["Norvik Co. Ltd. and Varen Ltd. merged.", "Shares rose."])
        XCTAssertEqual(sentences("Sales in the U.S. The rest abroad."), ["Sales in the U.S.", "The rest abroad."])
        XCTAssertEqual(sentences("Markets, e.g. India, grew. Fine."), ["Markets, e.g. India, grew.", "Fine."])
        XCTAssertEqual(sentences("John F. Kennedy spoke. Then left."), ["John F. Kennedy spoke.", "Then left."])
    }

    func testDecimalsQuotesAndSlashes() {
        XCTAssertEqual(sentences("It owns 43.4% of Varen. Varen owns 15%."), ["It owns 43.4% of Varen.", "Varen owns 15%."])
        XCTAssertEqual(sentences("He said: “We are done.” Then he left."), ["He said: “We are done.”", "Then he left."])
        XCTAssertEqual(sentences("Talvi leads the E / E architecture. Norvik the rest."),
                       ["Talvi leads the E / E architecture.", "Norvik the rest."])
        XCTAssertEqual(sentences("Is it over? Yes! Next."), ["Is it over?", "Yes!", "Next."])
    }

    func testEllipsesStrayDotsAndLowercaseContinuations() {
        XCTAssertEqual(sentences("Wait... The end. And so on... then more."), ["Wait...", "The end.", "And so on... then more."])
        XCTAssertEqual(sentences("Future of mobility. . From this point, fine."), ["Future of mobility. .", "From this point, fine."])
        XCTAssertEqual(sentences("Costs approx. five million."), ["Costs approx. five million."])
    }

    func testParagraphsAndMarkdownBlocksEndSentences() {
        XCTAssertEqual(sentences("First line without stop\n\nSecond paragraph."), ["First line without stop", "Second paragraph."])
        XCTAssertEqual(sentences("# Heading here\nBody starts. Body ends."), ["# Heading here", "Body starts.", "Body ends."])
        XCTAssertEqual(sentences("Intro:\n- first item\n- second item"), ["Intro:", "- first item", "- second item"])
    }

    func testAnEndlessSentenceIsCut() {
        let text = Array(repeating: "word", count: 1000).joined(separator: " ")
        let parts = SentenceSplitter.split(text: text)
        XCTAssertEqual(parts.count, 4)
        XCTAssertEqual(parts.map { $0.text.split(separator: " ").count }, [256, 256, 256, 232])
    }

    func testRangesAreByteOffsetsIntoTheText() {
        let text = "Sénard’s plan. Then €5bn."
        let parts = SentenceSplitter.split(text: text)
        let bytes = Array(text.utf8)
        XCTAssertEqual(parts.count, 2)
        for p in parts { XCTAssertEqual(String(decoding: bytes[p.range], as: UTF8.self), p.text) }
        XCTAssertEqual(parts[1].range.lowerBound, "Sénard’s plan. ".utf8.count)
    }
}
