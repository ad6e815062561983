// TEMPORARY stand-in with the agreed API while the libcsv wrapper is built on its own branch;
// the merge replaces this file with the libcsv implementation.
import Foundation

public enum TextEncoding: String, Sendable { case utf8 = "utf-8", windows1252 = "windows-1252" }

public struct CSVRow: Sendable {
    public let line: Int
    public let byteOffset: Int
    let values: [String]
    public var count: Int { values.count }
    public subscript(i: Int) -> String { i < values.count ? values[i] : "" }
    public var fields: [String] { values }
}

public enum CSVError: Error, Equatable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case malformed(file: String, line: Int, byteOffset: Int, reason: String)
    case readFailed(file: String, reason: String)
    public var description: String { "\(self)" }
}

public final class CSVReader {
    public let name: String
    let data: [UInt8]
    public private(set) var detectedEncoding: TextEncoding = .utf8
    public private(set) var bytesRead: Int = 0

    public init(path: String, chunkSize: Int = 1 << 16) throws {
        guard let d = FileManager.default.contents(atPath: path) else { throw CSVError.cannotOpen(path: path, reason: "not found") }
        data = [UInt8](d)
        name = path
    }
    public init(data: [UInt8], name: String = "<memory>") {
        self.data = data
        self.name = name
    }

    public func forEachRow(_ body: (CSVRow) throws -> Void) throws {
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        bytesRead = data.count
        var line = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            line += 1
            let l = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if l.isEmpty { continue }
            try body(CSVRow(line: line, byteOffset: 0, values: l.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
        }
    }
}
