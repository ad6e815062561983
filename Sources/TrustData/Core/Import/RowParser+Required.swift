/// Typed accessors for required columns. A required heading can still have a blank cell in some row;
/// that row is rejected as `missing_value` (the typed accessors return nil for blanks, and force-
/// unwrapping that nil crashed the whole run — found by the bad-input corpus).
extension RowParser {
    public func requiredAcademicYear(_ column: String) throws -> AcademicYear {
        guard let year = try academicYear(column) else { throw missing(column) }
        return year
    }

    public func requiredDecimal(_ column: String, in range: ClosedRange<Double>? = nil) throws -> Double {
        guard let value = try decimal(column, in: range) else { throw missing(column) }
        return value
    }

    public func requiredInteger(_ column: String, in range: ClosedRange<Int>? = nil) throws -> Int {
        guard let value = try integer(column, in: range) else { throw missing(column) }
        return value
    }

    public func requiredYearGroup(_ column: String) throws -> Int {
        guard let value = try yearGroup(column) else { throw missing(column) }
        return value
    }

    func missing(_ column: String) -> RowRejection {
        reject(column, "", .missingValue, "`\(map.heading(of: column))` is empty; every row needs it.")
    }
}
