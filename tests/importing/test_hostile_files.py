"""Files built to hurt the importer: each is refused (or read) after a bounded amount of work."""

from django.test import override_settings

import pytest

from wagtail_spcp.importing import reading, workbooks
from wagtail_spcp.importing.reading import UnreadableFile, read_table

from .workbook_parts import PARTS, sheet_xml, table_rows, text_cell, understate_size, workbook

HEADERS = ["First Name", "Last Name", "Email"]


def signup_rows(count):
    return [[f"Name{n}", "Person", f"person{n}@example.org"] for n in range(count)]


def must_not_run(*args, **kwargs):
    raise AssertionError("a reader unpacked the sheet")


@pytest.fixture
def no_reader(monkeypatch):
    """Fail the test if a spreadsheet reader is reached: the checks must refuse first."""
    monkeypatch.setattr(reading, "_read_xlsx_calamine", must_not_run)
    monkeypatch.setattr(reading, "_read_xlsx_openpyxl", must_not_run)


def close_tag_sheet(rows, formula):
    """A header row, then ``rows`` rows with every cell closed by the legal end tag
    ``</c >``; the last row holds ``formula``."""
    body = [
        '<row r="1">'
        + "".join(text_cell(f"{c}1", h, "</c >") for c, h in zip("ABC", HEADERS, strict=True))
        + "</row>"
    ]
    body += [
        f'<row r="{n}">'
        + text_cell(f"A{n}", f"Name{n}", "</c >")
        + text_cell(f"B{n}", "Person", "</c >")
        + text_cell(f"C{n}", f"person{n}@example.org", "</c >")
        + "</row>"
        for n in range(2, rows + 2)
    ]
    body.append(f'<row r="{rows + 2}"><c r="C{rows + 2}">{formula}</c ></row>')
    return sheet_xml(body)


def test_formula_scan_is_not_fooled_by_spaced_end_tags():
    """4,000 rows of ``</c >`` with one calculated formula: read, in linear time."""
    table = read_table(workbook(close_tag_sheet(4000, "<f>1+1</f><v>2</v>")), "tags.xlsx")
    assert len(table) == 4001
    assert table.rows[-1] == ["", "", 2]
    assert table.numbers[-1] == 4002


def test_uncalculated_formula_in_a_spaced_cell_is_refused(no_reader):
    data = workbook(close_tag_sheet(10, "<f>A1&amp;B1</f><v></v>"))
    with pytest.raises(UnreadableFile, match="formulas whose results were never calculated"):
        read_table(data, "tags.xlsx")


def test_prefixed_spreadsheet_namespace_is_scanned(no_reader):
    sheet = (
        b'<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1"><x:f>1+1</x:f>'
        b"</x:c></x:row></x:sheetData></x:worksheet>"
    )
    with pytest.raises(UnreadableFile, match="never calculated"):
        read_table(workbook(sheet), "prefixed.xlsx")


def test_entities_are_refused(no_reader):
    laughs = '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
    data = workbook(sheet_xml(table_rows([HEADERS, ["&b;", "x", "y@example.org"]]), laughs))
    with pytest.raises(UnreadableFile, match="damaged"):
        read_table(data, "laughs.xlsx")


@override_settings(SPCP_IMPORT_MAX_ROWS=50)
def test_row_limit_in_a_workbook(no_reader):
    data = workbook(sheet_xml(table_rows([HEADERS, *signup_rows(51)])))
    with pytest.raises(UnreadableFile, match="more than 50 rows.*SPCP_IMPORT_MAX_ROWS"):
        read_table(data, "long.xlsx")


@override_settings(SPCP_IMPORT_MAX_ROWS=50)
def test_row_limit_allows_the_limit():
    table = read_table(workbook(sheet_xml(table_rows([HEADERS, *signup_rows(50)]))), "a.xlsx")
    assert len(table) == 50


@override_settings(SPCP_IMPORT_MAX_ROWS=1000)
def test_sparse_rows_far_down_are_refused_before_reading(no_reader):
    """A few cells, but so far apart that a reader would build millions of blank rows."""
    rows = [*table_rows([HEADERS]), '<row r="2000000"><c r="A2000000"><v>1</v></c></row>']
    with pytest.raises(UnreadableFile, match="more than 1,000 rows"):
        read_table(workbook(sheet_xml(rows)), "sparse.xlsx")


def test_column_limit_in_a_workbook(no_reader):
    rows = [*table_rows([HEADERS]), '<row r="2"><c r="XFD2"><v>1</v></c></row>']
    with pytest.raises(UnreadableFile, match="more than 200 columns.*SPCP_IMPORT_MAX_COLUMNS"):
        read_table(workbook(sheet_xml(rows)), "wide.xlsx")


def test_cells_without_references_are_counted(no_reader):
    cells = "".join("<c><v>1</v></c>" for _n in range(201))
    with pytest.raises(UnreadableFile, match="more than 200 columns"):
        read_table(workbook(sheet_xml([f"<row>{cells}</row>"])), "wide.xlsx")


@pytest.mark.parametrize(
    "row",
    [
        '<row r="2"><c r="A99999999999999999999999"><v>1</v></c></row>',
        '<row r="9' + "9" * 5000 + '"><c><v>1</v></c></row>',
    ],
)
def test_absurd_row_numbers_are_refused(no_reader, row):
    with pytest.raises(UnreadableFile, match="more than 200,000 rows"):
        read_table(workbook(sheet_xml([*table_rows([HEADERS]), row])), "absurd.xlsx")


def test_sparse_area_is_streamed_by_openpyxl(monkeypatch):
    """A sheet whose area is large but whose cells are few is read without calamine's grid."""
    monkeypatch.setattr(reading, "CALAMINE_MAX_AREA", 100)
    monkeypatch.setattr(reading, "_read_xlsx_calamine", must_not_run)
    rows = [*table_rows([HEADERS, *signup_rows(3)]), '<row r="90"><c r="Z90"><v>1</v></c></row>']
    table = read_table(workbook(sheet_xml(rows)), "sparse.xlsx")
    assert table.reader == "openpyxl"
    assert len(table) == 3  # the far cell is outside the header columns
    assert table.rows[0] == ["Name0", "Person", "person0@example.org"]


def test_understated_sizes_are_refused_before_reading(no_reader):
    """The zip directory claims the sheet is small; it unpacks to far more."""
    sheet = sheet_xml(table_rows([HEADERS, *signup_rows(20000)]))
    data = understate_size(workbook(sheet), "xl/worksheets/sheet1.xml", 1000)
    with pytest.raises(UnreadableFile, match="damaged"):
        read_table(data, "lying.xlsx")


def test_unpacking_stops_at_the_declared_size(monkeypatch):
    sheet = sheet_xml(table_rows([HEADERS, *signup_rows(20000)]))
    data = understate_size(workbook(sheet), "xl/worksheets/sheet1.xml", 1000)
    archive = workbooks.open_archive(data)
    unpacked = 0
    with pytest.raises(UnreadableFile):
        for chunk in workbooks.member_chunks(data, archive.getinfo("xl/worksheets/sheet1.xml")):
            unpacked += len(chunk)
    assert unpacked <= 1000


@override_settings(SPCP_IMPORT_MAX_ROWS=1000)
def test_the_sheet_readers_open_first_is_the_one_checked(no_reader):
    """A harmless part that sorts first does not stand in for the workbook's first sheet."""
    rows = [*table_rows([HEADERS]), '<row r="2000000"><c r="A2000000"><v>1</v></c></row>']
    harmless = sheet_xml(table_rows([HEADERS, *signup_rows(3)]))
    data = workbook(sheet_xml(rows), {"xl/worksheets/a.xml": harmless})
    with pytest.raises(UnreadableFile, match="more than 1,000 rows"):
        read_table(data, "two-sheets.xlsx")


def sheet_target(target):
    rels = PARTS["xl/_rels/workbook.xml.rels"].replace("worksheets/sheet1.xml", target)
    return {"xl/_rels/workbook.xml.rels": rels}


def test_first_sheet_found_through_a_roundabout_path(no_reader):
    rows = [*table_rows([HEADERS]), '<row r="2"><c r="XFD2"><v>1</v></c></row>']
    data = workbook(sheet_xml(rows), sheet_target("worksheets/../worksheets/sheet1.xml"))
    with pytest.raises(UnreadableFile, match="more than 200 columns"):
        read_table(data, "roundabout.xlsx")


def test_first_sheet_pointing_nowhere_is_refused(no_reader):
    data = workbook(sheet_xml(table_rows([HEADERS])), sheet_target("worksheets/sheet9.xml"))
    with pytest.raises(UnreadableFile, match="damaged"):
        read_table(data, "nowhere.xlsx")


# --- CSV --------------------------------------------------------------------------------


@override_settings(SPCP_IMPORT_MAX_ROWS=50)
def test_row_limit_in_a_csv():
    lines = ["First Name,Last Name,Email"] + [f"A{n},B,x" for n in range(51)]
    with pytest.raises(UnreadableFile, match="more than 50 rows.*SPCP_IMPORT_MAX_ROWS"):
        read_table("\n".join(lines).encode(), "long.csv")


def test_column_limit_in_a_csv():
    data = ("First Name,Last Name,Email" + ",x" * 300 + "\nAnna,Berg,a@example.org\n").encode()
    with pytest.raises(UnreadableFile, match="more than 200 columns"):
        read_table(data, "wide.csv")


def test_huge_field_in_a_csv():
    data = b'First Name,Last Name,Email\n"' + b"x" * 200_000 + b'",B,c@example.org\n'
    with pytest.raises(UnreadableFile, match="could not be read"):
        read_table(data, "field.csv")
