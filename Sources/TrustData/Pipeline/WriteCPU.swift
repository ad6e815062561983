import Foundation

/// CPU seconds the write stage spent, for the benchmark: wall time on a shared machine moves by a third
/// between runs, and it mixes the workbooks with the tidy CSV files written alongside them. Each output
/// task is timed on its own thread's CPU clock, so the workbook figure is comparable with the C floor's
/// single-threaded libxlsxwriter rate. Not written to `run-report.json` (it is not about the data).
public struct WriteCPU: Sendable, Equatable {
    /// Thread CPU of the workbook tasks (school workbooks, trust.xlsx, reserves.xlsx), summed.
    public var workbookSeconds = 0.0
    /// Thread CPU of the CSV tasks (measures.csv, data-quality.csv), summed.
    public var csvSeconds = 0.0
    public var workbooks = 0
    /// The whole process's CPU (user + system) over the stage: the tasks plus staging, renames, waiting.
    public var stageSeconds = 0.0

    public init() {}

    /// The calling thread's CPU time so far (user + system), in seconds.
    static func threadNow() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// The process's CPU time so far (user + system, every thread), in seconds.
    static func processNow() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage) // an enum in Glibc, a plain Int32 on Darwin
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        return user + system
    }
}
