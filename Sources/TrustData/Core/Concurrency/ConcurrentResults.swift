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

/// Runs two independent pieces of work at once (on two threads when `threads` allows) and returns
/// both results; `a`'s error is rethrown first.
func concurrently<A: Sendable, B: Sendable>(threads: Int, _ a: @Sendable () throws -> A,
                                            _ b: @Sendable () throws -> B) throws -> (A, B) {
    let results = try fanOut(2, threads: threads) { i -> Either<A, B> in i == 0 ? .first(try a()) : .second(try b()) }
    guard case .first(let x) = results[0], case .second(let y) = results[1] else { preconditionFailure("fanOut keeps index order") }
    return (x, y)
}

private enum Either<A: Sendable, B: Sendable>: Sendable {
    case first(A)
    case second(B)
}
