@testable import TrustData

/// True once the real (libcsv) reader is in: the temporary stand-in splits quoted fields on commas, so
/// the shipped reference tables and benchmark files (quoted sources with commas) only load fully then.
let csvReaderHandlesQuotes: Bool = {
    var fields = 0
    try? CSVReader(data: Array("a,\"b,c\"\n".utf8)).forEachRow { fields = $0.count }
    return fields == 2
}()
