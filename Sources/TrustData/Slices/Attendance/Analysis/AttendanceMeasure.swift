/// The attendance figures: the `attendance.<figure>` ids, in the order sheets and measures.csv list them.
public enum AttendanceMeasure: String, CaseIterable, Sendable {
    case attendanceRate = "attendance_rate"
    case overallAbsence = "overall_absence"
    case authorisedAbsence = "authorised_absence"
    case unauthorisedAbsence = "unauthorised_absence"
    case persistentAbsence = "persistent_absence"
    case severeAbsence = "severe_absence"

    public var id: MeasureID { MeasureID("attendance", rawValue) }
}

extension MeasureID {
    /// `attendance.<figure>`, e.g. `.attendance(.persistentAbsence)`.
    public static func attendance(_ m: AttendanceMeasure) -> MeasureID { m.id }
}
