#!/usr/bin/env python3
"""Makes the .xlsx (and UTF-16 / semicolon CSV) fixtures next to this script from the CSV fixtures they
mirror, so the same data can be imported both ways and the figures compared.

  python3 make_fixtures.py        # needs openpyxl; LibreOffice (soffice) for libreoffice-roster.xlsx

Three writers, as real exports come:
  * openpyxl (shared strings, dates as serial numbers in a date style): ks2/*.xlsx;
  * a hand-written workbook laid out as Excel writes one (rich-text shared strings with phonetic runs,
    custom and built-in date formats, booleans, errors, formula results, cells left out, the 1900
    leap-year serials) and the same for the 1904 date system: excel-style.xlsx, date1904.xlsx;
  * inline strings (`t="inlineStr"`), as streaming writers in MIS exports use: ks2/ks2-sta.xlsx;
  * LibreOffice Calc converting the SIMS-style roster CSV: libreoffice-roster.xlsx.
Run it again after changing a source CSV; the outputs are committed.
"""
import csv, datetime, os, shutil, subprocess, tempfile, zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.dirname(HERE)
# Fixed timestamps inside the zips, so re-running gives the same bytes.
STAMP = (2025, 1, 1, 0, 0, 0)


def typed(text, date_columns=(), column=None):
    """A CSV cell as a spreadsheet user would type it: numbers as numbers, dd/mm/yyyy dates as dates."""
    if text == "":
        return None
    if column in date_columns:
        d, m, y = text.split("/")
        return datetime.date(int(y), int(m), int(d))
    try:
        return int(text) if text.lstrip("-").isdigit() and not (len(text) > 1 and text.startswith("0")) else float(text) if "." in text else text
    except ValueError:
        return text


def openpyxl_copy(src, dst, sheet, date_columns=()):
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    with open(src, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    ws.append(header)
    for row in rows[1:]:
        ws.append([typed(v, date_columns, header[i]) for i, v in enumerate(row)])
    for i, name in enumerate(header):
        if name in date_columns:
            for cell in ws.iter_cols(min_col=i + 1, max_col=i + 1, min_row=2):
                for c in cell:
                    c.number_format = "DD/MM/YYYY"
    wb.save(dst)
    normalise_zip(dst)


def normalise_zip(path):
    """Rewrites a zip with fixed timestamps (openpyxl stamps the save time into docProps and the zip)."""
    with zipfile.ZipFile(path) as z:
        parts = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            if name == "docProps/core.xml":
                import re
                data = re.sub(rb"<dcterms:(created|modified)([^>]*)>[^<]*<", rb"<dcterms:\1\2>2025-01-01T00:00:00Z<", data)
            z.writestr(zipfile.ZipInfo(name, STAMP), data, zipfile.ZIP_DEFLATED)


CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{sheets}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"'
# Excel's own styles part: cellXfs 0 General, 1 built-in 14 (short date), 2 custom 164 (dd/mm/yyyy;@),
# 3 custom 165 (a time, not a date), 4 custom 166 (a number with "d" only inside quotes).
STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet {ns}><numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/><numFmt numFmtId="165" formatCode="[h]:mm:ss"/><numFmt numFmtId="166" formatCode="0.0&quot; days&quot;"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>""".format(ns=NS)


def hand_workbook(path, sheets, shared, date1904=False):
    """A workbook as Excel lays one out. `sheets`: [(name, sheet XML rows)]; `shared`: shared-string XML items."""
    overrides = "".join(
        '<Override PartName="/xl/worksheets/sheet{0}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'.format(i + 1)
        for i in range(len(sheets)))
    # Sheets listed in tab order; rIds deliberately not in the same order as the part names.
    book_sheets = "".join('<sheet name="{0}" sheetId="{1}" r:id="rId{2}"/>'.format(escape(name), i + 1, i + 10) for i, (name, _) in enumerate(sheets))
    workbook = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook {ns}><workbookPr {d}defaultThemeVersion="166925"/><sheets>{s}</sheets></workbook>'.format(
        ns=NS, d='date1904="1" ' if date1904 else "", s=book_sheets)
    rels = "".join('<Relationship Id="rId{0}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{1}.xml"/>'.format(i + 10, i + 1) for i in range(len(sheets)))
    rels += '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    book_rels = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + rels + "</Relationships>"
    sst = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst {ns} count="{n}" uniqueCount="{n}">{items}</sst>'.format(ns=NS, n=len(shared), items="".join(shared))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        def put(name, text):
            z.writestr(zipfile.ZipInfo(name, STAMP), text.encode("utf-8"), zipfile.ZIP_DEFLATED)
        put("[Content_Types].xml", CONTENT_TYPES.format(sheets=overrides))
        put("_rels/.rels", ROOT_RELS)
        put("xl/workbook.xml", workbook)
        put("xl/_rels/workbook.xml.rels", book_rels)
        put("xl/styles.xml", STYLES)
        put("xl/sharedStrings.xml", sst)
        for i, (_, rows) in enumerate(sheets):
            put("xl/worksheets/sheet{0}.xml".format(i + 1),
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet {ns}><dimension ref="A1"/><sheetData>{rows}</sheetData></worksheet>'.format(ns=NS, rows=rows))


def inline_row(r, values):
    """A row with every text cell an inline string and numbers as numbers; None leaves the cell out."""
    cells = []
    for i, v in enumerate(values):
        ref = "{0}{1}".format(chr(65 + i), r)
        if v is None or v == "":
            continue
        if isinstance(v, (int, float)):
            cells.append('<c r="{0}"><v>{1}</v></c>'.format(ref, v))
        else:
            cells.append('<c r="{0}" t="inlineStr"><is><t>{1}</t></is></c>'.format(ref, escape(v)))
    return '<row r="{0}">{1}</row>'.format(r, "".join(cells))


def ks2():
    out = os.path.join(HERE, "ks2")
    os.makedirs(out, exist_ok=True)
    src = os.path.join(FIXTURES, "ks2")
    openpyxl_copy(os.path.join(src, "schools.csv"), os.path.join(out, "schools.xlsx"), "Schools")
    openpyxl_copy(os.path.join(src, "pupils.csv"), os.path.join(out, "pupils.xlsx"), "Pupils", date_columns=("date_of_birth",))
    openpyxl_copy(os.path.join(src, "ks2-trust.csv"), os.path.join(out, "ks2-trust.xlsx"), "KS2 2025")
    with open(os.path.join(src, "ks2-sta.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    sheet = "".join(inline_row(r + 1, [typed(v) for v in row]) for r, row in enumerate(rows))
    # The STA-style results on the second tab, after a cover sheet (read with `sheet:`); the first tab
    # holds the same rows, so a pipeline without `sheet:` reads them too.
    cover = inline_row(1, ["Key stage 2 results", "Birch Primary"])
    hand_workbook(os.path.join(out, "ks2-sta.xlsx"), [("Results", sheet), ("Cover", cover)], [])


def excel_style():
    # Shared strings as Excel writes them: plain, rich-text runs, with a phonetic guide, with spaces kept.
    shared = [
        "<si><t>UPN</t></si>",                                                       # 0
        "<si><t>Name</t></si>",                                                      # 1
        "<si><r><rPr><b/></rPr><t>Date</t></r><r><t xml:space=\"preserve\"> of birth</t></r></si>",  # 2
        "<si><t>Joined</t></si>",                                                    # 3
        "<si><t>Score</t></si>",                                                     # 4
        "<si><t>FSM</t></si>",                                                       # 5
        "<si><t>Check</t></si>",                                                     # 6
        "<si><t>Time</t></si>",                                                      # 7
        "<si><t>J881200001001</t></si>",                                             # 8
        "<si><t>Zoë O&apos;Brien &amp; co</t></si>",                                # 9
        "<si><t>山田</t><rPh sb=\"0\" eb=\"2\"><t>ヤマダ</t></rPh></si>",               # 10
        "<si><t xml:space=\"preserve\">  padded  </t></si>",                         # 11
    ]
    header = '<row r="1" spans="1:8" x14ac:dyDescent="0.25">' + "".join(
        '<c r="{0}1" t="s"><v>{1}</v></c>'.format(col, i) for col, i in zip("ABCDEFGH", range(8))) + "</row>"
    rows = header
    # Row 2: text, a built-in-format date (14), a custom-format date (164), a float artefact, a boolean,
    # a formula's text result, a time (not a date).
    rows += ('<row r="2"><c r="A2" t="s"><v>8</v></c><c r="B2" t="s"><v>9</v></c><c r="C2" s="1"><v>41710</v></c>'
             '<c r="D2" s="2"><v>45540</v></c><c r="E2"><v>104.00000000000001</v></c><c r="F2" t="b"><v>1</v></c>'
             '<c r="G2" t="str"><f>IF(E2&gt;100,"Above","Below")</f><v>Above</v></c><c r="H2" s="3"><v>0.375</v></c></row>')
    # Row 3 (row 4 left out, as Excel does for an empty row): cells left out, an error, FALSE, the 1900 serials.
    rows += ('<row r="3"><c r="A3" t="s"><v>10</v></c><c r="C3" s="2"><v>59</v></c><c r="D3" s="2"><v>61</v></c>'
             '<c r="E3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="F3" t="b"><v>0</v></c><c r="H3" s="4"><v>2.5</v></c></row>')
    rows += '<row r="4" spans="1:8"><c r="B4" s="1"/></row>'   # only a styled empty cell: a blank row
    rows += ('<row r="5"><c r="A5" t="s"><v>11</v></c><c r="C5" s="2"><v>60</v></c><c r="E5"><v>0.30000000000000004</v></c>'
             '<c r="F5"><v>1.5E-3</v></c><c r="G5" t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r></is></c></row>')
    hand_workbook(os.path.join(HERE, "excel-style.xlsx"), [("Pupils", rows)], shared)
    # The 1904 date system (old Mac workbooks): serial 0 is 1 January 1904; 40248 is 12 March 2014.
    rows1904 = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" s="1"><v>0</v></c><c r="B2" s="2"><v>40248</v></c></row>'
    hand_workbook(os.path.join(HERE, "date1904.xlsx"), [("Sheet1", rows1904)], shared[:2], date1904=True)


def libreoffice():
    soffice = shutil.which("soffice")
    if not soffice:
        print("soffice not found: libreoffice-roster.xlsx left as it is")
        return
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "libreoffice-roster.csv")
        shutil.copy(os.path.join(FIXTURES, "import", "roster-sims.csv"), src)
        # Filter options: comma-separated, UTF-8, first line 1; column 6 (DOB) typed as a D/M/Y date, the
        # UPN and URN columns as text as a data manager would set them.
        subprocess.run([soffice, "--headless", "--infilter=CSV:44,34,76,1,1/1/2/2/3/2/6/4", "--convert-to", "xlsx", "--outdir", tmp, src],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.copy(os.path.join(tmp, "libreoffice-roster.xlsx"), os.path.join(HERE, "libreoffice-roster.xlsx"))


def csv_dialects():
    """The SIMS-style roster as Excel's "Unicode Text" (UTF-16LE with BOM, tab-separated) and as a
    semicolon-separated CSV (Excel in a locale with a decimal comma)."""
    with open(os.path.join(FIXTURES, "import", "roster-sims.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    with open(os.path.join(FIXTURES, "import", "roster-unicode-text.txt"), "w", encoding="utf-16", newline="") as f:
        for row in rows:
            f.write("\t".join(row) + "\r\n")
    with open(os.path.join(FIXTURES, "import", "roster-semicolon.csv"), "w", encoding="utf-8", newline="") as f:
        for row in rows:
            f.write(";".join(row) + "\r\n")


if __name__ == "__main__":
    ks2()
    excel_style()
    libreoffice()
    csv_dialects()
