/// One school's row of Ofsted's management information (state-funded schools, latest inspections):
/// its latest report-card inspection, its latest graded (OEIF) inspection and its latest ungraded one.
public struct OfstedRecord: Sendable, Hashable {
    /// A report card: the inspection and each area's grade (areas in `OfstedRecord.reportCardAreas` order).
    public struct ReportCard: Sendable, Hashable {
        public var type: String?
        public var start: CalendarDate
        public var publication: CalendarDate?
        /// Met / Not met.
        public var safeguarding: String?
        public var grades: [String: ReportCardGrade]
        public var categoryOfConcern: String?
    }

    /// A graded inspection under the education inspection framework (to 2025).
    public struct Graded: Sendable, Hashable {
        public var type: String?
        public var start: CalendarDate
        public var publication: CalendarDate?
        /// nil: `Not judged` (graded inspections from September 2024 give no overall grade).
        public var overall: OEIFGrade?
        /// Sub-judgements by `OfstedRecord.oeifAreas` id.
        public var grades: [String: OEIFGrade]
        /// Yes / No.
        public var safeguardingEffective: Bool?
        public var categoryOfConcern: String?
    }

    public struct Ungraded: Sendable, Hashable {
        public var date: CalendarDate
        public var outcome: String?
    }

    public var urn: String
    public var reportCard: ReportCard?
    public var graded: Graded?
    public var ungraded: Ungraded?
    /// The overall grade of the graded inspection before the latest one, where the file gives it
    /// (older releases' "Previous full inspection overall effectiveness").
    public var previousOverall: OEIFGrade?
    public var line: Int = 0

    /// Report-card areas: (id, the file's heading).
    public static let reportCardAreas: [(id: String, heading: String)] = [
        ("inclusion", "Inclusion"), ("curriculum_and_teaching", "Curriculum and teaching"), ("achievement", "Achievement"),
        ("attendance_and_behaviour", "Attendance and behaviour"), ("personal_development_and_wellbeing", "Personal development and wellbeing"),
        ("early_years", "Early years"), ("post_16", "Post-16 provision"), ("leadership_and_governance", "Leadership and governance"),
    ]
    /// OEIF sub-judgements: (id, the file's heading after "Latest OEIF").
    public static let oeifAreas: [(id: String, heading: String)] = [
        ("quality_of_education", "quality of education"), ("behaviour_and_attitudes", "behaviour and attitudes"),
        ("personal_development", "personal development"), ("leadership_and_management", "effectiveness of leadership and management"),
        ("early_years", "early years provision"),
    ]

    /// The most recent of the three inspections: its date and its type in words.
    public var latest: (date: CalendarDate, type: String)? {
        var options: [(CalendarDate, String)] = []
        if let r = reportCard { options.append((r.start, (r.type ?? "Inspection") + " (report card)")) }
        if let g = graded { options.append((g.start, (g.type ?? "Inspection") + " (graded)")) }
        if let u = ungraded { options.append((u.date, "Ungraded inspection")) }
        return options.max { $0.0 < $1.0 }
    }

    /// The graded inspection is the school's current grade unless a report card came after it.
    public var gradedIsCurrent: Bool {
        guard let g = graded else { return false }
        guard let r = reportCard else { return true }
        return g.start > r.start
    }
}
