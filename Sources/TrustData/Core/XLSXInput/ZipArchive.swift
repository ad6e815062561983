import CZip

/// A zip archive read with libzip (an .xlsx is one): its member names, and each member inflated in
/// chunks, so a sheet of millions of cells is never held whole. Only this file imports libzip.
final class ZipArchive {
    let path: String
    private let archive: OpaquePointer

    init(path: String) throws {
        var code: Int32 = 0
        guard let archive = zip_open(path, ZIP_RDONLY, &code) else {
            var error = zip_error_t()
            zip_error_init_with_code(&error, code)
            defer { zip_error_fini(&error) }
            throw XLSXError.cannotOpen(path: path, reason: String(cString: zip_error_strerror(&error)))
        }
        self.path = path
        self.archive = archive
    }

    deinit { zip_discard(archive) }

    /// The member's index, or nil when the archive has no such member (names compare exactly, then
    /// ignoring case: some writers capitalise `xl/SharedStrings.xml`).
    func locate(_ name: String) -> UInt64? {
        var i = zip_name_locate(archive, name, 0)
        if i < 0 { i = zip_name_locate(archive, name, zip_flags_t(ZIP_FL_NOCASE)) }
        return i < 0 ? nil : UInt64(i)
    }

    /// Calls `body` with each inflated chunk of the member, in order.
    func read(_ name: String, chunkSize: Int = 1 << 16, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        guard let index = locate(name) else { throw XLSXError.missingPart(path: path, part: name) }
        guard let file = zip_fopen_index(archive, index, 0) else {
            throw XLSXError.cannotOpen(path: path, reason: "\(name): \(String(cString: zip_strerror(archive)))")
        }
        defer { zip_fclose(file) }
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: chunkSize)
        defer { buffer.deallocate() }
        while true {
            let n = zip_fread(file, buffer, zip_uint64_t(chunkSize))
            if n < 0 {
                throw XLSXError.cannotOpen(path: path, reason: "\(name) is damaged: \(String(cString: zip_file_strerror(file)))")
            }
            if n == 0 { return }
            try body(UnsafeBufferPointer(start: buffer, count: Int(n)))
        }
    }
}
