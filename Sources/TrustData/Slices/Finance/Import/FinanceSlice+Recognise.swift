import Foundation

extension FinanceSlice {
    /// `trustdata init`: each return by its schema, with the columns its layout reads through
    /// `finance-line-codes.csv` (which the schema cannot name) counted for it: the AAR's line codes
    /// (`BAI010-T`, `BNCH11110`) and the benchmarking file's money headings (`Total Income`, `Revenue
    /// Reserve`, `Total Staff Costs`). Without them a transparency file, which has a URN, a school name
    /// and an LA, came nearer the school register than the return it is.
    public static func recognise(_ sample: ExportSample, fixedValuesSupported: Bool) -> [ExportMatch] {
        schemas.map { schema in
            let laidOut: Set<Int>
            switch schema.dataset {
            case AcademyReturnImporter.schema(.aarAcademy).dataset:
                laidOut = Set(sample.headings.indices.filter { lineCode(sample.headings[$0]) })
            case AcademyReturnImporter.schema(.benchmarking).dataset:
                laidOut = Set(sample.headings.indices.filter { moneyHeading(sample.headings[$0]) })
            default:
                laidOut = []
            }
            return ExportRecogniser.match(sample, schema: schema, fixedValuesSupported: fixedValuesSupported, laidOut: laidOut)
        }
    }

    /// An AAR line code as DfE's extracts head their columns: `BAI010-T`, `BAE220-A`, `BNCH11110`.
    static func lineCode(_ heading: String) -> Bool {
        heading.range(of: #"^(BA[A-Z]\d{3}(-[A-Z])?|BNCH\d{4,6})$"#, options: .regularExpression) != nil
    }

    /// A money column of the benchmarking (transparency) file: its totals, grants, costs and reserves.
    static func moneyHeading(_ heading: String) -> Bool {
        let words = heading.lowercased()
        return ["income", "expenditure", "reserve", "costs", "funding", "grants", "balance", "expenses"].contains { words.contains($0) }
    }
}
