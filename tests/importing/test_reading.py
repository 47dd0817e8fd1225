"""Reading: file kinds, encodings, and the files the importer must refuse with a clear message."""

from django.test import override_settings

import pytest

from tests.utils import sample
from wagtail_spcp.importing.reading import UnreadableFile, read_table


def test_xlsx_read_with_calamine():
    table = read_table(sample("signups.xlsx"), "signups.xlsx")
    assert table.reader == "calamine"
    assert table.headers[:3] == ["First Name", "Last Name", "E-mail"]
    assert len(table) == 5
    assert table.rows[0][0] == "Maria"


def test_openpyxl_fallback(monkeypatch):
    from wagtail_spcp.importing import reading

    def broken(data):
        raise RuntimeError("calamine cannot read this")

    monkeypatch.setattr(reading, "_read_xlsx_calamine", broken)
    table = read_table(sample("signups.xlsx"), "signups.xlsx")
    assert table.reader == "openpyxl"
    assert len(table) == 5


@pytest.mark.parametrize(
    "name, encoding, first_header",
    [
        ("signups-utf8.csv", "utf-8", "First Name"),
        ("signups-bom.csv", "utf-8-sig", "First Name"),
        ("signups-cp1252.csv", "cp1252", "First"),
    ],
)
def test_csv_encodings(name, encoding, first_header):
    table = read_table(sample(name), name)
    assert table.encoding == encoding
    assert table.headers[0] == first_header


def test_windows_1252_accents_survive():
    table = read_table(sample("signups-cp1252.csv"), "signups-cp1252.csv")
    assert [row[0] for row in table.rows] == ["José", "Zoë", "François"]
    assert table.rows[2][1] == "Côté"


def test_blank_rows_are_dropped():
    table = read_table(sample("blank-rows-spaces.csv"), "blank-rows-spaces.csv")
    assert len(table) == 3


@pytest.mark.parametrize(
    "name, message",
    [
        ("empty.csv", "The file is empty."),
        ("not-a-spreadsheet.xlsx", "not an Excel workbook"),
        ("truncated.xlsx", "damaged or incomplete"),
        ("formulas.xlsx", "formulas whose results were never calculated"),
        ("zip-bomb.xlsx", "far more than a spreadsheet"),
    ],
)
def test_refused_files(name, message):
    with pytest.raises(UnreadableFile, match=message):
        read_table(sample(name), name)


def test_zip_bomb_refused_before_unpacking(monkeypatch):
    from wagtail_spcp.importing import reading, workbooks

    unpacked = []

    def must_not_run(*args, **kwargs):
        unpacked.append(args)
        raise AssertionError("the sheet was unpacked")

    # read_xlsx falls back to openpyxl when calamine raises, so each reader is recorded too.
    monkeypatch.setattr(workbooks, "member_chunks", must_not_run)
    for name in ("_read_xlsx_calamine", "_read_xlsx_openpyxl"):
        monkeypatch.setattr(reading, name, must_not_run)
    with pytest.raises(UnreadableFile, match="far more than a spreadsheet"):
        read_table(sample("zip-bomb.xlsx"), "zip-bomb.xlsx")
    assert unpacked == []


@override_settings(SPCP_IMPORT_MAX_BYTES=100)
def test_oversized_file():
    with pytest.raises(UnreadableFile, match="the largest file you can import is 100"):
        read_table(sample("signups-utf8.csv"), "signups-utf8.csv")


def test_unknown_kind():
    with pytest.raises(UnreadableFile, match=r"\.xlsx"):
        read_table(b"hello", "notes.docx")


def test_semicolon_csv_from_a_european_excel():
    data = "First name;Last name;Email\nAnna;Berg;anna.berg@example.org\n".encode("cp1252")
    table = read_table(data, "export.csv")
    assert table.headers == ["First name", "Last name", "Email"]
    assert table.rows == [["Anna", "Berg", "anna.berg@example.org"]]


def test_binary_file_renamed_csv():
    with pytest.raises(UnreadableFile, match="not a CSV text file"):
        read_table(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "photo.csv")
