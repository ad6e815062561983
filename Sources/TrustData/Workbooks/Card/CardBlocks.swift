/// The figures the academy card and the trust overview show, block by block, in the order trusts'
/// own academy cards use. Each line is a measure id and group from `MeasureCatalog`.
public enum CardBlocks {
    public struct Line: Sendable, Hashable {
        public let measure: MeasureID
        public let group: MeasureGroup
        public let label: String
        public init(_ measure: MeasureID, _ label: String, group: MeasureGroup = .all) {
            self.measure = measure
            self.group = group
            self.label = label
        }
    }

    public struct Block: Sendable, Hashable {
        public let title: String
        public let lines: [Line]
        public var measures: [MeasureID] { lines.map(\.measure) }
    }

    public static let context = Block(title: "Context", lines: [
        Line("context.number_on_roll", "Number on roll"),
        Line("context.roll_change", "Roll change on last year"),
        Line("context.capacity_used", "Number on roll as % of capacity"),
        Line("context.disadvantaged", "% disadvantaged"),
        Line("context.eal", "% EAL"),
        Line("context.sen_support", "% SEN support"),
        Line("context.ehcp", "% EHCP"),
    ])

    public static let phonics = Block(title: "Phonics", lines: [
        Line("phonics.y1.expected", "Year 1: % meeting the standard"),
        Line("phonics.y1.expected", "Year 1 disadvantaged: % meeting", group: "disadvantaged"),
        Line("phonics.by_y2.expected", "By end of Year 2: % meeting"),
    ])

    public static let ks2 = Block(title: "KS2", lines: [
        Line("ks2.rwm.expected", "RWM: % expected"),
        Line("ks2.rwm.higher", "RWM: % higher"),
        Line("ks2.rwm.expected", "RWM disadvantaged: % expected", group: "disadvantaged"),
        Line("ks2.reading.expected", "Reading: % expected"),
        Line("ks2.reading.higher", "Reading: % higher"),
        Line("ks2.writing.expected", "Writing: % expected"),
        Line("ks2.writing.higher", "Writing: % greater depth"),
        Line("ks2.maths.expected", "Maths: % expected"),
        Line("ks2.maths.higher", "Maths: % higher"),
        Line("ks2.gps.expected", "GPS: % expected"),
        Line("ks2.gps.higher", "GPS: % higher"),
    ])

    public static let attendance = Block(title: "Attendance", lines: [
        Line("attendance.attendance_rate", "Attendance rate"),
        Line("attendance.overall_absence", "Overall absence"),
        Line("attendance.persistent_absence", "Persistent absence (10%+)"),
        Line("attendance.severe_absence", "Severe absence (50%+)"),
    ])

    public static let finance = Block(title: "Finance", lines: [
        Line("finance.reserves_pct_gag", "Reserves as % of GAG"),
        Line("finance.reserves_pct_income", "Reserves as % of income"),
        Line("finance.in_year_balance", "In-year balance"),
        Line("finance.category", "Finance category"),
    ])

    /// Ofsted's latest inspection (text figures, from the Ofsted slice).
    public static let ofsted = Block(title: "Ofsted", lines: [
        Line("ofsted.latest_inspection", "Latest inspection"),
        Line("ofsted.overall_effectiveness", "Overall effectiveness"),
        Line("ofsted.report_card.achievement", "Report card: achievement"),
        Line("ofsted.safeguarding", "Safeguarding"),
        Line("ofsted.previous_grade", "Previous grade"),
    ])

    /// The categories the trust set (judgements file).
    public static let judgements = Block(title: "Trust judgements", lines: [
        Line("judgements.education_category", "Education category (set)"),
        Line("judgements.finance_category", "Finance category (set)"),
        Line("judgements.warning_notice", "Warning notice"),
    ])

    public static let all = [context, phonics, ks2, attendance, finance, ofsted, judgements]

    /// Counts shown in words beside the phonics block rather than as lines: the A/D/Q pupils in DfE's
    /// denominator as not met, and the L pupils left out of it (Year 1).
    public static let countMeasures = ["phonics.y1.absent", "phonics.y1.disapplied", "phonics.y1.maladministration", "phonics.y1.left"]

    /// "Year 1: A 1, D 2, Q 0 in the figure as not met; L 0 left out (DfE denominator)." from those counts.
    static func phonicsCodes(_ count: (String) -> Double?) -> String? {
        let n = countMeasures.map { count($0) }
        guard n.contains(where: { $0 != nil }) else { return nil }
        func c(_ i: Int) -> String { CSVText.number(n[i] ?? 0) }
        return "Year 1: A \(c(0)), D \(c(1)), Q \(c(2)) in the figure as not met; L \(c(3)) left out (DfE denominator)."
    }
}
