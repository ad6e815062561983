/// The run's figures found by `MeasureKey` (school, measure, group, year): the one index the KS2 sheets,
/// the academy card, the trust overview and the frameworks read. Holds each row's place in `parts`, not a
/// copy of the row (copying 150k rows showed in profiles). When a key occurs twice the first row wins
/// (a slice never writes one key twice; if one did, the answer stays stable).
public struct MeasureIndex: Sendable {
    private struct Place: Sendable {
        let part: Int32
        let row: Int32
    }

    /// The rows indexed, as the caller gave them (one array per school and the trust's, or all in one).
    public let parts: [[MeasureRow]]
    private let places: [MeasureKey: Place]

    public init(_ rows: [MeasureRow]) { self.init(parts: [rows], capacity: rows.count) }

    /// The rows of `parts` in order, as if joined; only those `keep` accepts (given the row, in place,
    /// and the year it starts in), when given. Rows whose year text is no year are left out.
    public init(parts: [[MeasureRow]], capacity: Int = 0,
                keep: ((_ row: borrowing MeasureRow, _ startYear: Int) -> Bool)? = nil) {
        self.parts = parts
        var places: [MeasureKey: Place] = [:]
        places.reserveCapacity(capacity)
        // The few distinct year texts, each parsed once and found again by comparing (short, inline
        // strings; the last one first, as rows mostly come in runs of one year).
        var lastText: String?, lastYear: Int?
        var startYears: [(text: String, start: Int?)] = []
        for (p, rows) in parts.enumerated() {
            // Fields read in place: copying each row out retains all its texts.
            rows.withUnsafeBufferPointer { buffer in
                for i in buffer.indices {
                    if buffer[i].year != lastText {
                        let text = buffer[i].year
                        if let known = startYears.first(where: { $0.text == text }) {
                            lastYear = known.start
                        } else {
                            lastYear = AcademicYear(parsing: text)?.startYear
                            startYears.append((text, lastYear))
                        }
                        lastText = text
                    }
                    guard let year = lastYear else { continue }
                    if let keep, !keep(buffer[i], year) { continue }
                    let key = MeasureKey(urn: buffer[i].urn, measure: MeasureID(buffer[i].measure),
                                         group: MeasureGroup(buffer[i].group), startYear: year)
                    if places[key] == nil { places[key] = Place(part: Int32(p), row: Int32(i)) }
                }
            }
        }
        self.places = places
    }

    public subscript(key: MeasureKey) -> MeasureRow? {
        places[key].map { parts[Int($0.part)][Int($0.row)] }
    }

    /// A school's (or `TRUST`'s) figure for a measure, group and year.
    public func row(_ urn: String, _ measure: MeasureID, group: MeasureGroup = .all, year: AcademicYear) -> MeasureRow? {
        self[MeasureKey(urn: urn, measure: measure, group: group, year: year)]
    }

    public func row(_ urn: String, _ measure: MeasureID, group: PupilGroup, year: AcademicYear) -> MeasureRow? {
        row(urn, measure, group: MeasureGroup(group), year: year)
    }

    /// Every key with a figure (in no particular order).
    public var keys: some Collection<MeasureKey> { places.keys }
}
