import ArgumentParser
import Foundation
import TrustData

/// `trustdata generate`: a fictional trust in the canonical input formats, the same bytes for the same seed.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a fictional trust's exports (all datasets, several years) deterministically from a seed.",
        discussion: """
        Used for the shipped sample trust (inputs/sample) and the large-trust benchmark. Pupil data is \
        FICTIONAL. Example: trustdata generate --schools 100 --pupils 40000 --years 3 --attendance marks \
        --seed 1 --out /tmp/large-trust
        """)

    @Option(help: "Number of academies.") var schools = 4
    @Option(help: "Pupils on roll (Reception to Year 6) across the trust in the current year, approximately.") var pupils = 850
    @Option(help: "Years of data ending with --academic-year.") var years = 3
    @Option(name: .customLong("academic-year"), help: "The current academic year, e.g. 2024/25.") var academicYear = "2024/25"
    @Option(help: "Attendance as session marks for the current year (summaries before it), summaries only, or none: marks | summary | none.")
    var attendance = "marks"
    @Option(name: .customLong("marks-layout"), help: "How attendance_marks.csv lays the marks out: long (a row per session) or weekly (a column per week of mark strings).")
    var marksLayout = "long"
    @Option(name: .customLong("marks-through"), help: "Last date with session marks (yyyy-mm-dd); default the whole year.")
    var marksThrough: String?
    @Option(name: .customLong("las"), help: "Comma-separated local authorities the schools are spread over.")
    var localAuthorities = "Essex,Suffolk,Hampshire"
    @Option(help: "Random seed (the same seed gives the same bytes).") var seed: UInt64 = 1
    @Option(help: "Output folder.") var out: String

    func run() throws {
        var options = GeneratorOptions()
        options.schools = schools
        options.pupils = pupils
        options.years = years
        guard let year = AcademicYear(parsing: academicYear) else { throw ValidationError("--academic-year: write it like 2024/25.") }
        options.currentYear = year
        guard let form = GeneratorOptions.AttendanceForm(rawValue: attendance) else {
            throw ValidationError("--attendance must be marks, summary or none.")
        }
        options.attendance = form
        guard let layout = GeneratorOptions.MarksLayout(rawValue: marksLayout) else {
            throw ValidationError("--marks-layout must be long or weekly.")
        }
        options.marksLayout = layout
        if let marksThrough {
            guard let date = CalendarDate(parsing: marksThrough) else { throw ValidationError("--marks-through: write yyyy-mm-dd.") }
            options.marksThrough = date
        }
        options.localAuthorities = localAuthorities.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        options.seed = seed
        let start = Date()
        let files = try TrustGenerator(options: options).write(to: out)
        for file in files {
            print(file.name.padding(toLength: 24, withPad: " ", startingAt: 0) + String(format: "%10d lines %12d bytes", file.lines, file.bytes))
        }
        print(String(format: "Wrote %d files to %@ in %.2f s (fictional data, seed %llu).", files.count, out, Date().timeIntervalSince(start), seed))
    }
}
