import ArgumentParser
import TrustData

@main
struct TrustDataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trustdata",
        abstract: "Turns a multi-academy trust's CSV exports into finished XLSX workbooks, offline.",
        version: TrustDataVersion.current
    )
}
