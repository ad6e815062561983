import Foundation
import Testing
@testable import TrustData

/// The README's "Adding a dataset" example is the real EYFS slice (`Sources/TrustData/Slices/EYFS/`),
/// run through the same generic steps the registry loops use, on an export giving only the GLD flag.
@Suite struct ExampleSliceTests {
    @Test func theEYFSExampleImportsAnalysesAndPseudonymises() throws {
        var config = try PipelineConfig.load(path: fixturePath("minitrust/pipeline.yml"))
        config.inputs["eyfs"] = FileList([fixturePath("eyfs/eyfs.csv")])
        config.inputs.reference = fixturePath("../../../inputs/reference")
        let dataset = try ImportStage(config: config, threads: 1).run()

        var log = ImportLog()
        let rows = try #require(try EYFSSlice.load(config, register: dataset.register, log: &log))
        // The outcome codes (5 rows) then the export: five rows, four accepted, URN 999999 rejected (not in the register).
        #expect(log.stats.map(\.rowsRead) == [5, 5])
        #expect(log.stats.map(\.rowsRejected) == [0, 1])
        #expect(log.issues.map(\.code) == [.unknownSchool])
        #expect(rows.records.count == 4)

        var withEYFS = dataset
        withEYFS.setRows(rows, for: EYFSSlice.self)
        let context = AnalysisContext(config: config, schools: dataset.register.schools, roster: dataset.roster,
                                      benchmarks: dataset.benchmarks, targets: dataset.targets)
        let indexed = try #require(EYFSSlice.indexed(withEYFS, context: context))
        var reports = dataset.register.schools.map { SchoolReport(school: $0) }
        for i in reports.indices { indexed.school(reports[i].school, &reports[i]) }
        var trust = TrustReport(schools: reports)
        indexed.trust(reports)(&trust)
        // Alder: 2 of 3 pupils reached a GLD; Birch 1 of 1; the trust pools them: 3 of 4 = 75%.
        let alder = try #require(reports[0].part(EYFSSlice.self)?.measures.first)
        #expect((alder.measure, alder.numerator, alder.denominator) == ("eyfs.gld", 2, 3))
        let pooled = try #require(trust.part(EYFSSlice.self)?.measures.first)
        #expect((pooled.urn, pooled.numerator, pooled.denominator, pooled.value) == (MeasureRow.trustURN, 3, 4, 75))

        EYFSSlice.pseudonymise(&withEYFS, by: Pseudonymiser(key: "a key of at least sixteen characters"))
        let upns = Set(withEYFS.rows(EYFSSlice.self)!.records.map(\.upn))
        #expect(upns.allSatisfy { $0.hasPrefix("P") && $0.count == 13 })
        #expect(upns.isDisjoint(with: rows.records.map(\.upn)))

        let out = try makeTemporaryFolder()
        let workbook = try Workbook(path: out + "/alder.xlsx", title: "Alder")
        try EYFSSlice.writeSchoolSheets(reports[0], workbook: workbook, context: context)
        try workbook.close()
        let book = try IndependentReader.read(out + "/alder.xlsx")
        #expect(book.sheetNames == ["EYFS"])
        // The headline table: its section title, header, then GLD: 2 of 3, as a percentage cell.
        #expect(book["EYFS"]?.text("A7") == "Good level of development")
        #expect(book["EYFS"]?.number("B7") == 2)
        #expect(book["EYFS"]?.number("C7") == 3)
        #expect(abs((book["EYFS"]?.number("D7") ?? 0) - 2.0 / 3) < 1e-9)
    }
}
