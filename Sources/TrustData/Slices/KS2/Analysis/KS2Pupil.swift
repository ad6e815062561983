/// FFT-style estimates for one pupil, as exported from FFT Aspire at the pipeline's benchmark.
public struct FFTEstimates: Sendable, Hashable {
    public var reading: Double?
    public var maths: Double?
    public var gps: Double?
    /// Estimated writing band (WTS/EXS/GDS, or PK/EM).
    public var writing: String?
    /// Chance (0–100) of the expected standard in RWM.
    public var rwmChance: Double?
    /// Estimated band per subject as FFT gives it, in trustdata's words (`FFTBand`: GDS, EXS, WTS, BLW;
    /// writing also PK1–PK6, EM). Tests: used when there is no estimated scaled score.
    public var bands: [KS2Subject: String] = [:]
    /// Chance (0–100) of the expected standard per subject (reading, writing, maths, GPS).
    public var chances: [KS2Subject: Double] = [:]
    /// The FFT benchmark the estimates were exported at (FFT20, FFT50, FFT5), when the file says.
    public var benchmark: String?

    public init(reading: Double? = nil, maths: Double? = nil, gps: Double? = nil, writing: String? = nil, rwmChance: Double? = nil) {
        self.reading = reading
        self.maths = maths
        self.gps = gps
        self.writing = writing
        self.rwmChance = rwmChance
    }

    public func score(_ subject: KS2Subject) -> Double? {
        switch subject {
        case .reading: return reading
        case .maths: return maths
        case .gps: return gps
        default: return nil
        }
    }

    public var isEmpty: Bool {
        reading == nil && maths == nil && gps == nil && writing == nil && rwmChance == nil && bands.isEmpty && chances.isEmpty
    }

    /// These estimates with `other`'s filling what these lack (`other`: the results file's own columns).
    func filled(from other: FFTEstimates) -> FFTEstimates {
        var e = self
        e.reading = reading ?? other.reading
        e.maths = maths ?? other.maths
        e.gps = gps ?? other.gps
        e.writing = writing ?? other.writing
        e.rwmChance = rwmChance ?? other.rwmChance
        e.bands = bands.merging(other.bands) { mine, _ in mine }
        e.chances = chances.merging(other.chances) { mine, _ in mine }
        e.benchmark = benchmark ?? other.benchmark
        return e
    }
}

/// One pupil's KS2 results in one academic year, joined to the roster for characteristics.
public struct KS2Pupil: Sendable, Hashable {
    public var year: AcademicYear
    public var urn: String
    public var upn: String
    public var surname: String
    public var forename: String
    /// Characteristics from the results file, filled from the roster where the file is silent.
    public var characteristics: PupilCharacteristics
    /// Characteristics as the results file gave them (before the roster join).
    public var fileCharacteristics: PupilCharacteristics
    public var results: [KS2Subject: KS2SubjectResult]
    public var estimates: FFTEstimates
    public var onRoster: Bool = true
    public var file: String
    public var line: Int

    public init(year: AcademicYear, urn: String, upn: String, surname: String, forename: String,
                characteristics: PupilCharacteristics, results: [KS2Subject: KS2SubjectResult],
                estimates: FFTEstimates, file: String, line: Int) {
        self.year = year
        self.urn = urn
        self.upn = upn
        self.surname = surname
        self.forename = forename
        self.characteristics = characteristics
        self.fileCharacteristics = characteristics
        self.results = results
        self.estimates = estimates
        self.file = file
        self.line = line
    }

    public func result(_ subject: KS2Subject) -> KS2SubjectResult {
        if subject == .rwm, results[.rwm] == nil, let r = results[.reading], let w = results[.writing], let m = results[.maths] {
            return .rwm(reading: r, writing: w, maths: m)
        }
        return results[subject] ?? .notCounted(raw: "", reason: "no result")
    }

    public var groups: [PupilGroup] { PupilGroup.memberships(of: characteristics) }
    public func isIn(_ group: PupilGroup) -> Bool { groups.contains(group) }
    public var displayName: String { "\(surname), \(forename)" }
}
