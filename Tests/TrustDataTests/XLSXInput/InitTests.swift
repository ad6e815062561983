import Foundation
import Testing
@testable import TrustData

/// `trustdata init` on a folder laid out as a data manager's exports arrive (fictional pupils, real
/// headings): a register, a SIMS census workbook, the trust's KS2 workbook and the STA's CSV in a
/// subfolder, targets, Year 3–5 assessments, an attendance summary with a misspelt heading, and two
/// files nothing reads. Every file is placed under the right key, and the pipeline it writes validates.
@Suite struct InitTests {
    static func exportsFolder() throws -> String {
        let folder = try makeTemporaryFolder() + "/Northfield exports"
        let fm = FileManager.default
        try fm.createDirectory(atPath: folder + "/STA", withIntermediateDirectories: true)
        let copies = [
            ("ks2/schools.csv", "Schools register.csv"),
            ("xlsx/ks2/pupils.xlsx", "Census Spring 2025.xlsx"),
            ("xlsx/ks2/ks2-trust.xlsx", "KS2 results 2025.xlsx"),
            ("ks2/targets.csv", "Trust targets.csv"),
            ("ks2/assessments.csv", "Y3-5 assessments.csv"),
        ]
        for (from, to) in copies { try fm.copyItem(atPath: fixturePath(from), toPath: folder + "/" + to) }
        // The school's own STA download has no URN or year column: both are in its name.
        let sta = try String(contentsOfFile: fixturePath("ks2/ks2-sta.csv"), encoding: .utf8).split(separator: "\n")
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).dropFirst(2).joined(separator: ",") }.joined(separator: "\n") + "\n"
        try sta.write(toFile: folder + "/STA/Birch 100002 KS2 2025.csv", atomically: true, encoding: .utf8)
        // A summary export whose unauthorised heading is misspelt: placed, with the mapping to check.
        try """
        Academic Year,URN,UPN,Possible Sessions,Present Sessions,Authorised Absences,Unauthorised Absenses
        2024/25,100001,G881200100001,300,280,15,5
        2024/25,100001,W881200100002,300,290,10,0

        """.write(toFile: folder + "/Attendance summary.csv", atomically: true, encoding: .utf8)
        try "Staff,Room,Phone\nMs Ash,12,2201\n".write(toFile: folder + "/staff list.csv", atomically: true, encoding: .utf8)
        try "not,a,table".write(toFile: folder + "/readme.txt", atomically: true, encoding: .utf8)
        return folder
    }

    @Test func everyExportPlacedAndThePipelineValidates() throws {
        let folder = try Self.exportsFolder()
        let pipeline = (folder as NSString).deletingLastPathComponent + "/pipelines/northfield.yml"
        let reference = fixturePath("../../../inputs/reference")
        let plan = try ExportFolder.plan(folder: folder, pipelinePath: pipeline, reference: reference, benchmarks: nil,
                                         today: CalendarDate(year: 2025, month: 12, day: 3)!)
        let placed = Dictionary(uniqueKeysWithValues: plan.rows.map { ($0.file, $0.dataset ?? "-") })
        #expect(placed == [
            "Attendance summary.csv": "attendance_summary",
            "Census Spring 2025.xlsx": "pupils",
            "KS2 results 2025.xlsx": "ks2",
            "STA/Birch 100002 KS2 2025.csv": "ks2",
            "Schools register.csv": "schools",
            "Trust targets.csv": "targets",
            "Y3-5 assessments.csv": "assessments",
            "readme.txt": "-",
            "staff list.csv": "-",
        ], "\(plan.table)")
        // The newest year in the files' year columns (KS2 holds 2023/24 and 2024/25).
        #expect(plan.academicYear == AcademicYear(startYear: 2024))
        // The misspelt heading is proposed as a mapping to check, and said so in the table.
        #expect(plan.pipeline.contains("column_mappings:\n  attendance_summary:\n    unauthorised_absence: Unauthorised Absenses"))
        let summary = try #require(plan.rows.first { $0.file == "Attendance summary.csv" })
        #expect(summary.notes.contains("`unauthorised_absence` taken from `Unauthorised Absenses`: check it"))
        #expect(summary.confidence < 1 && summary.confidence > 0.8)
        // What could not be placed says why: the staff list's headings fit nothing and are listed.
        let staff = try #require(plan.rows.first { $0.file == "staff list.csv" })
        #expect(staff.notes.last == "headings: `Staff`, `Room`, `Phone`")
        #expect(plan.table.contains("staff list.csv"))

        // The pipeline it writes is read and validated as a user's would be: every placed file imports.
        try FileManager.default.createDirectory(atPath: (pipeline as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try plan.pipeline.write(toFile: pipeline, atomically: true, encoding: .utf8)
        let config = try PipelineConfig.load(path: pipeline)
        #expect(config.inputs["ks2"]?.paths == ["KS2 results 2025.xlsx", "STA/Birch 100002 KS2 2025.csv"])
        // The URN and the year the STA file lacks are fixed from its name (2025 = the summer of 2024/25).
        #expect(config.inputs["ks2"]?.entries.last?.fixed == ["urn": "100002", "academic_year": "2024/25"])
        #expect(config.inputs.schools == "Schools register.csv")
        let dataset = try ImportStage(config: config).run()
        let read = Set(dataset.log.stats.map(\.file))
        for file in placed.filter({ $0.value != "-" }).keys { #expect(read.contains(file), "\(file) not read") }
        // The KS2 workbook gives the hand-worked figures' books: 20 rows read as in KS2ImportTests' CSV.
        let ks2 = try #require(dataset.log.stats.first { $0.file == "KS2 results 2025.xlsx" })
        #expect(ks2.rowsRead == 19 && ks2.sheet == "KS2 2025")
    }

    @Test func urnAndYearFromFileAndFolderNames() {
        let sample = ExportSample(path: "/x/2024-25/Alder 138031 KS2.csv", headings: ["UPN"], rows: [])
        #expect(FixedValueGuess.value(for: "urn", in: sample)?.value == "138031")
        #expect(FixedValueGuess.value(for: "academic_year", in: sample).map { "\($0.value) from \($0.from)" } == "2024/25 from folder name")
        let summer = ExportSample(path: "/x/KS2 2025.xlsx", headings: [], rows: [])
        #expect(FixedValueGuess.value(for: "academic_year", in: summer)?.value == "2024/25")
    }
}
