import Foundation
import Testing

/// How a workbook prints, read independently of our writer: openpyxl for the page setup, the headers
/// and footers and the charts; fontTools with Carlito (Calibri's metric twin, the font LibreOffice
/// prints Calibri sheets with) for the width of every text cell against its column (or merged
/// columns) and, for wrapped text, the lines it needs against its row's height; `pdftotext` on
/// LibreOffice's PDF for the pages of each sheet (every page header names its sheet).
enum PrintCheck {
    struct Sheet: Decodable {
        struct Clip: Decodable { let cell: String; let why: String; let text: String }
        let name: String
        let orientation: String
        let fit: Bool
        /// The size text prints at, as a share of its size on screen.
        let scale: Double
        let pages: Int
        let header: String?
        let leftHeader: String?
        let rightHeader: String?
        let footerLeft: String?
        let footerCentre: String?
        let footerRight: String?
        let printArea: String?
        let printTitleRows: String?
        let charts: Int
        let clipped: [Clip]
        let hasUPN: Bool

        enum CodingKeys: String, CodingKey {
            case name, orientation, fit, scale, pages, header, charts, clipped
            case leftHeader = "left_header", rightHeader = "right_header", footerLeft = "footer_left"
            case footerCentre = "footer_centre", footerRight = "footer_right", printArea = "print_area"
            case printTitleRows = "print_title_rows", hasUPN = "has_upn"
        }
    }

    struct Book: Decodable {
        let pages: Int
        let sheets: [Sheet]
        subscript(_ name: String) -> Sheet? { sheets.first { $0.name == name } }
    }

    static func check(workbook: String, pdf: String) throws -> Book {
        try JSONDecoder().decode(Book.self, from: ReferenceRuns.python(script, [workbook, pdf]))
    }

    static let script = #"""
import json, sys, subprocess, re
import openpyxl
from openpyxl.utils import get_column_letter, range_boundaries
from fontTools.ttLib import TTFont

FONTS = "/usr/share/fonts/truetype/crosextra/"
def load(name):
    f = TTFont(FONTS + name)
    cmap = f.getBestCmap(); hmtx = f["hmtx"]; upm = f["head"].unitsPerEm
    return lambda ch: hmtx[cmap[ord(ch)]][0] / upm if ord(ch) in cmap else 0.6
regular, bold = load("Carlito-Regular.ttf"), load("Carlito-Bold.ttf")

def text_px(text, size, is_bold):
    w = bold if is_bold else regular
    return sum(w(c) for c in text) * size * 96 / 72

def col_px(width):
    return int(width * 7 + 0.5) if width >= 1 else width * 12  # stored widths include the 5 px padding

def lines_needed(text, room, size, is_bold):
    total = 0
    for para in text.split("\n"):
        lines, line = 1, 0.0
        space = text_px(" ", size, is_bold)
        for word in para.split(" "):
            if not word: continue
            w = text_px(word, size, is_bold)
            if line == 0: line = w
            elif line + space + w <= room: line += space + w
            else: lines += 1; line = w
            while line > room: lines += 1; line -= room
        total += lines
    return total

def sheet_pages(pdf):
    # Pages per sheet: every page header prints the sheet name (centre section).
    out = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
    return [p.strip().splitlines()[0] if p.strip() else "" for p in out.split("\f")]

book_path, pdf_path = sys.argv[1], sys.argv[2]
wb = openpyxl.load_workbook(book_path)
page_heads = sheet_pages(pdf_path)
result = {"pages": len([p for p in page_heads if p]), "sheets": []}
A4 = {"portrait": (8.27 - 1.4) * 96, "landscape": (11.69 - 1.4) * 96}
for ws in wb.worksheets:
    widths = {}
    def width(c):
        letter = get_column_letter(c)
        d = ws.column_dimensions.get(letter)
        # openpyxl groups min..max ranges under the first letter
        for dim in ws.column_dimensions.values():
            if dim.min and dim.max and dim.min <= c <= dim.max and dim.width:
                return dim.width
        return 64 / 7
    def height(r):
        d = ws.row_dimensions.get(r)
        return d.height if d is not None and d.height else 15.0
    merged = {}
    for rng in ws.merged_cells.ranges:
        merged[(rng.min_row, rng.min_col)] = (rng.min_col, rng.max_col, rng.min_row, rng.max_row)
    area = ws.print_area
    if area:
        ref = area[0] if isinstance(area, list) else area
        ref = ref.split("!")[-1].replace("$", "")
        c1, r1, c2, r2 = range_boundaries(ref)
    else:
        c1, r1, c2, r2 = 1, 1, ws.max_column, ws.max_row
    total_px = sum(col_px(width(c)) for c in range(c1, c2 + 1))
    orient = ws.page_setup.orientation or "portrait"
    fit = ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage
    if fit:
        scale = min(1.0, A4[orient] / total_px)
        if ws.page_setup.fitToHeight == 1:
            total_pt = sum(height(r) for r in range(r1, r2 + 1))
            scale = min(scale, ((11.69 if orient == "portrait" else 8.27) - 1.5) * 72 / total_pt)
    else:
        scale = (ws.page_setup.scale or 100) / 100
    clipped = []
    has_upn = any(isinstance(c.value, str) and re.fullmatch(r"[A-Z][0-9]{11}[0-9A-Z]", c.value)
                  for row in ws.iter_rows() for c in row)
    for row in ws.iter_rows():
        for c in row:
            if not isinstance(c.value, str) or not c.value.strip():
                continue
            size = c.font.sz or 11
            is_bold = bool(c.font.b)
            first, last, top, bottom = merged.get((c.row, c.column), (c.column, c.column, c.row, c.row))
            room = sum(col_px(width(k)) for k in range(first, last + 1)) - 7
            avail_h = sum(height(r) for r in range(top, bottom + 1))
            if c.alignment.wrap_text:
                need = lines_needed(c.value, room, size, is_bold) * size * 1.22
                if need > avail_h + 0.5:
                    clipped.append({"cell": c.coordinate, "why": f"needs {need:.0f} pt, row has {avail_h:.0f}", "text": c.value[:60]})
            else:
                need_px = max(text_px(line, size, is_bold) for line in c.value.split("\n"))
                if need_px > room:
                    # Unwrapped text overflows into empty cells to its right; clipped at the first non-empty
                    # one. Merged cells never overflow.
                    k = last + 1
                    extra = 0
                    while (c.row, c.column) not in merged and need_px > room + extra and k <= max(ws.max_column, c2) + 20:
                        nxt = ws.cell(row=c.row, column=k)
                        if nxt.value not in (None, "") or (c.row, k) in merged or any(
                                m[2] <= c.row <= m[3] and m[0] <= k <= m[1] for m in merged.values()):
                            break
                        extra += col_px(width(k)); k += 1
                    if need_px > room + extra:
                        clipped.append({"cell": c.coordinate, "why": f"needs {need_px:.0f} px, has {room + extra:.0f}", "text": c.value[:60]})
                lines = c.value.count("\n") + 1
                if lines * size * 1.22 > avail_h + 0.5 and size > 11:
                    clipped.append({"cell": c.coordinate, "why": f"{size} pt text in a {avail_h} pt row", "text": c.value[:60]})
    result["sheets"].append({
        "name": ws.title, "orientation": orient, "fit": bool(fit), "scale": round(scale, 3),
        "pages": sum(1 for p in page_heads if p and re.search(r"\b" + re.escape(ws.title) + r"\b", p)),
        "header": ws.oddHeader.center.text if ws.oddHeader and ws.oddHeader.center else None,
        "left_header": ws.oddHeader.left.text if ws.oddHeader and ws.oddHeader.left else None,
        "right_header": ws.oddHeader.right.text if ws.oddHeader and ws.oddHeader.right else None,
        "footer_left": ws.oddFooter.left.text if ws.oddFooter and ws.oddFooter.left else None,
        "footer_centre": ws.oddFooter.center.text if ws.oddFooter and ws.oddFooter.center else None,
        "footer_right": ws.oddFooter.right.text if ws.oddFooter and ws.oddFooter.right else None,
        "print_area": area if isinstance(area, str) else (area[0] if area else None),
        "print_title_rows": ws.print_title_rows,
        "charts": len(ws._charts),
        "clipped": clipped,
        "has_upn": has_upn,
    })
print(json.dumps(result))
"""#
}
