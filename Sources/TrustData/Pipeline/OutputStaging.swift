import Foundation

/// Makes a run's outputs appear together or not at all. Every file is written into a hidden staging
/// folder inside the output folder (same file system, so renames are atomic), and only when all of
/// them are complete are they renamed over the final paths. A run that fails — bad input, disk full,
/// unwritable folder, killed with SIGKILL — leaves the previous run's files untouched; what it left
/// behind (`.staging-*` folders, `.*.tmp-*` files) is removed by the next run, so re-running needs no
/// clean-up. Two runs into the same folder at once are refused (`OutputLock`).
public struct OutputStaging: Sendable {
    /// The real output folder.
    public let output: String
    /// Where this run writes until `commit`.
    public let folder: String
    /// Held from `begin` until the last copy of this value is dropped (see `OutputLock`).
    let lock: OutputLock

    static let stagingPrefix = ".staging-"

    /// Creates the output folder if needed, clears what failed runs left behind, starts a staging folder.
    public static func begin(output: String, subfolders: [String]) throws -> OutputStaging {
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            throw OutputError.cannotCreateFolder(path: output, reason: OutputStaging.reason(error))
        }
        // Locked before anything is cleared: a running run's staging folder is not a leftover.
        let lock = try OutputLock(folder: output)
        removeLeftovers(in: output)
        for sub in subfolders { removeLeftovers(in: (output as NSString).appendingPathComponent(sub)) }
        let folder = (output as NSString).appendingPathComponent(
            "\(stagingPrefix)\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            for sub in subfolders {
                try fm.createDirectory(atPath: (folder as NSString).appendingPathComponent(sub), withIntermediateDirectories: true)
            }
            try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            try? fm.removeItem(atPath: folder)
            throw OutputError.cannotCreateFolder(path: output, reason: OutputStaging.reason(error))
        }
        return OutputStaging(output: output, folder: folder, lock: lock)
    }

    public func path(_ relative: String) -> String { (folder as NSString).appendingPathComponent(relative) }

    /// Moves every staged file to its final path. The destination folders are checked first, so a
    /// problem (a file where the `schools` folder should be) stops the run before anything is replaced.
    public func commit(_ relatives: [String]) throws {
        let fm = FileManager.default
        let folders = Set(relatives.map { ($0 as NSString).deletingLastPathComponent }.filter { !$0.isEmpty })
        for sub in folders.sorted() {
            let target = (output as NSString).appendingPathComponent(sub)
            var isFolder: ObjCBool = false
            if fm.fileExists(atPath: target, isDirectory: &isFolder), !isFolder.boolValue {
                discard()
                throw OutputError.cannotCreateFolder(path: target, reason: "a file with that name is in the way; move it and run again")
            }
            do {
                try fm.createDirectory(atPath: target, withIntermediateDirectories: true)
            } catch {
                discard()
                throw OutputError.cannotCreateFolder(path: target, reason: OutputStaging.reason(error))
            }
        }
        for relative in relatives {
            let final = (output as NSString).appendingPathComponent(relative)
            guard rename(path(relative), final) == 0 else {
                let reason = String(cString: strerror(errno))
                discard()
                throw OutputError.cannotWrite(path: final, reason: reason)
            }
        }
        discard()
    }

    /// Drops the staging folder and whatever is in it.
    public func discard() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Removes staging folders and temporary files a failed or killed run left in `folder`.
    /// Only names this program makes are touched: `.staging-*` and `.<name>.tmp-*`.
    public static func removeLeftovers(in folder: String) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(stagingPrefix) || (name.hasPrefix(".") && name.contains(".tmp-")) {
            try? fm.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
        }
    }

    /// An error from writing a staged file, worded with the final path the user knows.
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
