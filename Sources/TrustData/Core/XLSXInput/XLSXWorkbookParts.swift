/// Where a workbook keeps its parts: the sheets in tab order with their XML part, the shared strings,
/// the styles, and whether dates count from 1904 (`workbookPr date1904`, old Mac workbooks).
struct XLSXWorkbookParts {
    struct Sheet { let name: String; let part: String }
    var sheets: [Sheet] = []
    var sharedStrings: String?
    var styles: String?
    var date1904 = false

    init(zip: ZipArchive) throws {
        let book = WorkbookEvents()
        try XMLStream.parse(book, part: "xl/workbook.xml", in: zip)
        let rels = RelationshipEvents()
        if zip.locate("xl/_rels/workbook.xml.rels") != nil {
            try XMLStream.parse(rels, part: "xl/_rels/workbook.xml.rels", in: zip)
        }
        date1904 = book.date1904
        for (name, id) in book.sheets {
            // Without a relationship, the conventional name (sheetN.xml in tab order) is the best guess.
            let part = rels.targets[id].map(XLSXWorkbookParts.partPath) ?? "xl/worksheets/sheet\(sheets.count + 1).xml"
            sheets.append(Sheet(name: name, part: part))
        }
        sharedStrings = rels.byType["sharedStrings"].map(XLSXWorkbookParts.partPath)
            ?? (zip.locate("xl/sharedStrings.xml") != nil ? "xl/sharedStrings.xml" : nil)
        styles = rels.byType["styles"].map(XLSXWorkbookParts.partPath)
            ?? (zip.locate("xl/styles.xml") != nil ? "xl/styles.xml" : nil)
    }

    /// A relationship target as a zip member name: relative to `xl/`, or absolute from the root.
    static func partPath(_ target: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = ["xl"]
        for piece in target.split(separator: "/") {
            if piece == ".." { if !parts.isEmpty { parts.removeLast() } } else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }
}

private final class WorkbookEvents: XMLEvents {
    var sheets: [(name: String, id: String)] = []
    var date1904 = false

    override func start(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("sheet"), let sheetName = attributes.string("name") {
            // `r:id`; some writers use another prefix for the same namespace, so any `…:id` will do.
            sheets.append((sheetName, attributes.exact("r:id") ?? attributes.string("id") ?? ""))
        } else if name.is("workbookPr"), let flag = attributes.string("date1904") {
            date1904 = flag == "1" || flag.lowercased() == "true"
        }
    }
}

private final class RelationshipEvents: XMLEvents {
    var targets: [String: String] = [:]
    /// The target of the first relationship of each kind (the last word of its Type URI).
    var byType: [String: String] = [:]

    override func start(_ name: XMLName, _ attributes: XMLAttributes) {
        guard name.is("Relationship"), let id = attributes.string("Id"), let target = attributes.string("Target") else { return }
        targets[id] = target
        if let type = attributes.string("Type"), let kind = type.split(separator: "/").last.map(String.init), byType[kind] == nil {
            byType[kind] = target
        }
    }
}
