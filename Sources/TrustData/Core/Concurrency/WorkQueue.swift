import Dispatch
import Foundation

/// Hands out indices one at a time to whichever worker is free. Work items differ a lot in size (the
/// trust workbook takes many times longer than a school workbook; parts of a marks file are slowed by
/// other work on the machine), so a fixed stride leaves one core idle while the other finishes its
/// share; a shared counter keeps both busy to the end.
final class WorkQueue: @unchecked Sendable {
    private var next = 0
    private let count: Int
    private let lock = NSLock()

    init(count: Int) { self.count = count }

    /// The next index to work on, or nil when every index has been taken.
    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }
}

/// Like `fanOut`, but workers take the next index when they finish one (see `WorkQueue`), so the
/// slowest work should come first. Results come back in index order, whatever the scheduling.
func fanOutQueued<Value: Sendable>(_ count: Int, threads: Int, _ body: @Sendable (Int) -> Value) -> [Value] {
    let results = ConcurrentResults<Value>(count: count)
    let queue = WorkQueue(count: count)
    DispatchQueue.concurrentPerform(iterations: max(1, min(threads, count))) { _ in
        while let index = queue.take() { results.set(index, body(index)) }
    }
    return results.values().map { $0! }
}
