#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps two runs from writing into the same output at once: each would otherwise remove the other's
/// run folder as a killed run's leftovers, and their switches could race. The lock is an advisory
/// `flock` on the output's run folder (`outputs/.<name>.runs`, see `OutputStaging`; no lock file to
/// leave behind), held until this value is dropped; the kernel releases it when the process ends,
/// however it ends, so a killed run never blocks the next one.
final class OutputLock: Sendable {
    private let fd: Int32

    /// Takes the lock or says the folder is busy; never waits (a batch run should fail fast). Where the
    /// folder cannot be locked at all (a network share without lock support, a folder that cannot be
    /// opened for reading) the run goes ahead unlocked, as before: the lock guards against a rare mistake
    /// and must not stop runs that would otherwise succeed; real write problems are reported later.
    init(folder: String) throws {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { self.fd = -1; return }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let busy = errno == EWOULDBLOCK
            close(fd)
            if busy { throw OutputError.busy(path: folder) }
            self.fd = -1
            return
        }
        self.fd = fd
    }

    deinit { if fd >= 0 { close(fd) } }
}
