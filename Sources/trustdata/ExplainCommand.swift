import ArgumentParser
import TrustData

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Print what a measure id means: definition, numerator, denominator and source rule."
    )

    @Argument(help: "A measure id such as ks2.rwm.expected (see `trustdata measures`).")
    var measure: String

    func run() throws {
        guard let d = MeasureCatalog.definition(measure) else {
            throw ValidationError("`\(measure)` is not a measure id; \(MeasureCatalog.suggestion(for: measure))")
        }
        print(d.id)
        print("  \(d.title)")
        print("  unit:        \(d.unit.rawValue)\(d.higherIsBetter ? "" : " (lower is better)")")
        if !d.numerator.isEmpty { print("  numerator:   \(d.numerator)") }
        if !d.denominator.isEmpty { print("  denominator: \(d.denominator)") }
        print("  rule:        \(d.source)")
    }
}

struct MeasuresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measures",
        abstract: "List every measure id and group id trustdata writes."
    )

    @Flag(help: "Print the reference as Markdown tables (the README's Measures reference).")
    var markdown = false

    func run() {
        if markdown {
            print(MeasureCatalog.markdownReference())
            return
        }
        for d in MeasureCatalog.all { print("\(d.id)\t\(d.title)") }
        print("")
        print("groups: " + PupilGroup.allCases.map(\.rawValue).joined(separator: ", "))
    }
}
