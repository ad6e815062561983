import ArgumentParser
import Foundation
import TrustData

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Run the import stage only and print what each input file gave.",
        discussion: "Exits non-zero when a file is unusable; with --strict, also when any row was rejected. Writes nothing."
    )

    @Argument(help: "The pipeline file.")
    var pipeline: String = defaultPipeline

    @Flag(help: "Fail when any row was rejected, not only when a file is unusable.")
    var strict = false

    func run() throws {
        let config = try loadPipeline(pipeline)
        let dataset = try ImportStage(config: config).run()
        print(ImportSummary.table(dataset.log))
        let rejected = dataset.log.rowsRejected
        if strict && rejected > 0 {
            print("\(rejected) rows rejected (--strict).")
            throw ExitCode(2)
        }
    }
}
