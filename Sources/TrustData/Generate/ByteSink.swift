#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written through a large byte buffer, for generating tens of millions of CSV lines quickly:
/// lines are built with memcpy into the buffer and flushed with one `fwrite` per few megabytes.
final class ByteSink {
    private let file: UnsafeMutablePointer<FILE>
    private let capacity: Int
    private let buffer: UnsafeMutablePointer<UInt8>
    private var count = 0
    private(set) var bytesWritten = 0

    init(path: String, capacity: Int = 4 << 20) throws {
        guard let handle = fopen(path, "wb") else { throw GeneratorError.cannotWrite(path) }
        file = handle
        self.capacity = capacity
        buffer = .allocate(capacity: capacity)
    }

    deinit { buffer.deallocate() }

    @inline(__always) func append(_ bytes: UnsafeRawBufferPointer) {
        if count + bytes.count > capacity { flush() }
        if let base = bytes.baseAddress { (buffer + count).update(from: base.assumingMemoryBound(to: UInt8.self), count: bytes.count) }
        count += bytes.count
    }

    @inline(__always) func append(_ bytes: [UInt8]) { bytes.withUnsafeBytes { append($0) } }

    @inline(__always) func append(byte: UInt8) {
        if count == capacity { flush() }
        buffer[count] = byte
        count += 1
    }

    func append(_ text: String) {
        var text = text
        text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// One CSV line from fields (quoted when they contain a comma, quote or newline).
    func line(_ fields: [String]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { append(byte: UInt8(ascii: ",")) }
            if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) {
                append("\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
            } else {
                append(field)
            }
        }
        append(byte: 10)
    }

    func flush() {
        if count > 0 { _ = fwrite(buffer, 1, count, file) }
        bytesWritten += count
        count = 0
    }

    func close() throws {
        flush()
        guard fclose(file) == 0 else { throw GeneratorError.cannotWrite("close") }
    }
}
