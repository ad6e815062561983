/// The two phonics figures' stages: Year 1 at the check, and by the end of Year 2 (with the retake).
public enum PhonicsStage: String, CaseIterable, Sendable {
    case y1
    case byY2 = "by_y2"
}

extension MeasureID {
    /// `phonics.<stage>.expected`: % meeting the expected standard.
    public static func phonicsExpected(_ stage: PhonicsStage) -> MeasureID {
        MeasureID("phonics", stage.rawValue, "expected")
    }

    /// `phonics.<stage>.<code's name>`: pupils with outcome A (absent), D (disapplied), L (left) or
    /// Q (maladministration); another code is counted as `code_<code>`.
    public static func phonicsCount(_ stage: PhonicsStage, code: String) -> MeasureID {
        let name: String
        switch code.uppercased() {
        case "A": name = "absent"
        case "D": name = "disapplied"
        case "L": name = "left"
        case "Q": name = "maladministration"
        default: name = "code_\(code.lowercased())"
        }
        return MeasureID("phonics", stage.rawValue, name)
    }
}
