// Anaphors: the words news prose uses to point back at an entity it has already named.
//
// "its president", "the carmaker", "this last unit", "the two automakers": each anaphor is a
// pattern of plain words, the labels its antecedent must carry, how far back to look, and how
// many entities it stands for. Resolution (AnaphoraResolver) picks antecedents from the mentions
// seen so far in the document; an anaphor with no antecedent simply stays text. Words before
// the noun may narrow the choice: a demonym ("the Swedish carmaker") must agree with the
// antecedent's `country` when the graph gives one.

struct AnaphorRule: Sendable {
    enum Scope: Sendable {
        /// The nearest earlier mention in the same sentence, else the first of the latest earlier
        /// sentence that has one ("its" is usually the subject's).
        case nearest
        /// The first mention of the sentence (its subject), else the first of the latest earlier
        /// sentence that has one: "Norvik owns 5% of Talvi, and it agreed to …".
        case subject
        /// The latest mention before the current sentence ("this last unit" points back across
        /// the sentence that introduced it).
        case earlierSentences
    }

    var name: String
    var pattern: String
    var labels: [String]
    var scope: Scope
    /// How many distinct entities it stands for ("the two carmakers" = 2).
    var count: Int = 1
    var possessive = false
    /// A definite description ("the carmaker") never points at the subject of its own clause:
    /// in "X bought a stake in the group", the group is not X.
    var definite = false
    /// Labels tried when no antecedent has one of `labels` ("the group" of a business group).
    var fallbackLabels: [String] = []
}

enum Anaphors {
    static let companyNouns = "automakers|carmakers|companies|partners|groups|firms|manufacturers|brands|sides|members|allies|airlines|carriers"

    static let rules: [AnaphorRule] = [
        AnaphorRule(name: "its", pattern: "its", labels: ["Company", "Organization"], scope: .nearest, possessive: true),
        AnaphorRule(name: "it", pattern: "it", labels: ["Company", "Organization"], scope: .subject),
        AnaphorRule(name: "the-alliance", pattern: "the|this|that alliance|partnership|tie|pact|grouping [up]", labels: ["Alliance"], scope: .nearest),
        AnaphorRule(name: "the-new-company", pattern: "the|this|that ( new | newly formed | newly created | joint | last | latest | same | latter | new joint ) company|group|venture|unit|business|entity|firm|carmaker", labels: ["Company"], scope: .earlierSentences, definite: true),
        AnaphorRule(name: "the-unit", pattern: "the|this|that unit|subsidiary|division|business|venture|spinoff|entity|offshoot", labels: ["Company"], scope: .earlierSentences, definite: true),
        AnaphorRule(name: "the-company", pattern: "the|this|that __2 company|carmaker|automaker|group|firm|manufacturer|conglomerate|maker|airline|carrier", labels: ["Company"], scope: .nearest, definite: true, fallbackLabels: ["Organization"]),
        AnaphorRule(name: "two", pattern: "( the two | both | both the | the pair of ) __1 \(companyNouns)", labels: ["Company"], scope: .nearest, count: 2),
        AnaphorRule(name: "three", pattern: "( the three | all three | all three of the ) __1 \(companyNouns)", labels: ["Company"], scope: .nearest, count: 3),
        AnaphorRule(name: "four", pattern: "( the four | all four ) __1 \(companyNouns)", labels: ["Company"], scope: .nearest, count: 4),
    ]
}
