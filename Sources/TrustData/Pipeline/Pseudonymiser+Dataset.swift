extension Pseudonymiser {
    /// The whole dataset: roster, issues, and every slice's rows (each slice's `Rows` is
    /// `Pseudonymisable` by the `Slice` protocol, so none can be missed).
    public func apply(to dataset: TrustDataset) -> TrustDataset {
        var out = dataset
        out.roster = PupilRoster(dataset.roster.pupils.map(pupil))
        var log = ImportLog()
        for stats in dataset.log.stats { log.record(stats, []) }
        log.add(dataset.log.issues.map { issue($0) })
        out.log = log
        for slice in SliceRegistry.all { slice.pseudonymise(&out, by: self) }
        return out
    }
}
