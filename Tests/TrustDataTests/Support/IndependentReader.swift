import Foundation
import Testing

/// Reads a written workbook back with openpyxl (an independent implementation), so tests check
/// what a spreadsheet client sees rather than trusting our own writer.
struct IndependentReader {
    struct Cell: Decodable, Equatable {
        let value: JSONValue?
        /// openpyxl's data type: `s` text, `n` number, `d` date, `f` formula, `b` boolean.
        let type: String
        let numberFormat: String
        let bold: Bool
        let fill: String?

        enum CodingKeys: String, CodingKey {
            case value, type, bold, fill
            case numberFormat = "number_format"
        }
    }

    struct Sheet: Decodable {
        let name: String
        let cells: [String: Cell]
        let freeze: String?
        let autofilter: String?
        let merged: [String]
        let charts: Int
        let conditionalFormats: Int
        let landscape: Bool
        let fitToWidth: Int?
        let printTitleRows: String?
        let maxRow: Int
        let maxColumn: Int

        enum CodingKeys: String, CodingKey {
            case name, cells, freeze, autofilter, merged, charts, landscape
            case conditionalFormats = "conditional_formats"
            case fitToWidth = "fit_to_width"
            case printTitleRows = "print_title_rows"
            case maxRow = "max_row"
            case maxColumn = "max_column"
        }

        subscript(_ ref: String) -> Cell? { cells[ref] }
        func text(_ ref: String) -> String? { cells[ref]?.value?.string }
        func number(_ ref: String) -> Double? { cells[ref]?.value?.number }
        /// Every text cell, for privacy scans.
        var allText: [String] { cells.values.compactMap { $0.value?.string } }
    }

    struct Book: Decodable {
        let sheets: [Sheet]
        let created: String?
        subscript(_ name: String) -> Sheet? { sheets.first { $0.name == name } }
        var sheetNames: [String] { sheets.map(\.name) }
    }

    enum JSONValue: Decodable, Equatable {
        case string(String), number(Double), bool(Bool)
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let b = try? c.decode(Bool.self) { self = .bool(b) }
            else if let n = try? c.decode(Double.self) { self = .number(n) }
            else { self = .string(try c.decode(String.self)) }
        }
        var string: String? { if case .string(let s) = self { return s }; return nil }
        var number: Double? { if case .number(let n) = self { return n }; return nil }
    }

    static let script = #"""
import json, sys, datetime
try:
    import openpyxl
except ImportError:
    sys.stderr.write("openpyxl is not installed: run `make deps` (pip install openpyxl)\n"); sys.exit(3)
wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": [], "created": wb.properties.created.isoformat() if wb.properties.created else None}
for ws in wb.worksheets:
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is None and not (c.fill and c.fill.fgColor and c.fill.fill_type == "solid"):
                continue
            v = c.value
            if isinstance(v, (datetime.datetime, datetime.date)):
                v = v.isoformat()
            fill = None
            if c.fill is not None and c.fill.fill_type == "solid" and c.fill.fgColor is not None and c.fill.fgColor.rgb:
                fill = str(c.fill.fgColor.rgb)
            cells[c.coordinate] = {"value": v, "type": c.data_type, "number_format": c.number_format,
                                   "bold": bool(c.font and c.font.b), "fill": fill}
    pts = ws.print_title_rows
    out["sheets"].append({
        "name": ws.title, "cells": cells,
        "freeze": ws.freeze_panes, "autofilter": ws.auto_filter.ref,
        "merged": [str(r) for r in ws.merged_cells.ranges],
        "charts": len(ws._charts),
        "conditional_formats": sum(len(r.rules) for r in ws.conditional_formatting),
        "landscape": ws.page_setup.orientation == "landscape",
        "fit_to_width": (int(ws.page_setup.fitToWidth) if ws.page_setup.fitToWidth is not None else 1) if ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage else None,
        "print_title_rows": pts,
        "max_row": ws.max_row, "max_column": ws.max_column,
    })
print(json.dumps(out))
"""#

    /// Fails the test (not skips) when python3 or openpyxl is missing: the test command installs them.
    static func read(_ path: String) throws -> Book {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            Issue.record("openpyxl could not read \(path): \(errors)")
            throw ReadError(message: errors)
        }
        return try JSONDecoder().decode(Book.self, from: data)
    }

    struct ReadError: Error { let message: String }
}

/// A fresh temporary folder per test.
func makeTemporaryFolder(_ name: String = #function) throws -> String {
    let safe = name.filter { $0.isLetter || $0.isNumber }
    let path = NSTemporaryDirectory() + "trustdata-tests-\(safe)-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// The folder holding this test target's fixtures.
func fixturePath(_ relative: String, file: String = #filePath) -> String {
    var url = URL(fileURLWithPath: file)
    while url.lastPathComponent != "TrustDataTests" && url.path != "/" { url.deleteLastPathComponent() }
    return url.appendingPathComponent("Fixtures").appendingPathComponent(relative).path
}
