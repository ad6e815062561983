import ArgumentParser
import Foundation
import TrustData

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Run the import stage only and print what each input file gave.",
        discussion: """
        Writes nothing. Exit codes: 0 every file was usable; 1 a file is unusable (missing, empty, \
        a required column missing, not valid CSV) or the pipeline file is invalid — the message names \
        the file, the columns found and the closest heading; 2 (only with --strict) some rows were rejected.
        """
    )

    @Argument(help: "The pipeline file.")
    var pipeline: String = defaultPipeline

    @Flag(help: "Fail (exit 2) when any row was rejected, not only when a file is unusable.")
    var strict = false

    func run() throws {
        let dataset: TrustDataset
        do {
            let config = try PipelineConfig.load(path: pipeline)
            dataset = try ImportStage(config: config).run()
        } catch let error as ImportError {
            Self.fail(error.description)
        } catch let error as PipelineError {
            Self.fail(error.description)
        }
        print(ImportSummary.table(dataset.log))
        let rejected = dataset.log.rowsRejected
        if rejected > 0 {
            print("\n\(rejected) row\(rejected == 1 ? "" : "s") rejected; `trustdata run` writes each to data-quality.csv.")
        }
        if strict && rejected > 0 {
            throw ExitCode(2)
        }
    }

    /// One clean message on stderr and exit 1: no usage text, no Swift error dump.
    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
        Foundation.exit(1)
    }
}
