import Dispatch
import Foundation

/// Collects one result per index from `DispatchQueue.concurrentPerform`. Each slot is written once by
/// exactly one iteration; the lock makes that visible to the reading thread without a data race.
final class ConcurrentResults<Value: Sendable>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    func values() -> [Value?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}

/// Runs `body` for every index on up to `threads` threads and returns the results in index order, so
/// the output never depends on scheduling. The first error thrown (lowest index) is rethrown.
func fanOut<Value: Sendable>(_ count: Int, threads: Int, _ body: @Sendable (Int) throws -> Value) throws -> [Value] {
    let results = ConcurrentResults<Result<Value, Error>>(count: count)
    let workers = max(1, min(threads, count))
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
        var index = worker
        while index < count {
            results.set(index, Result { try body(index) })
            index += workers
        }
    }
    return try results.values().map { try $0!.get() }
}
