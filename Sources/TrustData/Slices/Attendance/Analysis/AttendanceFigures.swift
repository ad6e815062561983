/// Session and pupil counts for one group: the numerators and denominators of every attendance measure.
public struct AttendanceFigures: Sendable, Hashable {
    /// Enrolments with at least one possible session (the persistent-absence denominator).
    public var enrolments = 0
    public var possible = 0
    public var attended = 0
    public var authorised = 0
    public var unauthorised = 0
    public var persistent = 0
    public var severe = 0

    public init() {}

    public var absent: Int { authorised + unauthorised }

    /// Two groups' counts together (every field is a whole-number count, so any order gives the same).
    public mutating func add(_ other: AttendanceFigures) {
        enrolments += other.enrolments
        possible += other.possible
        attended += other.attended
        authorised += other.authorised
        unauthorised += other.unauthorised
        persistent += other.persistent
        severe += other.severe
    }

    public mutating func add(_ t: AttendanceTally, settings: AttendanceSettings) {
        guard t.possible > 0 else { return }
        enrolments += 1
        possible += t.possible
        attended += t.attended
        authorised += t.authorised
        unauthorised += t.unauthorised
        if t.missed(atLeast: settings.persistentAbsenceThreshold) { persistent += 1 }
        if t.missed(atLeast: settings.severeAbsenceThreshold) { severe += 1 }
    }

    public var attendanceRate: Proportion { Proportion(attended, of: possible) }
    public var overallAbsence: Proportion { Proportion(absent, of: possible) }
    public var authorisedAbsence: Proportion { Proportion(authorised, of: possible) }
    public var unauthorisedAbsence: Proportion { Proportion(unauthorised, of: possible) }
    public var persistentAbsence: Proportion { Proportion(persistent, of: enrolments) }
    public var severeAbsence: Proportion { Proportion(severe, of: enrolments) }

    /// Measure id and figure, in the order sheets and measures.csv list them.
    public var measures: [(id: MeasureID, proportion: Proportion)] {
        [(.attendance(.attendanceRate), attendanceRate),
         (.attendance(.overallAbsence), overallAbsence),
         (.attendance(.authorisedAbsence), authorisedAbsence),
         (.attendance(.unauthorisedAbsence), unauthorisedAbsence),
         (.attendance(.persistentAbsence), persistentAbsence),
         (.attendance(.severeAbsence), severeAbsence)]
    }
}
