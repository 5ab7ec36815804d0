import Testing

@testable import Triangulate
import TriangulateModel

/// How news names the people and bodies that speak: an age in commas, a name in commas after a role, a surname two
/// people share, "police said". Sentences written here.
@Suite("Quote speakers named the news way")
struct QuoteNamingTests {
    @Test func anAgeInCommasDoesNotHideTheSpeaker() {
        let notes = Fixtures.annotate(paragraphs: [
            "\u{201C}We lost everything in one night,\u{201D} Dorrit Quell, 42, said as the water receded.",
            "The seawall failed near the ferry landing, said Ambrin Tolliver, 35, who runs the ferry.",
            "\u{201C}Nobody warned us about the seawall,\u{201D} he said.",
        ])
        #expect(speaker(notes, "lost everything") == "Dorrit Quell")
        #expect(speaker(notes, "Nobody warned us") == "Ambrin Tolliver")
        #expect(notes.people.contains { $0.name == "Dorrit Quell" })
    }

    @Test func aSharedSurnameIsThePersonNamedLast() {
        let notes = Fixtures.annotate(paragraphs: [
            "\u{201C}They closed the clinic without asking anyone,\u{201D} Oren Maddox, 19, said outside the building.",
            "City Councilwoman Pell Maddox, who represents the district, criticized the closure on Tuesday.",
            "\u{201C}This decision has to be reversed,\u{201D} Maddox said.",
        ])
        #expect(speaker(notes, "closed the clinic") == "Oren Maddox")
        #expect(speaker(notes, "has to be reversed") == "Pell Maddox")
    }

    @Test func policeSpeakForTheirForceNotTheLastOrganizationNamed() {
        let named = Fixtures.annotate(paragraphs: [
            "The Harlow County Police Department sent two units to the quarry on Sunday.",
            "Videos of the arrest were shared widely on Twitter by Monday.",
            "\u{201C}Stay on the ground and keep your hands visible,\u{201D} police said, according to a witness.",
        ])
        #expect(speaker(named, "Stay on the ground") == "Harlow County Police Department")
        let unnamed = Fixtures.annotate(paragraphs: [
            "Videos of the arrest were shared widely on Twitter by Monday.",
            "\u{201C}Stay on the ground and keep your hands visible,\u{201D} police said, according to a witness.",
        ])
        #expect(speaker(unnamed, "Stay on the ground") == "Police")
    }

    @Test func aNameInCommasAfterARoleSpeaksLater() {
        let notes = Fixtures.annotate(paragraphs: [
            "\u{201C}See that truck?\u{201D} said Edris Vantongeren, 39, who was waiting at the counter.",
            "His barber, Tobiah Stone, also retired, agreed.",
            "\u{201C}They park wherever they like,\u{201D} he said.",
        ])
        #expect(speaker(notes, "park wherever") == "Tobiah Stone")
    }

    /// Marks as plain-text copies type them: a straight mark that closes a quote begun a paragraph earlier, and two
    /// apostrophes for an opening double mark.
    @Test func plainTextQuoteMarksKeepTheirSpeakers() {
        let straight = Fixtures.annotate(paragraphs: [
            "\"Job done.",
            "That is all I will say, \"Varnell said.",
            "\"Next week the work gets harder. \"",
        ])
        #expect(speaker(straight, "all I will say") == "Varnell")
        #expect(speaker(straight, "gets harder") == "Varnell")
        let doubled = Fixtures.annotate(paragraphs: [
            "''We missed every chance we had,\u{201D} coach Idris Varnell said.",
            "''We wanted to finish it early.",
            "That was the time to do it.\u{201D}",
        ])
        #expect(speaker(doubled, "finish it early") == "Idris Varnell")
        #expect(speaker(doubled, "time to do it") == "Idris Varnell")
        #expect(doubled.quotes.allSatisfy { !$0.text.hasPrefix("'") })
    }

    /// A straight mark whose words after it are only an attribution closes the quote a paragraph before opened, even
    /// when the attribution holds an appositive or a longer subject ("a harbor official", "Brann, the mayor,").
    @Test func aStraightMarkBeforeALongAttributionCloses() {
        let notes = Fixtures.annotate(paragraphs: [
            "Mayor Tilde Brann visited the flooded pier on Friday.",
            "\"The families need dry beds tonight.",
            "They lost their homes in an hour.",
            "Nobody should sleep in a car this week, \"Brann, the mayor, said.",
            "\"We moved the boats before dawn.",
            "It was the only choice we had, \"one harbor official told reporters.",
        ])
        #expect(speaker(notes, "dry beds") == "Tilde Brann")
        #expect(speaker(notes, "sleep in a car") == "Tilde Brann")
        #expect(!notes.quotes.contains { $0.text.contains("the mayor, said") })
        #expect(!notes.quotes.contains { $0.text.hasPrefix("one harbor official") })
    }

    /// A curly opening mark typed where a closing one belongs: it closes the quote an earlier paragraph opened, or the
    /// one its own paragraph opened, and the words after it are the attribution, not a new quote. After "he said," the
    /// same mark opens a quote.
    @Test func aCurlyMarkTypedTheWrongWayCloses() {
        let notes = Fixtures.annotate(paragraphs: [
            "Coach Halvard Quist spoke after the loss in Dunmore.",
            "\u{201C}We had the lead at half time.",
            "We threw it away in ten minutes, \u{201C}said Quist.",
            "\u{201C}She never missed a rehearsal, \u{201C}a friend of the singer said.",
            "Quist said, \u{201C}We told them to slow down.",
            "Nobody listened to us.\u{201D}",
        ])
        #expect(speaker(notes, "threw it away") == "Halvard Quist")
        #expect(!notes.quotes.contains { $0.text.contains("said Quist") })
        #expect(quote(notes, "never missed a rehearsal") != nil)
        #expect(speaker(notes, "never missed a rehearsal") == nil)
        #expect(!notes.quotes.contains { $0.text.contains("a friend of the singer") })
        #expect(speaker(notes, "slow down") == "Halvard Quist")
        #expect(speaker(notes, "Nobody listened") == "Halvard Quist")
    }

    /// "the evangelist said" when nobody in the article is given that role: the person quoted just before, named
    /// first and then referred back to; not when the role belongs to someone named, nor after a paragraph gap.
    @Test func aRoleNobodyHoldsRefersBackToThePersonJustQuoted() {
        let notes = Fixtures.annotate(paragraphs: [
            "\u{201C}We will rebuild the chapel before winter,\u{201D} said Corwin Adeyemi, who leads the relief group.",
            "\u{201C}Every family here lost something this week,\u{201D} the evangelist said.",
            "Pastor Lise Moravec of the valley church arrived on Sunday.",
            "\u{201C}The roof can wait until spring,\u{201D} Adeyemi said.",
            "\u{201C}We will hold services in the barn,\u{201D} the pastor said.",
        ])
        #expect(speaker(notes, "lost something") == "Corwin Adeyemi")
        #expect(speaker(notes, "services in the barn") == "Lise Moravec")
        let gap = Fixtures.annotate(paragraphs: [
            "\u{201C}We will rebuild the chapel before winter,\u{201D} said Corwin Adeyemi.",
            "The storm flattened two barns and the school gym.",
            "Crews worked through the night to clear the roads.",
            "\u{201C}Every family here lost something this week,\u{201D} the evangelist said.",
        ])
        #expect(speaker(gap, "lost something") == nil)
    }

    /// "the company said" after a paragraph naming two organizations: the one that acts (a subject), not the one a
    /// preposition governs.
    @Test func theCompanyIsTheOrganizationThatActs() {
        let notes = Fixtures.annotate(paragraphs: [
            "While Halvard Systems Inc. says it has seen attacks aimed at the Orbis Foundation, the flaw affects others.",
            "\u{201C}This issue could allow remote code execution on any machine,\u{201D} the company explained.",
        ])
        #expect(speaker(notes, "remote code execution") == "Halvard Systems Inc.")
    }

    /// People who go by one name, named after a role or described by an appositive with an article, are people:
    /// "he said" after them is theirs.
    @Test func aOneNamePersonAfterARoleSpeaks() {
        let notes = Fixtures.annotate(paragraphs: [
            "Flooding cut the coast road on Tuesday, said provincial agency spokesman Darmadi Wirya.",
            "In one village a bridge collapsed under a truck, said disaster agency official Harsono.",
            "\u{201C}The driver climbed out through the window before it sank,\u{201D} he said.",
            "Suyatmi, an official from the local clinic, told reporters two people were treated.",
            "\u{201C}Both of them went home the same evening,\u{201D} she said.",
        ])
        #expect(notes.people.contains { $0.name == "Harsono" })
        #expect(notes.people.contains { $0.name == "Suyatmi" })
        #expect(speaker(notes, "climbed out through the window") == "Harsono")
        #expect(speaker(notes, "went home the same evening") == "Suyatmi")
    }

    /// A surname that is also a common word ("Young", "Read"), capitalized inside a sentence after the article named
    /// its bearer, is that person.
    @Test func aSurnameThatIsACommonWordIsThePersonNamedBefore() {
        let notes = Fixtures.annotate(paragraphs: [
            "Chief executive Orla Young announced the purchase on Wednesday.",
            "In the call with analysts, Young reiterated that the company was \u{201C}seizing the moment\u{201D} in servers.",
        ])
        #expect(speaker(notes, "seizing the moment") == "Orla Young")
    }

    /// A quote whose closing mark was left out ends where its last sentence turns into an attribution: the words
    /// after the comma are not quoted, and the person they name speaks, in the next paragraph too.
    @Test func aMissingClosingMarkBeforeAnAttributionClosesTheQuote() {
        let notes = Fixtures.annotate(paragraphs: [
            "\u{201C}Every version of the browser is affected, Ada Ruiz, head of research at Tarn Labs, says.",
            "\u{201C}Install the workaround today and the patch when it ships.\u{201D}",
        ])
        let first = notes.quotes.first { $0.text.contains("Every version") }
        #expect(first?.text.contains("Ruiz") == false)
        #expect(first?.speaker == "Ada Ruiz")
        #expect(speaker(notes, "Install the workaround") == "Ada Ruiz")
    }

    /// One unknown word that speaks, with no first name, title or role and never the end of a longer name, is an
    /// organization ("the company" is it); a surname whose first name the gazetteer lacks stays a person's.
    @Test func aBareNameThatSpeaksIsAnOrganizationUnlessItEndsAName() {
        let notes = Fixtures.annotate(paragraphs: [
            "While Halvard says it has seen attacks aimed at the browser, the flaw affects every version.",
            "\u{201C}This issue could allow remote code execution on any machine,\u{201D} the company explained.",
            "The trial of 16-year-old Jermayne Wittock opened on Tuesday.",
            "Later that night Wittock told police he had fired once.",
        ])
        #expect(notes.organizations.contains { $0.name == "Halvard" })
        #expect(speaker(notes, "remote code execution") == "Halvard")
        #expect(!notes.organizations.contains { $0.name.contains("Wittock") })
    }

    /// A quote left open runs on: a later paragraph that opens a quote again is the same speaker's, unless a
    /// paragraph between them reports someone else's speech.
    @Test func aQuoteLeftOpenRunsOnUntilSomeoneElseSpeaks() {
        let notes = Fixtures.annotate(paragraphs: [
            "\u{201C}It is an honor to stand next to him,\u{201D} Ravi Okonjo said.",
            "\u{201C}When I watch how hard he works, I see what I tried to do.",
            "As a player I was quick, I will say that.",
            "\u{201C}The only thing I had was a great coach.\u{201D}",
            "Analyst Mirela Statham said, \u{201C}the deal will open doors for rivals.",
            "However, Okonjo said there would be no change to the roster.",
            "\u{201C}We will keep every player we have.",
            "Nobody is leaving this winter,\u{201D} he said.",
        ])
        #expect(speaker(notes, "great coach") == "Ravi Okonjo")
        #expect(speaker(notes, "keep every player") == "Ravi Okonjo")
    }
}
