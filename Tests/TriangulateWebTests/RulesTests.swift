import Testing

@testable import TriangulateWeb

/// The fetcher's rules on their own: robots.txt matching and the address classes it refuses.
@Suite("Fetch rules")
struct RulesTests {
    @Test func robotsRulesMatchPrefixesWildcardsAndEnds() {
        let robots = Robots(
            """
            User-agent: otherbot
            Disallow: /

            User-agent: *
            Disallow: /private*
            Allow: /private/open
            Disallow: /*.pdf$
            Disallow: /drafts/*/edit
            """)
        #expect(!robots.allows("/private/report") && !robots.allows("/privateer"))
        #expect(robots.allows("/private/open/page"))
        #expect(!robots.allows("/files/a.pdf") && robots.allows("/files/a.pdf?x=1"))
        #expect(!robots.allows("/drafts/7/edit") && robots.allows("/drafts/7/view"))
        #expect(robots.allows("/news/today"))
        #expect(!Robots("User-agent: *\nDisallow: *\n").allows("/anything"))
        #expect(!Robots("User-agent: triangulate\nDisallow: /\n\nUser-agent: *\nAllow: /\n").allows("/a"))
        #expect(Robots("User-agent: *\nDisallow:\n").allows("/a"))
    }

    @Test func addressesThatReachTheMachineOrItsNetworkAreRefused() {
        for address in [
            "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
            "224.0.0.1", "255.255.255.255", "198.18.0.1", "192.0.0.8", "::1", "::", "fc00::1", "fe80::1", "fec0::1",
            "ff02::1", "::ffff:127.0.0.1", "::127.0.0.1", "64:ff9b::a00:1", "2002:a00:1::1",
        ] {
            #expect(AddressPolicy.refusal(address) != nil, "\(address)")
        }
        for address in ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "2002:5db8:d822::1", "172.32.0.1"] {
            #expect(AddressPolicy.refusal(address) == nil, "\(address)")
        }
    }
}
