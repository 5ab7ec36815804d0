import Testing

@testable import Triangulate
import TriangulateText

@Suite("People, organizations, places, products")
struct EntityTests {
    func person(_ notes: Annotations, _ name: String) -> Person? { notes.people.first { $0.name == name } }

    @Test func rolesFromTitlesPartiesAndAppositives() throws {
        let notes = Fixtures.annotate(paragraphs: [
            "Representative Dana Whitlock (D-OH), chair of the House Transportation Committee, criticized the plan.",
            "Whitlock said the agency had ignored warnings.",
        ])
        let whitlock = try #require(person(notes, "Dana Whitlock"))
        #expect(whitlock.role == "Representative (D-OH), chair of the House Transportation Committee")
        #expect(whitlock.mentions == 2)
        #expect(notes.people.count == 1)
        #expect(notes.organizations.map(\.name).contains("House Transportation Committee"))
    }

    @Test func roleBeforeTheNameAndAfterIt() throws {
        let notes = Fixtures.annotate(paragraphs: [
            "Northwind CEO Priya Raman said the recall was voluntary.",
            "Marcus Bell, Senior Analyst at Harbor Street Research: \"The recall is bigger than it looks.\"",
            "Northwind's Director of Communications, Elena Sokolova said the company would cooperate.",
        ])
        #expect(person(notes, "Priya Raman")?.role == "Northwind CEO")
        #expect(person(notes, "Marcus Bell")?.role == "Senior Analyst at Harbor Street Research")
        #expect(person(notes, "Elena Sokolova")?.role == "Northwind's Director of Communications")
        let organizations = notes.organizations.map(\.name)
        #expect(organizations.contains("Northwind"))
        #expect(organizations.contains("Harbor Street Research"))
        #expect(!organizations.contains("Priya Raman"))
        #expect(notes.people.map(\.name).allSatisfy { $0 != "Northwind" })
    }

    @Test func aRoleBeforeTheNameStopsAtTheSentencesVerbs() {
        let notes = Fixtures.annotate(paragraphs: [
            "The gunman walked into the hall and shot and wounded District Judge Tomas Verhoeven on Friday.",
            "Kestrel president and chief executive Maria Baptiste said the plant would stay open.",
        ])
        #expect(person(notes, "Tomas Verhoeven")?.role == "District Judge")
        #expect(person(notes, "Maria Baptiste")?.role == "Kestrel president and chief executive")
    }

    @Test func honorificIsATitleNotARole() throws {
        let notes = Fixtures.annotate(paragraphs: [
            "Dr. Amara Okafor, a senior fellow at the Lakeside Institute, disagreed."
        ])
        let okafor = try #require(person(notes, "Amara Okafor"))
        #expect(okafor.title == "Dr.")
        #expect(okafor.role == "a senior fellow at the Lakeside Institute")
    }

    @Test func organizationsFromCuesSuffixesAndShortNames() {
        let notes = Fixtures.annotate(paragraphs: [
            "Shipping giant Korvella and Brightline Logistics Inc. signed the deal.",
            "A Korvella spokesperson declined to comment. Brightline shares rose.",
        ])
        let names = notes.organizations.map(\.name)
        #expect(names.contains("Korvella"))
        #expect(names.contains("Brightline Logistics Inc."))
        #expect(notes.people.isEmpty)
    }

    @Test func placesFromTheGazetteer() {
        let notes = Fixtures.annotate(paragraphs: [
            "Exports from Mexico to Ohio and Bavaria fell, while Singapore held steady."
        ])
        #expect(Set(notes.places.map(\.name)).isSuperset(of: ["Mexico", "Ohio", "Bavaria", "Singapore"]))
    }

    /// An unknown name after "in" is a place ("in Tarvik"), but not when it owns what follows ("in Halvard's browser").
    @Test func anOwnerAfterInIsNotAPlace() {
        let notes = Fixtures.annotate(paragraphs: [
            "Attackers used a flaw in Halvard's browser, and a second team worked in Tarvik overnight."
        ])
        let places = Set(notes.places.map(\.name))
        #expect(!places.contains("Halvard"))
        #expect(places.contains("Tarvik"))
    }

    @Test func productsWithModelNumbers() {
        let notes = Fixtures.annotate(paragraphs: [
            "The company will stop selling the ZX-9 Falcon and the Aero 5 sedan next year."
        ])
        let names = notes.products.map(\.name)
        #expect(names.contains("ZX-9 Falcon"))
        #expect(names.contains("Aero 5"))
    }

    @Test func sentenceInitialWordsAndDemonymsAreNotEntities() {
        let notes = Fixtures.annotate(paragraphs: [
            "However, Chinese regulators said nothing. Meanwhile the European market grew."
        ])
        #expect(notes.organizations.isEmpty)
        #expect(notes.people.isEmpty)
    }

    /// "Will Acme follow?": an auxiliary opening a question is not a first name; and "…the Drillco Atom, Vantoro CEO
    /// and co-founder Mira Sandoval said": the role belongs to the name after it, not to the name before the comma.
    @Test func questionAuxiliariesAndRolesOfTheNextNameDoNotMakePeople() {
        let notes = Fixtures.annotate(paragraphs: [
            "Will Corvane develop a similar design for its partners?",
            "Asked about chips like the Drillco Atom, Vantoro CEO and co-founder Mira Sandoval said she would keep them.",
            "Tamsin Orr, founder of advisory firm Orr Ventures, notes the risk.",
        ])
        let names = Set(notes.people.map(\.name))
        #expect(!names.contains("Will Corvane"))
        #expect(!names.contains("Drillco Atom"))
        #expect(names.contains("Mira Sandoval"))
        #expect(notes.people.first { $0.name == "Tamsin Orr" }?.role?.contains("founder") == true)
    }

    /// A weekday after a name ends the run before it: "Coach Ada Quist Saturday morning" names Ada Quist.
    @Test func aWeekdayEndsNoName() {
        let notes = Fixtures.annotate(paragraphs: [
            "The Carvel Otters fired Coach Ada Quist Saturday morning after a 9-14 start."
        ])
        #expect(person(notes, "Ada Quist") != nil)
        #expect(!notes.people.contains { $0.name.contains("Saturday") })
    }
}
