/// One figure behind a tier or trigger: the school's value, what it was compared with and the gap,
/// with its n — so a trustee can see why, not just that, a school was flagged.
public struct Evidence: Sendable, Hashable {
    public var measure: String
    public var group: String
    public var year: String
    public var value: Double?
    public var text: String?
    /// "national", "LA", "last year", "target", or empty for a test on the figure itself.
    public var comparedWith: String
    public var comparisonValue: Double?
    /// The difference the test used (value − comparison, or for `widens` the change in the gap).
    public var difference: Double?
    /// The cohort behind the figure (denominator), when it is a percentage.
    public var n: Double?
    public var smallCohort: Bool
    /// The test in words: "more than 2 points below national".
    public var test: String
    /// Pupils missing from the figure because their rows were rejected (`MeasureRow.leftOut`).
    public var leftOut: Int? = nil
    /// The period a part-year figure covers (`MeasureRow.period`), e.g. "year to date to 20/12/2024".
    public var period: String? = nil
    /// Which DfE national figure a test against national used (`MeasureRow.nationalBasis`).
    public var nationalBasis: String? = nil

    public var unit: MeasureDefinition.Unit? { MeasureCatalog.definition(measure)?.unit }

    /// The figure in a few words for the one-page card: "Maths: % at the expected standard 69.6% vs national
    /// 75.0% (-5.4; n=23)" — no year (the card's), the group only when not all pupils, the test's words
    /// only when the rule gave it a label.
    public var brief: String {
        let definition = MeasureCatalog.definition(measure)
        // The title without its bracketed details ("(text; value 1–4)").
        var s = String((definition?.title ?? measure).split(separator: " (", maxSplits: 1).first ?? "")
        if group != "all" { s += " (\(PupilGroup(rawValue: group)?.label.lowercased() ?? group))" }
        if let text { return s + ": " + text }
        s += " " + MeasureFormat.value(value, unit: unit)
        if !comparedWith.isEmpty, let c = comparisonValue { s += " vs \(comparedWith) \(MeasureFormat.value(c, unit: unit))" }
        var bits: [String] = []
        if let difference, !comparedWith.isEmpty { bits.append(MeasureFormat.difference(difference, unit: unit)) }
        if let n, CardCells.countsPupils(MeasureID(measure)) { bits.append("n=\(MeasureFormat.plain(n))\(smallCohort ? ", small" : "")") }
        if !bits.isEmpty { s += " (\(bits.joined(separator: "; ")))" }
        return s
    }

    /// "Attendance rate (all pupils) 2024/25: 91.0% vs national 94.5% (-3.5 points; n=200) — more than 2 points below national"
    public var summary: String {
        let definition = MeasureCatalog.definition(measure)
        let title = definition?.title ?? measure
        // Finance figures are about money, not pupils: no pupil group, and the denominator in pounds.
        let money = measure.hasPrefix("finance.")
        let who = PupilGroup(rawValue: group)?.label.lowercased() ?? group
        let when = "\(year)\(period.map { $0 == FigurePeriod.fullYear.text ? "" : ", \($0)" } ?? "")"
        var s = money ? "\(title) \(when): " : "\(title) (\(who)) \(when): "
        if let text {
            s += text
        } else {
            s += MeasureFormat.value(value, unit: unit)
            if !comparedWith.isEmpty, let c = comparisonValue {
                s += " vs \(comparedWith) \(MeasureFormat.value(c, unit: unit))"
            }
            var bits: [String] = []
            if let difference, !comparedWith.isEmpty || test.contains("widened") { bits.append(MeasureFormat.difference(difference, unit: unit)) }
            if money {
                // A ratio's denominator in pounds ("GAG £1,159,934"); an amount has none.
                let of = (definition?.denominator ?? "").replacingOccurrences(of: "GAG income", with: "GAG")
                if let n, !of.isEmpty { bits.append("\(of) \(MeasureFormat.value(n, unit: .pounds))") }
            } else if let n, measure.hasPrefix("attendance."), !["attendance.persistent_absence", "attendance.severe_absence"].contains(measure) {
                // Attendance and absence rates are over possible sessions, not pupils.
                bits.append("\(MeasureFormat.value(n, unit: .count)) possible sessions")
            } else if let n {
                bits.append("\(MeasureFormat.plain(n)) pupil\(n == 1 ? "" : "s")\(smallCohort ? ", a small group" : "")")
            }
            if !bits.isEmpty { s += " (\(bits.joined(separator: "; ")))" }
        }
        s += " — " + test
        // A decision resting on a figure with pupils missing says so (issue 16).
        if let note = RejectedPupils.note(leftOut) { s += " (\(note))" }
        return s
    }
}
