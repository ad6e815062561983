import Foundation

/// Writes a file so that it either appears whole at its final path or not at all: the bytes go to a
/// temporary file in the same folder, which is renamed over the target only once fully written.
/// A run that fails or is killed leaves the previous run's file intact.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temp = (folder as NSString).appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        guard FileManager.default.createFile(atPath: temp, contents: data) else {
            throw OutputError.cannotWrite(path: path, reason: "could not create a file in \(folder) (is the folder writable and the disk not full?)")
        }
        guard rename(temp, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temp)
            throw OutputError.cannotWrite(path: path, reason: reason)
        }
    }

    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// The same for a file produced in pieces: `body` is given a function that appends bytes to the
    /// temporary file (plain `write(2)` calls, no copy into a `Data`), which is renamed over `path` only
    /// when `body` returns and every byte was written.
    public static func write(to path: String, _ body: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temp = (folder as NSString).appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let failed = { OutputError.cannotWrite(path: path, reason: "could not create a file in \(folder) (is the folder writable and the disk not full?)") }
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw failed() }
        var open = true
        defer {
            if open { close(fd); unlink(temp) }
        }
        try body { bytes in
            var done = 0
            while done < bytes.count {
                let n = Foundation.write(fd, bytes.baseAddress! + done, bytes.count - done)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw failed() }
                done += n
            }
        }
        open = false
        guard close(fd) == 0 else {
            unlink(temp)
            throw failed()
        }
        guard rename(temp, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temp)
            throw OutputError.cannotWrite(path: path, reason: reason)
        }
    }
}

/// A problem writing the run's outputs.
public enum OutputError: Error, CustomStringConvertible, Equatable {
    case cannotWrite(path: String, reason: String)
    case cannotCreateFolder(path: String, reason: String)
    /// Writing one of the run's files failed (a workbook error, disk full); nothing was replaced.
    case writeFailed(String)
    /// Another run is writing into the same output folder right now.
    case busy(path: String)
    /// Something not made by trustdata is at the output path; the run would replace it.
    case notOurs(path: String, reason: String)
    /// The output path is one a run must never replace (`/`, a system folder, the inputs' folder).
    case unsafePath(path: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotWrite(path, reason): return "Could not write \(path): \(reason). Earlier outputs at that path are unchanged."
        case let .cannotCreateFolder(path, reason): return "Could not create the output folder \(path): \(reason)."
        case let .writeFailed(text): return "\(text) No output was replaced: the previous run's files are as they were."
        case let .notOurs(path, reason): return "Will not write outputs to \(path): \(reason). Nothing was written."
        case let .unsafePath(path, reason): return "Will not write outputs to \(path): \(reason). Set `output:` in the pipeline file to a folder of its own (the default is outputs/<name> under the pipeline's root). Nothing was written."
        case let .busy(path): return "Another trustdata run is writing to \(path) right now. Wait for it to finish, or give this run another output folder (`output:` in the pipeline file). Nothing was written."
        }
    }
}
