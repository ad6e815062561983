/// Typed shortcuts to the assessments slice's values (`dataset.assessments`, `report.assessments`):
/// optional conveniences over the registry's `rows(_:)` and `part(_:)`.
extension TrustDataset {
    public var assessments: AssessmentsData? {
        get { rows(AssessmentsSlice.self) }
        set { setRows(newValue, for: AssessmentsSlice.self) }
    }
}

extension SchoolReport {
    public var assessments: AssessmentsSchoolReport? {
        get { part(AssessmentsSlice.self) }
        set { setPart(newValue, for: AssessmentsSlice.self) }
    }
}

extension InputFiles {
    public var assessments: FileList? {
        get { self["assessments"] }
        set { self["assessments"] = newValue }
    }
}
