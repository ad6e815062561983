/// A chart to insert, as a value: the C chart is created when the sheet inserts it.
public struct ChartSpec: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case line, column, bar }

    public struct Series: Sendable, Hashable {
        public var name: String
        /// A sheet range such as `=KS2!$A$2:$A$5` (use `CellRange.formula`).
        public var categories: String
        public var values: String
        /// A reference line (a policy level): drawn dashed in this RGB colour (`0xC00000`), without markers.
        public var dashedColour: UInt32?

        public init(name: String, categories: String, values: String, dashedColour: UInt32? = nil) {
            self.name = name
            self.categories = categories
            self.values = values
            self.dashedColour = dashedColour
        }
    }

    public var kind: Kind
    public var title: String
    public var xAxisTitle: String?
    public var yAxisTitle: String?
    public var yAxisNumberFormat: String?
    public var yAxisMin: Double?
    public var yAxisMax: Double?
    public var series: [Series]
    public var widthScale: Double = 1
    public var heightScale: Double = 1

    public init(kind: Kind, title: String, xAxisTitle: String? = nil, yAxisTitle: String? = nil,
                yAxisNumberFormat: String? = nil, yAxisMin: Double? = nil, yAxisMax: Double? = nil,
                series: [Series], widthScale: Double = 1, heightScale: Double = 1) {
        self.kind = kind
        self.title = title
        self.xAxisTitle = xAxisTitle
        self.yAxisTitle = yAxisTitle
        self.yAxisNumberFormat = yAxisNumberFormat
        self.yAxisMin = yAxisMin
        self.yAxisMax = yAxisMax
        self.series = series
        self.widthScale = widthScale
        self.heightScale = heightScale
    }
}

/// A conditional format rule (for RAG colouring and status highlighting).
public enum ConditionalRule: Sendable, Hashable {
    case lessThan(Double, CellFormat)
    case greaterThan(Double, CellFormat)
    case greaterThanOrEqual(Double, CellFormat)
    case lessThanOrEqual(Double, CellFormat)
    case between(Double, Double, CellFormat)
    case equalTo(Double, CellFormat)
    case textContains(String, CellFormat)
}

/// A1-style references for charts and messages.
public enum CellRange {
    public static func column(_ col: Int) -> String {
        var n = col + 1
        var s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }

    public static func cell(_ row: Int, _ col: Int) -> String { "\(column(col))\(row + 1)" }

    /// `='Sheet name'!$B$2:$B$5`, quoting the sheet name as Excel requires.
    public static func formula(sheet: String, firstRow: Int, firstCol: Int, lastRow: Int, lastCol: Int) -> String {
        let quoted = "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'"
        return "=\(quoted)!$\(column(firstCol))$\(firstRow + 1):$\(column(lastCol))$\(lastRow + 1)"
    }
}
