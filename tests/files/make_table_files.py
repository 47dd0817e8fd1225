"""Write the workbooks of the table-finding tests (tests/importing/test_tables.py).

    python tests/files/make_table_files.py

Everyone is fictional (example.org addresses, 555-01xx phones).
"""

import datetime
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent
CREATED = datetime.datetime(2026, 3, 1, 9, 0, 0)


def save(workbook, name):
    workbook.properties.creator = "wagtail-spcp tests"
    workbook.properties.created = CREATED
    workbook.save(HERE / name)


def title_rows():
    """A title, a date and a blank row above the header; a blank row among the data."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Sign-in"
    sheet.append(["Neighborhood Safety Forum: sign-in"])
    sheet.append([datetime.datetime(2026, 4, 18)])
    sheet.append([])
    sheet.append(["First Name", "Last Name", "Email", "Phone"])
    sheet.append(["Alma", "Reyes", "alma.reyes@example.org", "(210) 555-0101"])
    sheet.append(["Bruno", "Costa", "bruno.costa@example.org", "210-555-0102"])
    sheet.append(["Carla", "Diaz", "not an email", "210-555-0103"])
    sheet.append([])
    sheet.append(["Dev", "Patel", "dev.patel@example.org", "210.555.0104"])
    save(workbook, "title-rows.xlsx")


def several_sheets():
    """Instructions first, then the participants, a list of choices and uncalculated totals."""
    workbook = openpyxl.Workbook()
    readme = workbook.active
    readme.title = "Read me"
    for line in (
        "How to fill in this workbook",
        None,
        "Write one participant per row on the sheet Participants.",
        "Pick a sector from the sheet Lists.",
    ):
        readme.append([line])
    people = workbook.create_sheet("Participants")
    people.append(["First name", "Last name", "Email", "Sector", "Role"])
    people.append(["Erin", "Walsh", "erin.walsh@example.org", "Faith", "Participant"])
    people.append(["Farid", "Haddad", "farid.haddad@example.org", "Youth", "Facilitator"])
    lists = workbook.create_sheet("Lists")
    lists.append(["Sector", "Role"])
    for row in (["Faith", "Participant"], ["Youth", "Facilitator"], ["Business", "Observer"]):
        lists.append(row)
    totals = workbook.create_sheet("Totals")
    totals.append(["Sheet", "People"])
    totals.append(["Participants", "=COUNTA(Participants!A2:A100)"])
    save(workbook, "several-sheets.xlsx")


def instructions_only():
    """A workbook sent out without its sign-up sheet."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Instructions"
    for line in (
        "How to fill in the sign-up sheet",
        None,
        "1. Use the next sheet. Do not change the column titles.",
        "2. One person per row.",
    ):
        sheet.append([line])
    save(workbook, "instructions-only.xlsx")


def merged_header():
    """A two-row header: questions merged over their sub-columns, labels under them."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Responses"
    sheet.append(["Respondent", "Contact details", None, None, "Notes", "Sector"])
    sheet.append([None, "Full name", "Email", "Phone", "Comments", "Response"])
    sheet.merge_cells("B1:D1")
    sheet.merge_cells("A1:A2")
    sheet.append([101, "Gloria Nunez", "gloria.nunez@example.org", "(505) 555-0105", "", "Faith"])
    sheet.append([102, "Hank Olsen", "hank.olsen@example.org", "505-555-0106", "Late", "Youth"])
    save(workbook, "merged-header.xlsx")


if __name__ == "__main__":
    title_rows()
    several_sheets()
    instructions_only()
    merged_header()
