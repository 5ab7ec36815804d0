import TriangulateText
/// When two printed numbers say the same thing: exact, or within the precision the rounder one is printed to, in the
/// direction its qualifier points ("$52,000" covers $52,420; "over $8,000" covers $8,311.50; "nearly 300" covers
/// 291 but not 305).
enum QuantityAgreement {
    static let lowerBounds: Set<String> = Lexicon.shared.words(.lowerBounds)
    static let upperBounds: Set<String> = Lexicon.shared.words(.upperBounds)
    /// Bounds that say only which side the value lies on ("more than 30 hours" is not contradicted by 40 hours; "up to
    /// 300" not by 150); the others ("nearly", "just over") also say it is close.
    static let openBounds: Set<String> = Lexicon.shared.words(.openBounds)
    /// How close "nearly", "almost", "just over" put a figure to the one printed (a share of it).
    static let closeness = 0.1

    /// The power of ten a value is printed to (52,000 → 1,000; 3.5 billion → 100 million; 7 → 1; 8,311.5 → 0.1).
    static func precision(_ value: Double) -> Double {
        let magnitude = abs(value)
        guard magnitude.isFinite, magnitude >= 1 else { return 0 }
        var step = 1.0
        while step * 10 <= magnitude, (magnitude / (step * 10)).rounded() * (step * 10) == magnitude { step *= 10 }
        return magnitude.rounded() == magnitude ? step : 0
    }

    /// Same unit and values that agree.
    static func agree(_ a: Quantity, _ b: Quantity) -> Bool {
        a.unit == b.unit && agree(values: a, b)
    }

    static func agree(values a: Quantity, _ b: Quantity) -> Bool {
        // Tallies and ranges agree only figure for figure; a single figure agrees with a range that holds it.
        if a.unit == "tally" || b.unit == "tally" { return a.value == b.value && a.upper == b.upper }
        if a.upper != nil || b.upper != nil {
            if a.upper != nil && b.upper != nil { return a.value == b.value && a.upper == b.upper }
            let (range, single) = a.upper != nil ? (a, b) : (b, a)
            return single.value >= range.value && single.value <= (range.upper ?? range.value)
        }
        if a.value == b.value { return true }
        // "At least 40" and "at least 50" are both true of 60: two open bounds on one side never contradict.
        if let x = a.qualifier, let y = b.qualifier, openBounds.contains(x), openBounds.contains(y) {
            if lowerBounds.contains(x) && lowerBounds.contains(y) { return true }
            if upperBounds.contains(x) && upperBounds.contains(y) { return true }
        }
        for (bound, other) in [(a, b), (b, a)] {
            guard let qualifier = bound.qualifier, openBounds.contains(qualifier), other.qualifier == nil else {
                continue
            }
            if lowerBounds.contains(qualifier) && other.value > bound.value { return true }
            if upperBounds.contains(qualifier) && other.value < bound.value { return true }
        }
        let (round, other) = precision(a.value) >= precision(b.value) ? (a, b) : (b, a)
        let step = precision(round.value)
        // Without a qualifier, a figure reads as rounded only with two or more significant digits before its zeros
        // ("$52,000" may be $52,420; "100%" is not 145%, and "three" is not four).
        let rounded = step >= 10 && abs(round.value) / step >= 10
        guard rounded || (round.qualifier != nil && abs(round.value) >= 10) else { return false }
        let span = round.qualifier == nil ? step : max(step, abs(round.value) * 0.05)
        let difference = other.value - round.value
        // "Nearly 300,000" is close to 300,000 whatever its printed precision: within a tenth of it, on its side.
        let near = abs(round.value) * closeness
        if let qualifier = round.qualifier, lowerBounds.contains(qualifier) {
            return difference >= 0 && difference <= near
        }
        if let qualifier = round.qualifier, upperBounds.contains(qualifier) {
            return difference <= 0 && -difference <= near
        }
        // "About 100" is not 55: an approximation one significant digit wide stays within a fifth of its figure.
        return abs(difference) <= (rounded ? span / 2 : min(span / 2, abs(round.value) * 0.2))
    }

    /// Two claims give different values for a unit both print, none of them agreeing ("cut 2,000 jobs" vs "cut 5,000
    /// jobs"): the claims may be one slot in dispute, not one corroborated fact.
    static func disagree(_ a: [Quantity], _ b: [Quantity]) -> Bool {
        for x in a {
            let sameUnit = b.filter { $0.unit == x.unit }
            if !sameUnit.isEmpty && !sameUnit.contains(where: { agree(values: x, $0) }) { return true }
        }
        return false
    }
}
