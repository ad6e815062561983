import ArgumentParser
import Foundation
import TrustData

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Draft a pipeline file from a folder of exports.",
        discussion: """
        Looks at every CSV and XLSX file in EXPORTS_FOLDER (and its subfolders), recognises each file's \
        dataset and layout from its headings and values, and writes a commented pipeline file that reads \
        every file it placed, with the column mappings it guessed marked CHECK. Prints one line per file: \
        the dataset, the layout, how sure it is, and what it could not place and why. Then run \
        `trustdata validate` on the file it wrote. Exit codes: 0 written; 1 the folder cannot be read or \
        the output file exists (use --force).
        """
    )

    @Argument(help: "The folder holding the exports.")
    var exportsFolder: String

    @Option(name: .shortAndLong, help: "The pipeline file to write (default: pipelines/<folder name>.yml).")
    var output: String?

    @Option(help: "The code tables folder (default: inputs/reference when it exists).")
    var reference: String?

    @Option(help: "The national/LA benchmarks folder (default: inputs/benchmarks when it exists).")
    var benchmarks: String?

    @Flag(help: "Overwrite the output file if it exists.")
    var force = false

    func run() throws {
        let name = (ExportFolderName.clean((exportsFolder as NSString).standardizingPath as NSString).lastPathComponent)
        let path = output ?? "pipelines/\(name).yml"
        if FileManager.default.fileExists(atPath: path) && !force {
            ValidateCommand.fail("\(path) exists; give another --output or add --force to overwrite it.")
        }
        func shipped(_ given: String?, _ folder: String) -> String? {
            given ?? (FileManager.default.fileExists(atPath: folder) ? folder : nil)
        }
        let plan: InitPlan
        do {
            plan = try ExportFolder.plan(folder: exportsFolder, pipelinePath: path,
                                         reference: shipped(reference, "inputs/reference"), benchmarks: shipped(benchmarks, "inputs/benchmarks"))
        } catch let error as PipelineError {
            ValidateCommand.fail(error.description)
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        try plan.pipeline.write(toFile: path, atomically: true, encoding: .utf8)
        print(plan.table)
        let placed = plan.rows.filter { $0.dataset != nil }.count
        print("\n\(placed) of \(plan.rows.filter { $0.file != "(none)" }.count) files placed; wrote \(path) (academic year \(plan.academicYear)).")
        print("Next: check the lines marked CHECK in it, then `trustdata validate \(path)`.")
    }
}

/// A folder name fit for a file name (`My Exports/` → `My-Exports`).
enum ExportFolderName {
    static func clean(_ path: NSString) -> NSString {
        let name = path.lastPathComponent.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" }
        return (path.deletingLastPathComponent as NSString).appendingPathComponent(String(name)) as NSString
    }
}
