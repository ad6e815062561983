/// Typed shortcuts to the judgements slice's values (`dataset.judgements`, `report.judgements`).
extension TrustDataset {
    public var judgements: JudgementsData? {
        get { rows(JudgementsSlice.self) }
        set { setRows(newValue, for: JudgementsSlice.self) }
    }
}

extension SchoolReport {
    public var judgements: JudgementsSchoolReport? {
        get { part(JudgementsSlice.self) }
        set { setPart(newValue, for: JudgementsSlice.self) }
    }
}

extension TrustReport {
    public var judgements: JudgementsTrustReport? {
        get { part(JudgementsSlice.self) }
        set { setPart(newValue, for: JudgementsSlice.self) }
    }
}

extension InputFiles {
    public var judgements: FileList? {
        get { self["judgements"] }
        set { self["judgements"] = newValue }
    }
}
