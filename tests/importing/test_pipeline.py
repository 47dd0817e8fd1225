"""The pipeline end to end: normalising, validating, in-file duplicates, atomic writes."""

import io

import openpyxl
import pytest

from wagtail_spcp.choices import ImportStatus, ParticipationRole, ParticipationStatus, Sector
from wagtail_spcp.importing.batches import ImportFailed
from wagtail_spcp.importing.columns import header_key
from wagtail_spcp.importing.storage import read_stored
from wagtail_spcp.models import ImportBatch, Participation, Person


@pytest.mark.parametrize("name", ["signups.xlsx", "signups-utf8.csv", "signups-bom.csv"])
def test_sign_up_sheet_imports_normalised(run_import, engagement, name):
    batch = run_import(name)
    assert batch.status == ImportStatus.COMPLETED
    assert batch.invalid_count == 0
    maria = Person.objects.get(email="maria.garcia@example.org")
    assert maria.phone == "+15125550101"
    assert maria.sector == Sector.YOUTH
    assert maria.organisation == "Riverton Youth League"
    james = Person.objects.get(email="jokafor@example.org")
    assert james.sector == Sector.FAITH  # "clergy"
    assert james.zip_code == "78702"  # ZIP+4 cut to five digits
    part = Participation.objects.get(person=james, engagement=engagement)
    assert part.role == ParticipationRole.FACILITATOR
    assert part.status == ParticipationStatus.ATTENDED
    assert part.import_batch == batch
    samuel = Person.objects.get(last_name="Reyes")
    assert samuel.email == ""
    assert samuel.participations.get().role == ParticipationRole.PLANNING_GROUP
    linh = Person.objects.get(last_name="Nguyen")
    assert linh.sector == Sector.LAW_ENFORCEMENT
    assert linh.participations.get().status == ParticipationStatus.REGISTERED


def test_numeric_cells_from_a_workbook(run_import):
    run_import("signups.xlsx")
    ana = Person.objects.get(email="ana.lopez@example.org")
    assert ana.phone == "+15125550105"
    assert ana.zip_code == "02108"  # a ZIP typed as a number lost its leading zero
    assert ana.participations.get().status == ParticipationStatus.WAITLISTED


def test_windows_1252_names(run_import):
    batch = run_import("signups-cp1252.csv")
    assert batch.new_count == 3
    assert set(Person.objects.values_list("last_name", flat=True)) == {"Muñoz", "Brontë", "Côté"}


def test_other_header_spellings(run_import):
    batch = run_import("other-headers.csv")
    assert batch.new_count == 2
    grace = Person.objects.get(email="grace.kim@example.org")
    assert grace.first_name == "Grace"
    assert grace.organisation == "Asian American Alliance"
    assert grace.consent_to_contact is True
    assert grace.preferred_language == "ko"
    assert Person.objects.get(last_name="Haddad").preferred_language == "ar"
    assert batch.mapping["emailaddress"] == "email"


def test_blank_rows_and_spaces(run_import):
    batch = run_import("blank-rows-spaces.csv")
    assert batch.total_rows == 3
    assert batch.new_count == 3
    ruth = Person.objects.get(email="ruth.cohen@example.org")
    assert (ruth.first_name, ruth.last_name) == ("Ruth", "Cohen")
    assert Person.objects.filter(first_name="Peter Paul", last_name="Jones").exists()


def test_duplicates_in_file_are_collapsed(run_import):
    batch = run_import("in-file-duplicates.csv")
    assert batch.new_count == 3
    assert batch.duplicate_in_file_count == 2
    kim = Person.objects.get(email="kim.lee@example.org")
    # the first row wins; the duplicate fills what it left blank
    assert kim.phone == "+15125550131"
    assert kim.organisation == "Neighbors United"
    assert Person.objects.filter(last_name__iexact="brown").count() == 1
    notes = [e for e in batch.errors if "duplicate of row" in e["reason"]]
    assert {n["row"] for n in notes} == {3, 5}


def test_invalid_rows_reported_with_row_column_value_and_reason(run_import):
    batch = run_import("invalid-values.csv")
    assert batch.new_count == 2
    assert batch.invalid_count == 5
    errors = {(e["row"], e["column"], e["reason"]) for e in batch.errors}
    assert (3, "Email", '"not-an-email": not a valid email address') in errors
    assert (4, "Phone", '"123": not a valid phone number') in errors
    assert (5, "Zip", '"ABCDE": not a five-digit ZIP code') in errors
    assert (6, "First name", "required") in errors
    assert (8, "Email", "an email address or a phone number is required") in errors
    assert Person.objects.count() == 2
    assert batch.error_file is not None


def test_an_unknown_choice_imports_blank_with_a_warning_naming_it(run_import):
    batch = run_import("invalid-values.csv")
    assert 7 not in {e.get("row") for e in batch.errors}
    assert Person.objects.get(email="bad.sector@example.org").sector == ""
    [warning] = batch.outcome.warnings
    assert warning["row"] == 7
    assert warning["column"] == "Sector"
    assert warning["value"] == "astronauts"
    assert warning["message"].startswith("not one of Faith and clergy, Youth, New Americans")
    assert warning["message"].endswith("; left blank")


def test_error_workbook_lists_invalid_rows(run_import):
    import io

    import openpyxl

    from wagtail_spcp.importing.storage import read_stored

    batch = run_import("invalid-values.csv")
    workbook = openpyxl.load_workbook(io.BytesIO(read_stored(batch.error_file)))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[0][-1] == "errors"
    assert len(rows) == 1 + 5
    assert rows[1][2] == "not-an-email"
    assert 'Email: "not-an-email": not a valid email address' in rows[1][-1]


def test_missing_required_column_is_a_clear_error(run_import):
    with pytest.raises(ImportFailed, match="no column for first name and last name"):
        run_import("missing-required-column.csv")
    batch = ImportBatch.objects.get()
    assert batch.status == ImportStatus.FAILED
    assert "no column for" in batch.failure_message
    assert Person.objects.count() == 0


@pytest.mark.parametrize(
    "name", ["empty.csv", "not-a-spreadsheet.xlsx", "truncated.xlsx", "formulas.xlsx"]
)
def test_unreadable_files_fail_the_batch(run_import, name):
    with pytest.raises(ImportFailed):
        run_import(name)
    assert ImportBatch.objects.get().status == ImportStatus.FAILED
    assert Person.objects.count() == 0


def test_dry_run_writes_nothing_but_counts(run_import):
    batch = run_import("signups.xlsx", dry_run=True)
    assert batch.new_count == 5
    assert Person.objects.count() == 0
    assert Participation.objects.count() == 0


def test_crash_part_way_leaves_no_rows(run_import, monkeypatch):
    from django.db.models import QuerySet

    original = QuerySet.bulk_create

    def crash(self, objs, *args, **kwargs):
        if self.model is Participation:
            raise RuntimeError("database went away")
        return original(self, objs, *args, **kwargs)

    monkeypatch.setattr(QuerySet, "bulk_create", crash)
    with pytest.raises(ImportFailed, match="nothing was saved"):
        run_import("signups.xlsx")
    assert Person.objects.count() == 0
    assert Participation.objects.count() == 0
    assert ImportBatch.objects.get().status == ImportStatus.FAILED


def test_queries_grow_with_batches_not_rows(run_import, django_assert_max_num_queries):
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["First name", "Last name", "Email"])
    for n in range(1500):
        writer.writerow([f"Person{n}", "Bulk", f"bulk{n}@example.org"])
    data = buffer.getvalue().encode()
    with django_assert_max_num_queries(80):  # one query per row would be 3,000+
        batch = run_import("bulk.csv", data=data)
    assert batch.new_count == 1500
    assert Participation.objects.count() == 1500


def test_excel_and_text_dates(run_import, engagement):
    import datetime

    batch = run_import("dates.xlsx")
    assert batch.new_count == 5
    assert batch.errors == [
        {"row": 7, "column": "Timestamp", "reason": '"next tuesday": not a date'}
    ]
    registered = dict(
        Participation.objects.filter(engagement=engagement).values_list(
            "person__first_name", "registered_on"
        )
    )
    assert registered == {
        "Date": datetime.date(2026, 3, 1),  # a date cell
        "Serial": datetime.date(2026, 3, 2),  # an Excel serial number
        "Form": datetime.date(2026, 3, 3),  # a web form's "3/3/2026 9:15:00"
        "Typed": datetime.date(2026, 3, 4),  # "March 4, 2026"
        "Iso": datetime.date(2026, 3, 5),  # ISO text
    }


def test_error_workbook_is_formula_safe(run_import):
    data = b"=First,Last,=email\n=1+1,Ruiz,not-an-email\n"
    mapping = {header_key("=First"): "first_name", "last": "last_name"}
    mapping[header_key("=email")] = "email"
    batch = run_import("hostile.csv", data=data, mapping=mapping)
    sheet = openpyxl.load_workbook(io.BytesIO(read_stored(batch.error_file))).active
    values = [cell for row in sheet.iter_rows() for cell in row]
    assert [cell.value for cell in values if cell.data_type == "f"] == []
    texts = [str(cell.value) for cell in values if cell.value is not None]
    assert not [text for text in texts if text.startswith(("=", "+", "-", "@"))]
    assert '\'=email: "not-an-email": not a valid email address' in texts
