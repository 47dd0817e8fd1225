"""Finding the table: header rows below titles, two-row headers, the sheet, row numbers.

The workbooks come from tests/files/make_table_files.py.
"""

import io

import openpyxl
import pytest

from tests.utils import sample
from wagtail_spcp.choices import ImportStatus
from wagtail_spcp.importing.reading import UnreadableFile, read_table
from wagtail_spcp.importing.tables import find_header, join_header_rows, looks_like_header

SHEETS = ["Read me", "Participants", "Lists", "Totals"]


def csv_bytes(*lines) -> bytes:
    return "\n".join(lines).encode()


def workbook_bytes(sheets) -> bytes:
    """A workbook of (title, rows) pairs."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- clean files: row 1, as before -------------------------------------------------------


@pytest.mark.parametrize("name", ["signups.xlsx", "signups-utf8.csv", "signups-cp1252.csv"])
def test_clean_files_take_row_1_and_number_data_rows_from_2(name):
    table = read_table(sample(name), name)
    assert (table.header_row, table.header_rows) == (1, 1)
    assert table.numbers[:3] == [2, 3, 4]
    assert len(table.numbers) == len(table.rows)


def test_clean_workbook_names_its_sheet():
    table = read_table(sample("signups.xlsx"), "signups.xlsx")
    assert table.sheet == table.sheet_names[0]


def test_csv_has_no_sheet():
    table = read_table(sample("signups-utf8.csv"), "signups-utf8.csv")
    assert (table.sheet, table.sheet_names) == ("", [])


def test_blank_rows_keep_the_numbers_of_the_rows_after_them():
    table = read_table(
        csv_bytes("Name,Email", "Ana Ruiz,ana@example.org", ",", "Bo Li,bo@example.org"), "a.csv"
    )
    assert table.numbers == [2, 4]


# --- a header row below title, date and blank rows ---------------------------------------


def test_title_date_and_blank_rows_above_the_header():
    table = read_table(sample("title-rows.xlsx"), "title-rows.xlsx")
    assert table.header_row == 4
    assert table.headers == ["First Name", "Last Name", "Email", "Phone"]
    assert [row[0] for row in table.rows] == ["Alma", "Bruno", "Carla", "Dev"]
    assert table.numbers == [5, 6, 7, 9]  # row 8 is blank


def test_title_rows_above_a_csv_header():
    data = csv_bytes(
        "Registration Report",
        'Report Generated:,"Mar 10, 2026 08:30 AM"',
        "Topic,Webinar ID,# Registered",
        "Community Conversation,812 3456 7890,2",
        "",
        "First Name,Last Name,Email",
        "Nadia,Karim,nadia.karim@example.org",
        "Owen,Fitz,owen.fitz@example.org",
    )
    table = read_table(data, "report.csv")
    assert table.header_row == 6
    assert table.headers == ["First Name", "Last Name", "Email"]
    assert table.numbers == [7, 8]


def test_the_errors_of_an_import_name_the_rows_of_the_file(run_import):
    batch = run_import("title-rows.xlsx")
    assert batch.status == ImportStatus.COMPLETED
    assert batch.report["header_row"] == 4
    assert sorted({error["row"] for error in batch.errors if "row" in error}) == [7]


def test_a_data_word_does_not_displace_an_unknown_first_row():
    """Headers the matcher does not know stay the header; "Participant" below is data."""
    head = [["Nombre", "Apellido", "Grupo"], ["Ana", "Ruiz", "Participant"], ["Bo", "Li", "Youth"]]
    assert find_header(head).index == 0


@pytest.mark.parametrize(
    "row, expected",
    [
        (["First Name", "Last Name", "Email"], True),
        (["Email"], True),
        (["Registration Report"], False),
        (["Report Generated:", "Mar 10, 2026 08:30 AM"], False),
        (["Ana", "Ruiz", "ana@example.org", "(210) 555-0101"], False),
        (["Name", "Name", "Name", "Email"], False),
        ([None, "", " "], False),
    ],
)
def test_what_looks_like_a_header(row, expected):
    assert looks_like_header(row) is expected


# --- forced header row and sheet ---------------------------------------------------------


def test_forced_header_row():
    table = read_table(sample("title-rows.xlsx"), "title-rows.xlsx", header_row=5)
    assert table.header_row == 5
    assert table.headers[0] == "Alma"
    assert table.numbers == [6, 7, 9]


def test_forced_header_row_in_a_csv():
    data = csv_bytes("Name,Email", "Ana Ruiz,ana@example.org", "Bo Li,bo@example.org")
    table = read_table(data, "a.csv", header_row=2)
    assert table.headers == ["Ana Ruiz", "ana@example.org"]
    assert table.numbers == [3]


@pytest.mark.parametrize("row", [3, 99])
def test_forced_header_row_that_is_blank_or_past_the_end(row):
    with pytest.raises(UnreadableFile, match=f"Row {row} of the sheet “Sign-in” is blank"):
        read_table(sample("title-rows.xlsx"), "title-rows.xlsx", header_row=row)


def test_the_sheet_with_participants_is_read():
    table = read_table(sample("several-sheets.xlsx"), "several-sheets.xlsx")
    assert table.sheet == "Participants"  # not the instructions, nor the list of sectors
    assert table.sheet_names == SHEETS
    assert table.headers == ["First name", "Last name", "Email", "Sector", "Role"]
    assert table.numbers == [2, 3]


def test_forced_sheet():
    table = read_table(sample("several-sheets.xlsx"), "several-sheets.xlsx", sheet="Lists")
    assert table.sheet == "Lists"
    assert table.headers == ["Sector", "Role"]
    assert len(table) == 3


def test_uncalculated_formulas_refuse_only_the_sheet_that_holds_them():
    with pytest.raises(UnreadableFile, match="never calculated"):
        read_table(sample("several-sheets.xlsx"), "several-sheets.xlsx", sheet="Totals")


def test_unknown_sheet_lists_the_sheets():
    with pytest.raises(UnreadableFile) as refused:
        read_table(sample("several-sheets.xlsx"), "several-sheets.xlsx", sheet="Sign-ups")
    assert str(refused.value) == (
        "The workbook has no sheet named “Sign-ups”; its sheets are "
        "“Read me”, “Participants”, “Lists”, “Totals”."
    )


def test_sheet_is_ignored_for_a_csv():
    table = read_table(sample("signups-utf8.csv"), "signups-utf8.csv", sheet="Sheet1")
    assert table.sheet == ""


# --- no table ----------------------------------------------------------------------------


def test_no_table_says_what_was_read_and_quotes_no_cell():
    with pytest.raises(UnreadableFile) as refused:
        read_table(sample("instructions-only.xlsx"), "instructions-only.xlsx")
    message = str(refused.value)
    assert message.startswith(
        "None of the 4 rows read from the sheet “Instructions” looks like column headers."
    )
    assert "sign-up" not in message and "person" not in message


def test_no_table_on_any_sheet_names_the_sheets_read():
    notes = [["Bring a photo ID."], ["Parking is behind the library."]]
    data = workbook_bytes([("Notes", notes), ("More notes", notes)])
    with pytest.raises(UnreadableFile, match="the sheets read were “Notes”, “More notes”"):
        read_table(data, "notes.xlsx")


def test_no_table_in_a_csv():
    with pytest.raises(UnreadableFile, match="None of the 2 rows read from the file"):
        read_table(csv_bytes("Thank you for coming!", "See you next year."), "notes.csv")


def test_empty_sheet():
    data = workbook_bytes([("Blank", [[None], [None]])])
    with pytest.raises(UnreadableFile, match="is empty"):
        read_table(data, "blank.xlsx")


# --- two-row headers ---------------------------------------------------------------------


def test_two_row_header_in_a_csv():
    data = csv_bytes(
        "Respondent ID,Please tell us how to reach you.,,,Which sector do you represent?",
        ",Name,Email Address,Phone Number,Response",
        "1001,Ana Ruiz,ana@example.org,210-555-0107,Faith",
        "1002,Bo Li,bo@example.org,210-555-0108,Youth",
    )
    table = read_table(data, "survey.csv")
    assert (table.header_row, table.header_rows) == (1, 2)
    assert table.headers == [
        "Respondent ID",
        "Please tell us how to reach you. Name",
        "Please tell us how to reach you. Email Address",
        "Please tell us how to reach you. Phone Number",
        "Which sector do you represent? Response",
    ]
    assert table.numbers == [3, 4]


def test_merged_questions_over_their_labels():
    table = read_table(sample("merged-header.xlsx"), "merged-header.xlsx")
    assert (table.header_row, table.header_rows) == (1, 2)
    assert table.headers == [
        "Respondent",
        "Contact details Full name",
        "Contact details Email",
        "Contact details Phone",
        "Notes Comments",
        "Sector Response",
    ]
    assert table.numbers == [3, 4]


def test_a_data_row_under_a_header_with_a_gap_is_data():
    data = csv_bytes("First name,,Organization", "Ana,Youth,Participant", "Bo,Faith,Observer")
    table = read_table(data, "gap.csv")
    assert table.header_rows == 1
    assert table.numbers == [2, 3]


def test_join_carries_a_question_over_blank_cells():
    first = ["ID", "Contact", "", "", "Sector"]
    second = ["", "Name", "Email", "Phone", "Response"]
    assert join_header_rows(first, second) == [
        "ID",
        "Contact Name",
        "Contact Email",
        "Contact Phone",
        "Sector Response",
    ]


def test_join_stops_a_merged_question_at_the_end_of_its_range():
    first = ["Contact", "", "", ""]
    second = ["Name", "Email", "", "Notes"]
    assert join_header_rows(first, second, merged=[(0, 1)]) == [
        "Contact Name",
        "Contact Email",
        "",
        "Notes",
    ]
    assert join_header_rows(first, second)[3] == "Contact Notes"  # no range: carried on
