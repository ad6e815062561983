import Foundation

/// `trustdata init EXPORTS_FOLDER`: looks at every CSV and XLSX export in a folder, recognises each
/// file's dataset and layout (`Slice.recognise`, and the register, roster and targets by their schemas),
/// and drafts a commented pipeline file that reads every file it placed.
public enum ExportFolder {
    /// The inputs every pipeline shares, recognised by their schemas like a slice's.
    static var sharedSchemas: [DatasetSchema] {
        [SchoolsImporter.schema, PupilsImporter.schema, TargetsImporter.schema, PerformanceTablesImporter.schema]
    }

    /// Plans the pipeline for `folder`, to be written at `pipelinePath`. `reference` and `benchmarks`:
    /// the shipped code tables and DfE benchmark folders (absolute or relative to the working folder).
    public static func plan(folder: String, pipelinePath: String, reference: String?, benchmarks: String?,
                            today: CalendarDate = CalendarDate.today) throws -> InitPlan {
        let root = absolute(folder)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder), isFolder.boolValue else {
            throw PipelineError.configuration("\(folder) is not a folder. Give the folder your exports are in: trustdata init EXPORTS_FOLDER")
        }
        let files = exportFiles(in: root)
        var rows: [InitPlan.Row] = []
        var chosen: [(file: String, match: ExportMatch, sample: ExportSample)] = []
        for file in files {
            let sample: ExportSample
            do {
                sample = try ExportSample.read(path: (root as NSString).appendingPathComponent(file))
            } catch {
                rows.append(.init(file: file, dataset: nil, layout: "-", confidence: 0, notes: [reason(error)]))
                continue
            }
            let matches = candidates(sample)
            let placed = matches.filter(\.placed).sorted { ($0.matched, $0.confidence) > ($1.matched, $1.confidence) }
            guard let best = placed.first, best.confidence > 0 else {
                let nearest = matches.max { ($0.matched, -$0.missing.count) < ($1.matched, -$1.missing.count) }
                var notes = ["no dataset fits its headings"]
                if let nearest, nearest.matched > 0 {
                    notes = ["nearest is \(nearest.inputKey), but it has no column for \(nearest.missing.map { "`\($0)`" }.joined(separator: ", "))"] + nearest.notes
                }
                notes.append("headings: " + sample.headings.map { "`\($0)`" }.joined(separator: ", "))
                rows.append(.init(file: file, dataset: nil, layout: "-", confidence: 0, notes: notes))
                continue
            }
            chosen.append((file, best, sample))
        }
        // A key that reads one file (the register) takes the most confident; mappings are per key, so a
        // file needing a mapping its key's other files contradict is left out.
        var byKey: [String: [(file: String, match: ExportMatch, sample: ExportSample)]] = [:]
        for c in chosen { byKey[c.match.inputKey, default: []].append(c) }
        var placed: [String: [String]] = [:]
        var mappings: [String: [String: String]] = [:]
        var notesByFile: [String: [String]] = [:]
        var fixed: [String: [String: String]] = [:]
        var rejected: [String: String] = [:]
        for (key, list) in byKey {
            var ordered = list.sorted { $0.match.confidence > $1.match.confidence }
            if key == "schools", ordered.count > 1 {
                for extra in ordered.dropFirst() { rejected[extra.file] = "a second school register (\(ordered[0].file) is used)" }
                ordered = [ordered[0]]
            }
            for c in ordered {
                // A key's mappings apply to each of its files: every file must hold every mapped heading.
                let current = mappings[key] ?? [:]
                let clash = c.match.columnMappings.first { name, heading in current[name].map { $0 != heading } ?? false }
                let lacking = current.first { name, heading in !c.sample.headings.contains(heading) }
                let others = chosen.filter { placed[key]?.contains($0.file) ?? false }
                let unheld = c.match.columnMappings.first { _, heading in others.contains { !$0.sample.headings.contains(heading) } }
                if let (name, heading) = clash ?? lacking ?? unheld {
                    rejected[c.file] = "`\(name)` would need the heading `\(heading)` in every \(key) file, and not all have it; rename the heading in the export or give this file its own pipeline"
                    continue
                }
                mappings[key, default: [:]].merge(c.match.columnMappings) { a, _ in a }
                placed[key, default: []].append(c.file)
                fixed[c.file] = c.match.fixedValues.mapValues(\.value)
                notesByFile[c.file] = titleNote(c.sample) + c.match.columnMappings.sorted { $0.key < $1.key }.map { "`\($0.key)` taken from `\($0.value)`: check it" }
                    + c.match.fixedValues.sorted { $0.key < $1.key }.map { "`\($0.key)` \($0.value.value) from its \($0.value.from)" }
                    + c.match.notes
            }
        }
        for key in placed.keys { placed[key]!.sort() }
        for c in chosen {
            let notes = rejected[c.file].map { ["not placed: " + $0] } ?? notesByFile[c.file] ?? []
            rows.append(.init(file: c.file, dataset: rejected[c.file] == nil ? c.match.inputKey : nil, layout: c.match.layout,
                              confidence: c.match.confidence, notes: notes))
        }
        rows.sort { $0.file < $1.file }
        if placed["schools"] == nil {
            rows.append(.init(file: "(none)", dataset: nil, layout: "-", confidence: 0,
                              notes: ["no school register found: every pipeline needs one (`urn`, `school_name`, `la_name`); add it as schools.csv and run init again"]))
        }
        let year = academicYear(chosen.filter { rejected[$0.file] == nil }, today: today)
        let text = PipelineDraft(folder: root, pipelinePath: absolute(pipelinePath), files: placed, fixed: fixed, mappings: mappings, rows: rows,
                                 academicYear: year, reference: reference.map(absolute), benchmarks: benchmarks.map(absolute)).text
        return InitPlan(pipeline: text, rows: rows, academicYear: year)
    }

    /// Every match a file could be: the shared inputs' and each slice's (`Slice.recognise`).
    static func candidates(_ sample: ExportSample) -> [ExportMatch] {
        sharedSchemas.map { ExportRecogniser.match(sample, schema: $0, fixedValuesSupported: $0.dataset != "schools") }
            + SliceRegistry.all.flatMap { $0.recognise(sample, fixedValuesSupported: true) }
    }

    /// CSV, text and workbook files in the folder and its subfolders, relative to it, sorted.
    static func exportFiles(in root: String) -> [String] {
        let kinds: Set<String> = ["csv", "txt", "tsv", "xlsx", "xlsm"]
        let all = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? []
        return all.filter { kinds.contains(($0 as NSString).pathExtension.lowercased()) && !($0 as NSString).lastPathComponent.hasPrefix("~$") }.sorted()
    }

    /// The newest academic year in the files' year columns (what the workbooks should lead with); the
    /// current one when no file has a year.
    static func academicYear(_ files: [(file: String, match: ExportMatch, sample: ExportSample)], today: CalendarDate) -> AcademicYear {
        var years: [AcademicYear] = []
        for f in files {
            let names = Set((["academic_year"] + (f.match.columnMappings["academic_year"].map { [$0] } ?? [])).map(DatasetSchema.normalise))
            let schema = (sharedSchemas + SliceRegistry.all.flatMap { $0.schemas }).first { $0.dataset == f.match.inputKey }
            let aliases = Set((schema?.column("academic_year")?.aliases ?? []).map(DatasetSchema.normalise)).union(names)
            for (i, h) in f.sample.headings.enumerated() where aliases.contains(DatasetSchema.normalise(h)) {
                years += f.sample.values(i).compactMap(AcademicYear.init(parsing:))
            }
        }
        return years.max() ?? today.academicYear
    }

    /// "headings on line 4 (lines 1–3 above them skipped: a report title)", for a file with title rows.
    static func titleNote(_ sample: ExportSample) -> [String] {
        let n = sample.headerLine
        guard n > 1 else { return [] }
        let unit = sample.sheet == nil ? "line" : "row"
        return ["headings on \(unit) \(n) (\(n == 2 ? "\(unit) 1" : "\(unit)s 1–\(n - 1)") above them skipped: a report title)"]
    }

    static func reason(_ error: Error) -> String {
        if let e = error as? ImportError { return e.description }
        if let e = error as? CSVError { return e.description }
        if let e = error as? XLSXError { return e.description }
        return "\(error)"
    }

    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return (path as NSString).standardizingPath }
        return ((FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path) as NSString).standardizingPath
    }
}

extension CalendarDate {
    /// Today's date in UTC.
    public static var today: CalendarDate {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        return CalendarDate(year: c.year!, month: c.month!, day: c.day!)!
    }
}
