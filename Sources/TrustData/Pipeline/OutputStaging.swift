import Foundation

/// Makes a run's outputs change as one. The path users open, `outputs/<name>`, is a symbolic link to
/// the folder of the run that last finished, `outputs/.<name>.runs/<run>/`. A run writes every file
/// (workbooks, CSVs, run-report.json) into a new folder of its own beside the others, and only when all
/// of them are complete does one `rename(2)` of a new link over `outputs/<name>` switch what that path
/// means: before it, `outputs/<name>/trust.xlsx` is the previous run's; after it, the new run's. A
/// rename is atomic, so a run killed at any moment — even with SIGKILL — leaves `outputs/<name>` holding
/// the whole previous run or the whole new one, never a mix, and the folder holds exactly that run's
/// files (no workbook of a school that has since left). The next run removes every run folder but the
/// current one (a killed run's half-written folder, the run before last), so re-running needs no
/// clean-up. Two runs into the same output at once are refused (`OutputLock`).
public struct OutputStaging: Sendable {
    /// The path users open (`outputs/<name>`): a link to the current run's folder.
    public let output: String
    /// Where this run writes; `output` points here once `commit` returns.
    public let folder: String
    /// The folder holding the run folders (`outputs/.<name>.runs`).
    public let runs: String
    /// Held from `begin` until the last copy of this value is dropped (see `OutputLock`).
    let lock: OutputLock

    /// `.<name>.runs` beside the output path.
    public static func runsFolder(for output: String) -> String {
        let parent = (output as NSString).deletingLastPathComponent
        return (parent as NSString).appendingPathComponent(".\((output as NSString).lastPathComponent).runs")
    }

    /// Checks the output path, clears what earlier runs left, and starts this run's folder.
    public static func begin(output rawOutput: String, subfolders: [String]) throws -> OutputStaging {
        let output = (rawOutput as NSString).standardizingPath
        let fm = FileManager.default
        let runs = runsFolder(for: output)
        do {
            try fm.createDirectory(atPath: runs, withIntermediateDirectories: true)
        } catch {
            throw OutputError.cannotCreateFolder(path: (output as NSString).deletingLastPathComponent, reason: OutputStaging.reason(error))
        }
        // Locked before anything is cleared: a running run's folder is not a leftover.
        let lock: OutputLock
        do { lock = try OutputLock(folder: runs) } catch OutputError.busy { throw OutputError.busy(path: output) }
        let current = try currentRun(output: output, runs: runs)
        removeLeftovers(output: output, runs: runs, keeping: current)
        let folder = (runs as NSString).appendingPathComponent(newRunName())
        do {
            try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for sub in subfolders {
                try fm.createDirectory(atPath: (folder as NSString).appendingPathComponent(sub), withIntermediateDirectories: true)
            }
        } catch {
            try? fm.removeItem(atPath: folder)
            throw OutputError.cannotCreateFolder(path: runs, reason: OutputStaging.reason(error))
        }
        return OutputStaging(output: output, folder: folder, runs: runs, lock: lock)
    }

    public func path(_ relative: String) -> String { (folder as NSString).appendingPathComponent(relative) }

    /// Switches `output` to this run's folder in one rename, then removes the previous run's folder.
    /// `relatives` (the files the run wrote) must all be in the run folder: a missing one stops the
    /// switch, so a run whose list and folder disagree never becomes the current run.
    public func commit(_ relatives: [String]) throws {
        let fm = FileManager.default
        for relative in relatives where !fm.fileExists(atPath: path(relative)) {
            discard()
            throw OutputError.cannotWrite(path: (output as NSString).appendingPathComponent(relative), reason: "the file was not written")
        }
        let parent = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        // A relative link, so the outputs folder can be moved or copied as a whole.
        let target = ((runs as NSString).lastPathComponent as NSString).appendingPathComponent((folder as NSString).lastPathComponent)
        let link = (parent as NSString).appendingPathComponent(".\(name).switch-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        guard symlink(target, link) == 0 else {
            let reason = String(cString: strerror(errno))
            discard()
            throw OutputError.cannotWrite(path: output, reason: reason)
        }
        var isFolder: ObjCBool = false
        let legacyFolder = !OutputStaging.isLink(output) && fm.fileExists(atPath: output, isDirectory: &isFolder) && isFolder.boolValue
        if legacyFolder {
            // An output folder from before run folders (its contents checked in `begin`): swapped with the
            // link in one step where the kernel can (Linux renameat2 RENAME_EXCHANGE); otherwise moved
            // aside first, the one moment `output` is missing, once per output folder.
            if !OutputStaging.exchange(link, output) {
                let aside = (runs as NSString).appendingPathComponent("previous-\(getpid())")
                guard rename(output, aside) == 0, rename(link, output) == 0 else {
                    let reason = String(cString: strerror(errno))
                    unlink(link)
                    discard()
                    throw OutputError.cannotWrite(path: output, reason: reason)
                }
            } else {
                try? fm.removeItem(atPath: link) // now the old folder
            }
        } else {
            guard rename(link, output) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(link)
                discard()
                throw OutputError.cannotWrite(path: output, reason: reason)
            }
        }
        OutputStaging.removeLeftovers(output: output, runs: runs, keeping: (folder as NSString).lastPathComponent)
    }

    /// Drops this run's folder unless it has become the current run.
    public func discard() {
        guard (try? OutputStaging.currentRun(output: output, runs: runs)) != (folder as NSString).lastPathComponent else { return }
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// The name of the run folder `output` points at; nil when there is no output yet, or an output
    /// folder from before run folders holding only files trustdata writes. Anything else at `output`
    /// (a file, a link elsewhere, a folder holding other files) is refused: the run would replace it.
    static func currentRun(output: String, runs: String) throws -> String? {
        let fm = FileManager.default
        if isLink(output) {
            let target = (try? fm.destinationOfSymbolicLink(atPath: output)) ?? ""
            let runsName = (runs as NSString).lastPathComponent
            let parts = target.split(separator: "/").map(String.init)
            guard parts.count == 2, parts[0] == runsName, parts[1].hasPrefix("run-") else {
                throw OutputError.notOurs(path: output, reason: "it is a link to \(target), which trustdata did not make; remove the link or give the run another output folder")
            }
            return parts[1]
        }
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: output, isDirectory: &isFolder) else { return nil }
        guard isFolder.boolValue else {
            throw OutputError.notOurs(path: output, reason: "a file with that name is in the way; move it and run again")
        }
        let foreign = foreignNames(in: output)
        if !foreign.isEmpty {
            let listed = foreign.prefix(5).joined(separator: ", ") + (foreign.count > 5 ? " and \(foreign.count - 5) more" : "")
            throw OutputError.notOurs(path: output, reason: "the folder holds files trustdata did not write (\(listed)), and a run replaces the whole folder; move them, or give the run an empty or new output folder")
        }
        return nil
    }

    /// Names in an output folder (from before run folders) that trustdata would not have written there.
    static func foreignNames(in folder: String) -> [String] {
        let fm = FileManager.default
        let ours: Set<String> = ["trust.xlsx", "reserves.xlsx", "measures.csv", "data-quality.csv", "run-report.json", "schools"]
        func isLeftover(_ name: String) -> Bool { name.hasPrefix(".staging-") || (name.hasPrefix(".") && name.contains(".tmp-")) }
        var foreign: [String] = []
        for name in ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).sorted() where !ours.contains(name) && !isLeftover(name) {
            foreign.append(name)
        }
        let schools = (folder as NSString).appendingPathComponent("schools")
        for name in ((try? fm.contentsOfDirectory(atPath: schools)) ?? []).sorted() where !name.hasSuffix(".xlsx") && !isLeftover(name) {
            foreign.append("schools/" + name)
        }
        return foreign
    }

    /// Removes every run folder but `keeping` (killed runs' half-written folders, the run before last,
    /// an output folder moved aside) and link files a killed switch left. Only names this program makes.
    static func removeLeftovers(output: String, runs: String, keeping: String?) {
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: runs)) ?? [] where name != keeping {
            try? fm.removeItem(atPath: (runs as NSString).appendingPathComponent(name))
        }
        let parent = (output as NSString).deletingLastPathComponent
        let prefix = ".\((output as NSString).lastPathComponent).switch-"
        for name in (try? fm.contentsOfDirectory(atPath: parent)) ?? [] where name.hasPrefix(prefix) {
            try? fm.removeItem(atPath: (parent as NSString).appendingPathComponent(name))
        }
    }

    /// `run-<UTC time>-<pid>-<random>`: sorts by start time, unique between runs.
    static func newRunName() -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return "run-\(f.string(from: Date()))-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    static func isLink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK
    }

    /// Swaps two paths in one step (Linux `renameat2(RENAME_EXCHANGE)`, looked up at run time because
    /// the C library headers Swift sees do not declare it); false where the kernel, file system or
    /// platform cannot.
    static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let atCWD: Int32 = -100, renameExchange: UInt32 = 1 << 1
        return renameat2(atCWD, a, atCWD, b, renameExchange) == 0
        #else
        return false
        #endif
    }

    /// An error from writing a run's file, worded with the path the user knows.
    public func explain(_ error: Error) -> String {
        "\(error)".replacingOccurrences(of: folder, with: output)
    }

    static func reason(_ error: Error) -> String {
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return (error as NSError).localizedDescription
    }
}
