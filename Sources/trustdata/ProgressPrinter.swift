import Foundation
import TrustData

/// Shows progress on standard error so standard output stays clean for scripts.
struct ProgressPrinter: Sendable {
    let quiet: Bool

    func handle(_ event: ProgressEvent) {
        guard !quiet else { return }
        let line: String
        switch event {
        case .stageStarted(let stage): line = "→ \(stage)…"
        case let .stageFinished(stage, seconds): line = "✓ \(stage) (\(String(format: "%.2f", seconds)) s)"
        case .fileImported(let s):
            line = "  \(s.file): \(s.rowsRead) rows read, \(s.rowsAccepted) accepted, \(s.rowsRejected) rejected"
        case let .schoolAnalysed(_, done, total):
            guard done == total || done % 10 == 0 else { return }
            line = "  analysed \(done)/\(total) schools"
        case .fileWritten(let name): line = "  wrote \(name)"
        case .warning(let text): line = "  ! \(text)"
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
