/// The pupil groups every measure is broken down by. The raw values are the group ids of
/// `measures.csv` and the benchmark files: a contract, never renamed.
public enum PupilGroup: String, CaseIterable, Sendable, Codable, Hashable {
    case all
    case disadvantaged
    case notDisadvantaged = "not_disadvantaged"
    case girls
    case boys
    case senSupport = "sen_support"
    case ehcp
    case noSEN = "no_sen"
    case eal
    case notEAL = "not_eal"
    /// Reception (attendance only): below compulsory school age, so a row of its own and never in the
    /// headline rates (DfE absence statistics cover pupils aged 5–15 at the start of the year).
    case reception
    case year1 = "year_1", year2 = "year_2", year3 = "year_3", year4 = "year_4", year5 = "year_5", year6 = "year_6"
    /// Eligible for free school meals now (the census FSM flag, `fsm` on the roster) and not: DfE's EYFS
    /// profile and exclusions statistics break figures down by FSM eligibility, which is not the
    /// *disadvantaged* group (FSM at any point in six years, looked after, left care). Only the EYFS,
    /// multiplication check and exclusions slices use these (`fsmGroups`).
    case fsm
    case notFSM = "not_fsm"

    /// The characteristic groups, in the order sheets show them (year groups are only used by attendance).
    public static let characteristicGroups: [PupilGroup] = [
        .all, .disadvantaged, .notDisadvantaged, .girls, .boys, .senSupport, .ehcp, .noSEN, .eal, .notEAL,
    ]

    public static let yearGroups: [PupilGroup] = [.reception, .year1, .year2, .year3, .year4, .year5, .year6]

    /// The groups of the EYFS, multiplication check and exclusions figures: the characteristic groups
    /// with FSM / not FSM after the disadvantaged pair, in the order their sheets list them.
    public static let withFSM: [PupilGroup] = [
        .all, .disadvantaged, .notDisadvantaged, .fsm, .notFSM, .girls, .boys, .senSupport, .ehcp, .noSEN, .eal, .notEAL,
    ]

    /// `memberships(of:)` plus FSM / not FSM from the roster's `fsm` flag (nil: in neither).
    public static func memberships(of c: PupilCharacteristics, fsm: Bool?) -> [PupilGroup] {
        var groups = memberships(of: c)
        switch fsm {
        case true?: groups.append(.fsm)
        case false?: groups.append(.notFSM)
        case nil: break
        }
        return groups
    }

    /// Position in `characteristicGroups + yearGroups` (the order sheets list groups): an array slot
    /// for per-group counts, where a dictionary keyed by group showed in profiles.
    public var position: Int {
        switch self {
        case .all: return 0
        case .disadvantaged: return 1
        case .notDisadvantaged: return 2
        case .girls: return 3
        case .boys: return 4
        case .senSupport: return 5
        case .ehcp: return 6
        case .noSEN: return 7
        case .eal: return 8
        case .notEAL: return 9
        case .reception: return 10
        case .year1: return 11
        case .year2: return 12
        case .year3: return 13
        case .year4: return 14
        case .year5: return 15
        case .year6: return 16
        case .fsm: return 17
        case .notFSM: return 18
        }
    }

    public var label: String {
        switch self {
        case .all: return "All pupils"
        case .disadvantaged: return "Disadvantaged"
        case .notDisadvantaged: return "Not disadvantaged"
        case .girls: return "Girls"
        case .boys: return "Boys"
        case .senSupport: return "SEN support"
        case .ehcp: return "EHCP"
        case .noSEN: return "No SEN"
        case .eal: return "EAL"
        case .notEAL: return "Not EAL"
        case .reception: return "Reception"
        case .fsm: return "FSM"
        case .notFSM: return "Not FSM"
        default: return "Year \(yearNumber ?? 0)"
        }
    }

    public var yearNumber: Int? {
        switch self {
        case .reception: return 0
        case .year1: return 1
        case .year2: return 2
        case .year3: return 3
        case .year4: return 4
        case .year5: return 5
        case .year6: return 6
        default: return nil
        }
    }

    public static func yearGroup(_ n: Int) -> PupilGroup? { yearGroups.first { $0.yearNumber == n } }

    /// The characteristic groups a pupil belongs to (always `all`; unknown characteristics add nothing).
    public static func memberships(of c: PupilCharacteristics) -> [PupilGroup] {
        var groups: [PupilGroup] = [.all]
        switch c.disadvantaged {
        case true?: groups.append(.disadvantaged)
        case false?: groups.append(.notDisadvantaged)
        case nil: break
        }
        switch c.gender {
        case .female?: groups.append(.girls)
        case .male?: groups.append(.boys)
        case nil: break
        }
        switch c.sen {
        case .support?: groups.append(.senSupport)
        case .ehcp?: groups.append(.ehcp)
        case .none?: groups.append(.noSEN)
        case nil: break
        }
        switch c.eal {
        case true?: groups.append(.eal)
        case false?: groups.append(.notEAL)
        case nil: break
        }
        return groups
    }
}
