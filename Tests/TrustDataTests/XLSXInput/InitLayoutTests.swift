import Foundation
import Testing
@testable import TrustData

/// `trustdata init` names a layout for every input it reads (#17): one realistic export per dataset,
/// the newer ones included (EYFS, MTC, suspensions and exclusions, Ofsted's management information,
/// the trust's judgements, the AAR, the benchmarking file, the BFR and its three-year summary, FFT
/// estimates, performance tables, and the three attendance-marks layouts). Each file is the fixture the
/// dataset's own tests read, so each is laid out as the real export is.
@Suite struct InitLayoutTests {
    /// Fixture → (name in the exports folder, input key, layout named).
    static let files: [(String, String, String, String)] = [
        ("attendance-layouts/schools.csv", "schools.csv", "schools", "register: one row per academy"),
        ("attendance-layouts/pupils.csv", "Census 2024-25.csv", "pupils", "census roster: one row per pupil per year"),
        ("attendance-layouts/marks-long.csv", "Attendance marks (long).csv", "attendance_marks", "long: one row per session"),
        ("attendance-layouts/marks-weekly.csv", "Attendance marks (weekly).csv", "attendance_marks",
         "weekly strings: one row per pupil, 2 week columns (w/c 02/09/2024 to w/c 09/09/2024)"),
        ("attendance-layouts/marks-sessions.csv", "Attendance marks (sessions).csv", "attendance_marks",
         "one column per session: one row per pupil, 22 session columns (02/09/2024 to 14/09/2024)"),
        ("attendance-layouts/summary-census.csv", "Attendance summary (census).csv", "attendance_summary",
         "census-style summary: one row per pupil, present worked out"),
        ("datasets/eyfs.csv", "EYFS profile 2025.csv", "eyfs", "EYFS profile: one row per child, the 17 ELG outcomes"),
        ("eyfs/eyfs.csv", "EYFS GLD 2025.csv", "eyfs", "EYFS profile: one row per child, GLD only"),
        ("datasets/mtc.csv", "MTC 2025.csv", "mtc", "multiplication tables check: one row per Year 4 pupil, score or reason"),
        ("datasets/exclusions.csv", "Suspensions and exclusions.csv", "exclusions",
         "behaviour export: one row per suspension or permanent exclusion"),
        ("dfe/ofsted/leeds_ofsted_extract.csv", "Ofsted MI latest inspections.csv", "ofsted",
         "Ofsted management information: one row per school, latest inspections"),
        ("judgements/judgements.csv", "Trust reviews.csv", "judgements", "the trust's reviews: one row per school per review"),
        ("finance/published/aar_academies_2023-24.csv", "aar_academies_2023-24.csv", "aar",
         "academies accounts return (DfE extract): one row per academy, a column per line"),
        ("finance/published/AcademiesTransparency_2023-24.xlsx", "AcademiesTransparency_2023-24.xlsx", "finance_benchmarking",
         "academies benchmarking (transparency) file: one row per academy"),
        ("finance/published/bfr_2024-25.csv", "bfr_2024-25.csv", "bfr", "budget forecast return: one row per EFA line, Y1P1…Y3P2"),
        ("finance/published/bfr_3y_2024-25.csv", "bfr_3y_2024-25.csv", "bfr_3y",
         "budget forecast return, three-year summary: one row per EFA line"),
        ("exports/FFT Aspire KS2 estimates 2025.csv", "FFT Aspire KS2 estimates 2025.csv", "fft",
         "FFT Aspire estimates: one row per pupil (estimated scores, bands, chances of EXS+)"),
        ("dfe/england_ks2final_2023-24_suppressed.csv", "2023-2024/england_ks2final.csv", "performance_tables",
         "DfE performance tables (england_ks2final): one row per school, LA and England"),
    ]

    @Test func everyDatasetPlacedWithItsLayoutNamed() throws {
        let folder = try makeTemporaryFolder() + "/exports"
        for (from, to, _, _) in Self.files {
            let path = folder + "/" + to
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: fixturePath(from), toPath: path)
        }
        let plan = try ExportFolder.plan(folder: folder, pipelinePath: folder + "/../pipeline.yml", reference: nil, benchmarks: nil,
                                         today: CalendarDate(year: 2025, month: 12, day: 3)!)
        let rows = Dictionary(uniqueKeysWithValues: plan.rows.map { ($0.file, $0) })
        for (_, file, key, layout) in Self.files {
            let row = try #require(rows[file], "\(file) not in the table")
            #expect(row.dataset == key, "\(file): \(row.dataset ?? "-") \(row.notes)")
            #expect(row.layout == layout, "\(file)")
            #expect(row.confidence > 0, "\(file)")
        }
        // The wide marks files' dated columns are the layout's, not headings left over.
        #expect(plan.pipeline.contains("attendance_marks:\n    - Attendance marks (long).csv   # long: one row per session"))
        #expect(plan.pipeline.contains("performance_tables: 2023-2024/england_ks2final.csv"))
    }

    /// The wide layouts by their dated headings alone: a week per column, a session per column, or
    /// neither (no dated heading, or weeks and sessions mixed, which the import refuses too).
    @Test func wideAttendanceLayoutsFromHeadings() {
        func kind(_ headings: [String]) -> String {
            let sample = ExportSample(path: "/x/marks.csv", headings: headings, rows: [])
            guard let (kind, columns) = AttendanceSlice.wideLayout(sample) else { return "-" }
            return "\(kind) \(columns.map(\.position))"
        }
        #expect(kind(["UPN", "URN", "Week commencing 2024-09-02", "Week commencing 2024-09-09"]) == "weekly [2, 3]")
        #expect(kind(["URN", "UPN", "Name", "Mon 02/09/2024 AM", "Mon 02/09/2024 PM"]) == "sessions [3, 4]")
        #expect(kind(["URN", "UPN", "Name", "Mark"]) == "-")
        #expect(kind(["URN", "UPN", "w/c 02/09/2024", "Mon 09/09/2024 AM"]) == "-")
        #expect(kind(["Pupil", "w/c 02/09/2024"]) == "-")
    }
}
