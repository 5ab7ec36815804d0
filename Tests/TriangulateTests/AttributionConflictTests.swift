import Testing

@testable import Triangulate

/// One quotation credited to different people by different outlets, on sentences written for this test (invented
/// outlets, people and events).
@Suite("Who said it")
struct AttributionConflictTests {
    static let quotation = "“We will rebuild the pier before the summer season begins,”"

    func story(_ texts: [[String]]) throws -> Story { try Fixtures.story(texts) }

    @Test func oneQuotationCreditedToTwoPeopleIsAConflict() throws {
        let story = try story([
            ["Storm Wrecks Harlow Pier", Self.quotation + " harbor commissioner Dana Whitlow said on Monday."],
            ["Harlow Vows To Rebuild", Self.quotation + " harbor commissioner Dana Pruett said on Monday."],
            ["Pier Repairs Planned", Self.quotation + " commissioner Dana Whitlow told reporters."],
        ])
        let conflict = try #require(story.conflicts.first { $0.kind == .attribution })
        #expect(conflict.positions.count == 2)
        #expect(conflict.positions.contains { $0.statement.hasSuffix("Dana Whitlow") && $0.sources == ["o1", "o3"] })
        #expect(conflict.positions.contains { $0.statement.hasSuffix("Dana Pruett") && $0.sources == ["o2"] })
    }

    @Test func theSameSpeakerEverywhereIsNoConflict() throws {
        let story = try story([
            ["Storm Wrecks Harlow Pier", Self.quotation + " harbor commissioner Dana Whitlow said on Monday."],
            ["Harlow Vows To Rebuild", Self.quotation + " Whitlow said."],
        ])
        #expect(!story.conflicts.contains { $0.kind == .attribution })
    }

    /// An outlet that names both people beside the words ("said commissioners A and B") takes no side, and a short
    /// phrase two people both say is not one quotation.
    @Test func anOutletNamingBothOrAShortPhraseIsNoConflict() throws {
        let both = try story([
            ["Storm Wrecks Harlow Pier", Self.quotation + " said commissioners Dana Whitlow and Ray Pruett."],
            ["Harlow Vows To Rebuild", Self.quotation + " commissioner Ray Pruett said."],
        ])
        // The first outlet's quote is credited to one of the two (the rule, not a missing speaker, keeps it out).
        #expect(both.quotes.contains { $0.speaker == "Dana Whitlow" && $0.sources == ["o1"] })
        #expect(!both.conflicts.contains { $0.kind == .attribution })
        let short = try story([
            ["Storm Wrecks Harlow Pier", "“We will rebuild,” harbor commissioner Dana Whitlow said on Monday."],
            ["Harlow Vows To Rebuild", "“We will rebuild,” Mayor Ray Pruett said on Monday."],
        ])
        #expect(!short.conflicts.contains { $0.kind == .attribution })
    }
}
