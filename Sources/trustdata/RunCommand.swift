import ArgumentParser
import Foundation
import TrustData

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Import, analyse and write every workbook for a pipeline.",
        discussion: "Outputs land in the pipeline's output folder (default outputs/<name>): schools/<URN>-<school>.xlsx, trust.xlsx, reserves.xlsx, measures.csv, data-quality.csv and run-report.json. A failed run leaves earlier outputs as they were."
    )

    @Argument(help: "The pipeline file.")
    var pipeline: String = defaultPipeline

    @Option(help: "Threads for the per-school work (default: one per core).")
    var threads: Int?

    @Flag(name: .shortAndLong, help: "Print only errors and the final summary.")
    var quiet = false

    @Flag(help: "Replace pupils' UPNs and names with stable keyed pseudonyms, for sharing outside the trust. Needs settings.pseudonymise_key or TRUSTDATA_PSEUDONYMISE_KEY.")
    var pseudonymise = false

    func run() throws {
        var config = try loadPipeline(pipeline)
        if pseudonymise { config.settings.pseudonymise = true }
        let printer = ProgressPrinter(quiet: quiet)
        let started = Date()
        let report = try PipelineRunner(config: config, pipelinePath: pipeline, threads: threads)
            .run(progress: printer.handle)
        let rejected = report.inputs.reduce(0) { $0 + $1.rowsRejected }
        print("Wrote \(report.filesWritten.count) files to \(PipelineConfig.display(config.outputDirectory)) for \(report.schools) schools "
              + "(\(report.measures) figures) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s.")
        if rejected > 0 {
            print("\(rejected) input rows were rejected: see \(PipelineConfig.display(config.outputDirectory))/data-quality.csv or the Data quality sheets.")
        }
    }
}

/// Loads a pipeline file, turning every problem into a message the user can act on.
func loadPipeline(_ path: String) throws -> PipelineConfig {
    do {
        return try PipelineConfig.load(path: path)
    } catch let error as PipelineError {
        throw ValidationError(error.description)
    }
}
