import CXLSXWriter
import Foundation

/// An XLSX workbook written with libxlsxwriter. The only Swift file that talks to the C library.
///
/// The workbook is assembled in a temporary file beside the destination and renamed over it only when
/// `close()` succeeds, so a failed or killed run never leaves a half-written workbook at the final path.
/// The document's created time is fixed, so the same content always gives byte-identical files.
public final class Workbook {
    public let path: String
    let tempPath: String
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    // Read on every cell: without `unchecked` each read and update is a dynamic exclusivity check (a
    // runtime call, 1.2 M of them in a large run). A workbook is written by one thread, top to bottom,
    // and these are private, with no access held across a call that could reach them again.
    @exclusivity(unchecked) private var formats: [CellFormat: Format] = [:]
    @exclusivity(unchecked) private var recentFormats: [(CellFormat, Format)] = []
    private var sheetNames: Set<String> = []
    private(set) var sheets: [Worksheet] = []
    public let constantMemory: Bool
    /// Printed at the top of every page of every sheet (set by the workbook's writer); nil: no header.
    public var pageHeading: PageHeading?
    /// When set, every money cell (`CellFormat.gbp` or `.thousandsGBP`) takes this number format, so a
    /// workbook shows money in one unit. Set it before the first cell is written.
    public var moneyFormat: String?

    /// Excel's limit on the characters in one cell.
    public static let maxCellCharacters = 32_767

    /// The fixed "created" time written into every workbook (2000-01-01T00:00:00Z), unless given.
    public static let fixedCreated = Date(timeIntervalSince1970: 946_684_800)

    public init(path: String, constantMemory: Bool = true, created: Date? = nil, title: String? = nil) throws {
        self.path = path
        self.constantMemory = constantMemory
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder) else {
            throw WorkbookError.cannotCreate(path: path, reason: "the folder \(folder) does not exist")
        }
        tempPath = (folder as NSString).appendingPathComponent(
            ".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        var options = lxw_workbook_options()
        options.constant_memory = constantMemory ? 1 : 0
        options.use_zip64 = 0
        handle = (Workbook.scratchFolder ?? folder).withCString { dir in
            options.tmpdir = UnsafeMutablePointer(mutating: dir)
            return tempPath.withCString { workbook_new_opt($0, &options) }
        }
        guard handle != nil else {
            throw WorkbookError.cannotCreate(path: path, reason: "libxlsxwriter could not start a workbook (out of memory?)")
        }
        var properties = lxw_doc_properties()
        properties.created = time_t((created ?? Workbook.fixedCreated).timeIntervalSince1970)
        let author = "trustdata"
        let docTitle = title ?? url.deletingPathExtension().lastPathComponent
        let err = author.withCString { a in
            docTitle.withCString { t in
                properties.author = UnsafeMutablePointer(mutating: a)
                properties.title = UnsafeMutablePointer(mutating: t)
                return workbook_set_properties(handle, &properties)
            }
        }
        try Workbook.check(err, "setting the document properties of \(path)")
    }

    /// Where libxlsxwriter keeps its scratch files: one per part of the workbook (about 27 for a school's),
    /// unlinked as soon as they are opened and gone when the workbook closes. Memory-backed `/dev/shm`
    /// when it has plenty of room, else beside the output as before. Creating and deleting thousands of
    /// such files on disk cost a third of the write stage on ext4 (a new inode skips every recently
    /// deleted one); the room check keeps small container tmpfs mounts on the disk path.
    static let scratchFolder: String? = {
        let shm = "/dev/shm"
        var fs = statvfs()
        guard access(shm, W_OK) == 0, statvfs(shm, &fs) == 0 else { return nil }
        let free = UInt64(fs.f_bavail) * UInt64(fs.f_frsize)
        return free >= 1 << 30 ? shm : nil
    }()

    deinit {
        if let handle {
            // Never closed (an error upstream): drop everything, leave no file behind.
            lxw_workbook_free(handle)
            unlink(tempPath)
        }
    }

    /// Adds a sheet. Names are checked here, before C sees them: Excel allows 1–31 characters, none of
    /// `[]:*?/\`, no leading or trailing apostrophe, unique ignoring case.
    public func addWorksheet(_ name: String) throws -> Worksheet {
        let handle = try open()
        if let problem = Workbook.problem(withSheetName: name) {
            throw WorkbookError.invalidSheetName(name, reason: problem)
        }
        guard sheetNames.insert(name.lowercased()).inserted else {
            throw WorkbookError.invalidSheetName(name, reason: "the workbook already has a sheet with that name")
        }
        guard let sheet = name.withCString({ workbook_add_worksheet(handle, $0) }) else {
            throw WorkbookError.xlsx(code: -1, message: "could not add the sheet", context: "adding sheet `\(name)` to \(path)")
        }
        let worksheet = Worksheet(name: name, pointer: sheet, workbook: self)
        sheets.append(worksheet)
        return worksheet
    }

    public static func problem(withSheetName name: String) -> String? {
        if name.isEmpty { return "a sheet name cannot be empty" }
        if name.count > 31 { return "it has \(name.count) characters; Excel allows at most 31" }
        if let bad = name.first(where: { "[]:*?/\\".contains($0) }) { return "it contains `\(bad)`; Excel forbids []:*?/\\ in sheet names" }
        if name.hasPrefix("'") || name.hasSuffix("'") { return "it starts or ends with an apostrophe" }
        if name.lowercased() == "history" { return "Excel reserves the name History" }
        return nil
    }

    /// The C format for a style, created once per workbook.
    public func format(_ spec: CellFormat) -> Format {
        // Sheets mostly alternate between a few styles: compare with the last ones used before hashing.
        // Compared in place: iterating the pairs copied each format (retaining its number format text).
        let recent = recentFormats.withUnsafeBufferPointer { recent -> Format? in
            for i in recent.indices where recent[i].0 == spec { return recent[i].1 }
            return nil
        }
        if let recent { return recent }
        let format = lookUpFormat(spec)
        if recentFormats.count == Workbook.recentFormatCount { recentFormats.removeFirst() }
        recentFormats.append((spec, format))
        return format
    }

    private static let recentFormatCount = 4

    private func lookUpFormat(_ spec: CellFormat) -> Format {
        if let existing = formats[spec] { return existing }
        // A plain cell (a blank needs a format to be written at all) gets the workbook's own default
        // format, the first libxlsxwriter creates, whose style index is set. A format of ours with the
        // same (default) properties never gets an index of its own: libxlsxwriter copied, hashed and
        // freed all its properties again for every cell written with it. The XML is the same (style 0).
        if spec == .plain, let first = handle?.pointee.formats?.pointee.stqh_first, first.pointee.xf_index == 0 {
            let format = Format(pointer: first, spec: spec)
            formats[spec] = format
            return format
        }
        let f = workbook_add_format(handle)!
        if spec.bold { format_set_bold(f) }
        if spec.italic { format_set_italic(f) }
        if let size = spec.fontSize { format_set_font_size(f, size) }
        if let color = spec.fontColor { format_set_font_color(f, lxw_color_t(color)) }
        if let fill = spec.fill {
            format_set_pattern(f, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(f, lxw_color_t(fill))
        }
        if var numberFormat = spec.numberFormat {
            if let money = moneyFormat, numberFormat == CellFormat.gbp.numberFormat || numberFormat == CellFormat.thousandsGBP.numberFormat {
                numberFormat = money
            }
            numberFormat.withCString { format_set_num_format(f, $0) }
        }
        switch spec.align {
        case .left?: format_set_align(f, UInt8(LXW_ALIGN_LEFT.rawValue))
        case .centre?: format_set_align(f, UInt8(LXW_ALIGN_CENTER.rawValue))
        case .right?: format_set_align(f, UInt8(LXW_ALIGN_RIGHT.rawValue))
        case nil: break
        }
        switch spec.verticalAlign {
        case .top?: format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        case .centre?: format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
        case .bottom?: format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_BOTTOM.rawValue))
        case nil: break
        }
        if spec.wrap { format_set_text_wrap(f) }
        if spec.border { format_set_border(f, UInt8(LXW_BORDER_THIN.rawValue)) }
        if spec.bottomBorder { format_set_bottom(f, UInt8(LXW_BORDER_THIN.rawValue)) }
        if spec.indent > 0 { format_set_indent(f, UInt8(min(spec.indent, 15))) }
        let format = Format(pointer: f, spec: spec)
        formats[spec] = format
        return format
    }

    /// Writes the file and moves it into place. On any error the temporary file is removed and
    /// whatever was at `path` before is untouched.
    public func close() throws {
        guard let h = handle else { throw WorkbookError.closed(path: path) }
        for sheet in sheets { try sheet.finishPage(heading: pageHeading) }
        handle = nil
        let err = workbook_close(h)
        guard err == LXW_NO_ERROR else {
            unlink(tempPath)
            throw WorkbookError.xlsx(code: Int(err.rawValue), message: String(cString: lxw_strerror(err)),
                                     context: "writing \(path) (is the folder writable and the disk not full?)")
        }
        guard rename(tempPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(tempPath)
            throw WorkbookError.cannotRename(from: tempPath, to: path, reason: reason)
        }
    }

    fileprivate func open() throws -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else { throw WorkbookError.closed(path: path) }
        return handle
    }

    fileprivate func addChart(_ spec: ChartSpec) throws -> UnsafeMutablePointer<lxw_chart> {
        let type: lxw_chart_type
        switch spec.kind {
        case .line: type = LXW_CHART_LINE
        case .column: type = LXW_CHART_COLUMN
        case .bar: type = LXW_CHART_BAR
        }
        guard let chart = workbook_add_chart(try open(), UInt8(type.rawValue)) else {
            throw WorkbookError.xlsx(code: -1, message: "could not create the chart", context: "adding chart `\(spec.title)`")
        }
        spec.title.withCString { chart_title_set_name(chart, $0) }
        for s in spec.series {
            guard let series = s.categories.withCString({ c in s.values.withCString { v in chart_add_series(chart, c, v) } }) else {
                throw WorkbookError.xlsx(code: -1, message: "could not add a series", context: "chart `\(spec.title)`")
            }
            s.name.withCString { chart_series_set_name(series, $0) }
            if let colour = s.dashedColour {
                var line = lxw_chart_line()
                line.color = colour
                line.width = 2
                line.dash_type = UInt8(LXW_CHART_LINE_DASH_DASH.rawValue)
                chart_series_set_line(series, &line)
                if spec.kind == .line { chart_series_set_marker_type(series, UInt8(LXW_CHART_MARKER_NONE.rawValue)) }
            } else if spec.kind == .line {
                chart_series_set_marker_type(series, UInt8(LXW_CHART_MARKER_CIRCLE.rawValue))
            }
        }
        if let x = spec.xAxisTitle { x.withCString { chart_axis_set_name(chart.pointee.x_axis, $0) } }
        if let y = spec.yAxisTitle { y.withCString { chart_axis_set_name(chart.pointee.y_axis, $0) } }
        if let nf = spec.yAxisNumberFormat { nf.withCString { chart_axis_set_num_format(chart.pointee.y_axis, $0) } }
        if let min = spec.yAxisMin { chart_axis_set_min(chart.pointee.y_axis, min) }
        if let max = spec.yAxisMax { chart_axis_set_max(chart.pointee.y_axis, max) }
        chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
        return chart
    }

    static func check(_ err: lxw_error, _ context: @autoclosure () -> String) throws {
        guard err == LXW_NO_ERROR else {
            throw WorkbookError.xlsx(code: Int(err.rawValue), message: String(cString: lxw_strerror(err)), context: context())
        }
    }
}

/// A cell format created in one workbook. Only valid for the workbook that made it.
public struct Format {
    fileprivate let pointer: UnsafeMutablePointer<lxw_format>
    /// What the row-height estimate needs: wrapping, size and weight.
    fileprivate let wraps: Bool
    fileprivate let size: Double
    fileprivate let bold: Bool
    fileprivate let spec: CellFormat

    fileprivate init(pointer: UnsafeMutablePointer<lxw_format>, spec: CellFormat) {
        self.pointer = pointer
        self.spec = spec
        wraps = spec.wrap
        size = spec.fontSize ?? PagePlan.bodyPoints
        bold = spec.bold
    }
}

/// One sheet of a `Workbook`. In constant-memory mode rows must be written top to bottom; the wrapper
/// enforces it because libxlsxwriter would otherwise drop earlier-row writes silently.
public final class Worksheet {
    public let name: String
    private let pointer: UnsafeMutablePointer<lxw_worksheet>
    private unowned let workbook: Workbook
    /// Checked and updated on every cell: unchecked for the reason given at `Workbook.formats`.
    @exclusivity(unchecked) public private(set) var lastRow = -1
    /// The rightmost column written, for the print area.
    @exclusivity(unchecked) private var lastCol = -1
    /// Height the current row needs for its wrapped text (or was given), set when the sheet moves on.
    @exclusivity(unchecked) private var pendingHeight: Double?
    /// Points of the rows before the current one, for fitting the page.
    private var heightAbove = 0.0
    private var columnWidths: [Double] = []
    private var charts: [(row: Int, col: Int, widthPixels: Double, heightPoints: Double)] = []

    /// Marks every printed page "OFFICIAL-SENSITIVE: contains pupil data" (sheets with a row per pupil).
    public var pupilLevel = false
    /// The period the sheet's figures cover ("KS2 tests, summer 2025"), printed in the page footer.
    public var dataPeriod: String?
    /// Columns repeated on every page when the sheet is too wide for one page at a readable size.
    public var repeatedColumns = 1
    private var requestedOrientation: PagePlan.Orientation?
    private var onePage = false
    private var pageBreaks: [Int] = []
    private var ownHeader = false, ownFooter = false
    /// How the sheet was laid out on paper (set when the workbook closes), for tests.
    public private(set) var pagePlan: PagePlan?

    fileprivate init(name: String, pointer: UnsafeMutablePointer<lxw_worksheet>, workbook: Workbook) {
        self.name = name
        self.pointer = pointer
        self.workbook = workbook
    }

    /// The next empty row, for laying sheets out top to bottom.
    public var nextRow: Int { lastRow + 1 }

    public func write(_ row: Int, _ col: Int, _ value: CellValue, _ format: Format? = nil) throws {
        try write(row, col, value, resolved: format, spec: nil)
    }

    public func write(_ row: Int, _ col: Int, _ value: CellValue, _ spec: CellFormat) throws {
        try write(row, col, value, resolved: nil, spec: spec)
    }

    /// Writes values left to right from `col`.
    public func writeRow(_ row: Int, _ values: [CellValue], from col: Int = 0, _ spec: CellFormat? = nil) throws {
        for (i, v) in values.enumerated() {
            try write(row, col + i, v, resolved: nil, spec: spec)
        }
    }

    private func write(_ row: Int, _ col: Int, _ value: CellValue, resolved: Format?, spec: CellFormat?) throws {
        try claim(row)
        if col > lastCol { lastCol = col }
        let r = lxw_row_t(row), c = lxw_col_t(col)
        var format = resolved?.pointer
        func fmt(_ base: CellFormat) -> UnsafeMutablePointer<lxw_format> {
            var s = spec ?? base
            if s.numberFormat == nil { s.numberFormat = base.numberFormat }
            return workbook.format(s).pointer
        }
        let err: lxw_error
        switch value {
        case .string(let text):
            if format == nil, let spec { format = text.isEmpty ? workbook.format(spec).pointer : contentFormat(spec) }
            // Always write_string: text from an export that starts with = + - @ stays text, never a formula.
            // A cell holds at most 32,767 characters (Excel's limit; libxlsxwriter refuses longer text
            // and the run would fail on one pasted note): longer text is shortened, ending with "…".
            // (A text has at least as many UTF-8 bytes as scalars: count scalars only when it could be long.)
            let fitted = text.utf8.count > Workbook.maxCellCharacters && text.unicodeScalars.count > Workbook.maxCellCharacters
                ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(Workbook.maxCellCharacters - 1))) + "…" : text
            let look = resolved?.spec ?? spec ?? .plain
            if look.wrap {
                makeRoom(for: fitted, firstCol: col, lastCol: col, size: look.fontSize ?? PagePlan.bodyPoints, bold: look.bold)
            } else if look.fontSize == nil && !look.italic && overflows(fitted, col: col, bold: look.bold) {
                // Body text wider than its column would print over (or be cut by) the next cell: it wraps
                // in its column instead and the row grows. Titles and notes (larger or italic) run on.
                let wrapped = look.with { $0.wrap = true; if $0.verticalAlign == nil { $0.verticalAlign = .top } }
                format = workbook.format(wrapped).pointer
                makeRoom(for: fitted, firstCol: col, lastCol: col, size: PagePlan.bodyPoints, bold: look.bold)
            } else if let size = look.fontSize, size > PagePlan.bodyPoints {
                pendingHeight = max(pendingHeight ?? 0, TextMetrics.rowHeight(lines: 1, size: size))
            }
            err = fitted.withCString { worksheet_write_string(pointer, r, c, $0, format) }
        case .number(let n):
            if format == nil, let spec { format = n.isFinite ? contentFormat(spec) : workbook.format(spec).pointer }
            err = n.isFinite ? worksheet_write_number(pointer, r, c, n, format) : worksheet_write_blank(pointer, r, c, format)
        case .percent(let p):
            if format == nil { format = fmt(.percent) }
            err = p.isFinite ? worksheet_write_number(pointer, r, c, p, format) : worksheet_write_blank(pointer, r, c, format)
        case .date(let d):
            if format == nil { format = fmt(.date) }
            var dt = lxw_datetime(year: Int32(d.year), month: Int32(d.month), day: Int32(d.day), hour: 0, min: 0, sec: 0)
            err = worksheet_write_datetime(pointer, r, c, &dt, format)
        case .blank:
            if format == nil, let spec { format = workbook.format(spec).pointer }
            guard format != nil else { return }
            err = worksheet_write_blank(pointer, r, c, format)
        }
        try Workbook.check(err, "writing cell \(CellRange.cell(row, col)) of sheet `\(name)`")
    }

    /// The C format for a text or number cell. A plain one goes without: libxlsxwriter writes such a cell
    /// exactly as one with no format (no style attribute), but it finds a format whose properties equal
    /// the default style by hashing all of them again on every cell (only the first format with given
    /// properties keeps its index). Blank cells (and empty texts, written as blanks) keep the format:
    /// without one they are not written at all.
    private func contentFormat(_ spec: CellFormat) -> UnsafeMutablePointer<lxw_format>? {
        spec == .plain ? nil : workbook.format(spec).pointer
    }

    private func claim(_ row: Int) throws {
        if row > lastRow {
            try moveOn(to: row)
        } else if workbook.constantMemory && row < lastRow {
            throw WorkbookError.rowOutOfOrder(sheet: name, row: row, lastRow: lastRow)
        }
    }

    /// Leaving the current row: give it the height its wrapped text needs, while libxlsxwriter still
    /// holds it (a constant-memory sheet writes a row out when the next one starts).
    private func moveOn(to row: Int) throws {
        if lastRow >= 0 {
            if let height = pendingHeight {
                try Workbook.check(worksheet_set_row(pointer, lxw_row_t(lastRow), height, nil), "setting a row height on `\(name)`")
            }
            heightAbove += pendingHeight ?? Worksheet.defaultRowPoints
        }
        heightAbove += Double(max(0, row - lastRow - 1)) * Worksheet.defaultRowPoints
        pendingHeight = nil
        lastRow = row
    }

    static let defaultRowPoints = 15.0
    static let defaultColumnWidth = 8.43

    /// The current row becomes tall enough for `text` wrapped across the columns (set their widths first).
    private func makeRoom(for text: String, firstCol: Int, lastCol: Int, size: Double, bold: Bool) {
        var pixels = 0.0
        for c in firstCol...lastCol { pixels += TextMetrics.columnPixels(width(c)) }
        let lines = TextMetrics.lines(text, columnPixels: pixels, size: size, bold: bold)
        let height = TextMetrics.rowHeight(lines: lines, size: size)
        if height > Worksheet.defaultRowPoints || size > PagePlan.bodyPoints { pendingHeight = max(pendingHeight ?? 0, height) }
    }

    func width(_ col: Int) -> Double { col < columnWidths.count ? columnWidths[col] : Worksheet.defaultColumnWidth }

    /// Whether `text` is wider than column `col` (a short text is not measured: no character is wider
    /// than 1 em, 15 px at 11 pt).
    private func overflows(_ text: String, col: Int, bold: Bool) -> Bool {
        let room = TextMetrics.columnPixels(width(col)) - 7
        guard Double(text.utf8.count) * 15.5 > room else { return false }
        return TextMetrics.anyLineWider(text, than: room, size: PagePlan.bodyPoints, bold: bold)
    }

    public func setColumnWidth(_ first: Int, _ last: Int, _ width: Double) throws {
        if columnWidths.count <= last { columnWidths += Array(repeating: Worksheet.defaultColumnWidth, count: last + 1 - columnWidths.count) }
        for c in first...last { columnWidths[c] = width }
        try Workbook.check(worksheet_set_column(pointer, lxw_col_t(first), lxw_col_t(last), width, nil),
                           "setting column widths on `\(name)`")
    }

    /// At least `height` points for the row (more when its wrapped text needs it).
    public func setRowHeight(_ row: Int, _ height: Double) throws {
        try claim(row)
        pendingHeight = max(pendingHeight ?? 0, height)
    }

    public func freezePanes(row: Int, col: Int) {
        worksheet_freeze_panes(pointer, lxw_row_t(row), lxw_col_t(col))
    }

    public func autofilter(firstRow: Int, firstCol: Int, lastRow: Int, lastCol: Int) throws {
        try Workbook.check(worksheet_autofilter(pointer, lxw_row_t(firstRow), lxw_col_t(firstCol), lxw_row_t(lastRow), lxw_col_t(lastCol)),
                           "adding a filter to `\(name)`")
    }

    /// Merges cells of one row (a title across a table) and writes the text into them.
    public func merge(row: Int, firstCol: Int, lastCol: Int, _ text: String, _ spec: CellFormat = .plain) throws {
        try claim(row)
        if lastCol > self.lastCol { self.lastCol = lastCol }
        if spec.wrap {
            makeRoom(for: text, firstCol: firstCol, lastCol: lastCol, size: spec.fontSize ?? PagePlan.bodyPoints, bold: spec.bold)
        } else if let size = spec.fontSize, size > PagePlan.bodyPoints {
            pendingHeight = max(pendingHeight ?? 0, TextMetrics.rowHeight(lines: 1, size: size))
        }
        let f = workbook.format(spec).pointer
        let err = text.withCString {
            worksheet_merge_range(pointer, lxw_row_t(row), lxw_col_t(firstCol), lxw_row_t(row), lxw_col_t(lastCol), $0, f)
        }
        try Workbook.check(err, "merging cells on `\(name)`")
    }

    /// Merges cells of one row and writes a value (a number as a number) into them, in one format.
    public func merge(row: Int, firstCol: Int, lastCol: Int, value: CellValue, _ spec: CellFormat) throws {
        try merge(row: row, firstCol: firstCol, lastCol: lastCol, "", spec)
        try write(row, firstCol, value, spec)
    }

    public func conditionalFormat(firstRow: Int, firstCol: Int, lastRow: Int, lastCol: Int, _ rule: ConditionalRule) throws {
        var cf = lxw_conditional_format()
        cf.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
        var text: String?
        let spec: CellFormat
        switch rule {
        case let .lessThan(v, s): cf.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_LESS_THAN.rawValue); cf.value = v; spec = s
        case let .greaterThan(v, s): cf.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_GREATER_THAN.rawValue); cf.value = v; spec = s
        case let .greaterThanOrEqual(v, s): cf.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_GREATER_THAN_OR_EQUAL_TO.rawValue); cf.value = v; spec = s
        case let .lessThanOrEqual(v, s): cf.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_LESS_THAN_OR_EQUAL_TO.rawValue); cf.value = v; spec = s
        case let .equalTo(v, s): cf.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_EQUAL_TO.rawValue); cf.value = v; spec = s
        case let .between(lo, hi, s):
            cf.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_BETWEEN.rawValue); cf.min_value = lo; cf.max_value = hi; spec = s
        case let .textContains(t, s):
            cf.type = UInt8(LXW_CONDITIONAL_TYPE_TEXT.rawValue)
            cf.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_TEXT_CONTAINING.rawValue); text = t; spec = s
        }
        cf.format = workbook.format(spec).pointer
        let err: lxw_error = (text ?? "").withCString { t in
            if text != nil { cf.value_string = UnsafeMutablePointer(mutating: t) }
            return worksheet_conditional_format_range(pointer, lxw_row_t(firstRow), lxw_col_t(firstCol), lxw_row_t(lastRow), lxw_col_t(lastCol), &cf)
        }
        try Workbook.check(err, "adding conditional formatting to `\(name)`")
    }

    public func insertChart(row: Int, col: Int, chart spec: ChartSpec) throws {
        let chart = try workbook.addChart(spec)
        var options = lxw_chart_options()
        options.x_scale = spec.widthScale
        options.y_scale = spec.heightScale
        try Workbook.check(worksheet_insert_chart_opt(pointer, lxw_row_t(row), lxw_col_t(col), chart, &options),
                           "inserting chart `\(spec.title)` on `\(name)`")
        // libxlsxwriter's default chart is 480 × 288 pixels.
        charts.append((row, col, 480 * spec.widthScale, 288 * spec.heightScale * 0.75))
    }

    // MARK: Page setup for printing

    /// Asks for landscape; otherwise the orientation follows the sheet's width (see `PagePlan`).
    public func setLandscape() { requestedOrientation = .landscape }
    /// Every sheet prints on A4 (set when the workbook closes).
    public func setPaperA4() {}
    /// `tall: 1` asks for one page (a summary card) when the text stays readable; the width is always
    /// fitted as far as readable text allows (see `PagePlan`).
    public func fitToPages(wide: Int, tall: Int) { onePage = tall == 1 }
    public func setMargins(left: Double, right: Double, top: Double, bottom: Double) {
        worksheet_set_margins(pointer, left, right, top, bottom)
    }

    /// Starts a new printed page at each of `rows` (a block that should not be split).
    public func breakPages(before rows: [Int]) { pageBreaks = rows.filter { $0 > 0 }.sorted() }

    public func repeatRows(first: Int, last: Int) throws {
        try Workbook.check(worksheet_repeat_rows(pointer, lxw_row_t(first), lxw_row_t(last)), "setting print titles on `\(name)`")
    }

    public func setHeader(_ text: String) throws {
        // `&` starts a control code in Excel headers; double it so school names print as written.
        let escaped = text.replacingOccurrences(of: "&", with: "&&")
        try Workbook.check(escaped.withCString { worksheet_set_header(pointer, $0) }, "setting the page header on `\(name)`")
        ownHeader = true
    }

    public func setFooter(_ text: String) throws {
        try Workbook.check(text.withCString { worksheet_set_footer(pointer, $0) }, "setting the page footer on `\(name)`")
        ownFooter = true
    }

    /// Lays the sheet out on A4 when the workbook closes: the last row's height, orientation and fit
    /// (`PagePlan`), the print area (written cells and charts), the page header and footer.
    fileprivate func finishPage(heading: PageHeading?) throws {
        if let height = pendingHeight, lastRow >= 0 {
            try Workbook.check(worksheet_set_row(pointer, lxw_row_t(lastRow), height, nil), "setting a row height on `\(name)`")
        }
        var rows = lastRow, cols = lastCol
        var chartRight = 0.0
        for chart in charts {
            var pixels = 0.0, col = chart.col
            while pixels < chart.widthPixels { pixels += TextMetrics.columnPixels(width(col)); col += 1 }
            cols = max(cols, col - 1)
            rows = max(rows, chart.row + Int((chart.heightPoints / Worksheet.defaultRowPoints).rounded(.up)))
            chartRight = max(chartRight, pixels)
        }
        var widthPixels = 0.0
        if cols >= 0 { for c in 0...cols { widthPixels += TextMetrics.columnPixels(width(c)) } }
        let heightPoints = heightAbove + (pendingHeight ?? Worksheet.defaultRowPoints)
            + Double(max(0, rows - lastRow)) * Worksheet.defaultRowPoints
        let plan = PagePlan.plan(widthPixels: widthPixels, heightPoints: heightPoints, requested: requestedOrientation, onePage: onePage)
        pagePlan = plan
        worksheet_set_paper(pointer, 9) // A4
        if plan.orientation == .landscape { worksheet_set_landscape(pointer) } else { worksheet_set_portrait(pointer) }
        if let wide = plan.fitWide {
            worksheet_fit_to_pages(pointer, UInt16(wide), UInt16(plan.fitTall))
        } else {
            worksheet_set_print_scale(pointer, UInt16(plan.scale))
            if repeatedColumns > 0 {
                try Workbook.check(worksheet_repeat_columns(pointer, 0, lxw_col_t(repeatedColumns - 1)), "repeating columns on `\(name)`")
            }
        }
        if !pageBreaks.isEmpty {
            var breaks = pageBreaks.map { lxw_row_t($0) } + [0]
            try Workbook.check(worksheet_set_h_pagebreaks(pointer, &breaks), "setting page breaks on `\(name)`")
        }
        if rows >= 0 && cols >= 0 {
            try Workbook.check(worksheet_print_area(pointer, 0, 0, lxw_row_t(rows), lxw_col_t(cols)), "setting the print area of `\(name)`")
        }
        if let heading {
            if !ownHeader {
                try Workbook.check(heading.header(pupilLevel: pupilLevel).withCString { worksheet_set_header(pointer, $0) }, "setting the page header on `\(name)`")
            }
            if !ownFooter {
                try Workbook.check(heading.footer(period: dataPeriod).withCString { worksheet_set_footer(pointer, $0) },
                                   "setting the page footer on `\(name)`")
            }
        }
    }

    public func hideGridlines() { worksheet_gridlines(pointer, UInt8(LXW_HIDE_ALL_GRIDLINES.rawValue)) }
    /// Prints the cell grid (a meeting sheet to write on).
    public func printGridlines() { worksheet_gridlines(pointer, UInt8(LXW_SHOW_ALL_GRIDLINES.rawValue)) }
    public func activate() { worksheet_activate(pointer) }
}
