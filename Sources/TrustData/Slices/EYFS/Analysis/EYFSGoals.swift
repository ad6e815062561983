/// The EYFS profile since the 2021 reforms: 17 early learning goals (ELGs) in 7 areas of learning, each
/// assessed as "expected" or "emerging" in the summer term of Reception (DfE EYFS profile handbook;
/// statutory framework for the EYFS). A child has a **good level of development** (GLD) when at the
/// expected level in the 12 ELGs of communication and language; personal, social and emotional
/// development; physical development; literacy; and mathematics (DfE "Early years foundation stage
/// profile results" methodology).
public enum EYFSArea: String, CaseIterable, Sendable {
    case communicationLanguage = "communication_language"
    case psed
    case physical
    case literacy
    case maths
    case understandingWorld = "understanding_world"
    case expressiveArts = "expressive_arts"

    public var label: String {
        switch self {
        case .communicationLanguage: return "Communication and language"
        case .psed: return "Personal, social and emotional development"
        case .physical: return "Physical development"
        case .literacy: return "Literacy"
        case .maths: return "Mathematics"
        case .understandingWorld: return "Understanding the world"
        case .expressiveArts: return "Expressive arts and design"
        }
    }

    /// Positions (0-based) of the area's ELGs in `EYFSGoals.all`.
    public var goals: [Int] {
        switch self {
        case .communicationLanguage: return [0, 1]
        case .psed: return [2, 3, 4]
        case .physical: return [5, 6]
        case .literacy: return [7, 8, 9]
        case .maths: return [10, 11]
        case .understandingWorld: return [12, 13, 14]
        case .expressiveArts: return [15, 16]
        }
    }

    /// The five areas whose 12 ELGs make a good level of development.
    public static let gldAreas: [EYFSArea] = [.communicationLanguage, .psed, .physical, .literacy, .maths]

    /// `eyfs.<area>.expected`: % at the expected level in every ELG of the area.
    public var measure: MeasureID { MeasureID("eyfs", rawValue, "expected") }
}

public enum EYFSGoals {
    /// The 17 ELGs in the order of the profile (ELG01–ELG17), as the handbook names them.
    public static let all: [String] = [
        "Listening, attention and understanding", "Speaking",
        "Self-regulation", "Managing self", "Building relationships",
        "Gross motor skills", "Fine motor skills",
        "Comprehension", "Word reading", "Writing",
        "Number", "Numerical patterns",
        "Past and present", "People, culture and communities", "The natural world",
        "Creating with materials", "Being imaginative and expressive",
    ]

    /// The canonical column of ELG `i` (0-based): `elg01` … `elg17`.
    public static func column(_ i: Int) -> String { "elg" + (i < 9 ? "0" : "") + String(i + 1) }

    /// ELG01–ELG12: the goals of a good level of development.
    public static let gldGoals = Array(0..<12)
    /// ELGs of communication and language and literacy (DfE's "comm_lang_lit" measure).
    public static let commLangLit = EYFSArea.communicationLanguage.goals + EYFSArea.literacy.goals
}
