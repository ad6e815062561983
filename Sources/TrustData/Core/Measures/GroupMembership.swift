/// The groups a pupil in a results or behaviour file counts in, for the slices whose figures are broken
/// down with FSM (`PupilGroup.withFSM`): what the file says, anything it leaves blank taken from the
/// roster for that year (the census), and FSM from the file or else the roster's `fsm` flag. A
/// characteristic known nowhere keeps the pupil out of that pair of groups rather than guessing.
public enum GroupMembership {
    public static func groups(_ upn: String, year: AcademicYear, own: PupilCharacteristics, fsm: Bool?,
                              roster: PupilRoster) -> [PupilGroup] {
        let census = roster.pupil(year, upn)
        return PupilGroup.memberships(of: own.filled(from: census?.characteristics), fsm: fsm ?? census?.fsm)
    }

    /// Small-group note for a sheet: what one pupil is worth in a group under the minimum size.
    public static func smallNote(_ n: Int, minimum: Int) -> String {
        guard n > 0, n < minimum else { return "" }
        return "Small group (fewer than \(minimum)): one pupil is \(CSVText.number((1000.0 / Double(n)).rounded() / 10)) points"
    }
}
