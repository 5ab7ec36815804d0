import Testing

@testable import Triangulate
import TriangulateText

@Suite("Quantities and dates")
struct QuantityDateTests {
    @Test func moneyPercentAndCounts() {
        let notes = Fixtures.annotate(paragraphs: [
            "The city will spend $3.2 billion, about 12% more than planned, and hire four inspectors. "
                + "The fine was €120 million and 1,200 workers lost pay worth $45,000 each. Growth was 4.5 percent."
        ])
        let found = notes.quantities.map { "\($0.text)=\(JSONWriter.format($0.value)) \($0.unit)" }
        #expect(
            found == [
                "$3.2 billion=3200000000 USD", "12%=12 percent", "four inspectors=4 inspectors",
                "€120 million=120000000 EUR",
                "1,200 workers=1200 workers", "$45,000=45000 USD", "4.5 percent=4.5 percent",
            ])
        #expect(notes.quantities[1].qualifier == "about")
    }

    @Test func voteTalliesScoresAndRangesAreNumbers() throws {
        let notes = Fixtures.annotate(paragraphs: [
            "The House passed it in a 348-77 vote and the Senate passed it 88-11. The talks could take 3-5 years. "
                + "The plan covers 2019-2024."
        ])
        let found = notes.quantities.map { quantity in
            let upper = quantity.upper.map(JSONWriter.format) ?? "-"
            return "\(quantity.text)=\(JSONWriter.format(quantity.value))…\(upper) \(quantity.unit)"
        }
        #expect(found == ["348-77=348…77 tally", "88-11=88…11 tally", "3-5 years=3…5 years"])
        let tally = { (text: String) in notes.quantities.first { $0.text == text } }
        let vote = try #require(tally("348-77"))
        var other = vote
        other.upper = 78
        #expect(QuantityAgreement.agree(vote, vote))
        #expect(!QuantityAgreement.agree(vote, other))
    }

    /// "7:41 left" is a clock, not 41 of something; the figure after it still counts.
    @Test func aClockTimeIsNotACount() {
        let notes = Fixtures.annotate(paragraphs: [
            "Reyes banked in a shot with 7:41 left in the half and grabbed 12 rebounds at the 3:1 odds."
        ])
        #expect(notes.quantities.map(\.text) == ["12 rebounds"])
    }

    @Test func hugeAndOddFiguresDoNotTrap() {
        let notes = Fixtures.annotate(paragraphs: [
            "Officials counted 10000000000000000000 votes on 99999999999999999999 March, a 99999999999999999999-1 tally, "
                + "then 0-0, 5- and -5, and 1234567-89 ballots."
        ])
        #expect(notes.quantities.contains { $0.text == "0-0" && $0.unit == "tally" })
        #expect(!notes.quantities.contains { $0.text.hasPrefix("1234567-") })
        #expect(DateGrammar.dayNumber("99999999999999999999") == nil)
        #expect(DateGrammar.dayNumber("31st,") == 31)
    }

    @Test func roundedAndQualifiedFiguresAgreeWithExactOnes() {
        func quantity(_ value: Double, _ unit: String = "USD", _ qualifier: String? = nil) -> Quantity {
            Quantity(text: "", value: value, unit: unit, kind: .money, qualifier: qualifier, sentence: "")
        }
        #expect(QuantityAgreement.agree(quantity(52_000), quantity(52_420)))
        #expect(QuantityAgreement.agree(quantity(8_000, "USD", "over"), quantity(8_311.5)))
        #expect(!QuantityAgreement.agree(quantity(8_000, "USD", "over"), quantity(7_900)))
        // An open bound says only which side the value is on.
        #expect(QuantityAgreement.agree(quantity(30, "hours", "more than"), quantity(40, "hours")))
        #expect(!QuantityAgreement.agree(quantity(30, "hours", "more than"), quantity(25, "hours")))
        #expect(QuantityAgreement.agree(quantity(300, "people", "up to"), quantity(150, "people")))
        #expect(!QuantityAgreement.agree(quantity(300, "people", "nearly"), quantity(150, "people")))
        #expect(QuantityAgreement.agree(quantity(300, "people", "nearly"), quantity(291, "people")))
        #expect(!QuantityAgreement.agree(quantity(300, "people", "nearly"), quantity(305, "people")))
        #expect(!QuantityAgreement.agree(quantity(100, "percent"), quantity(145, "percent")))
        #expect(!QuantityAgreement.agree(quantity(2_000, "jobs"), quantity(5_000, "jobs")))
        #expect(!QuantityAgreement.agree(quantity(3, "counts"), quantity(4, "counts")))
        #expect(!QuantityAgreement.agree(quantity(52_000), quantity(52_000, "EUR")))
        // Two open bounds on one side are both true of a larger figure; on opposite sides they can disagree.
        #expect(QuantityAgreement.agree(quantity(40, "people", "at least"), quantity(50, "people", "more than")))
        #expect(QuantityAgreement.agree(quantity(40, "people", "fewer than"), quantity(25, "people", "up to")))
        #expect(!QuantityAgreement.agree(quantity(40, "people", "at least"), quantity(25, "people", "up to")))
        // "Nearly" stays close to its figure, and "about 100" is not 55, however round the figure is.
        #expect(!QuantityAgreement.agree(quantity(300_000, "comments", "nearly"), quantity(235_000, "comments")))
        #expect(QuantityAgreement.agree(quantity(300_000, "comments", "nearly"), quantity(285_000, "comments")))
        #expect(!QuantityAgreement.agree(quantity(100, "people", "about"), quantity(55, "people")))
        #expect(QuantityAgreement.agree(quantity(100, "people", "about"), quantity(90, "people")))
    }

    @Test func theCountedNounIsThePluralAfterItsModifiers() {
        let notes = Fixtures.annotate(paragraphs: [
            "Seven young children and three artillery shells were counted, and four consecutive life sentences "
                + "were handed down to two men."
        ])
        #expect(notes.quantities.map(\.unit) == ["children", "shells", "sentences", "men"])
        #expect(
            notes.quantities.map(\.text) == [
                "Seven young children", "three artillery shells", "four consecutive life sentences", "two men",
            ])
    }

    /// A nationality between a number and its plural does not hide the count ("two Kenyan tank shells"); a plural
    /// nationality is not a counted noun's modifier ("two Americans").
    @Test func aNationalityBeforeTheCountedNounKeepsTheCount() {
        let notes = Fixtures.annotate(paragraphs: [
            "Two Kenyan tank shells hit the depot, three Dutch engineers were hurt and two Americans helped them.",
            "The 2,000 Kenyan soldiers arrived in 2009 Kenyan elections.",
        ])
        #expect(
            notes.quantities.map(\.text) == [
                "Two Kenyan tank shells", "three Dutch engineers", "2,000 Kenyan soldiers",
            ])
        #expect(notes.quantities.map(\.unit) == ["shells", "engineers", "soldiers"])
        #expect(notes.quantities.map(\.value) == [2, 3, 2000])
    }

    /// A figure read on a scale takes the scale as its unit, whichever side it stands on and however it is joined:
    /// not the noun after it ("quakes"), and not lost inside a hyphenated word.
    @Test func aScaleIsTheFiguresUnit() {
        let notes = Fixtures.annotate(paragraphs: [
            "A magnitude-6.8 tremor shook the valley after 7.2 and 7.1 magnitude quakes hit the coast. "
                + "A 5.9-magnitude aftershock followed, then one of magnitude 5.4."
        ])
        let found = notes.quantities.map { "\(JSONWriter.format($0.value)) \($0.unit)" }
        #expect(found == ["6.8 magnitude", "7.2 magnitude", "7.1 magnitude", "5.9 magnitude", "5.4 magnitude"])
    }

    @Test func theDeadAndTheOthersArePeople() {
        let notes = Fixtures.annotate(paragraphs: [
            "Officials confirmed 12 dead and 30 wounded. Some 14 people were killed and 20 others were hurt."
        ])
        #expect(notes.quantities.map(\.unit) == ["people", "people", "people", "people"])
        #expect(notes.quantities.map(\.value) == [12, 30, 14, 20])
    }

    @Test func aParticipleAfterANumberIsNotWhatItCounts() {
        let notes = Fixtures.annotate(paragraphs: ["The jury split, with nine voting to convict and three remaining."])
        #expect(notes.quantities.isEmpty)
        let one = Fixtures.annotate(paragraphs: ["Only one building was left standing."])
        #expect(one.quantities.map(\.unit) == ["building"])
        let missing = Fixtures.annotate(paragraphs: ["Divers were still searching for 3 missing after the storm."])
        #expect(missing.quantities.map(\.unit) == ["people"])
        #expect(missing.quantities.map(\.value) == [3])
    }

    @Test func yearsAndNumberPhrasesAreNotCounts() {
        let notes = Fixtures.annotate(paragraphs: ["In 2024 one of the firms left. The Big Three met."])
        #expect(notes.quantities.isEmpty)
    }

    @Test func absoluteDates() {
        let notes = Fixtures.annotate(paragraphs: [
            "The report of January 31 was denied on February 2, 2026, and again on 3 March 2026."
        ])
        let dates = notes.dates.map { "\($0.text)=\($0.value?.iso ?? "nil")" }
        #expect(dates == ["January 31=--01-31", "February 2, 2026=2026-02-02", "3 March 2026=2026-03-03"])
        #expect(notes.dates[0].day == nil)
        #expect(notes.dates[1].day == CalendarDate(year: 2026, month: 2, day: 2))
    }

    @Test func relativeDatesResolveAgainstPublication() {
        // 2026-02-04 is a Wednesday.
        let published = CalendarDate(year: 2026, month: 2, day: 4)
        let notes = Fixtures.annotate(
            paragraphs: [
                "The board met on Monday and again yesterday. Sales fell last month and will grow this year. "
                    + "The talks began in December and the report of January 31 came over the weekend."
            ], published: published)
        let dates = Dictionary(notes.dates.map { ($0.text, $0.value?.iso ?? "nil") }, uniquingKeysWith: { a, _ in a })
        #expect(dates["Monday"] == "2026-02-02")
        #expect(dates["yesterday"] == "2026-02-03")
        #expect(dates["last month"] == "2026-01")
        #expect(dates["this year"] == "2026")
        #expect(dates["December"] == "2025-12")
        #expect(dates["January 31"] == "2026-01-31")
        #expect(dates["over the weekend"] == "2026-01-31")
    }

    @Test func relativeDatesStayUnresolvedWithoutPublication() {
        let notes = Fixtures.annotate(paragraphs: ["The board met on Monday and sales fell last month."])
        #expect(notes.dates.count == 2)
        #expect(notes.dates.allSatisfy { $0.value == nil && $0.relative })
    }

    @Test func calendarArithmetic() {
        let date = CalendarDate(year: 2024, month: 2, day: 28)
        #expect(date.adding(days: 1) == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(date.adding(days: 2) == CalendarDate(year: 2024, month: 3, day: 1))
        #expect(CalendarDate(year: 1970, month: 1, day: 1).weekday == 3)  // a Thursday
        #expect(!CalendarDate.isValid(year: 2025, month: 2, day: 29))
    }
}
