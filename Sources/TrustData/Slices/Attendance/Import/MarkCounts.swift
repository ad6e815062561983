extension AttendanceMarksImporter {
    /// Marks counted by category, with the first and last day marked: an enrolment's running total
    /// (`Slot.counts`), a run of one pupil's consecutive rows (added to the slot when the pupil changes),
    /// and one part of a split read (added when the parts are merged).
    struct MarkCounts {
        var present: Int32 = 0
        var approved: Int32 = 0
        var authorised: Int32 = 0
        var unauthorised: Int32 = 0
        var notPossible: Int32 = 0
        var firstDay = Int.max
        var lastDay = Int.min

        @inline(__always)
        mutating func count(_ category: AttendanceCategory, day: Int) {
            switch category {
            case .present: present += 1
            case .approvedActivity: approved += 1
            case .authorisedAbsence: authorised += 1
            case .unauthorisedAbsence: unauthorised += 1
            case .notPossible: notPossible += 1
            }
            if day < firstDay { firstDay = day }
            if day > lastDay { lastDay = day }
        }

        mutating func add(_ other: MarkCounts) {
            present += other.present
            approved += other.approved
            authorised += other.authorised
            unauthorised += other.unauthorised
            notPossible += other.notPossible
            firstDay = min(firstDay, other.firstDay)
            lastDay = max(lastDay, other.lastDay)
        }
    }
}
