import ArgumentParser
import TrustData

@main
struct TrustDataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trustdata",
        abstract: "Turns a multi-academy trust's CSV exports into finished XLSX workbooks, offline.",
        discussion: """
        A pipeline file (pipelines/*.yml) names the trust, the academic year and the input exports. \
        `trustdata run` imports them, computes every measure per school and for the trust as one \
        cohort, and writes one workbook per school, one for the trust, the CFO's reserves workbook, \
        measures.csv, data-quality.csv and run-report.json into the pipeline's output folder. \
        No data leaves the machine.

        Start with `trustdata run` (the sample trust), `trustdata init <exports folder>` to draft a \
        pipeline for your own exports, `trustdata validate <pipeline>` to check them, \
        and `trustdata explain <measure>` for what a figure means.
        """,
        version: TrustDataVersion.current,
        subcommands: [RunCommand.self, ValidateCommand.self, InitCommand.self, ExplainCommand.self, MeasuresCommand.self, GenerateCommand.self],
        defaultSubcommand: RunCommand.self
    )
}

/// The pipeline every command uses when none is named.
let defaultPipeline = "pipelines/sample.yml"
