import Foundation
@testable import TrustData

/// Two schools, two pupils each, a few attendance marks, laid out like real exports in a temporary
/// folder, with the repository's reference tables and DfE benchmarks: small enough to work every figure
/// by hand (see the suites using it).
struct TwoSchoolTrust {
    let folder: String
    var pipeline: String { folder + "/pipeline.yml" }
    var output: String { folder + "/out" }

    static let alder = "100001", birch = "100002"
    static func upn(_ school: Int, _ pupil: Int) -> String { TrialTrust.upn(school: school, pupil: pupil) }

    /// `marks` nil: no attendance-marks file. `inputs`: more files, by input key (`ks2`), as their text
    /// (written as `<key>.csv`).
    init(schoolNames: [String] = ["Alder Primary", "Birch Primary"], extraPupilRows: String = "", marks: String?,
         inputs: [(key: String, text: String)] = [], pipelineExtra: String = "", name: String = #function) throws {
        folder = try makeTemporaryFolder(name)
        var schools = "urn,school_name,la_name,phase,capacity\n"
        for (i, n) in schoolNames.enumerated() { schools += "\(100001 + i),\"\(n.replacingOccurrences(of: "\"", with: "\"\""))\",Essex,Primary,210\n" }
        var pupils = "academic_year,urn,upn,surname,forename,date_of_birth,gender,year_group,disadvantaged,sen,eal\n"
        for s in 0..<schoolNames.count {
            for p in 0..<2 {
                pupils += "2024/25,\(100001 + s),\(Self.upn(s, p)),Surname\(s)x\(p),Forename\(s)y\(p),01/03/2014,F,6,N,N,N\n"
            }
        }
        pupils += extraPupilRows
        try schools.write(toFile: folder + "/schools.csv", atomically: true, encoding: .utf8)
        try pupils.write(toFile: folder + "/pupils.csv", atomically: true, encoding: .utf8)
        var inputLines = ""
        if let marks {
            try ("urn,upn,date,session,code\n" + marks).write(toFile: folder + "/attendance_marks.csv", atomically: true, encoding: .utf8)
            inputLines += "  attendance_marks: attendance_marks.csv\n"
        }
        for (key, text) in inputs {
            try text.write(toFile: folder + "/\(key).csv", atomically: true, encoding: .utf8)
            inputLines += "  \(key): \(key).csv\n"
        }
        let root = packageRoot()
        try """
        version: 1
        name: two
        trust: Two School Trust
        academic_year: 2024/25
        output: out
        inputs:
          schools: schools.csv
          pupils: pupils.csv
        \(inputLines)  reference: \(root)/inputs/reference
          benchmarks: \(root)/inputs/benchmarks
        \(pipelineExtra)
        """.write(toFile: pipeline, atomically: true, encoding: .utf8)
    }

    /// Rows of a CSV output, parsed by the project's reader (quotes undone).
    func csv(_ name: String) throws -> [[String]] {
        try CSVReader.readAll(path: output + "/" + name).map(\.fields)
    }
}
