// DiscoveryCues: how an unknown capitalised name gets its type from the words around it.
//
// Discovery first looks at the name itself (a corporate suffix makes a company, a final
// "Alliance" an alliance, "Ministry"/"Agency" an organisation), then runs these cues in order —
// people first, because a title is the strongest signal there is — and finally spreads a type
// along coordinations ("Foo and Bar Motors" → both companies). Each cue is a pattern with one
// `<X:?>` slot for the unknown name; `personShape` cues also require the name to look like a
// person's (two to four capitalised words, no corporate suffix).

struct DiscoveryCue: Sendable {
    var name: String
    var pattern: String
    var labels: [String]
    var properties: [(String, String)] = []
    var personShape = false
    /// The word right after the name belongs to it ("the Varga family", "the ZX platform").
    var extendName = false
}

enum DiscoveryCues {
    static let companyNoun = "carmaker|carmakers|automaker|automakers|company|companies|firm|firms|group|manufacturer|manufacturers|maker|makers|supplier|suppliers|startup|start|rival|rivals|partner|partners|brand|conglomerate|giant|unit|subsidiary|division|arm|affiliate|airline|airlines|carrier|bank|producer|developer|chipmaker|operator|investor|shareholder|peer|competitor|competitors|joint|corporation|fund|holding|venture"

    static let cues: [DiscoveryCue] = [
        // People: titles before or after the name.
        DiscoveryCue(name: "person.title-name", pattern: "@R [,] <X:?>", labels: ["Person"], personShape: true),
        DiscoveryCue(name: "person.name-title", pattern: "<X:?> , @R", labels: ["Person"], personShape: true),
        DiscoveryCue(name: "person.name-org-title", pattern: "<X:?> , [a|an|the] [former|then|ex] <O:Company|Organization> @R", labels: ["Person"], personShape: true),
        DiscoveryCue(name: "person.name-is-title", pattern: "<X:?> [also|now|still] ( is | was | remains | remained | becomes | became | has been | had been | will be | will become | is due to become ) @R", labels: ["Person"], personShape: true),
        DiscoveryCue(name: "person.honorific", pattern: "mr|mrs|ms|dr|sir|dame|madam|mme|m [.] <X:?>", labels: ["Person"]),
        DiscoveryCue(name: "person.appointed", pattern: "appoint*|named|hired|elected|promoted|tapped <X:?> as|to", labels: ["Person"], personShape: true),
        DiscoveryCue(name: "person.was-appointed", pattern: "<X:?> __2 was|has|had|will|is appointed|named|elected|promoted|succeeded|replaced|hired|ousted|arrested", labels: ["Person"], personShape: true),
        DiscoveryCue(name: "person.succeeds", pattern: "<X:?> [,] [who] __2 succeed*|replac* <P:Person>", labels: ["Person"], personShape: true),
        DiscoveryCue(name: "person.succeeds-object", pattern: "succeed*|replac* <X:?> as", labels: ["Person"], personShape: true),
        DiscoveryCue(name: "person.who-heads", pattern: "<X:?> , who __2 heads|leads|runs|chairs|founded", labels: ["Person"], personShape: true),
        DiscoveryCue(name: "person.kin", pattern: "<X:?> , [the|a|an] father|mother|son|daughter|wife|husband|brother|sister|grandson|granddaughter|grandfather|nephew|niece|widow|heir|cousin of", labels: ["Person"], personShape: true),
        DiscoveryCue(name: "person.says", pattern: "<X:?> __2 said|says|told|explained|added|noted|stressed|admitted|insisted", labels: ["Person"], personShape: true),

        // Alliances and other organisations by what they are called.
        DiscoveryCue(name: "alliance.called", pattern: "alliance|partnership|consortium|coalition|grouping ( called | named | dubbed | known as ) <X:?>", labels: ["Organization", "Alliance"], properties: [("kind", "alliance")]),
        DiscoveryCue(name: "organization.family", pattern: "<X:?> family|foundation|trust", labels: ["Organization"], properties: [("kind", "other")], extendName: true),

        // Projects.
        DiscoveryCue(name: "project.suffix-word", pattern: "<X:?> project|programme|program|platform|initiative|architecture", labels: ["Project"], extendName: true),
        DiscoveryCue(name: "project.called", pattern: "( project | programme | program | platform | initiative | codenamed | code named | dubbed ) <X:?>", labels: ["Project"]),

        // Companies: a descriptor before or after, or a verb of ownership or deals.
        DiscoveryCue(name: "company.descriptor", pattern: "\(companyNoun) <X:?>", labels: ["Company"]),
        DiscoveryCue(name: "company.appositive", pattern: "<X:?> , a|an|the __6 \(companyNoun)", labels: ["Company"]),
        DiscoveryCue(name: "company.subsidiary-of", pattern: "<X:?> [,] __4 subsidiary|subsidiaries|unit|units|division|arm|affiliate|affiliates of", labels: ["Company"]),
        DiscoveryCue(name: "company.stake-in", pattern: "stake|stakes|shares|holding|shareholding|interest|investment|invest|invests|invested|investing|shareholder|shareholders|owner|parent|subsidiary|unit|division|arm in|of <X:?>", labels: ["Company"]),
        DiscoveryCue(name: "company.pct-of", pattern: "%P of|in <X:?>", labels: ["Company"]),
        DiscoveryCue(name: "company.acquired", pattern: "acquir*|acquisition|buy|buys|bought|purchas*|takeover|merg*|merger|merging [of] <X:?>", labels: ["Company"]),
        DiscoveryCue(name: "company.deal-with", pattern: "merge|merger|merging|partner|partnered|partnership|alliance|ties|tie|deal|agreement|talks|venture|collaboration|cooperation with <X:?>", labels: ["Company"]),
        DiscoveryCue(name: "company.subject-verb", pattern: "<X:?> __2 acquired|acquires|bought|buys|own|owns|hold|holds|invested|invests|merged|partnered|manufactures|produces|sells|builds|reported|posted|announced|unveiled|launched", labels: ["Company"]),
        DiscoveryCue(name: "company.possessive-noun", pattern: "<X:?> 's shares|board|shareholders|subsidiary|unit|division|plant|plants|factory|factories|cars|models|vehicles|stake|chief|CEO|chairman|president|profits|sales|revenue|brand|brands", labels: ["Company"]),
        DiscoveryCue(name: "company.called", pattern: "business|businesses|unit|units|company|companies|subsidiary|subsidiaries|division|divisions|entity|entities|venture|ventures|brand|spinoff ...8 called|named|dubbed <X:?>", labels: ["Company"]),
        DiscoveryCue(name: "company.create", pattern: "( creat* | set up | sets up | setting up | establish* | form | forms | formed | launch* ) <X:?> , a|an|the __3 joint|venture|company|subsidiary|unit", labels: ["Company"]),

        // Coordination spreads a type: "Foo, Bar and Baz Motors".
        DiscoveryCue(name: "company.coordinated-after", pattern: "<C:Company> ,|and|& <X:?>", labels: ["Company"]),
        DiscoveryCue(name: "company.coordinated-before", pattern: "<X:?> ,|and|& <C:Company>", labels: ["Company"]),
    ]

    /// A capitalised name ending in one of these words is an organisation (with this kind).
    static let organizationSuffixes: [(String, String)] = [
        ("ministry", "government"), ("government", "government"), ("agency", "government"),
        ("commission", "government"), ("authority", "government"), ("parliament", "government"),
        ("association", "other"), ("federation", "other"), ("council", "other"), ("institute", "other"),
        ("university", "other"), ("foundation", "other"), ("union", "other"), ("board", "other"),
        ("consortium", "alliance"), ("coalition", "alliance"),
    ]

    /// Nouns that make "<demonym> <noun>" a government ("the Polish government", "the Italian state").
    static let governmentNouns = ["government", "state", "administration", "treasury", "executive", "cabinet"]
}
