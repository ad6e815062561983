import Foundation
@testable import TrustData

/// Every importer the reliability tests throw bad input at, behind one call: read a file, return the
/// accounting and the issues. Slice importers join this list as they land on main.
enum CorpusImporter: String, CaseIterable, Sendable, CustomStringConvertible {
    case schools, pupils, targets, benchmarks, ks2, phonics, attendanceSummary, attendanceMarks, finance, budgetMonitoring
    case eyfs, mtc, exclusions

    var description: String { rawValue }

    /// The register pupils are checked against: two schools, 100001 and 100002.
    static let register = SchoolRegister([
        School(urn: "100001", name: "Alder Primary", laName: "Essex", phase: "Primary", capacity: 210),
        School(urn: "100002", name: "Birch Primary", laName: "Suffolk", phase: "Primary", capacity: nil),
    ])

    func read(_ path: String) throws -> (stats: ImportStats, issues: [DataQualityIssue]) {
        let name = (path as NSString).lastPathComponent
        switch self {
        case .schools:
            let o = try SchoolsImporter.read(path: path, displayName: name)
            return (o.stats, o.issues)
        case .pupils:
            let o = try PupilsImporter.read(path: path, displayName: name, register: CorpusImporter.register)
            return (o.stats, o.issues)
        case .targets:
            let o = try TargetsImporter.read(path: path, displayName: name)
            return (o.stats, o.issues)
        case .benchmarks:
            let o = try BenchmarkImporter.read(path: path, displayName: name, level: .national)
            return (o.stats, o.issues)
        case .ks2:
            var seen: Set<String> = []
            let o = try KS2Importer.read(path: path, displayName: name, register: CorpusImporter.register,
                                         codes: CorpusImporter.ks2Codes, seen: &seen)
            return (o.stats, o.issues)
        case .phonics:
            let o = try PhonicsImporter.read(path: path, displayName: name, register: CorpusImporter.register,
                                             codes: CorpusImporter.phonicsCodes)
            return (o.stats, o.issues)
        case .attendanceSummary:
            let o = try AttendanceSummaryImporter.read(path: path, displayName: name, register: CorpusImporter.register)
            return (o.stats, o.issues)
        case .attendanceMarks:
            let o = try AttendanceMarksImporter.read(path: path, displayName: name, register: CorpusImporter.register,
                                                     roster: nil, codes: CorpusImporter.attendanceCodes)
            return (o.stats, o.issues)
        case .finance:
            var seen: Set<String> = []
            let o = try FinanceImporter.read(path: path, displayName: name, register: CorpusImporter.register, seen: &seen)
            return (o.stats, o.issues)
        case .budgetMonitoring:
            var seen: Set<String> = []
            let o = try BudgetMonitoringImporter.read(path: path, displayName: name, register: CorpusImporter.register, seen: &seen)
            return (o.stats, o.issues)
        case .eyfs:
            let o = try EYFSImporter.read(path: path, displayName: name, register: CorpusImporter.register, codes: CorpusImporter.table(EYFSSlice.codesFile))
            return (o.stats, o.issues)
        case .mtc:
            let o = try MTCImporter.read(path: path, displayName: name, register: CorpusImporter.register, codes: CorpusImporter.table(MTCSlice.codesFile))
            return (o.stats, o.issues)
        case .exclusions:
            let o = try ExclusionsImporter.read(path: path, displayName: name, register: CorpusImporter.register,
                                                codes: CorpusImporter.table(ExclusionsSlice.codesFile))
            return (o.stats, o.issues)
        }
    }

    static let phonicsCodes: PhonicsCodeTable = {
        var log = ImportLog()
        // The phonics fixture's tables (plain sources; the real ones quote commas in `source`).
        return try! PhonicsCodeTable.load(folder: fixturePath("phonics/reference"), displayFolder: "reference", log: &log)
    }()

    static let attendanceCodes: AttendanceCodeTable = {
        let path = (packageRoot() as NSString).appendingPathComponent("inputs/reference/attendance-codes.csv")
        return try! AttendanceCodeTable.read(path: path, displayName: "attendance-codes.csv").0
    }()

    /// The real code table from inputs/reference.
    static let ks2Codes: KS2CodeTable = {
        let path = (packageRoot() as NSString).appendingPathComponent("inputs/reference/ks2-codes.csv")
        return KS2CodeTable((try? KS2CodeTable.read(path: path, displayName: "ks2-codes.csv").records) ?? [])
    }()

    /// A real code table from inputs/reference (EYFS outcomes, multiplication check reasons, exclusion codes).
    static func table<C>(_ file: String) -> CodeTable<C> {
        var log = ImportLog()
        return try! CodeTable<C>.load(file, folder: (packageRoot() as NSString).appendingPathComponent("inputs/reference"), displayFolder: "reference", log: &log)
    }

    /// A small valid file for this importer: the seed the fuzzer mutates.
    var validSeed: String {
        switch self {
        case .schools:
            return "urn,school_name,la_name,phase,capacity,joined_trust\n100001,Alder Primary,Essex,Primary,210,01/09/2015\n100002,\"Birch, St Mary's\",Suffolk,Primary,,\n"
        case .pupils:
            return """
            academic_year,urn,upn,surname,forename,date_of_birth,gender,year_group,disadvantaged,sen,eal,admission_date,leaving_date
            2024/25,100001,G881200100001,Ash,Amy,01/03/2014,F,6,Y,N,N,01/09/2020,
            2024/25,100001,W881200100002,Beech,Ben,2014-05-02,M,6,N,K,Y,,
            2024/25,100002,K881200100003,"O'Neill, Jr",Cat,12/12/2013,F,Year 6,Yes,E,Polish,,31/07/2025

            """
        case .targets:
            return "year,urn,measure,group,target\n2024/25,100001,context.disadvantaged,all,50\n2024/25,TRUST,context.eal,girls,12.5\n"
        case .ks2:
            return """
            academic_year,urn,upn,surname,forename,gender,disadvantaged,sen,eal,reading,maths,gps,writing,fft_reading,fft_maths,fft_gps,fft_writing,fft_rwm_chance
            2024/25,100001,G881200100001,Ash,Amy,F,Y,N,N,112,110,115,GDS,108.0,106.5,110.0,EXS,80
            2024/25,100001,W881200100002,Beech,Ben,M,N,N,N,105,100,99,EXS,103.0,102.0,101.0,EXS,60
            2024/25,100002,K881200100003,Cedar,Cat,F,Y,K,Y,98,104+,A,WTS,101.5,99.0,100.0,EXS,40

            """
        case .phonics:
            return "academic_year,urn,upn,surname,forename,year_group,mark,outcome\n2024/25,100001,R881200100007,Gorse,Gus,1,36,Wa\n2024/25,100001,F881200100008,Holly,Hal,1,12,Wt\n2024/25,100002,V881200100009,Ivy,Ida,2,,D\n"
        case .attendanceSummary:
            return "academic_year,urn,upn,possible_sessions,present_sessions,authorised_absence,unauthorised_absence,approved_activity,period_start,period_end\n2024/25,100001,K881200100003,190,171,15,4,,2024-09-02,2025-02-14\n2024/25,100001,K881200100003,190,171,15,4,,2025-02-24,2025-07-18\n2024/25,100002,Z881200100004,380,343,30,7,,2024-09-02,2025-07-18\n"
        case .attendanceMarks:
            return "urn,upn,date,session,code\n100001,G881200100001,2024-09-02,AM,/\n100001,G881200100001,2024-09-02,PM,\\\n100001,G881200100001,03/09/2024,AM,L\n100002,W881200100002,2024-09-03,PM,N\n100002,W881200100002,2024-09-04,AM,X\n"
        case .finance:
            return "financial_year,urn,status,gag_income,other_dfe_income,other_government_income,self_generated_income,total_income,staff_costs,total_expenditure,revenue_reserves_brought_forward,revenue_reserves_carried_forward,transfers,pupils_fte,previous_category\n2024-25,100001,actual,1000000,100000,50000,50000,1200000,900000,1180000,30000,50000,,200,Universal\n2024-25,100002,budget,\"£800,000\",40000,30000,30000,900000,700000,890000,(14000),-4000,,180,\n2024-25,CENTRAL,actual,0,0,0,20000,20000,15000,18000,5000,7000,,,\n"
        case .budgetMonitoring:
            return "financial_year,month,urn,cost_centre,annual_budget,actual_to_date,forecast_outturn\n2024-25,5,100001,Teaching staff,500000,200000,500000\n2024-25,February,100001,Teaching staff,500000,250000,500000\n2024-25,3,CENTRAL,Premises,\"1,000\",10,\n"
        case .eyfs:
            let goals = (1...17).map { "ELG\($0 < 10 ? "0" : "")\($0)" }.joined(separator: ",")
            return "Academic Year,School URN,UPN,Legal Surname,Legal Forename,\(goals),GLD\n"
                + "2024/25,100001,G881200100001,Ash,Amy," + Array(repeating: "Expected", count: 17).joined(separator: ",") + ",Y\n"
                + "2024/25,100001,W881200100002,Beech,Ben," + (Array(repeating: "2", count: 16) + ["1"]).joined(separator: ",") + ",Y\n"
                + "2024/25,100002,K881200100003,Cedar,Cat," + Array(repeating: "", count: 17).joined(separator: ",") + ",N\n"
        case .mtc:
            return "Academic Year,URN,UPN,Surname,Forename,NC Year,Score,Reason\n2024/25,100001,G881200100001,Ash,Amy,4,25,\n2024/25,100001,W881200100002,Beech,Ben,4,,A\n2024/25,100002,K881200100003,Cedar,Cat,Year 4,17,\n"
        case .exclusions:
            return "School URN,UPN,Legal Surname,Legal Forename,Exclusion Type,Start Date,Sessions,Days,Reason\n100001,G881200100001,Ash,Amy,FIXD,10/10/2024,2,,PD\n100001,G881200100001,Ash,Amy,LNCH,2025-02-05,1,,VA\n100002,K881200100003,Cedar,Cat,PERM,01/05/2025,,,PA\n100002,W881200100002,Beech,Ben,Suspension,03/03/2025,,1.5,DM\n"
        case .benchmarks:
            return "year,area,measure,group,value,source\n2024/25,England,context.disadvantaged,all,25.7,DfE\n2024/25,Essex,context.eal,boys,\"1,234.5\",\"DfE, 2025\"\n"
        }
    }
}

/// The folder of this file, for locating the committed corpus and goldens.
func reliabilityFolder(file: String = #filePath) -> String {
    (file as NSString).deletingLastPathComponent
}

/// The package root (the folder holding Package.swift).
func packageRoot(file: String = #filePath) -> String {
    var url = URL(fileURLWithPath: file)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
    }
    return FileManager.default.currentDirectoryPath
}
