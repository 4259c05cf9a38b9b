// RelationRules: the default relation table — every relationship type of the vocabulary, with
// the properties the prose gives.
//
// Order matters twice: more specific rules come first, and a match is skipped where an earlier
// rule that makes the same relationship type already read the same entities from overlapping
// words (so "reducing its 43% stake in X to 15%" is read once, by the rule that takes the 15%). Each fact records
// the name of the rule that made it in its `rule` property. The patterns only use words of the
// language — verbs, titles, nouns like "stake" — never the name of an entity.
//
// Conventions (Tests/IngestCorpus/README.md): `percent` is a holding stated as current,
// `targetPercent` one announced for the future (a stake being bought, cut or raised); an
// INVESTS_IN is made where shares are bought or money is put in, with `status` considering,
// agreed or completed; one HOLDS_ROLE per title, `former` only for past roles.

extension RelationRule {
    static let stakeNoun = "stake|stakes|holding|holdings|shareholding|shareholdings|interest|share|equity"
    static let cutVerb = "reduc*|cut*|lower*|trim*|decreas*|shrink*|dilut*|pare*|sell*|sold"
    static let raiseVerb = "rais*|increas*|boost*|lift*|expand*|grow*|up|ups|upped|extend*|top*"
    static let unitNoun = "business|businesses|unit|units|subsidiary|subsidiaries|division|arm|brand|affiliate|spinoff|offshoot|venture|entity|company"
    static let largest = "largest|biggest|main|principal|major|top|leading|dominant|most|single"
    static let holderNoun = "shareholder|shareholders|investor|owner|stakeholder"
    static let buyVerb = "take|buy|acquire|purchase"
    static let boughtVerb = "acquired|bought|purchased|took"

    /// "its" (resolved to a possessive mention when its antecedent is known), "their" or "the".
    static let its = "[ ( <Z:Company|Organization's> | their | the ) ]"

    /// A subject with an optional apposition or relative pronoun after it:
    /// "Norvik", "Quorra, the Italian investment company,", "Norvik, which".
    static func subject(_ slot: String, _ labels: String) -> String {
        "<\(slot):\(labels)> APPOS [,] [which|who|that]"
    }

    static let stakeProps: [(String, RuleValue)] = [("percent", .slot("P"))]
    static let targetProps: [(String, RuleValue)] = [("targetPercent", .slot("T"))]
    static let moneyProps: [(String, RuleValue)] = [("amount", .amount("M")), ("currency", .currency("M"))]

    public static let defaultRules: [RelationRule] = stakeRules + roleRules + memberRules + leadRules + jointRules
        + operatesRules + subsidiaryRules + investRules + mergeRules + partnerRules + attributeRules

    // MARK: HOLDS_STAKE
    static let stakeRules: [RelationRule] = [
        RelationRule("stake.cut-from-to", "\(subject("A", "Company|Organization")) ...8 \(cutVerb) __4 \(stakeNoun) in <B:Company> ...4 from %P to %T",
                     [.rel("HOLDS_STAKE", "A", "B", [("percent", .slot("P")), ("targetPercent", .slot("T"))])]),
        RelationRule("stake.raise-from-to", "\(subject("A", "Company|Organization")) ...8 \(raiseVerb) __4 \(stakeNoun) in <B:Company> ...4 from %P to %T",
                     [.rel("HOLDS_STAKE", "A", "B", [("percent", .slot("P")), ("targetPercent", .slot("T"))])]),
        RelationRule("stake.change-to-from", "\(subject("A", "Company|Organization")) ...8 \(cutVerb)|\(raiseVerb) __4 \(stakeNoun) in <B:Company> ...4 to %T from %P",
                     [.rel("HOLDS_STAKE", "A", "B", [("percent", .slot("P")), ("targetPercent", .slot("T"))])]),
        RelationRule("stake.cut-pct-to", "\(subject("A", "Company|Organization")) ...8 \(cutVerb) __4 %P \(stakeNoun) in <B:Company> ...4 to %T",
                     [.rel("HOLDS_STAKE", "A", "B", [("percent", .slot("P")), ("targetPercent", .slot("T"))])]),
        RelationRule("stake.raise-pct-to", "\(subject("A", "Company|Organization")) ...8 \(raiseVerb) __4 %P \(stakeNoun) in <B:Company> ...4 to %T",
                     [.rel("HOLDS_STAKE", "A", "B", [("percent", .slot("P")), ("targetPercent", .slot("T"))])]),
        RelationRule("stake.change-to", "\(subject("A", "Company|Organization")) ...8 \(cutVerb)|\(raiseVerb) __4 \(stakeNoun) in <B:Company> __4 to %T",
                     [.rel("HOLDS_STAKE", "A", "B", [("targetPercent", .slot("T"))])]),
        RelationRule("stake.will-acquire", "\(subject("A", "Company|Organization")) __4 ( agree* to | will | is to | are to | set to | is expected to | are expected to ) [also] \(buyVerb) [a|an|the] [further|additional|remaining] %T [\(stakeNoun)] in|of <B:Company> [...4 for $M]",
                     [.rel("HOLDS_STAKE", "A", "B", targetProps),
                      .rel("INVESTS_IN", "A", "B", moneyProps + [("status", .text("agreed"))])]),
        RelationRule("stake.plans-acquire", "\(subject("A", "Company|Organization")) __4 plan*|intend*|aim*|want*|seek*|consider*|hope* [to] [also] \(buyVerb) [a|an|the] [further|additional|remaining] %T [\(stakeNoun)] in|of <B:Company>",
                     [.rel("HOLDS_STAKE", "A", "B", targetProps)]),
        RelationRule("stake.will-hold", "<A+:Company|Organization> __3 will|would|to [each] [also] hold|own|control [a|an] %T [\(stakeNoun)] in|of <B:Company>",
                     [.rel("HOLDS_STAKE", "A", "B", targetProps)]),
        RelationRule("stake.acquired", "\(subject("A", "Company|Organization")) __4 ( \(boughtVerb) | complet* \(its) purchase of | complet* \(its) acquisition of ) [a|an] %P [\(stakeNoun)] in|of <B:Company> [...8 for $M]",
                     [.rel("HOLDS_STAKE", "A", "B", stakeProps),
                      .rel("INVESTS_IN", "A", "B", moneyProps + [("status", .text("completed"))])]),
        RelationRule("stake.pct-in", "\(subject("A", "Company|Organization")) __6 %P [-] [owned] \(stakeNoun) in|of <B:Company>",
                     [.rel("HOLDS_STAKE", "A", "B", stakeProps)]),
        RelationRule("stake.stake-of-pct", "\(subject("A", "Company|Organization")) __6 \(stakeNoun) of %P in <B:Company>",
                     [.rel("HOLDS_STAKE", "A", "B", stakeProps)]),
        RelationRule("stake.owns-keeps", "\(subject("A", "Company|Organization")) __2 own|owns|holds|hold|has|controls %P of <B:Company> and __2 keep|keeps|retain|retains %T",
                     [.rel("HOLDS_STAKE", "A", "B", [("percent", .slot("P")), ("targetPercent", .slot("T"))])]),
        RelationRule("stake.owns-two", "\(subject("A", "Company|Organization")) __4 own|owns|owned|owning|hold|holds|held|holding|control*|has|have|had [about|around] %P of <B:Company> and %Q of <C:Company>",
                     [.rel("HOLDS_STAKE", "A", "B", stakeProps), .rel("HOLDS_STAKE", "A", "C", [("percent", .slot("Q"))])]),
        RelationRule("stake.and-holds", "<A:Company|Organization> __2 own|owns|hold|holds|has|controls %P of <B:Company> and <C:Company|Organization> __2 own|owns|hold|holds|has|controls %Q",
                     [.rel("HOLDS_STAKE", "A", "B", stakeProps), .rel("HOLDS_STAKE", "C", "B", [("percent", .slot("Q"))])]),
        RelationRule("stake.owns-pct-of", "<A+:Company|Organization> APPOS [,] [which|who|that] __4 own|owns|owned|owning|hold|holds|held|holding|keep|keeps|control*|has|have|had|acquir*|bought|buy*|purchas*|took|take*|taking [the] [remaining|additional|further|other|same|rest] %P of <B:Company>",
                     [.rel("HOLDS_STAKE", "A", "B", stakeProps)]),
        RelationRule("stake.in-which", "<B:Company> , in which <A:Company|Organization> __3 %P",
                     [.rel("HOLDS_STAKE", "A", "B", stakeProps)]),
        RelationRule("stake.owned-by-two", "<B:Company> [,] __6 owned %P by <A:Company|Organization> and %Q by <C:Company|Organization>",
                     [.rel("HOLDS_STAKE", "A", "B", stakeProps), .rel("HOLDS_STAKE", "C", "B", [("percent", .slot("Q"))])]),
        RelationRule("stake.pct-owned-by", "<B:Company> __4 %P [-] owned|held|controlled by <A:Company|Organization>",
                     [.rel("HOLDS_STAKE", "A", "B", stakeProps)]),
        RelationRule("stake.largest-with-pct", "\(subject("A", "Company|Organization")) __4 [the] [single] \(largest) [significant|important] \(holderNoun) in|of <B:Company> with [a|an] %P",
                     [.rel("HOLDS_STAKE", "A", "B", stakeProps + [("largestShareholder", .yes)])]),
        RelationRule("stake.largest-appositive", "<A:Company|Organization> , __4 <B:Company's> [single] \(largest) [significant|important] \(holderNoun)",
                     [.rel("HOLDS_STAKE", "A", "B", [("largestShareholder", .yes)])]),
        RelationRule("stake.largest-of", "\(subject("A", "Company|Organization")) __4 [the] [single] \(largest) [significant|important] \(holderNoun) in|of <B:Company>",
                     [.rel("HOLDS_STAKE", "A", "B", [("largestShareholder", .yes)])]),
        RelationRule("stake.largest-before", "<B:Company's> [single] \(largest) [significant|important] \(holderNoun) [,] <A:Company|Organization>",
                     [.rel("HOLDS_STAKE", "A", "B", [("largestShareholder", .yes)])]),
        RelationRule("stake.majority-owner", "\(subject("A", "Company|Organization")) __4 [the] majority|controlling|sole|main owner|owners|shareholder of <B:Company>",
                     [.rel("HOLDS_STAKE", "A", "B")]),
        RelationRule("stake.holds-a-stake", "<A+:Company|Organization> __4 [each] hold|holds|held|own|owns|owned|have|has|had|keep|keeps [a|an] [equal|large|small|significant|majority|minority|controlling|big|sizeable|blocking] \(stakeNoun) in <B:Company>",
                     [.rel("HOLDS_STAKE", "A", "B")]),
        RelationRule("stake.invest-for-stake", "\(subject("A", "Company|Organization")) ...10 invest* ...4 in <B:Company> ...8 ( for | to take | to acquire | to buy | which will give <Z:Company> | giving <Z:Company> | which gives <Z:Company> | that will give <Z:Company> ) [a|an] [\(stakeNoun) of] %T",
                     [.rel("HOLDS_STAKE", "A", "B", targetProps)]),
        RelationRule("stake.cross-equalised", "equali* ...8 cross shareholding*|holding*|stake*",
                     [.mirror(type: "HOLDS_STAKE", target: "targetPercent", as: "percent")]),
    ]

    // MARK: HOLDS_ROLE
    static let roleProps: [(String, RuleValue)] = [("role", .slot("R")), ("former", .roleFormer("R"))]
    static let becomeVerb = "( is | was | becomes | became | become | remains | remained | serves as | served as | has been | had been | will be | will become | takes over as | took over as | named | appointed | elected | promoted to | returns as | returned as | is due to become )"

    static let roleRules: [RelationRule] = [
        RelationRule("role.name-title-of", "<P:Person> , @R of|at <B:Company|Organization>",
                     [.rel("HOLDS_ROLE", "P", "B", roleProps)]),
        RelationRule("role.name-org-title", "<P:Person> , [the] <B:Company|Organization's> @R",
                     [.rel("HOLDS_ROLE", "P", "B", roleProps)]),
        RelationRule("role.name-former-org-title", "<P:Person> , [a|an|the] former|then|ex <B:Company|Organization> @R",
                     [.rel("HOLDS_ROLE", "P", "B", [("role", .slot("R")), ("former", .yes)])]),
        RelationRule("role.name-org-title-plain", "<P:Person> , a|an|the <B:Company|Organization> @R",
                     [.rel("HOLDS_ROLE", "P", "B", roleProps)]),
        RelationRule("role.appositive-then-is", "<P:Person> , ...16 , \(becomeVerb) @R of|at <B:Company|Organization>",
                     [.rel("HOLDS_ROLE", "P", "B", roleProps)]),
        RelationRule("role.appositive-then-poss", "<P:Person> , ...16 , \(becomeVerb) <B:Company|Organization's> @R",
                     [.rel("HOLDS_ROLE", "P", "B", roleProps)]),
        RelationRule("role.org-title-name", "<B:Company|Organization> __4 @R [,] <P:Person>",
                     [.rel("HOLDS_ROLE", "P", "B", roleProps)]),
        RelationRule("role.title-of-org-name", "@R of|at <B:Company|Organization> [,] <P:Person>",
                     [.rel("HOLDS_ROLE", "P", "B", roleProps)]),
        RelationRule("role.succeeds", "<P:Person> [,] [who] __3 succeed*|replac* <Q:Person> as @R of|at <B:Company|Organization>",
                     [.rel("HOLDS_ROLE", "P", "B", [("role", .slot("R"))]),
                      .rel("HOLDS_ROLE", "Q", "B", [("role", .slot("R")), ("former", .yes)])]),
        RelationRule("role.steps-down", "<P:Person> __4 ( step* down | stepped down | resign* | quit | left | leav* | retir* | was ousted | ousted | was removed | was dismissed | was fired | was replaced ) [as|from] @R of|at <B:Company|Organization>",
                     [.rel("HOLDS_ROLE", "P", "B", [("role", .slot("R")), ("former", .yes)])]),
        RelationRule("role.became", "<P:Person> __3 \(becomeVerb) @R of|at <B:Company|Organization>",
                     [.rel("HOLDS_ROLE", "P", "B", roleProps)]),
        RelationRule("role.became-poss", "<P:Person> __3 \(becomeVerb) <B:Company|Organization's> @R",
                     [.rel("HOLDS_ROLE", "P", "B", roleProps)]),
        RelationRule("role.appointed", "<B:Company|Organization> __4 appoint*|nam*|hire*|elect*|promot*|tap*|install* <P:Person> [as] @R",
                     [.rel("HOLDS_ROLE", "P", "B", [("role", .slot("R"))])]),
        RelationRule("role.board-seat", "<P:Person> ...12 sits|sit|sat|serves|served|seat on the board of <B:Company|Organization>",
                     [.rel("HOLDS_ROLE", "P", "B", [("role", .text("board member"))])]),
        RelationRule("role.who-heads", "<P:Person> , who __2 heads|leads|runs|ran|headed|led <B:Company|Organization>",
                     [.rel("HOLDS_ROLE", "P", "B", [("role", .text("head"))])]),
        RelationRule("role.who-chairs", "<P:Person> , who __2 chairs|chaired <B:Company|Organization>",
                     [.rel("HOLDS_ROLE", "P", "B", [("role", .text("chairman"))])]),
    ]

    // MARK: MEMBER_OF
    static let memberRules: [RelationRule] = [
        RelationRule("member.made-up-of", "<B:Alliance> [,] ( made up of | consist* of | compris* | composed of | formed by | including | includes | grouping | groups | bringing together | brings together | brought together | linking | links | uniting | unites | between | among | of ) <A+:Company>",
                     [.rel("MEMBER_OF", "A", "B")]),
        RelationRule("member.are-members", "<A+:Company> APPOS [also] __6 member|members|part|partner|partners|founder|founders|founding|pillar|pillars|companies|affiliates of|in <B:Alliance|Organization>",
                     [.rel("MEMBER_OF", "A", "B")]),
        RelationRule("member.appositive", "<A+:Company> , __4 member|members|partner|partners of|in <B:Alliance|Organization>",
                     [.rel("MEMBER_OF", "A", "B")]),
        RelationRule("member.belongs", "<A+:Company> APPOS [also] __2 belong*|belonged to <B:Alliance|Organization>",
                     [.rel("MEMBER_OF", "A", "B")]),
        RelationRule("member.joined", "<A+:Company> __3 join*|rejoin*|enter*|entered <B:Alliance>",
                     [.rel("MEMBER_OF", "A", "B")]),
        RelationRule("member.members-list", "<B:Alliance's> ( member | members | partners | member companies ) [,] <A+:Company>",
                     [.rel("MEMBER_OF", "A", "B")]),
        RelationRule("member.alliance-members", "<B:Alliance> members|partners <A+:Company>",
                     [.rel("MEMBER_OF", "A", "B")]),
    ]

    // MARK: LEADS
    static let leadRules: [RelationRule] = [
        RelationRule("leads.responsible-for", "\(subject("A", "Company")) __6 responsible|responsibility|charge for|of ~J+",
                     [.rel("LEADS", "A", "J", [("area", .slot("J"))])]),
        RelationRule("leads.leader-in", "\(subject("A", "Company")) __6 leader|leaders|lead|frontrunner|pioneer in|on|for ~J+",
                     [.rel("LEADS", "A", "J", [("area", .slot("J"))])]),
        RelationRule("leads.leads-development", "\(subject("A", "Company")) __4 ( lead | leads | led | leading | spearhead* | head | heads | headed | steer* | pilot* | oversee* | oversaw | coordinat* | take the lead on | takes the lead on | took the lead on | take the lead in | takes the lead in | took the lead in ) [the] [joint|common|shared] [development|work|research|effort|efforts|engineering|design|programme|program] [of|on|for|in|into] ~J+",
                     [.rel("LEADS", "A", "J", [("area", .slot("J"))])]),
        RelationRule("leads.developed", "<A:Company> , which|who developed|designed|created|engineered|invented ~J",
                     [.rel("LEADS", "A", "J", [("area", .slot("J"))])]),
        RelationRule("leads.led-by", "~J [,] led|headed|spearheaded|steered|coordinated by <A:Company>",
                     [.rel("LEADS", "A", "J", [("area", .slot("J"))])]),
    ]

    // MARK: PARTICIPATES_IN and TARGETS (joint projects)
    static let projectHead = "project|projects|programme|program|platform|venture|initiative|plan|scheme"
    static let jointRules: [RelationRule] = [
        RelationRule("joint.context-market", "one|another|other|second|third|first|last|fourth|fifth __5 concern*|focus*|involv*|cover*|target*|aim*|dedicat*|devot*|address* __5 <M:Market>",
                     [.relate("PARTICIPATES_IN", from: .participants, to: .derived(label: "Project", template: "{} project", slot: "M"), properties: []),
                      .relate("TARGETS", from: .derived(label: "Project", template: "{} project", slot: "M"), to: .slot("M"), properties: [])]),
        RelationRule("joint.context-project", "one|another|other|second|third|first|last|fourth|fifth __5 concern*|focus*|involv*|cover*|dedicat*|devot*|address* [on|to|with] ~J",
                     [.relate("PARTICIPATES_IN", from: .participants, to: .slot("J"), properties: [])]),
        RelationRule("joint.take-part", "<A+:Company|Organization> __4 ( tak* part in | took part in | participat* in | contribut* to | involved in | join | joins | joined | joining | sign* up to | signed up to | sign* on to | collaborat* on | cooperat* on | co develop* | jointly develop* | jointly work on | jointly build | develop* jointly ) ~J+",
                     [.rel("PARTICIPATES_IN", "A", "J")]),
        RelationRule("joint.share-project", "<A+:Company|Organization> __3 share|shares|run|runs|operate|operates|manage|manages|own|owns|develop|develops ~J=\(projectHead)",
                     [.rel("PARTICIPATES_IN", "A", "J")]),
        RelationRule("joint.extend-to", "<A+:Company> __4 extend*|expand*|broaden*|widen* \(its) cooperation|collaboration|partnership|alliance|work|ties to ~J+",
                     [.rel("PARTICIPATES_IN", "A", "J")]),
        RelationRule("joint.supply-to", "\(subject("A", "Company")) __4 supply|supplies|provide|provides|license|licenses|share|shares [the] <J:Project> to|with <B+:Company> [...10 in <M+:Market>]",
                     [.rel("PARTICIPATES_IN", "B", "J"), .rel("TARGETS", "J", "M")]),
        RelationRule("joint.project-involving", "<J:Project> __4 ( involving | between | among | bringing together | grouping | uniting ) <A+:Company>",
                     [.rel("PARTICIPATES_IN", "A", "J")]),
        RelationRule("joint.collaborate", "<A+:Company> __6 collaborat*|cooperat*|working|work|works|team*|partner* ...12 project*|programme*|programs|initiative*|venture*|synerg* [ ...8 ( with the help of | together with | along with | alongside | with ) <C+:Company> ]",
                     [.rememberParticipants(["A", "C"])]),
        RelationRule("joint.agreed-projects", "<A+:Company> __6 agree*|approv*|launch*|announc*|unveil*|sign*|plan*|pursu*|green __6 joint|common|shared project*|programme*|programs|initiative*|venture*",
                     [.rememberParticipants(["A"])]),
        RelationRule("targets.project-exports", "<J:Project> [ , a|an __3 that|which ] [will] [also] export*|ship*|sell*|sells|supply|supplies|deliver*|distribut* ...8 to|in|into <M+:Market>",
                     [.rel("TARGETS", "J", "M")]),
        RelationRule("targets.phrase-exports", "~J=\(projectHead) [ , a|an __3 that|which ] [will] [also] export*|ship*|sell*|sells|supply|supplies|deliver*|distribut* ...8 to|in|into <M+:Market>",
                     [.rel("TARGETS", "J", "M")]),
        RelationRule("targets.project-market", "<J:Project> __4 ( target* | aim* at | focus* on | serv* | dedicated to | address* | cater* to | designed for | intended for | destined for | for ) <M+:Market>",
                     [.rel("TARGETS", "J", "M")]),
    ]

    // MARK: OPERATES_IN
    static let operateVerb = "operat*|present|presence|active|sell*|sold|sales|manufactur*|produc*|assembl*|build*|built|make|makes|made|plant*|factor*|facilit*|dominat*|expand*|expansion|launch*|deploy*|deliver*|run|runs|ran|running|fly|flies|flew|flights|offer*|push*|do|does|doing|business|trading|trades"
    static let operatesRules: [RelationRule] = [
        RelationRule("operates.verb-in", "<A+:Company|Organization> APPOS [,] [which|who|that] __6 \(operateVerb) __8 in|into|across|throughout|to <M+:Market> [ ...10 ( and in | and will later expand to | and later to | and then to | and to | and will expand to | and expand to | and into ) <N+:Market> ]",
                     [.rel("OPERATES_IN", "A", "M"), .rel("OPERATES_IN", "A", "N")]),
        RelationRule("operates.verb-market", "\(subject("A", "Company|Organization")) __5 cover*|serv*|enter*|entered|dominat*|lead|leads|led [the] <M+:Market>",
                     [.rel("OPERATES_IN", "A", "M")]),
        RelationRule("operates.leader-in", "\(subject("A", "Company|Organization")) __3 is|was|remains|became|becomes|be [the|a] [second|third|fourth] __2 largest|biggest|leading|top|dominant|market|number|major __3 carmaker|maker|seller|player|automaker|company|brand|producer|manufacturer|airline|leader|carrier|group|conglomerate ...4 in <M+:Market>",
                     [.rel("OPERATES_IN", "A", "M")]),
        RelationRule("operates.market-poss", "<A:Company|Organization> , <M:Market's> largest|biggest|leading|top|second|main",
                     [.rel("OPERATES_IN", "A", "M")]),
        RelationRule("operates.its-market", "<A:Company|Organization> ...3 in <M:Market> , <Z:Company|Organization's> largest|biggest|main|key|most|home|second __2 market",
                     [.rel("OPERATES_IN", "A", "M")]),
        RelationRule("operates.count-among", "<A+:Company|Organization> __3 count <M+:Market> among \(its) __2 markets",
                     [.rel("OPERATES_IN", "A", "M")]),
        RelationRule("operates.poss-plants", "<A:Company|Organization's> __3 ( plant* | factor* | operations | business | businesses | sales | subsidiary | presence | market share ) in <M+:Market>",
                     [.rel("OPERATES_IN", "A", "M")]),
    ]

    // MARK: SUBSIDIARY_OF
    static let subsidiaryRules: [RelationRule] = [
        RelationRule("sub.appositive-poss", "<A:Company> , <B:Company's> __4 \(unitNoun)",
                     [.rel("SUBSIDIARY_OF", "A", "B")]),
        RelationRule("sub.poss-unit-name", "<B:Company's> __4 \(unitNoun) [,] [called|named|dubbed] <A:Company>",
                     [.rel("SUBSIDIARY_OF", "A", "B")]),
        RelationRule("sub.unit-of", "<A+:Company> [,] [which|who|that] __7 subsidiary|subsidiaries|unit|units|division|divisions|arm|affiliate|affiliates|spinoff|offshoot of <B:Company>",
                     [.rel("SUBSIDIARY_OF", "A", "B")]),
        RelationRule("sub.members-of-company", "<A+:Company> __5 airlines|brands|carmakers|companies|members of <B:Company>",
                     [.rel("SUBSIDIARY_OF", "A", "B")]),
        RelationRule("sub.owned-by", "<A:Company> , a|an __4 owned|controlled by <B:Company>",
                     [.rel("SUBSIDIARY_OF", "A", "B")]),
        RelationRule("sub.wholly-owned", "<A:Company> [,] __3 wholly|fully|entirely owned by <B:Company>",
                     [.rel("SUBSIDIARY_OF", "A", "B")]),
        RelationRule("sub.has-owned", "\(subject("B", "Company")) __2 ( has owned | owns | has controlled | controls | fully owns | wholly owns | has fully owned ) <A:Company>",
                     [.rel("SUBSIDIARY_OF", "A", "B")]),
        RelationRule("sub.split-into", "split*|divid*|carv*|separat*|break*|breaking [out|up] <B:Company> into ...10 called|named|dubbed <A:Company>",
                     [.rel("SUBSIDIARY_OF", "A", "B")]),
        RelationRule("sub.split-subject", "<B:Company> __6 split*|divid*|carv*|separat*|reorganis*|reorganiz*|break* ...10 called|named|dubbed <A:Company>",
                     [.rel("SUBSIDIARY_OF", "A", "B")]),
        RelationRule("sub.created-unit", "<B:Company> __6 creat*|set|sets|launch*|establish*|form*|spun|spin|spins __6 \(unitNoun) [,] called|named|dubbed <A:Company>",
                     [.rel("SUBSIDIARY_OF", "A", "B")]),
    ]

    // MARK: INVESTS_IN
    static let investNoun = "invest|invests|investing|investment|investments"
    static let investRules: [RelationRule] = [
        RelationRule("invest.considering", "\(subject("A", "Company")) __5 ( consider* | mull* | weigh* | explor* | evaluat* | study* | studies | plan* | intend* | hope* | seek* | look* to | in talks | negotiat* | could | should | may | might | would | expected to | wants to | propos* | mooted ) __4 [$M] [equity|cash|capital|additional|further|new] \(investNoun) [of] [$M] __3 in|into <B:Company|Project>",
                     [.rel("INVESTS_IN", "A", "B", moneyProps + [("status", .text("considering"))])]),
        RelationRule("invest.agreed", "\(subject("A", "Company")) __5 ( will | agree* | commit* | pledg* | promis* | is to | are to | set to | decid* | sign* | approv* | announc* | confirm* ) __4 [$M] [equity|cash|capital|additional|further|new] \(investNoun) [of] [$M] __3 in|into <B:Company|Project>",
                     [.rel("INVESTS_IN", "A", "B", moneyProps + [("status", .text("agreed"))])]),
        RelationRule("invest.completed", "\(subject("A", "Company")) __4 ( invested | has invested | have invested | had invested | poured | pumped | injected | complet* __3 investment | made __3 investment | finalis* __3 investment | finaliz* __3 investment ) [of] [$M] __3 in|into <B:Company|Project>",
                     [.rel("INVESTS_IN", "A", "B", moneyProps + [("status", .text("completed"))])]),
        RelationRule("invest.buy-shares", "\(subject("A", "Company")) __4 buy|purchase|acquire|subscribe [to] [additional|new|more] <B:Company> shares|stock [worth] [$M]",
                     [.rel("INVESTS_IN", "A", "B", moneyProps + [("status", .text("agreed"))])]),
        RelationRule("invest.spend-on", "\(subject("A", "Company")) __4 spend|spends|pay|pays $M on|for [the] [additional|new|further] <B:Company> shares|stake|stock",
                     [.rel("INVESTS_IN", "A", "B", moneyProps + [("status", .text("agreed"))])]),
        RelationRule("invest.bought-for", "\(subject("A", "Company")) ...10 \(boughtVerb) <B:Company> [from <C:Company>] for $M",
                     [.rel("INVESTS_IN", "A", "B", moneyProps + [("status", .text("completed"))])]),
        RelationRule("invest.stake-built", "\(subject("A", "Company")) __4 %P of <B:Company> , [a|the] stake that|which ...4 built|bought|acquired|assembled ...6 for $M",
                     [.rel("INVESTS_IN", "A", "B", moneyProps + [("status", .text("completed"))])]),
        RelationRule("invest.which-bought", "<B:Company> , which <A:Company> \(boughtVerb)",
                     [.rel("INVESTS_IN", "A", "B", [("status", .text("completed"))])]),
        RelationRule("invest.bought-pct", "\(subject("A", "Company")) __3 \(boughtVerb) %P of <B:Company>",
                     [.rel("INVESTS_IN", "A", "B", [("status", .text("completed"))])]),
        RelationRule("invest.amount", "\(subject("A", "Company")) __4 invest|invests|investing|investment|put|puts $M __3 in|into <B:Company|Project>",
                     [.rel("INVESTS_IN", "A", "B", moneyProps)]),
        RelationRule("invest.generic", "\(subject("A", "Company")) __4 \(investNoun) __3 in|into <B:Company|Project>",
                     [.rel("INVESTS_IN", "A", "B")]),
    ]

    // MARK: MERGES_WITH
    static let mergeRules: [RelationRule] = [
        RelationRule("merge.abandoned", "<A+:Company> __6 ( abandon* | call* off | scrap* | end | ended | ends | terminat* | drop* | walk* away from | pull* out of | broke off | break off | breaking off ) __4 merger|merge|merging|talks|negotiations|combination|tie [up] [ ...4 with <B:Company> ]",
                     [.rel("MERGES_WITH", "A", "B", [("status", .text("abandoned"))]),
                      .pairwise("MERGES_WITH", slot: "A", properties: [RuleProperty("status", .text("abandoned"))])]),
        RelationRule("merge.talks-collapsed", "merger|merge|combination talks|negotiations|discussions between|with <A+:Company> __4 ( collaps* | ended | failed | fell through | broke down | were called off | were abandoned | were scrapped )",
                     [.pairwise("MERGES_WITH", slot: "A", properties: [RuleProperty("status", .text("abandoned"))])]),
        RelationRule("merge.completed", "<A+:Company> __4 ( merged | complet* __3 merger | finalis* __3 merger | finaliz* __3 merger | closed __3 merger ) [ with <B:Company> ]",
                     [.rel("MERGES_WITH", "A", "B", [("status", .text("completed"))]),
                      .pairwise("MERGES_WITH", slot: "A", properties: [RuleProperty("status", .text("completed"))])]),
        RelationRule("merge.agreed", "<A+:Company> __4 agree*|sign*|approv*|announc*|decid*|clinch*|struck|strike __4 ( to merge | merger | to combine | combination | merger agreement | merger deal ) [ ...3 with <B:Company> ]",
                     [.rel("MERGES_WITH", "A", "B", [("status", .text("agreed"))]),
                      .pairwise("MERGES_WITH", slot: "A", properties: [RuleProperty("status", .text("agreed"))])]),
        RelationRule("merge.talks-between", "merger|merge|combination talks|negotiations|discussions between|with|involving <A+:Company>",
                     [.pairwise("MERGES_WITH", slot: "A", properties: [RuleProperty("status", .text("talks"))])]),
        RelationRule("merge.talks", "<A+:Company> __6 talks|negotiations|discussions|discuss*|negotiat*|explor*|consider*|mull*|weigh*|studying|study __4 merg*|combin*|combination|tie [up] [ ...3 with <B:Company> ]",
                     [.rel("MERGES_WITH", "A", "B", [("status", .text("talks"))]),
                      .pairwise("MERGES_WITH", slot: "A", properties: [RuleProperty("status", .text("talks"))])]),
        RelationRule("merge.talks-with", "<A:Company> __4 talks|negotiations|discussions with <B:Company> __4 merg*|combin*|combination",
                     [.rel("MERGES_WITH", "A", "B", [("status", .text("talks"))])]),
    ]

    // MARK: PARTNERS_WITH
    static let partnerRules: [RelationRule] = [
        RelationRule("partner.with", "\(subject("A", "Company")) __6 ( partner* | team* up | ally | allied | allies | tie up | tied up | ties up | join* forces | sign* __3 partnership | sign* __3 alliance | sign* __3 agreement | sign* __3 deal | sign* __3 pact | form* __3 partnership | form* __3 alliance | collaborat* | cooperat* | work* together | working together ) __3 with <B:Company>",
                     [.rel("PARTNERS_WITH", "A", "B")]),
        RelationRule("partner.between", "partnership|alliance|collaboration|cooperation|tie|pact|agreement|ties [up] between <A+:Company>",
                     [.pairwise("PARTNERS_WITH", slot: "A", properties: [])]),
        RelationRule("partner.formed", "<A+:Company> __4 form*|creat*|set|launch*|sign*|struck|strike|announc*|establish*|seal*|forge*|forging __3 partnership|alliance|collaboration|tie|pact|cooperation|agreement|deal|memorandum",
                     [.pairwise("PARTNERS_WITH", slot: "A", properties: [])]),
        RelationRule("partner.are-partners", "<A+:Company> __3 ( are | became | become | have been | were | remain ) partners|allies",
                     [.pairwise("PARTNERS_WITH", slot: "A", properties: [])]),
        RelationRule("partner.cooperate-on", "<A+:Company> __3 cooperat*|collaborat* on|in",
                     [.pairwise("PARTNERS_WITH", slot: "A", properties: [])]),
        RelationRule("partner.their-partnership", "<A+:Company> ...4 their partnership|alliance|cooperation|collaboration|tie",
                     [.pairwise("PARTNERS_WITH", slot: "A", properties: [])]),
        RelationRule("partner.deepening", "<A+:Company> ...6 ( tightening | turning | expanding | deepening | strengthening | extending | widening ) [a|an|the|their] __3 partnership|alliance|ties",
                     [.pairwise("PARTNERS_WITH", slot: "A", properties: [])]),
        RelationRule("partner.the-partnership-with", "<A:Company> ...10 \(its) partnership|alliance|cooperation|ties with <B:Company>",
                     [.rel("PARTNERS_WITH", "A", "B")]),
    ]

    // MARK: node properties
    static let attributeRules: [RelationRule] = [
        RelationRule("attr.employees", "<A:Company|Organization> ...12 employ*|employs|has|have|counts|count|with __2 #N people|employees|workers|staff|persons",
                     [.attribute(slot: "A", key: "employees", value: .slot("N"))]),
        RelationRule("attr.workforce", "<A:Company|Organization's> __2 workforce|staff of #N",
                     [.attribute(slot: "A", key: "employees", value: .slot("N"))]),
        RelationRule("attr.plants", "<A:Company|Organization> ...16 operat*|has|have|runs|run|own*|with __2 #N [manufacturing|production|assembly|car|vehicle] plants|factories|sites|facilities",
                     [.attribute(slot: "A", key: "plants", value: .slot("N"))]),
    ]
}
