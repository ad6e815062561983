/// The EYFS, multiplication check and behaviour blocks of the trust overview (the card lays out its own
/// in `CardLayout` on the same measure ids). Kept beside `CardBlocks` rather than in it so that each
/// block list has one owner.
extension CardBlocks {
    public static let eyfs = Block(title: "EYFS", lines: [
        Line("eyfs.gld", "Good level of development"),
        Line("eyfs.gld", "GLD disadvantaged", group: "disadvantaged"),
        Line("eyfs.gld", "GLD FSM", group: "fsm"),
        Line("eyfs.all_elgs.expected", "Expected in all 17 ELGs"),
        Line("eyfs.average_elgs", "Average ELGs at expected (of 17)"),
    ])

    public static let mtc = Block(title: "Multiplication check (Year 4)", lines: [
        Line("mtc.average_score", "Average score (of 25)"),
        Line("mtc.full_marks", "% full marks (25)"),
        Line("mtc.full_marks", "% full marks, disadvantaged", group: "disadvantaged"),
    ])

    public static let behaviour = Block(title: "Behaviour", lines: [
        Line("exclusions.suspension_rate", "Suspensions per 100 pupils"),
        Line("exclusions.one_or_more_suspensions", "% pupils with 1+ suspensions"),
        Line("exclusions.two_or_more_suspensions", "% pupils with 2+ suspensions"),
        Line("exclusions.permanent_exclusion_rate", "Permanent exclusions per 100 pupils"),
        Line("exclusions.permanent_exclusions", "Permanent exclusions (number)"),
    ])

    /// The trust overview's blocks: the card's (`all`), with the EYFS, multiplication check and
    /// behaviour blocks in the order of the trusts' own cards. Those three are left out of a run that
    /// does not read their dataset (`datasetBlocks`), rather than saying "no data" for every trust
    /// without them.
    public static var overview: [Block] {
        all.flatMap { block -> [Block] in
            if block == phonics { return [eyfs, phonics, mtc] }
            if block == attendance { return [attendance, behaviour] }
            return [block]
        }
    }

    public static let datasetBlocks = [eyfs, mtc, behaviour]
}
