/// The sample trust's budget forecast return in DfE's extract layout (`bfr_<year>.csv`: `TrustUPIN`, `Title`,
/// `EFALineNo`, `Y1P1`…`Y3P2`, £ thousands) and its three-year summary (`bfr_3y_<year>.csv`: `Y2`–`Y4`), so the
/// sample pipeline reads a published layout and has forecast years. The prior and current years are the
/// academies' and central services' figures summed; later years grow income 3% and spending 3.5% a year.
/// No random draws: the other files stay byte-identical.
extension TrustGenerator {
    /// One trust year in £: the lines the BFR extract carries.
    struct BFRYear {
        var dfe, la, otherGov, trading, otherIncome, staff, expenditure, reserve, pupils: Double
        var income: Double { dfe + la + otherGov + trading + otherIncome }
    }

    var bfrFileName: String { "bfr_\(options.currentYear.startYear)-\(String(format: "%02d", options.currentYear.endYear % 100)).csv" }
    var bfr3yFileName: String { "bfr_3y_\(options.currentYear.startYear)-\(String(format: "%02d", options.currentYear.endYear % 100)).csv" }

    /// The prior year, the current year and the next three, oldest first.
    func bfrYears() -> [BFRYear] {
        let perSchool = schools.map(financeYears)
        let central = centralFinanceYears(perSchool)
        let n = options.allYears.count
        func trust(_ k: Int) -> BFRYear {
            let parts = perSchool.map { $0[k] } + [central[k]]
            let gov = Double(parts.reduce(0) { $0 + $1.otherGovernment })
            let own = Double(parts.reduce(0) { $0 + $1.selfGenerated })
            return BFRYear(dfe: Double(parts.reduce(0) { $0 + $1.gag + $1.otherDfE }), la: (gov * 0.7).rounded(), otherGov: gov - (gov * 0.7).rounded(),
                           trading: (own * 0.8).rounded(), otherIncome: own - (own * 0.8).rounded(),
                           staff: Double(parts.reduce(0) { $0 + $1.staff }), expenditure: Double(parts.reduce(0) { $0 + $1.expenditure }),
                           reserve: Double(parts.reduce(0) { $0 + $1.carriedForward }), pupils: Double(parts.reduce(0) { $0 + $1.pupils }))
        }
        var years = n >= 2 ? [trust(n - 2), trust(n - 1)] : [trust(n - 1), trust(n - 1)]
        for _ in 0..<3 {
            var y = years.last!
            for path in [\BFRYear.dfe, \.la, \.otherGov, \.trading, \.otherIncome] { y[keyPath: path] = (y[keyPath: path] * 1.03).rounded() }
            y.staff = (y.staff * 1.035).rounded()
            y.expenditure = (y.expenditure * 1.035).rounded()
            y.reserve += y.income - y.expenditure
            y.pupils += 4
            years.append(y)
        }
        return years
    }

    static var bfrLines: [(code: String, title: String, value: @Sendable (BFRYear) -> Double, balance: Bool)] { [
        ("199", "Total DfE/ESFA revenue income", { $0.dfe }, false),
        ("200", "Local authority revenue income", { $0.la }, false),
        ("205", "Other government grants", { $0.otherGov }, false),
        ("211", "Income from trading activities", { $0.trading }, false),
        ("220", "Other income, including investment income", { $0.otherIncome }, false),
        ("298", "Total revenue income", { $0.income }, false),
        ("335", "Total staff costs", { $0.staff }, false),
        ("380", "Total revenue expenditure", { $0.expenditure }, false),
        ("430", "Balance c/f to next period ", { $0.reserve }, true),
        ("999", "Pupil numbers (actual and estimated)", { $0.pupils }, true),
    ] }

    /// £ in thousands to one decimal, as text.
    static func thousands(_ v: Double) -> String { hundreds(Int((v / 100).rounded())) }

    func writeBFR(_ out: ByteSink) -> Int {
        out.line(["TrustUPIN", "Title", "EFALineNo", "Y1P1", "Y1P2", "Y2P1", "Y2P2", "Y3P1", "Y3P2"])
        let periods = bfrPeriods(Array(bfrYears().prefix(3)))
        for line in Self.bfrLines {
            let cells = periods[line.code]!.flatMap { p in
                line.code == "999" ? [String(p.0), String(p.1)] : [Self.hundreds(p.0), Self.hundreds(p.1)]
            }
            out.line(["140001", line.title, line.code] + cells)
        }
        return Self.bfrLines.count + 1
    }

    /// Each line's two periods per year, in whole £100s (pupils as counts).
    func bfrPeriods(_ years: [BFRYear]) -> [String: [(Int, Int)]] {
        // Each period in whole £100s; the total income line is the sum of its parts' periods, so it adds up.
        var periods: [String: [(Int, Int)]] = [:]
        for line in Self.bfrLines {
            periods[line.code] = years.map { y in
                let v = line.value(y)
                if line.code == "999" { return (Int(v), Int(v)) }
                if line.balance {
                    // September–March: the opening balance plus seven twelfths of the year's balance.
                    let opening = y.reserve - (y.income - y.expenditure)
                    return (Int(((opening + (y.income - y.expenditure) * 7 / 12) / 100).rounded()), Int((v / 100).rounded()))
                }
                let p1 = Int((v * 7 / 12 / 100).rounded())
                return (p1, Int((v / 100).rounded()) - p1)
            }
        }
        let parts = ["199", "200", "205", "211", "220"]
        periods["298"] = years.indices.map { k in
            (parts.reduce(0) { $0 + periods[$1]![k].0 }, parts.reduce(0) { $0 + periods[$1]![k].1 })
        }
        // Balances roll forward from the rounded flows, so the return's own roll-forward adds up.
        var balance = Int(((years[0].reserve - (years[0].income - years[0].expenditure)) / 100).rounded())
        periods["430"] = years.indices.map { k in
            let p1 = balance + periods["298"]![k].0 - periods["380"]![k].0
            balance = p1 + periods["298"]![k].1 - periods["380"]![k].1
            return (p1, balance)
        }
        return periods
    }

    /// Whole £100s as £ thousands with one decimal: 27502 → "2750.2".
    static func hundreds(_ n: Int) -> String { String(format: "%.1f", Double(n) / 10) }

    func writeBFR3y(_ out: ByteSink) -> Int {
        out.line(["TrustUPIN", "EFALineNo", "Y2", "Y3", "Y4"])
        let all = bfrYears()
        let periods = bfrPeriods(Array(all.prefix(3)))
        func whole(_ code: String) -> Int { periods[code]![2].0 + periods[code]![2].1 }
        // The first summary year is the main return's next year; later years roll on from it in £100s.
        var income = [whole("298")], spending = [whole("380")], reserve = [periods["430"]![2].1]
        for y in all.suffix(2) {
            income.append(Int((y.income / 100).rounded()))
            spending.append(Int((y.expenditure / 100).rounded()))
            reserve.append(reserve.last! + income.last! - spending.last!)
        }
        let pupils = all.suffix(3).map { String(Int($0.pupils)) }
        out.line(["140001", "2980"] + income.map(Self.hundreds))
        out.line(["140001", "3800"] + spending.map(Self.hundreds))
        out.line(["140001", "4300"] + reserve.map(Self.hundreds))
        out.line(["140001", "9000"] + pupils)
        return 5
    }
}
