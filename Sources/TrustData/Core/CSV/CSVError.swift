import Foundation

/// Problems reading a CSV export, worded for the data manager who has to fix the file.
public enum CSVError: Error, Equatable, CustomStringConvertible, LocalizedError {
    case cannotOpen(path: String, reason: String)
    case malformed(file: String, line: Int, byteOffset: Int, reason: String)
    case readFailed(file: String, reason: String)
    /// The file is not CSV text at all (UTF-16, a zip, a workbook, XML): `explanation` names what it is.
    case notCSV(file: String, explanation: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            return "Could not open the CSV file \(path) (\(reason)). Check the file name and folder are correct and that the file is not open in another program."
        case let .malformed(file, line, byteOffset, reason):
            return "\(file), line \(line) (byte \(byteOffset)): \(reason). Open the file in a text editor at that line, correct the quote marks, or re-export it from the MIS as CSV."
        case let .readFailed(file, reason):
            return "Reading \(file) stopped part-way through (\(reason)). Copy the file to a local folder and try again."
        case let .notCSV(file, explanation):
            return "\(file) is not a CSV file: \(explanation)."
        }
    }

    public var errorDescription: String? { description }
}
