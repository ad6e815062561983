import Foundation

/// A school's DfE number (LAESTAB): the three-digit LA number and the four-digit establishment number,
/// written `881/2345` on DfE and STA documents and `8812345` in many exports. Kept as its seven digits.
public enum LAESTAB {
    /// The seven digits of `881/2345`, `881-2345`, `881 2345` or `8812345`; nil for anything else.
    public static func digits(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var digits = ""
        var separators = 0
        for (i, c) in trimmed.enumerated() {
            if c.isASCII, c.isNumber {
                digits.append(c)
            } else if "/- ".contains(c), i == 3, separators == 0 {
                separators += 1
            } else {
                return nil
            }
        }
        return digits.count == 7 ? digits : nil
    }

    /// `881/2345`, as DfE writes it.
    public static func display(_ digits: String) -> String {
        digits.count == 7 ? "\(digits.prefix(3))/\(digits.suffix(4))" : digits
    }
}
