/// The DfE headline figures for one subject over a set of pupils: % expected, % higher (greater depth
/// for writing) over the eligible cohort, and the average scaled score over pupils awarded a score.
public struct KS2Attainment: Sendable, Hashable {
    public var expected: Proportion
    public var higher: Proportion
    public var scoreSum: Int
    public var scoreCount: Int

    /// Mean over pupils awarded a scaled score only (DfE); nil when nobody was.
    public var averageScaledScore: Double? { scoreCount == 0 ? nil : Double(scoreSum) / Double(scoreCount) }
    /// The eligible cohort (denominator of the percentages).
    public var cohort: Int { expected.denominator }

    public init(_ subject: KS2Subject, pupils: [KS2Pupil]) {
        self.init(subject, facts: pupils.map(KS2PupilFacts.init))
    }

    init(_ subject: KS2Subject, facts pupils: [KS2PupilFacts]) {
        self.init(subject, facts: pupils, at: Array(pupils.indices))
    }

    /// Over `pupils[i]` for each i of `positions`, in that order (no copies of the facts).
    init(_ subject: KS2Subject, facts pupils: [KS2PupilFacts], at positions: [Int]) {
        var expected = 0, higher = 0, denominator = 0, sum = 0, count = 0
        for i in positions {
            let r = pupils[i].subject(subject)
            guard r.inDenominator else { continue }
            denominator += 1
            if r.expected { expected += 1 }
            if r.higher { higher += 1 }
            if let score = r.scaledScore {   // tests only (KS2PupilFacts)
                sum += score
                count += 1
            }
        }
        self.expected = Proportion(expected, of: denominator)
        self.higher = Proportion(higher, of: denominator)
        scoreSum = sum
        scoreCount = count
    }
}
