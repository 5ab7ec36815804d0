import Testing

@testable import Triangulate
import TriangulateText

/// Each debris rule: lines it must claim, and article lines it must leave alone.
@Suite("Debris rules")
struct DebrisRulesTests {
    func claims(_ rule: DebrisRule, _ text: String, title: String? = nil) -> Bool {
        rule.verdict(DebrisLine(text, title: title)) != nil
    }

    /// Sentences from ordinary reporting that no rule may claim.
    static let prose = [
        "The company said it would share more details about the plan with investors next week.",
        "Comments from the minister drew criticism from opposition lawmakers on Thursday.",
        "Shares of the firm fell 4% after the announcement.",
        "The photo agency said it had not licensed the image.",
        "Subscribers to the service will see prices rise by $2 a month, the company said.",
        "Sources close to the talks said a deal was unlikely before March.",
        "Reading the report takes about five minutes, analysts joked.",
        "Advertisement spending rose 8% last year, according to the trade group.",
    ]

    @Test(arguments: DebrisRules.all.map(\.name))
    func noRuleClaimsOrdinaryProse(_ name: String) throws {
        let rule = try #require(DebrisRules.all.first { $0.name == name })
        for line in Self.prose { #expect(!claims(rule, line), "\(name) claimed: \(line)") }
    }

    @Test func shareBar() {
        for line in [
            "Share:", "Share this article", "Share on Facebook", "Facebook Twitter Email", "Tweet · Share · Email",
        ] {
            #expect(claims(DebrisRules.shareBar, line), "\(line)")
        }
        #expect(!claims(DebrisRules.shareBar, "Facebook shares rose"))
    }

    @Test func commentWidget() {
        for line in [
            "Leave a Reply", "Leave a comment", "No comments yet. Be the first to comment!", "Loading comments...",
            "Loading comments…", "Comments", "Comments (14)", "0 Comments", "This Post Has 3 Comments", "12 responses",
            "Join the conversation", "Be the first to share your thoughts.",
        ] {
            #expect(claims(DebrisRules.commentWidget, line), "\(line)")
        }
        #expect(
            !claims(DebrisRules.commentWidget, "No comments were made by the ministry about the leaked draft budget."))
    }

    @Test func affiliateNotice() {
        for line in [
            "FTC: We use affiliate links to fund our work.",
            "We may earn a commission when you buy through links on our site.",
            "This post contains affiliate links.",
            "Disclosure: the author holds no shares.",
        ] {
            #expect(claims(DebrisRules.affiliateNotice, line), "\(line)")
        }
    }

    @Test func readTime() {
        for line in [
            "2 min read", "5 minute read", "Reading time: 3 minutes", "4 min", "3-minute read", "Two min read",
        ] {
            #expect(claims(DebrisRules.readTime, line), "\(line)")
        }
        #expect(!claims(DebrisRules.readTime, "The meeting lasted 40 minutes"))
    }

    @Test func tagLine() {
        for line in ["#Business", "#Energy #Climate", "Tags: ports, shipping, strikes", "Filed under: Markets"] {
            #expect(claims(DebrisRules.tagLine, line), "\(line)")
        }
        #expect(!claims(DebrisRules.tagLine, "#1 seed falls in the opening round of the tournament"))
    }

    @Test func repeatedHeadline() {
        let title = "Harbor Authority Approves New Terminal"
        #expect(claims(DebrisRules.repeatedHeadline, "Harbor Authority Approves New Terminal", title: title))
        #expect(claims(DebrisRules.repeatedHeadline, "harbor authority  approves new terminal", title: title))
        #expect(!claims(DebrisRules.repeatedHeadline, "Harbor Authority approves a new terminal plan", title: title))
        #expect(!claims(DebrisRules.repeatedHeadline, "Harbor Authority Approves New Terminal"))
    }

    @Test func subscriptionPrompt() {
        for line in [
            "Subscribe to our newsletter for daily updates", "Already a subscriber? Sign in",
            "Sign up for our morning briefing",
            "Support our journalism", "Newsletter", "Subscribe to continue reading",
        ] {
            #expect(claims(DebrisRules.subscriptionPrompt, line), "\(line)")
        }
    }

    @Test func photoCredit() {
        for line in [
            "Photo: Jane Doe / Harbor Ledger", "(Photo by Sam Lee/Northwind Images)", "Image credit: city council",
            "Illustration: staff", "Getty Images",
        ] {
            #expect(claims(DebrisRules.photoCredit, line), "\(line)")
        }
    }

    @Test func sourceCreditKeepsTheSource() {
        #expect(
            DebrisRules.sourceCredit.verdict(DebrisLine("Source: Coastal Wire Service"))
                == .credit("Coastal Wire Service"))
        #expect(
            DebrisRules.sourceCredit.verdict(DebrisLine("Sources: Port authority filings"))
                == .credit("Port authority filings"))
        #expect(
            DebrisRules.sourceCredit.verdict(
                DebrisLine("Source of the fire remains unknown, officials said on Tuesday.")) == nil)
    }

    @Test func advertisementRelatedFollowCopyrightURLSeparatorStaff() {
        #expect(claims(DebrisRules.advertisement, "Advertisement"))
        #expect(claims(DebrisRules.advertisement, "Story continues below advertisement"))
        #expect(claims(DebrisRules.relatedLinks, "Read more: Port strike enters second week"))
        #expect(claims(DebrisRules.relatedLinks, "Related: What the merger means for savers"))
        #expect(claims(DebrisRules.followPrompt, "Follow us on Mastodon for more"))
        #expect(claims(DebrisRules.copyrightNotice, "© 2026 Example Media. All rights reserved."))
        #expect(claims(DebrisRules.bareURL, "https://example.org/story/123"))
        #expect(!claims(DebrisRules.bareURL, "See https://example.org for the filing"))
        #expect(claims(DebrisRules.separator, "* * *"))
        #expect(claims(DebrisRules.separator, "———"))
        #expect(!claims(DebrisRules.separator, "2026"))
        #expect(claims(DebrisRules.staffCredit, "Reporting by Ana Ruiz; Editing by Tom Bell"))
    }

    @Test func everyRuleHasADistinctNameAndSummary() {
        let names = DebrisRules.all.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(DebrisRules.all.allSatisfy { !$0.summary.isEmpty })
    }
}
