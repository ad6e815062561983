extension KS2Slice {
    /// Joins the FFT files (`inputs.fft`) to the results by UPN and year, and returns the benchmark the
    /// estimates are at. The benchmark comes from the file or the pipeline: a file holding one benchmark
    /// sets it unless the pipeline names another (`ks2.fft_benchmark`), whose rows are then the ones
    /// used; a file holding several uses the pipeline's (FFT20 by default). The FFT file's values win
    /// where a results file also has estimate columns (those keep working alone); the results file
    /// fills what the FFT file lacks.
    static func joinFFT(_ pupils: inout [KS2Pupil], inputs: SliceInputs<KS2Slice>, log: inout ImportLog) throws -> String {
        let paths = inputs.paths(FFTImporter.dataset)
        var benchmark = inputs.settings.fftBenchmark
        guard !paths.isEmpty else { return benchmark }
        var rows: [(file: String, row: FFTImporter.Row)] = []
        for path in paths {
            for row in log.take(try FFTImporter.read(path: inputs.resolve(path), displayName: path,
                                                     options: inputs.options(FFTImporter.dataset, path: path))) {
                rows.append((path, row))
            }
        }
        let inFiles = Set(rows.compactMap(\.row.benchmark))
        if inFiles.count == 1, let only = inFiles.first, !inputs.settings.fftBenchmarkGiven { benchmark = only }
        var byPupil: [String: FFTEstimates] = [:]
        var otherBenchmark: [String: Int] = [:]
        for (_, row) in rows {
            if let b = row.benchmark, b != benchmark {
                otherBenchmark[b, default: 0] += 1
                continue
            }
            var e = row.estimates
            e.benchmark = e.benchmark ?? benchmark
            byPupil["\(row.year)|\(row.upn)"] = e
        }
        var joined = 0
        for i in pupils.indices {
            guard let e = byPupil.removeValue(forKey: "\(pupils[i].year)|\(pupils[i].upn)") else { continue }
            pupils[i].estimates = e.filled(from: pupils[i].estimates)
            joined += 1
        }
        var notes: [String] = ["\(joined) pupil\(joined == 1 ? "'s" : "s'") KS2 results have FFT estimates (\(benchmark)) from this file."]
        for (b, n) in otherBenchmark.sorted(by: { $0.key < $1.key }) {
            notes.append("\(n) row\(n == 1 ? "" : "s") at \(b) not used: the estimates used are \(benchmark)\(inputs.settings.fftBenchmarkGiven ? " (ks2.fft_benchmark)" : ""). Set ks2.fft_benchmark to \(b) to use them instead.")
        }
        if !byPupil.isEmpty {
            notes.append("\(byPupil.count) estimate\(byPupil.count == 1 ? " has" : "s have") no KS2 result for the same pupil and year (pupils taking KS2 in a later year, or missing from the results files); not used.")
        }
        log.add([DataQualityIssue(file: paths.joined(separator: ", "), line: nil, column: nil, value: benchmark, code: .layoutRead,
                                  message: notes.joined(separator: " "), severity: otherBenchmark.isEmpty ? .info : .warning)])
        return benchmark
    }
}
