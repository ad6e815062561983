/// The EYFS measure ids (a contract: add, never rename).
public enum EYFSMeasures {
    static let source = "DfE Early years foundation stage profile results methodology (2021/22 reforms): 17 ELGs in 7 areas, each expected or emerging; GLD = expected in the 12 ELGs of communication and language, PSED, physical development, literacy and mathematics; percentages of all children assessed."

    public static let definitions: [MeasureDefinition] = [
        MeasureDefinition("eyfs.gld", "EYFS: % of children reaching a good level of development", unit: .percent,
                          numerator: "children at the expected level in the 12 ELGs of communication and language, PSED, physical development, literacy and mathematics (or GLD Y where only the flag is given)",
                          denominator: "children with an EYFS profile (not assessed counts as not at the expected level)", source: source),
        MeasureDefinition("eyfs.all_elgs.expected", "EYFS: % of children at the expected level in all 17 ELGs", unit: .percent,
                          numerator: "children expected in all 17 ELGs", denominator: "children whose 17 ELG outcomes are given", source: source),
        MeasureDefinition("eyfs.average_elgs", "EYFS: average number of ELGs at the expected level per child (out of 17)", unit: .score,
                          numerator: "ELGs at the expected level, summed", denominator: "children whose 17 ELG outcomes are given", source: source),
        MeasureDefinition("eyfs.comm_lang_lit.expected", "EYFS: % at the expected level in all communication and language and literacy ELGs", unit: .percent,
                          numerator: "children expected in ELG01, ELG02 and ELG08–ELG10", denominator: "children whose 17 ELG outcomes are given", source: source),
    ] + EYFSArea.allCases.map { area in
        MeasureDefinition(area.measure.text, "EYFS: % at the expected level in every ELG of \(area.label.lowercased())", unit: .percent,
                          numerator: "children expected in ELG" + area.goals.map { String(format: "%02d", $0 + 1) }.joined(separator: ", ELG"),
                          denominator: "children whose 17 ELG outcomes are given", source: source)
    } + [
        MeasureDefinition("eyfs.not_assessed", "EYFS: children with an ELG not assessed (e.g. long absence), in the figures as not at the expected level", unit: .pupils,
                          numerator: "children with any ELG coded not assessed", source: source),
    ]
}
