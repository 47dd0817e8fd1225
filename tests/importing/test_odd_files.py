"""Odd text files: NUL bytes, damaged UTF-8, UTF-16, quotes, and nearly all invalid rows."""

import pytest

from tests.utils import sample
from wagtail_spcp.importing.batches import ImportFailed
from wagtail_spcp.importing.reading import UnreadableFile, read_table
from wagtail_spcp.models import ImportBatch, Participation, Person

HEADER = "First Name,Last Name,Email\n"


def signup_lines(count, start=0):
    return "".join(f"Name{n},Person,person{n}@example.org\n" for n in range(start, start + count))


def test_nul_after_the_first_4_kb_refuses_the_file(run_import):
    """The same on SQLite and PostgreSQL: nothing is written, the batch says which line."""
    lines = signup_lines(300)
    data = (HEADER + lines + "Late,Nul\x00,late@example.org\n").encode()
    assert data.index(b"\x00") > 4096
    with pytest.raises(ImportFailed, match="Line 302 .* NUL character"):
        run_import("signups.csv", data=data)
    assert Person.objects.count() == 0
    assert Participation.objects.count() == 0
    assert ImportBatch.objects.get().status == "failed"


def test_nul_in_utf16_text_refuses_the_file():
    data = (HEADER.replace(",", "\t") + "A\tB\x00\ta@example.org\n").encode("utf-16")
    with pytest.raises(UnreadableFile, match="Line 2 .* NUL"):
        read_table(data, "signups.csv")


def test_a_few_bad_bytes_keep_utf8_and_invalidate_their_rows(run_import):
    text = HEADER + "José,Muñoz,jose@example.org\nZoë,Brontë,zoe@example.org\n"
    data = text.encode() + b"Fran\xe7ois,C\xf4t\xe9,francois@example.org\n"
    table = read_table(data, "signups.csv")
    assert table.encoding == "utf-8"
    assert table.rows[0][:2] == ["José", "Muñoz"]
    batch = run_import("signups.csv", data=data)
    assert (batch.new_count, batch.invalid_count) == (2, 1)
    assert {
        "row": 4,
        "column": "First Name",
        "reason": "holds bytes that are not valid UTF-8 text",
    } in batch.errors
    assert set(Person.objects.values_list("first_name", flat=True)) == {"José", "Zoë"}


def test_bad_bytes_in_an_unmapped_column_do_not_matter(run_import):
    data = b"First Name,Last Name,Email,Notes\nJos\xc3\xa9,M,j@example.org,caf\xe9\n"
    batch = run_import("signups.csv", data=data)
    assert (batch.new_count, batch.invalid_count) == (1, 0)


def test_windows_1252_file_still_reads_as_windows_1252():
    table = read_table(sample("signups-cp1252.csv"), "signups-cp1252.csv")
    assert table.encoding == "cp1252"
    assert not table.undecodable
    assert table.rows[0][0] == "José"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_unicode_text_from_excel(run_import, encoding):
    """Excel's "Unicode text": UTF-16 with a byte order mark, tab-separated."""
    text = (
        "First Name\tLast Name\tE-mail\tOrganization\r\n"
        "José\tMuñoz\tjose@example.org\tCafé, Olé\r\n"
    )
    data = text.encode("utf-16") if encoding == "utf-16" else b"\xfe\xff" + text.encode(encoding)
    table = read_table(data, "unicode.txt")
    assert table.encoding == "utf-16"
    assert table.headers == ["First Name", "Last Name", "E-mail", "Organization"]
    assert table.rows == [["José", "Muñoz", "jose@example.org", "Café, Olé"]]
    batch = run_import("unicode.txt", data=data)
    assert batch.new_count == 1
    assert Person.objects.get().organisation == "Café, Olé"


def test_apostrophes_are_never_taken_for_quotes():
    """An organisation ending in an apostrophe next to an escaped phone: every row stays whole."""
    data = (
        b"First name,Last name,Email,Phone,Organisation\n"
        b"Ann,Lee,ann@example.org,'+15125550101,Smiths'\n"
        b"Bo,Ray,bo@example.org,'+15125550102,Jones'\n"
        b"Cy,Day,cy@example.org,'+15125550103,Acme\n"
    )
    table = read_table(data, "export.csv")
    assert table.rows == [
        ["Ann", "Lee", "ann@example.org", "'+15125550101", "Smiths'"],
        ["Bo", "Ray", "bo@example.org", "'+15125550102", "Jones'"],
        ["Cy", "Day", "cy@example.org", "'+15125550103", "Acme"],
    ]


@pytest.mark.parametrize(
    "text, headers",
    [
        ("First;Last;Email\nA;B, C;a@example.org\n", ["First", "Last", "Email"]),
        ('First\tLast\tEmail\nA\t"B\tC"\ta@example.org\n', ["First", "Last", "Email"]),
        ('First,Last,Email\n"A; B",C,a@example.org\n', ["First", "Last", "Email"]),
    ],
)
def test_delimiter_detection(text, headers):
    table = read_table(text.encode(), "signups.csv")
    assert table.headers == headers
    assert len(table.rows[0]) == 3


def test_nearly_all_invalid_rows_stop_the_import(run_import):
    lines = "".join(f"Name{n},Person,not-an-email-{n}\n" for n in range(1200))
    with pytest.raises(ImportFailed, match=r"1000 of the first 1000 rows are invalid") as error:
        run_import("wrong.csv", data=(HEADER + lines).encode())
    assert 'row 2, Email: "not-an-email-0": not a valid email address' in str(error.value)
    assert "first row of the file holds the column headers" in str(error.value)
    assert Person.objects.count() == 0


def test_many_invalid_rows_below_the_share_still_import(run_import):
    bad = "".join(f"Name{n},Person,not-an-email-{n}\n" for n in range(980))
    batch = run_import("mixed.csv", data=(HEADER + bad + signup_lines(220)).encode())
    assert (batch.new_count, batch.invalid_count) == (220, 980)
