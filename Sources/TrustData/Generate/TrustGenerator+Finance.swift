/// finance.csv (one row per academy per financial year, actual for past years and forecast for the
/// current one, plus the CENTRAL services row), budget_monitoring.csv and targets.csv. Figures are whole
/// pounds so the totals add up exactly: total income is the sum of its four parts, and reserves carried
/// forward = brought forward + (total income − total expenditure).
extension TrustGenerator {
    struct FinanceYear {
        let gag, otherDfE, otherGovernment, selfGenerated, expenditure, staff, broughtForward: Int
        let pupils: Int
        var income: Int { gag + otherDfE + otherGovernment + selfGenerated }
        var carriedForward: Int { broughtForward + income - expenditure }
    }

    /// The years of one academy, worked backwards from its target reserves at the end of the current year.
    func financeYears(_ school: GeneratedSchool) -> [FinanceYear] {
        var r = SeededRandom(seed: options.seed, 7, UInt64(school.index))
        let years = options.allYears
        var raw: [(gag: Int, dfe: Int, gov: Int, own: Int, balancePct: Double, staffPct: Double, pupils: Int)] = []
        for (k, year) in years.enumerated() {
            let roll = roll(school.index, year)
            let pupils = roll.count
            let perPupil = 4_950.0 * (1 + 0.035 * Double(k))
            let gag = Int((Double(pupils) * perPupil).rounded())
            let disadvantaged = roll.filter { $0.pupil.disadvantaged }.count
            let dfe = disadvantaged * 1_480 + Int(Double(gag) * (0.03 + r.unit() * 0.02))
            let gov = Int(Double(gag) * (0.02 + r.unit() * 0.03))
            let own = Int(Double(gag) * (0.01 + r.unit() * 0.03))
            // Current year: the low-reserve school forecasts a deficit (Poor), the fourth school a small deficit
            // its reserves cover (Concerning), the others a surplus; earlier years vary either way.
            let drawn = -0.015 + r.unit() * 0.03
            let balancePct: Double
            if k < years.count - 1 { balancePct = drawn }
            else if school.reservesPctGAG < 3 { balancePct = -0.02 }
            else if school.index == 3 { balancePct = -0.008 }
            else { balancePct = 0.003 + abs(drawn) / 2 }
            raw.append((gag, dfe, gov, own, balancePct, 0.72 + r.unit() * 0.07, pupils))
        }
        // Reserves at the end of the last year are fixed; earlier balances give the brought-forward figures.
        var carried = Int((Double(raw.last!.gag) * school.reservesPctGAG / 100).rounded())
        var result: [FinanceYear] = []
        for item in raw.reversed() {
            let income = item.gag + item.dfe + item.gov + item.own
            let balance = Int((Double(income) * item.balancePct).rounded())
            let expenditure = income - balance
            result.append(FinanceYear(gag: item.gag, otherDfE: item.dfe, otherGovernment: item.gov, selfGenerated: item.own,
                                      expenditure: expenditure, staff: Int((Double(expenditure) * item.staffPct).rounded()),
                                      broughtForward: carried - balance, pupils: item.pupils))
            carried -= balance
        }
        return result.reversed()
    }

    func writeFinance(_ out: ByteSink) -> Int {
        out.line(["financial_year", "urn", "status", "gag_income", "other_dfe_income", "other_government_income",
                  "self_generated_income", "total_income", "staff_costs", "total_expenditure",
                  "revenue_reserves_brought_forward", "revenue_reserves_carried_forward", "pupils_fte"])
        func row(_ year: AcademicYear, _ urn: String, _ f: FinanceYear) {
            let status = year == options.currentYear ? "forecast" : "actual"
            out.line([year.description, urn, status, String(f.gag), String(f.otherDfE), String(f.otherGovernment),
                      String(f.selfGenerated), String(f.income), String(f.staff), String(f.expenditure),
                      String(f.broughtForward), String(f.carriedForward), String(f.pupils)])
        }
        let perSchool = schools.map(financeYears)
        let central = centralFinanceYears(perSchool)
        var lines = 1
        for (k, year) in options.allYears.enumerated() {
            for (s, school) in schools.enumerated() {
                row(year, school.urn, perSchool[s][k])
                lines += 1
            }
            row(year, "CENTRAL", central[k])
            lines += 1
        }
        return lines
    }

    /// Central services per year: funded by the academies' contribution (about 5% of GAG), no pupils of its own.
    func centralFinanceYears(_ perSchool: [[FinanceYear]]) -> [FinanceYear] {
        var centralBrought: Int?
        return options.allYears.enumerated().map { (k, year) in
            var r = SeededRandom(seed: options.seed, 8, UInt64(year.startYear))
            let topSlice = Int(Double(perSchool.reduce(0) { $0 + $1[k].gag }) * 0.05)
            let expenditure = Int(Double(topSlice) * (0.97 + r.unit() * 0.05))
            let central = FinanceYear(gag: 0, otherDfE: 0, otherGovernment: 0, selfGenerated: topSlice,
                                      expenditure: expenditure, staff: Int(Double(expenditure) * 0.68),
                                      broughtForward: centralBrought ?? Int(Double(topSlice) * 0.4), pupils: 0)
            centralBrought = central.carriedForward
            return central
        }
    }

    /// The month of the academy year the monitoring return is for (1 = September): the month the marks
    /// stop in, or June for a full year.
    var monitoringMonth: Int {
        guard let last = options.marksThrough else { return 10 }
        return (last.month + 3) % 12 + 1
    }

    static let costCentres: [(name: String, share: Double)] = [
        ("Teaching staff", 0.52), ("Support staff", 0.22), ("Supply staff", 0.03), ("Premises", 0.09),
        ("Educational resources", 0.06), ("Catering", 0.05), ("Other costs", 0.03),
    ]

    func writeBudgetMonitoring(_ out: ByteSink) -> Int {
        out.line(["financial_year", "month", "urn", "cost_centre", "annual_budget", "actual_to_date", "forecast_outturn"])
        var lines = 1
        let k = options.years - 1
        for school in schools {
            let budget = financeYears(school)[k].expenditure
            var r = SeededRandom(seed: options.seed, 9, UInt64(school.index))
            for month in 1...monitoringMonth {
                for centre in Self.costCentres {
                    let annual = Int(Double(budget) * centre.share)
                    // The overspending school runs supply and premises well ahead of the time of year.
                    let hot = school.overspending && (centre.name == "Supply staff" || centre.name == "Premises")
                    let pace = hot ? 1.25 + r.unit() * 0.1 : 0.96 + r.unit() * 0.06
                    let actual = Int(Double(annual) * Double(month) / 12 * pace)
                    let forecast = Int(Double(annual) * (hot ? 1.18 : 0.98 + r.unit() * 0.03))
                    out.line([options.currentYear.description, String(month), school.urn, centre.name,
                              String(annual), String(actual), String(forecast)])
                    lines += 1
                }
            }
        }
        return lines
    }

    func writeTargets(_ out: ByteSink) -> Int {
        out.line(["year", "urn", "measure", "group", "target"])
        var lines = 1
        for school in schools {
            var r = SeededRandom(seed: options.seed, 10, UInt64(school.index))
            let rows: [(String, String, Double)] = [
                ("ks2.rwm.expected", "all", Double(62 + r.int(0...8))),
                ("ks2.rwm.expected", "disadvantaged", Double(50 + r.int(0...8))),
                ("phonics.y1.expected", "all", Double(80 + r.int(0...5))),
                ("attendance.overall_absence", "all", 4.5 + Double(r.int(0...10)) / 10),
                ("attendance.persistent_absence", "all", Double(10 + r.int(0...4))),
            ]
            for (measure, group, target) in rows {
                out.line([options.currentYear.description, school.urn, measure, group, target == target.rounded() ? String(Int(target)) : String(target)])
                lines += 1
            }
        }
        return lines
    }
}
