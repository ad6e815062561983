/// Typed shortcuts to the attendance slice's values (`dataset.attendance`, `report.attendance`, `config.attendance`): optional
/// conveniences over the registry's `rows(_:)`, `part(_:)` and `sliceSettings(_:)`.
extension TrustDataset {
    public var attendance: AttendanceData? {
        get { rows(AttendanceSlice.self) }
        set { setRows(newValue, for: AttendanceSlice.self) }
    }
}

extension SchoolReport {
    public var attendance: AttendanceSchoolReport? {
        get { part(AttendanceSlice.self) }
        set { setPart(newValue, for: AttendanceSlice.self) }
    }
}

extension TrustReport {
    public var attendance: AttendanceTrustReport? {
        get { part(AttendanceSlice.self) }
        set { setPart(newValue, for: AttendanceSlice.self) }
    }
}

extension PipelineConfig {
    public var attendance: AttendanceSettings {
        get { sliceSettings(AttendanceSlice.self) }
        set { setSliceSettings(newValue, for: AttendanceSlice.self) }
    }
}

extension AnalysisConfig {
    public var attendance: AttendanceSettings { sliceSettings(AttendanceSlice.self) }
}

extension AttendanceSchoolReport: WithholdableReport {}
extension AttendanceTrustReport: SliceReport {}

extension InputFiles {
    public var attendanceSummary: FileList? {
        get { self["attendance_summary"] }
        set { self["attendance_summary"] = newValue }
    }
}

extension InputFiles {
    public var attendanceMarks: FileList? {
        get { self["attendance_marks"] }
        set { self["attendance_marks"] = newValue }
    }
}
