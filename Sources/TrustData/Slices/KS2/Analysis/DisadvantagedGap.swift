/// The disadvantaged gap in % expected, three ways, always labelled and with counts (domain.md):
/// 1. vs national other (non-disadvantaged) pupils — the DfE and Ofsted basis;
/// 2. in-school (disadvantaged vs the school's other pupils; noisy for small groups);
/// 3. vs national disadvantaged pupils.
public struct DisadvantagedGap: Sendable, Hashable {
    public enum Basis: String, CaseIterable, Sendable {
        case vsNationalOther = "disadvantaged_gap_vs_national_other"
        case inSchool = "disadvantaged_gap_in_school"
        case vsNationalDisadvantaged = "disadvantaged_gap_vs_national_disadvantaged"

        public var label: String {
            switch self {
            case .vsNationalOther: return "Disadvantaged vs national other pupils"
            case .inSchool: return "In-school gap (disadvantaged vs other pupils here)"
            case .vsNationalDisadvantaged: return "Disadvantaged vs national disadvantaged"
            }
        }
    }

    public var subject: KS2Subject
    public var year: AcademicYear
    public var disadvantaged: Proportion
    public var other: Proportion
    /// National % expected for non-disadvantaged pupils (`not_disadvantaged` group benchmark).
    public var nationalOther: Double?
    public var nationalDisadvantaged: Double?

    public init(subject: KS2Subject, year: AcademicYear, pupils: [KS2Pupil], benchmarks: BenchmarkLookup) {
        self.init(subject: subject, year: year,
                  disadvantaged: KS2Attainment(subject, pupils: pupils.filter { $0.isIn(.disadvantaged) }).expected,
                  other: KS2Attainment(subject, pupils: pupils.filter { $0.isIn(.notDisadvantaged) }).expected,
                  benchmarks: benchmarks)
    }

    /// From the two groups' % expected, already counted.
    init(subject: KS2Subject, year: AcademicYear, disadvantaged: Proportion, other: Proportion, benchmarks: BenchmarkLookup) {
        self.subject = subject
        self.year = year
        self.disadvantaged = disadvantaged
        self.other = other
        let id = MeasureID.ks2(subject, .expected)
        nationalOther = benchmarks.national(year, id, MeasureGroup(.notDisadvantaged))?.value
        nationalDisadvantaged = benchmarks.national(year, id, MeasureGroup(.disadvantaged))?.value
    }

    /// Percentage points; negative means disadvantaged pupils do less well than the comparison.
    public func gap(_ basis: Basis) -> Double? {
        guard let d = disadvantaged.percent else { return nil }
        switch basis {
        case .vsNationalOther: return nationalOther.map { d - $0 }
        case .inSchool: return other.percent.map { d - $0 }
        case .vsNationalDisadvantaged: return nationalDisadvantaged.map { d - $0 }
        }
    }

    /// The comparison figure (0–100) the gap is taken against.
    public func comparison(_ basis: Basis) -> Double? {
        switch basis {
        case .vsNationalOther: return nationalOther
        case .inSchool: return other.percent
        case .vsNationalDisadvantaged: return nationalDisadvantaged
        }
    }

    public func measureID(_ basis: Basis) -> MeasureID { .ks2(subject, basis.figure) }
}
