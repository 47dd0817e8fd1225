"""Write the real-world corpus: exports shaped like the tools agencies use, and typed-up sheets.

Run from anywhere: ``python tests/files/corpus/make_corpus.py``. Each file is written next to
this script together with ``<file>.json``, the results an import of the file should give.

Every person is fictional: example.org / example.net addresses, 555-01xx phone numbers. A
person is written once, as the values an import should store (``expected``), and each file
renders those values the way its tool does (``raw``: how the name, phone, ZIP, status and
date look in that tool's export). The expected values are never computed by the app.

Phones with an extension are expected as E.164 plus the RFC 3966 extension parameter
(``+14095550131;ext=204``), which fits the 20 characters of ``Person.phone``.
"""

import csv
import datetime
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent

PERSON_FIELDS = (
    "first_name",
    "last_name",
    "email",
    "phone",
    "zip_code",
    "organisation",
    "status",
    "registered_on",
)


@dataclass
class Person:
    """One fictional person: what an import should store, and how the file writes it."""

    first_name: str
    last_name: str
    email: str = ""
    phone: str = ""
    zip_code: str = ""
    organisation: str = ""
    status: str = "registered"
    registered_on: str | None = None
    raw: dict = field(default_factory=dict)

    def expected(self):
        return {name: getattr(self, name) for name in PERSON_FIELDS}

    def get(self, name, default=None):
        """The value as the file writes it: a raw override, else the stored value."""
        if name in self.raw:
            return self.raw[name]
        value = getattr(self, name, None)
        return default if value is None else value


def write_csv(name, rows, encoding="utf-8", bom=False, line_terminator="\r\n"):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=line_terminator)
    writer.writerows(rows)
    text = buffer.getvalue()
    data = text.encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    (HERE / name).write_bytes(data)


def write_xlsx(name, sheets):
    """``sheets``: (title, rows) pairs, in order; ``None`` cells stay empty."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows, widths in sheets:
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
        for letter, width in (widths or {}).items():
            sheet.column_dimensions[letter].width = width
    workbook.properties.creator = "wagtail-spcp corpus"
    workbook.properties.created = datetime.datetime(2026, 3, 1, 9, 0, 0)
    workbook.save(HERE / name)


def write_expected(name, **facts):
    people = facts.pop("people")
    invalid = facts.pop("invalid", [])
    facts.setdefault("sheet", None)
    facts.setdefault("header_row", 1)
    facts.setdefault("header_rows", 1)
    facts["counts"] = {
        "data_rows": facts.pop("data_rows"),
        "people": len(people),
        "invalid": len(invalid),
    }
    facts["people"] = [person.expected() for person in people]
    facts["invalid"] = invalid
    (HERE / f"{name}.json").write_text(
        json.dumps({"file": name, **facts}, indent=2, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )


# --- Eventbrite: Attendee Summary report (CSV) -------------------------------------------
# One row per attendee (ticket); an order of two tickets repeats the order and buyer columns.
# The order-form questions come after the fixed columns: Eventbrite's standard questions
# ("Cell Phone", "Work Phone", "Company", "Home Zip") and a custom one.


def eventbrite():
    name = "eventbrite-attendee-summary.csv"
    header = [
        "Order #",
        "Order Date",
        "First Name",
        "Last Name",
        "Email",
        "Quantity",
        "Ticket Type",
        "Attendee #",
        "Barcode #",
        "Buyer Last Name",
        "Buyer First Name",
        "Buyer Email",
        "Date Attending",
        "Device Name",
        "Check-In Date",
        "Discount",
        "Hold",
        "Order Type",
        "Total Paid",
        "Fees Paid",
        "Eventbrite Fees",
        "Eventbrite Payment Processing",
        "Attendee Status",
        "Cell Phone",
        "Work Phone",
        "Company",
        "Home Zip",
        "Which community sector do you represent?",
    ]
    status_words = {
        "registered": "Attending",
        "attended": "Checked In",
        "cancelled": "Not Attending",
    }
    people = [
        Person(
            "Keisha",
            "Whitfield",
            "keisha.whitfield@example.org",
            "+14095550101",
            "77550",
            "Galveston Youth Alliance",
            "attended",
            "2026-02-02",
            raw={
                "phone": "(409) 555-0101",
                "sector": "Youth",
                "order_date": "2026-02-02 09:14:07-06:00",
                "checkin": "2026-03-07 08:51:12-06:00",
            },
        ),
        Person(
            "Tomás",
            "Herrera",
            "tomas.herrera@example.net",
            "+14095550102",
            "77551",
            "St. Patrick Parish",
            "registered",
            "2026-02-03",
            raw={
                "phone": "409-555-0102",
                "sector": "Faith / clergy",
                "order_date": "2026-02-03 18:40:55-06:00",
            },
        ),
        Person(
            "Linh",
            "Tran",
            "linh.tran@example.org",
            "+14095550103",
            "77554",
            "Coastal Immigrant Services",
            "attended",
            "2026-02-03",
            raw={
                "phone": "409.555.0103",
                "sector": "New Americans",
                "order_date": "2026-02-03 21:02:19-06:00",
                "checkin": "2026-03-07 08:57:40-06:00",
            },
        ),
        Person(
            "Darnell",
            "Price",
            "dprice@example.org",
            "+14095550104",
            "77550",
            "Galveston Police Department",
            "attended",
            "2026-02-05",
            raw={
                "phone": "(409) 555-0104",
                "work_phone": "409-555-0190 ext. 204",
                "sector": "Law enforcement",
                "ticket": "Law Enforcement",
                "order_date": "2026-02-05 11:20:31-06:00",
                "checkin": "2026-03-07 08:45:02-06:00",
            },
        ),
        Person(
            "Renee",
            "Castillo",
            "renee.castillo@example.org",
            "+14095550105",
            "77550",
            "Galveston Police Department",
            "registered",
            "2026-02-05",
            raw={
                "phone": "(409) 555-0105",
                "sector": "Law enforcement",
                "ticket": "Law Enforcement",
                "order_date": "2026-02-05 11:20:31-06:00",
                "order": "8812345602",
                "buyer": ("Price", "Darnell", "dprice@example.org"),
                "quantity": 2,
            },
        ),
        Person(
            "Abigail",
            "Moreno",
            "abigail.moreno@example.net",
            "+14095550106",
            "77551",
            "Island Food Pantry",
            "cancelled",
            "2026-02-09",
            raw={
                "phone": "409 555 0106",
                "sector": "Social services",
                "order_date": "2026-02-09 07:05:44-06:00",
            },
        ),
        Person(
            "Samuel",
            "Okafor",
            "samuel.okafor@example.org",
            "+14095550107",
            "77550",
            "Okafor Hardware",
            "attended",
            "2026-02-11",
            raw={
                "phone": "+1 409 555 0107",
                "sector": "Business / community",
                "order_date": "2026-02-11 13:33:09-06:00",
                "checkin": "2026-03-07 09:02:31-06:00",
            },
        ),
        Person(
            "Grace",
            "Liu",
            "grace.liu@example.org",
            "+14095550108",
            "77554",
            "Texas Civil Rights Coalition",
            "registered",
            "2026-02-12",
            raw={
                "phone": "4095550108",
                "sector": "Civil rights",
                "order_date": "2026-02-12 16:48:26-06:00",
            },
        ),
        Person(
            "Marcus",
            "Bell",
            "marcus.bell@example.net",
            "+14095550109",
            "77551",
            "Ball High School",
            "attended",
            "2026-02-14",
            raw={
                "phone": "(409) 555-0109",
                "sector": "Youth",
                "ticket": "Volunteer Facilitator",
                "order_date": "2026-02-14 10:22:41-06:00",
                "checkin": "2026-03-07 08:30:15-06:00",
            },
        ),
        Person(
            "Yolanda",
            "Ruiz",
            "yolanda.ruiz@example.org",
            "+14095550110",
            "77550",
            "Iglesia Nueva Vida",
            "registered",
            "2026-02-20",
            raw={
                "phone": "(409) 555-0110",
                "sector": "Faith / clergy",
                "order_date": "2026-02-20 19:11:58-06:00",
            },
        ),
    ]
    rows = [header]
    for number, person in enumerate(people, 1):
        order = person.raw.get("order", f"88123456{number:02d}")
        buyer = person.raw.get("buyer", (person.last_name, person.first_name, person.email))
        rows.append(
            [
                order,
                person.raw["order_date"],
                person.first_name,
                person.last_name,
                person.email,
                person.raw.get("quantity", 1),
                person.raw.get("ticket", "General Admission"),
                f"1450988{number:03d}",
                f"1450988{number:03d}882345{number:02d}001",
                buyer[0],
                buyer[1],
                buyer[2],
                "Mar 7, 2026",
                "",
                person.raw.get("checkin", ""),
                "",
                "",
                "Free Order",
                "0.00",
                "0.00",
                "0.00",
                "0.00",
                status_words[person.status],
                person.raw["phone"],
                person.raw.get("work_phone", ""),
                person.organisation,
                person.zip_code,
                person.raw["sector"],
            ]
        )
    write_csv(name, rows, encoding="utf-8", bom=True)
    write_expected(
        name,
        format="Eventbrite",
        encoding="utf-8-sig",
        data_rows=len(people),
        columns={
            "First Name": "first_name",
            "Last Name": "last_name",
            "Email": "email",
            "Cell Phone": "phone",
            "Company": "organisation",
            "Home Zip": "zip_code",
            "Attendee Status": "status",
            "Order Date": "registered_on",
            "Attendee #": "external_id",
            "Which community sector do you represent?": "sector",
        },
        values={"status": {word: status for status, word in status_words.items()}},
        notes=[
            "Darnell Price's work phone (with an extension) is not imported: Cell Phone is.",
            "Renee Castillo's ticket is on Darnell Price's order (quantity 2).",
        ],
        people=people,
    )


# --- Google Forms: responses downloaded as CSV ---------------------------------------------
# "Timestamp" first, then "Email Address" when the form collects emails, then each question's
# title as its header. The timestamp follows the spreadsheet's locale: U.S. here.


def google_forms():
    name = "google-forms-responses.csv"
    header = [
        "Timestamp",
        "Email Address",
        "First name",
        "Last name",
        "What organization do you represent?",
        "Best phone number to reach you:",
        "ZIP code where you live:",
        "Which sector best describes you?",
        "May we contact you about future community meetings?",
    ]
    people = [
        Person(
            "Angela",
            "Brooks",
            "angela.brooks@example.org",
            "+12145550111",
            "75201",
            "Dallas Interfaith Council",
            registered_on="2026-01-12",
            raw={"when": "1/12/2026 9:03:11", "phone": "(214) 555-0111", "sector": "Faith"},
        ),
        Person(
            "Victor",
            "Nguyen",
            "victor.nguyen@example.net",
            "+12145550112",
            "75202",
            "Vietnamese Community Center",
            registered_on="2026-01-12",
            raw={"when": "1/12/2026 14:27:45", "phone": "214-555-0112", "sector": "New Americans"},
        ),
        Person(
            "Priya",
            "Raman",
            "priya.raman@example.org",
            "+12145550113",
            "75204",
            "",
            registered_on="2026-01-13",
            raw={"when": "1/13/2026 8:15:02", "phone": "214.555.0113", "sector": "Education"},
        ),
        Person(
            "Jerome",
            "Washington",
            "jerome.washington@example.org",
            "+12145550114;ext=3",
            "75215",
            "South Dallas Business Association",
            registered_on="2026-01-15",
            raw={"when": "1/15/2026 19:44:30", "phone": "(214) 555-0114 x3", "sector": "Business"},
        ),
        Person(
            "Mei",
            "Chen",
            "mei.chen@example.net",
            "",
            "75206",
            "Dallas County Public Defender",
            registered_on="2026-01-19",
            raw={"when": "1/19/2026 11:00:59", "phone": "", "sector": "Government"},
        ),
        Person(
            "Luis",
            "Aguilar",
            "luis.aguilar@example.org",
            "+12145550116",
            "75211",
            "Oak Cliff Youth Soccer",
            registered_on="2026-01-21",
            raw={"when": "1/21/2026 16:38:12", "phone": "2145550116", "sector": "Youth"},
        ),
        Person(
            "Hannah",
            "Stein",
            "hannah.stein@example.org",
            "+12145550117",
            "75225",
            "Temple Shalom",
            registered_on="2026-02-02",
            raw={"when": "2/2/2026 10:05:33", "phone": "+1 (214) 555-0117", "sector": "Faith"},
        ),
        Person(
            "Omar",
            "Haddad",
            "omar.haddad@example.net",
            "+12145550118",
            "75243",
            "North Texas Refugee Network",
            registered_on="2026-02-10",
            raw={"when": "2/10/2026 21:17:08", "phone": "214 555 0118", "sector": "New Americans"},
        ),
        Person(
            "Carla",
            "Ruiz",
            "carla.ruiz@example.org",
            "+12145550119",
            "75201",
            "Dallas Police Department",
            registered_on="2026-02-11",
            raw={
                "when": "2/11/2026 7:52:41",
                "phone": "(214) 555-0119",
                "sector": "Law enforcement",
            },
        ),
        Person(
            "Derek",
            "Olsen",
            "derek.olsen@example.org",
            "+12145550120",
            "75208",
            "Bishop Arts Merchants",
            registered_on="2026-02-12",
            raw={"when": "2/12/2026 12:30:00", "phone": "214-555-0120", "sector": "Business"},
        ),
        Person(
            "Fatima",
            "Diallo",
            "fatima.diallo@example.net",
            "+12145550121",
            "75217",
            "Pleasant Grove Tenants Union",
            registered_on="2026-02-13",
            raw={"when": "2/13/2026 18:09:27", "phone": "(214) 555-0121", "sector": "Civil rights"},
        ),
        Person(
            "Brian",
            "Kowalski",
            "brian.kowalski@example.org",
            "+12145550122",
            "75214",
            "Lakewood Neighborhood Watch",
            registered_on="2026-02-14",
            raw={"when": "2/14/2026 9:41:16", "phone": "214.555.0122", "sector": "Other"},
        ),
    ]
    consent = ["Yes", "Yes", "No", "Yes", "Yes", "Yes", "No", "Yes", "Yes", "Yes", "Yes", "No"]
    rows = [header]
    for person, answer in zip(people, consent, strict=True):
        rows.append(
            [
                person.raw["when"],
                person.email,
                person.first_name,
                person.last_name,
                person.organisation,
                person.raw["phone"],
                person.zip_code,
                person.raw["sector"],
                answer,
            ]
        )
    write_csv(name, rows, encoding="utf-8")
    write_expected(
        name,
        format="Google Forms",
        encoding="utf-8",
        data_rows=len(people),
        columns={
            "Timestamp": "registered_on",
            "Email Address": "email",
            "First name": "first_name",
            "Last name": "last_name",
            "What organization do you represent?": "organisation",
            "Best phone number to reach you:": "phone",
            "ZIP code where you live:": "zip_code",
            "Which sector best describes you?": "sector",
            "May we contact you about future community meetings?": "consent_to_contact",
        },
        people=people,
    )


# --- Google Forms with one name question, a spreadsheet in a day-first locale --------------


def google_forms_day_first():
    name = "google-forms-day-first-one-name.csv"
    header = [
        "Timestamp",
        "Email Address",
        "Your full name",
        "Organisation / affiliation",
        "Phone (with extension if any)",
        "Postcode / ZIP",
    ]
    people = [
        Person(
            "Robert",
            "Johnson Jr.",
            "robert.johnson@example.org",
            "+17135550123",
            "77002",
            "Houston Police Department",
            registered_on="2026-03-15",
            raw={
                "name": "Sgt. Robert Johnson Jr.",
                "when": "15/03/2026 09:12:44",
                "phone": "(713) 555-0123",
            },
        ),
        Person(
            "Ramón",
            "de la Cruz",
            "ramon.delacruz@example.net",
            "+17135550124",
            "77011",
            "Magnolia Park Civic Club",
            registered_on="2026-03-15",
            raw={
                "name": "Ramón de la Cruz",
                "when": "15/03/2026 10:40:03",
                "phone": "713-555-0124",
            },
        ),
        Person(
            "Samuel",
            "Okafor",
            "s.okafor@example.org",
            "+17135550125",
            "77004",
            "Third Ward Business League",
            registered_on="2026-03-16",
            raw={"name": "Okafor, Samuel", "when": "16/03/2026 08:05:51", "phone": "713.555.0125"},
        ),
        Person(
            "",
            "Adebayo",
            "adebayo@example.net",
            "+17135550126",
            "77021",
            "Sunnyside Youth Choir",
            registered_on="2026-03-17",
            raw={"name": "Adebayo", "when": "17/03/2026 19:27:36", "phone": "7135550126"},
        ),
        Person(
            "Mary Ann",
            "Thibodeaux",
            "maryann.t@example.org",
            "+17135550127;ext=12",
            "77009",
            "Northside Food Bank",
            registered_on="2026-03-18",
            raw={
                "name": "Mary Ann Thibodeaux",
                "when": "18/03/2026 13:02:19",
                "phone": "713-555-0127 ext 12",
            },
        ),
        Person(
            "Aisha",
            "Bello-Khan",
            "aisha.bellokhan@example.org",
            "+17135550128",
            "77036",
            "Alief Interfaith Alliance",
            registered_on="2026-03-20",
            raw={
                "name": "Dr. Aisha Bello-Khan",
                "when": "20/03/2026 17:45:00",
                "phone": "(713) 555-0128",
            },
        ),
        Person(
            "Thomas",
            "King III",
            "thomas.king@example.net",
            "+17135550129",
            "77088",
            "Greater Mount Olive Church",
            registered_on="2026-03-21",
            raw={
                "name": "Rev. Thomas King III",
                "when": "21/03/2026 11:11:11",
                "phone": "713 555 0129",
            },
        ),
        Person(
            "Huong",
            "Pham",
            "huong.pham@example.org",
            "+17135550130",
            "77072",
            "Asian American Resource Center",
            registered_on="2026-03-22",
            raw={"name": "PHAM, Huong", "when": "22/03/2026 09:58:37", "phone": "(713) 555-0130"},
        ),
        Person(
            "Luz",
            "Van der Berg",
            "luz.vanderberg@example.net",
            "+17135550131",
            "77019",
            "Montrose Neighbors",
            registered_on="2026-04-02",
            raw={
                "name": "Luz Van der Berg",
                "when": "02/04/2026 15:20:48",
                "phone": "713-555-0131",
            },
        ),
        Person(
            "Kwame",
            "Mensah",
            "kwame.mensah@example.org",
            "+17135550132",
            "77030",
            "",
            registered_on="2026-04-03",
            raw={"name": "Kwame Mensah", "when": "03/04/2026 07:31:05", "phone": "7135550132"},
        ),
    ]
    rows = [header]
    for person in people:
        rows.append(
            [
                person.raw["when"],
                person.email,
                person.raw["name"],
                person.organisation,
                person.raw["phone"],
                person.zip_code,
            ]
        )
    write_csv(name, rows, encoding="utf-8")
    write_expected(
        name,
        format="Google Forms",
        encoding="utf-8",
        data_rows=len(people),
        day_first=True,
        columns={
            "Timestamp": "registered_on",
            "Email Address": "email",
            "Your full name": "full_name",
            "Organisation / affiliation": "organisation",
            "Phone (with extension if any)": "phone",
            "Postcode / ZIP": "zip_code",
        },
        names={person.raw["name"]: [person.first_name, person.last_name] for person in people},
        warnings=[{"name": "Adebayo", "reason": "one-word name stored as the last name"}],
        people=people,
    )


# --- Microsoft Forms: "Open results in Excel" workbook ------------------------------------
# ID, Start time, Completion time, Email, Name, then the questions. A form that anyone can
# answer records "anonymous" in the Email column and "Anonymous" in the Name column.


def microsoft_forms():
    name = "microsoft-forms-responses.xlsx"
    header = [
        "ID",
        "Start time",
        "Completion time",
        "Email",
        "Name",
        "Last modified time",
        "Full name",
        "Organization or agency",
        "Email address",
        "Phone number",
        "ZIP code",
        "Will you attend in person?",
    ]
    people = [
        Person(
            "Janet",
            "Morales",
            "janet.morales@example.org",
            "+15055550133",
            "87102",
            "Albuquerque Public Schools",
            registered_on="2026-02-03",
            raw={
                "start": datetime.datetime(2026, 2, 3, 10, 1, 7),
                "done": datetime.datetime(2026, 2, 3, 10, 4, 52),
                "phone": "(505) 555-0133",
            },
        ),
        Person(
            "Ethan",
            "Begay",
            "ethan.begay@example.net",
            "+15055550134",
            "87105",
            "Pueblo Youth Council",
            registered_on="2026-02-03",
            raw={
                "start": datetime.datetime(2026, 2, 3, 18, 22, 0),
                "done": datetime.datetime(2026, 2, 3, 18, 25, 31),
                "phone": "505-555-0134",
            },
        ),
        Person(
            "Rosa",
            "Lucero",
            "",
            "+15055550135",
            "87121",
            "South Valley Promotoras",
            registered_on="2026-02-04",
            raw={
                "start": datetime.datetime(2026, 2, 4, 7, 55, 12),
                "done": datetime.datetime(2026, 2, 4, 7, 58, 40),
                "phone": "505.555.0135",
            },
        ),
        Person(
            "Daniel",
            "Ortiz",
            "daniel.ortiz@example.org",
            "+15055550136",
            "87110",
            "Albuquerque Police Department",
            registered_on="2026-02-05",
            raw={
                "start": datetime.datetime(2026, 2, 5, 9, 0, 3),
                "done": datetime.datetime(2026, 2, 5, 9, 2, 44),
                "phone": "5055550136",
            },
        ),
        Person(
            "Sarah",
            "Whitehorse",
            "sarah.whitehorse@example.net",
            "+15055550137",
            "87106",
            "First Nations Community Health",
            registered_on="2026-02-06",
            raw={
                "start": datetime.datetime(2026, 2, 6, 12, 30, 30),
                "done": datetime.datetime(2026, 2, 6, 12, 36, 2),
                "phone": "(505) 555-0137",
            },
        ),
        Person(
            "Kevin",
            "Tso",
            "kevin.tso@example.org",
            "+15055550138",
            "87102",
            "Downtown Merchants Guild",
            registered_on="2026-02-09",
            raw={
                "start": datetime.datetime(2026, 2, 9, 15, 10, 10),
                "done": datetime.datetime(2026, 2, 9, 15, 12, 9),
                "phone": "505 555 0138",
            },
        ),
        Person(
            "Imelda",
            "Garza",
            "",
            "+15055550139",
            "87108",
            "International District Neighbors",
            registered_on="2026-02-10",
            raw={
                "start": datetime.datetime(2026, 2, 10, 20, 45, 0),
                "done": datetime.datetime(2026, 2, 10, 20, 49, 33),
                "phone": "505-555-0139",
            },
        ),
        Person(
            "Paul",
            "Archuleta",
            "paul.archuleta@example.org",
            "+15055550140",
            "87112",
            "Bernalillo County Sheriff's Office",
            registered_on="2026-02-11",
            raw={
                "start": datetime.datetime(2026, 2, 11, 8, 8, 8),
                "done": datetime.datetime(2026, 2, 11, 8, 11, 19),
                "phone": "(505) 555-0140",
            },
        ),
        Person(
            "Naomi",
            "Fischer",
            "naomi.fischer@example.net",
            "+15055550141",
            "87120",
            "Westside Interfaith",
            registered_on="2026-02-12",
            raw={
                "start": datetime.datetime(2026, 2, 12, 13, 14, 15),
                "done": datetime.datetime(2026, 2, 12, 13, 20, 0),
                "phone": "505.555.0141",
            },
        ),
        Person(
            "Joseph",
            "Chavez",
            "joseph.chavez@example.org",
            "+15055550142",
            "87104",
            "Old Town Business Alliance",
            registered_on="2026-02-13",
            raw={
                "start": datetime.datetime(2026, 2, 13, 17, 1, 59),
                "done": datetime.datetime(2026, 2, 13, 17, 3, 3),
                "phone": "5055550142",
            },
        ),
    ]
    rows = [header]
    for number, person in enumerate(people, 1):
        rows.append(
            [
                number,
                person.raw["start"],
                person.raw["done"],
                "anonymous",
                "Anonymous",
                None,
                f"{person.first_name} {person.last_name}",
                person.organisation,
                person.email or None,
                person.raw["phone"],
                int(person.zip_code),
                "Yes" if number % 4 else "Not sure yet",
            ]
        )
    write_xlsx(name, [("Sheet1", rows, {"B": 18, "C": 18, "G": 22, "H": 32})])
    write_expected(
        name,
        format="Microsoft Forms",
        sheet="Sheet1",
        data_rows=len(people),
        columns={
            "ID": "external_id",
            "Completion time": "registered_on",
            "Full name": "full_name",
            "Organization or agency": "organisation",
            "Email address": "email",
            "Phone number": "phone",
            "ZIP code": "zip_code",
        },
        ignored={
            "Email": "every response is anonymous; the form asks for an email itself",
            "Name": "every response is anonymous; the form asks for the name itself",
        },
        people=people,
    )


# --- SurveyMonkey: "All responses data", expanded, as CSV ----------------------------------
# Row 1 holds the respondent columns and each question's text; row 2 holds "Response" or
# "Open-Ended Response" under a question and, for a Contact Information question, the label
# of each of its fields (row 1 is blank after the question's first column).


def surveymonkey():
    name = "surveymonkey-all-responses.csv"
    contact_labels = [
        "Name",
        "Company",
        "Address",
        "Address 2",
        "City/Town",
        "State/Province",
        "ZIP/Postal Code",
        "Country",
        "Email Address",
        "Phone Number",
    ]
    row1 = [
        "Respondent ID",
        "Collector ID",
        "Start Date",
        "End Date",
        "IP Address",
        "Email Address",
        "First Name",
        "Last Name",
        "Custom Data 1",
        "Please tell us how to reach you.",
        *[""] * (len(contact_labels) - 1),
        "Which sector do you represent?",
        "What is the most important issue for police and community relations here?",
    ]
    row2 = [
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        *contact_labels,
        "Response",
        "Open-Ended Response",
    ]
    people = [
        Person(
            "Latoya",
            "Simmons",
            "latoya.simmons@example.org",
            "+19015550143",
            "38106",
            "Memphis Urban League",
            registered_on="2026-01-20",
            raw={
                "end": "01/20/2026 09:47:12 AM",
                "phone": "(901) 555-0143",
                "sector": "Civil rights",
            },
        ),
        Person(
            "Gregory",
            "Hale",
            "gregory.hale@example.net",
            "+19015550144",
            "38103",
            "Memphis Police Department",
            registered_on="2026-01-20",
            raw={
                "end": "01/20/2026 01:15:40 PM",
                "phone": "901-555-0144",
                "sector": "Law enforcement",
            },
        ),
        Person(
            "Esperanza",
            "Villa",
            "esperanza.villa@example.org",
            "+19015550145",
            "38118",
            "Latino Memphis",
            registered_on="2026-01-21",
            raw={
                "end": "01/21/2026 07:02:55 PM",
                "phone": "901.555.0145",
                "sector": "New Americans",
            },
        ),
        Person(
            "Andre",
            "Little",
            "andre.little@example.org",
            "+19015550146",
            "38114",
            "Orange Mound Youth Arts",
            registered_on="2026-01-22",
            raw={"end": "01/22/2026 11:30:01 AM", "phone": "9015550146", "sector": "Youth"},
        ),
        Person(
            "Beverly",
            "Nash",
            "beverly.nash@example.net",
            "+19015550147;ext=7",
            "38104",
            "Shelby County Schools",
            registered_on="2026-01-23",
            raw={
                "end": "01/23/2026 04:44:44 PM",
                "phone": "(901) 555-0147 ext. 7",
                "sector": "Education",
            },
        ),
        Person(
            "Isaac",
            "Goldberg",
            "isaac.goldberg@example.org",
            "+19015550148",
            "38117",
            "Memphis Jewish Federation",
            registered_on="2026-01-24",
            raw={"end": "01/24/2026 08:08:19 AM", "phone": "901 555 0148", "sector": "Faith"},
        ),
        Person(
            "Monique",
            "Harris",
            "monique.harris@example.org",
            "+19015550149",
            "38126",
            "Foote Homes Residents Council",
            registered_on="2026-01-27",
            raw={
                "end": "01/27/2026 06:21:37 PM",
                "phone": "(901) 555-0149",
                "sector": "Social services",
            },
        ),
        Person(
            "Craig",
            "Dunbar",
            "craig.dunbar@example.net",
            "+19015550150",
            "38105",
            "Edge District Business Association",
            registered_on="2026-01-29",
            raw={"end": "01/29/2026 12:00:00 PM", "phone": "901-555-0150", "sector": "Business"},
        ),
    ]
    rows = [row1, row2]
    for number, person in enumerate(people, 1):
        end = person.raw["end"]
        start = end[:11] + "0" + end[12:] if end[11] == "0" else end
        rows.append(
            [
                f"1148{number:07d}",
                "451209876",
                start,
                end,
                f"203.0.113.{number + 10}",
                "",
                "",
                "",
                "",
                f"{person.first_name} {person.last_name}",
                person.organisation,
                "",
                "",
                "Memphis",
                "TN",
                person.zip_code,
                "United States",
                person.email,
                person.raw["phone"],
                person.raw["sector"],
                "Trust between young people and officers.",
            ]
        )
    write_csv(name, rows, encoding="utf-8", bom=True)
    write_expected(
        name,
        format="SurveyMonkey",
        encoding="utf-8-sig",
        header_rows=2,
        data_rows=len(people),
        columns={
            "Please tell us how to reach you. Name": "full_name",
            "Please tell us how to reach you. Company": "organisation",
            "Please tell us how to reach you. ZIP/Postal Code": "zip_code",
            "Please tell us how to reach you. Email Address": "email",
            "Please tell us how to reach you. Phone Number": "phone",
            "End Date": "registered_on",
            "Respondent ID": "external_id",
            "Which sector do you represent? Response": "sector",
        },
        people=people,
    )


# --- Mobilize: event attendance export (CSV) ----------------------------------------------


def mobilize():
    name = "mobilize-event-attendees.csv"
    header = [
        "Event ID",
        "Event name",
        "Timeslot start",
        "Timeslot end",
        "First name",
        "Last name",
        "Email",
        "Phone",
        "Zip",
        "Status",
        "Attended",
        "Signup date",
        "Referrer",
        "SMS opt-in",
    ]
    people = [
        Person(
            "Alicia",
            "Romero",
            "alicia.romero@example.org",
            "+13035550151",
            "80204",
            status="registered",
            registered_on="2026-02-01",
            raw={"status": "Confirmed", "phone": "(303) 555-0151", "signup": "2026-02-01 14:22:10"},
        ),
        Person(
            "Ben",
            "Carter",
            "ben.carter@example.net",
            "+13035550152",
            "80205",
            status="registered",
            registered_on="2026-02-02",
            raw={"status": "Registered", "phone": "303-555-0152", "signup": "2026-02-02 09:05:37"},
        ),
        Person(
            "Chloe",
            "Yamamoto",
            "chloe.yamamoto@example.org",
            "+13035550153",
            "80206",
            status="cancelled",
            registered_on="2026-02-02",
            raw={"status": "Cancelled", "phone": "3035550153", "signup": "2026-02-02 19:48:00"},
        ),
        Person(
            "Diego",
            "Salazar",
            "diego.salazar@example.org",
            "+13035550154",
            "80219",
            status="registered",
            registered_on="2026-02-04",
            raw={"status": "Registered", "phone": "+13035550154", "signup": "2026-02-04 11:11:11"},
        ),
        Person(
            "Erin",
            "O'Connell",
            "erin.oconnell@example.net",
            "+13035550155",
            "80210",
            status="registered",
            registered_on="2026-02-05",
            raw={"status": "Confirmed", "phone": "(303) 555-0155", "signup": "2026-02-05 08:30:45"},
        ),
        Person(
            "Faisal",
            "Rahman",
            "faisal.rahman@example.org",
            "+13035550156",
            "80012",
            status="registered",
            registered_on="2026-02-07",
            raw={"status": "Registered", "phone": "303.555.0156", "signup": "2026-02-07 16:16:16"},
        ),
        Person(
            "Gloria",
            "Estrada",
            "gloria.estrada@example.org",
            "+13035550157",
            "80221",
            status="cancelled",
            registered_on="2026-02-08",
            raw={"status": "Cancelled", "phone": "303 555 0157", "signup": "2026-02-08 10:10:10"},
        ),
        Person(
            "Harold",
            "Jenkins",
            "harold.jenkins@example.net",
            "+13035550158",
            "80207",
            status="registered",
            registered_on="2026-02-09",
            raw={"status": "Confirmed", "phone": "(303) 555-0158", "signup": "2026-02-09 21:00:59"},
        ),
        Person(
            "Ines",
            "Duarte",
            "ines.duarte@example.org",
            "+13035550159",
            "80204",
            status="registered",
            registered_on="2026-02-10",
            raw={"status": "Registered", "phone": "3035550159", "signup": "2026-02-10 07:45:12"},
        ),
        Person(
            "Jamal",
            "Wright",
            "jamal.wright@example.org",
            "+13035550160",
            "80216",
            status="registered",
            registered_on="2026-02-11",
            raw={"status": "Registered", "phone": "303-555-0160", "signup": "2026-02-11 13:37:00"},
        ),
    ]
    rows = [header]
    for person in people:
        rows.append(
            [
                "612345",
                "Denver Community Listening Session",
                "2026-02-21 10:00:00",
                "2026-02-21 13:00:00",
                person.first_name,
                person.last_name,
                person.email,
                person.raw["phone"],
                person.zip_code,
                person.raw["status"],
                "",
                person.raw["signup"],
                "",
                "False",
            ]
        )
    write_csv(name, rows, encoding="utf-8")
    write_expected(
        name,
        format="Mobilize",
        encoding="utf-8",
        data_rows=len(people),
        columns={
            "First name": "first_name",
            "Last name": "last_name",
            "Email": "email",
            "Phone": "phone",
            "Zip": "zip_code",
            "Status": "status",
            "Signup date": "registered_on",
        },
        values={
            "status": {
                "Registered": "registered",
                "Confirmed": "registered",
                "Cancelled": "cancelled",
            }
        },
        people=people,
    )


# --- Zoom: webinar registration report (CSV) ----------------------------------------------
# A report title, the webinar's own header and values, then "Registrant Details" and the
# registrants' table. Approval Status is approved, pending or denied.


def zoom():
    name = "zoom-webinar-registration-report.csv"
    status_words = {"registered": "approved", "waitlisted": "pending", "cancelled": "denied"}
    header = [
        "First Name",
        "Last Name",
        "Email",
        "City",
        "Country/Region",
        "Zip/Postal Code",
        "State/Province",
        "Phone",
        "Organization",
        "Job Title",
        "Registration Time",
        "Approval Status",
    ]
    people = [
        Person(
            "Nadia",
            "Karim",
            "nadia.karim@example.org",
            "+16175550161",
            "02119",
            "Roxbury Community Coalition",
            "registered",
            "2026-03-02",
            raw={"when": "Mar 2, 2026 09:14:22", "phone": "(617) 555-0161"},
        ),
        Person(
            "Owen",
            "Fitzgerald",
            "owen.fitzgerald@example.net",
            "+16175550162",
            "02127",
            "Boston Police Department",
            "registered",
            "2026-03-02",
            raw={"when": "Mar 2, 2026 11:02:48", "phone": "617-555-0162"},
        ),
        Person(
            "Patricia",
            "Nunes",
            "patricia.nunes@example.org",
            "+16175550163",
            "02128",
            "East Boston Neighborhood Health",
            "waitlisted",
            "2026-03-03",
            raw={"when": "Mar 3, 2026 16:40:09", "phone": "617.555.0163"},
        ),
        Person(
            "Quentin",
            "Moss",
            "quentin.moss@example.org",
            "+16175550164",
            "02121",
            "Dorchester Youth Collaborative",
            "registered",
            "2026-03-04",
            raw={"when": "Mar 4, 2026 08:00:31", "phone": "6175550164"},
        ),
        Person(
            "Rachel",
            "Levin",
            "rachel.levin@example.net",
            "",
            "02445",
            "Brookline Interfaith Clergy",
            "cancelled",
            "2026-03-04",
            raw={"when": "Mar 4, 2026 19:19:19", "phone": ""},
        ),
        Person(
            "Sunil",
            "Mehta",
            "sunil.mehta@example.org",
            "+16175550166",
            "02139",
            "Cambridge Small Business Network",
            "registered",
            "2026-03-05",
            raw={"when": "Mar 5, 2026 12:12:12", "phone": "+1 617 555 0166"},
        ),
        Person(
            "Teresa",
            "Flores",
            "teresa.flores@example.org",
            "+16175550167",
            "02150",
            "Chelsea Collaborative",
            "registered",
            "2026-03-06",
            raw={"when": "Mar 6, 2026 07:07:07", "phone": "(617) 555-0167"},
        ),
        Person(
            "Victor",
            "Amaral",
            "victor.amaral@example.net",
            "+16175550168",
            "02130",
            "Jamaica Plain Tenants",
            "registered",
            "2026-03-09",
            raw={"when": "Mar 9, 2026 22:05:50", "phone": "617-555-0168"},
        ),
    ]
    rows = [
        ["Registration Report"],
        ["Report Generated:", "Mar 10, 2026 08:30 AM"],
        [
            "Topic",
            "Webinar ID",
            "Scheduled Time",
            "# Registered",
            "# Cancelled by Host",
            "# Cancelled by Registrant",
        ],
        [
            "Greater Boston Community Conversation",
            "812 3456 7890",
            "Mar 12, 2026 06:00 PM",
            str(len(people)),
            "1",
            "0",
        ],
        [],
        ["Registrant Details"],
        header,
    ]
    for person in people:
        rows.append(
            [
                person.first_name,
                person.last_name,
                person.email,
                "Boston",
                "United States",
                person.zip_code,
                "Massachusetts",
                person.raw["phone"],
                person.organisation,
                "",
                person.raw["when"],
                status_words[person.status],
            ]
        )
    write_csv(name, rows, encoding="utf-8", bom=True)
    write_expected(
        name,
        format="Zoom",
        encoding="utf-8-sig",
        header_row=7,
        data_rows=len(people),
        columns={
            "First Name": "first_name",
            "Last Name": "last_name",
            "Email": "email",
            "Zip/Postal Code": "zip_code",
            "Phone": "phone",
            "Organization": "organisation",
            "Registration Time": "registered_on",
            "Approval Status": "status",
        },
        values={"status": {word: status for status, word in status_words.items()}},
        people=people,
    )


# --- wagtail-spcp's own export (CSV, UTF-8 with BOM) --------------------------------------

SPCP_EXPORT_HEADERS = [
    "First name",
    "Last name",
    "Email",
    "Phone",
    "Organization",
    "Sector",
    "ZIP code",
    "Preferred language",
    "Consent to contact",
    "Role",
    "Status",
    "Registered on",
]


def spcp_export():
    name = "spcp-export.csv"
    people = [
        Person(
            "Alma",
            "Benavides",
            "alma.benavides@example.org",
            "+12105550169",
            "78207",
            "West Side Youth Boxing",
            "attended",
            "2026-01-05",
            raw={"sector": "Youth", "language": "es", "consent": "yes", "role": "Participant"},
        ),
        Person(
            "Bruce",
            "Cho",
            "bruce.cho@example.net",
            "+12105550170",
            "78209",
            "San Antonio Police Department",
            "attended",
            "2026-01-05",
            raw={
                "sector": "Law enforcement",
                "language": "",
                "consent": "yes",
                "role": "Planning group",
            },
        ),
        Person(
            "Celeste",
            "Dominguez",
            "celeste.dominguez@example.org",
            "+12105550171",
            "78201",
            "",
            "no_show",
            "2026-01-06",
            raw={"sector": "", "language": "", "consent": "no", "role": "Participant"},
        ),
        Person(
            "Dwayne",
            "Ellis",
            "dwayne.ellis@example.org",
            "+12105550172;ext=310",
            "78203",
            "Eastside Promise Neighborhood",
            "registered",
            "2026-01-08",
            raw={
                "sector": "Social services",
                "language": "",
                "consent": "yes",
                "role": "Facilitator",
            },
        ),
        Person(
            "Esther",
            "Fong",
            "esther.fong@example.net",
            "",
            "78216",
            "Alamo Chinese Benevolent Association",
            "waitlisted",
            "2026-01-09",
            raw={
                "sector": "New Americans",
                "language": "zh-hans",
                "consent": "yes",
                "role": "Participant",
            },
        ),
        Person(
            "Felipe",
            "Garza",
            "felipe.garza@example.org",
            "+12105550174",
            "78237",
            "Our Lady of Guadalupe Parish",
            "cancelled",
            "2026-01-12",
            raw={
                "sector": "Faith and clergy",
                "language": "es",
                "consent": "no",
                "role": "Participant",
            },
        ),
        Person(
            "Gwen",
            "Holloway",
            "gwen.holloway@example.org",
            "+12105550175",
            "78202",
            "=SUM(1+1) Consulting",
            "attended",
            "2026-01-12",
            raw={
                "sector": "Business and community",
                "language": "",
                "consent": "yes",
                "role": "Council member",
                "organisation": "'=SUM(1+1) Consulting",
            },
        ),
        Person(
            "Hector",
            "Ibarra",
            "hector.ibarra@example.net",
            "+12105550176",
            "78228",
            "Bexar County",
            "attended",
            "",
            raw={
                "sector": "Local government",
                "language": "",
                "consent": "yes",
                "role": "Observer",
            },
        ),
    ]
    people[-1].registered_on = None
    rows = [SPCP_EXPORT_HEADERS]
    for person in sorted(people, key=lambda p: (p.last_name, p.first_name)):
        rows.append(
            [
                person.first_name,
                person.last_name,
                person.email,
                person.phone,
                person.get("organisation"),
                person.raw["sector"],
                person.zip_code,
                person.raw["language"],
                person.raw["consent"],
                person.raw["role"],
                {
                    "registered": "Registered",
                    "attended": "Attended",
                    "no_show": "No-show",
                    "waitlisted": "Waitlisted",
                    "cancelled": "Cancelled",
                }[person.status],
                person.registered_on or "",
            ]
        )
    write_csv(name, rows, encoding="utf-8", bom=True)
    write_expected(
        name,
        format="wagtail-spcp export",
        encoding="utf-8-sig",
        data_rows=len(people),
        columns={
            "First name": "first_name",
            "Last name": "last_name",
            "Email": "email",
            "Phone": "phone",
            "Organization": "organisation",
            "Sector": "sector",
            "ZIP code": "zip_code",
            "Preferred language": "preferred_language",
            "Consent to contact": "consent_to_contact",
            "Role": "role",
            "Status": "status",
            "Registered on": "registered_on",
        },
        notes=[
            "Gwen Holloway's organisation starts with '=': the export wrote it with an apostrophe."
        ],
        people=people,
    )


# --- wagtail-spcp's printed sign-in sheet, typed up after the program day -----------------
# The printed page shows the engagement, a line "<community>: sign-in sheet, N people
# expected.", then Present / Name ("Last, First") / Organization / Sector / Role / Signature.
# Staff typed it into Excel with an "x" for each person present. It has no email or phone:
# it can only update people already imported, matched by name.


def spcp_sign_in_sheet():
    name = "spcp-sign-in-sheet-typed.xlsx"
    people = [
        Person(
            "Alma",
            "Benavides",
            status="attended",
            organisation="West Side Youth Boxing",
            raw={"present": "x", "sector": "Youth", "role": "Participant"},
        ),
        Person(
            "Bruce",
            "Cho",
            status="attended",
            organisation="San Antonio Police Department",
            raw={"present": "x", "sector": "Law enforcement", "role": "Planning group"},
        ),
        Person(
            "Celeste",
            "Dominguez",
            status="no_show",
            organisation="",
            raw={"present": "", "sector": "", "role": "Participant"},
        ),
        Person(
            "Dwayne",
            "Ellis",
            status="attended",
            organisation="Eastside Promise Neighborhood",
            raw={"present": "X", "sector": "Social services", "role": "Facilitator"},
        ),
        Person(
            "Esther",
            "Fong",
            status="no_show",
            organisation="Alamo Chinese Benevolent Association",
            raw={"present": "", "sector": "New Americans", "role": "Participant"},
        ),
        Person(
            "Gwen",
            "Holloway",
            status="attended",
            organisation="=SUM(1+1) Consulting",
            raw={
                "present": "x",
                "sector": "Business and community",
                "role": "Council member",
                "organisation": "'=SUM(1+1) Consulting",
            },
        ),
        Person(
            "Hector",
            "Ibarra",
            status="attended",
            organisation="Bexar County",
            raw={"present": "✓", "sector": "Local government", "role": "Observer"},
        ),
    ]
    walk_in = ["x", "Jaramillo, Ruth", "Westside Neighbors", None, None, None]
    invalid = [
        {
            "row": 11,
            "name": "Ruth Jaramillo",
            "column": "Name",
            "reason": "an email address or a phone number is required",
        },
    ]
    rows = [
        ["San Antonio Community Partnership Program"],
        ["San Antonio: sign-in sheet, 7 people expected."],
        ["Present", "Name", "Organization", "Sector", "Role", "Signature"],
    ]
    for person in people:
        rows.append(
            [
                person.raw["present"] or None,
                f"{person.last_name}, {person.first_name}",
                person.get("organisation") or None,
                person.raw["sector"] or None,
                person.raw["role"] or None,
                None,
            ]
        )
    rows.append(walk_in)
    write_xlsx(name, [("Sign-in", rows, {"B": 24, "C": 36})])
    write_expected(
        name,
        format="wagtail-spcp sign-in sheet",
        sheet="Sign-in",
        header_row=3,
        columns={
            "Present": "status",
            "Name": "full_name",
            "Organization": "organisation",
            "Sector": "sector",
            "Role": "role",
        },
        values={"status": {"x": "attended", "X": "attended", "✓": "attended", "": "no_show"}},
        match_on="name",
        after="spcp-export.csv",
        fields=["first_name", "last_name", "organisation", "status"],
        notes=[
            "No email or phone: rows update people already in the engagement, matched by name,",
            "after spcp-export.csv was imported. Ruth Jaramillo walked in and was written below",
            "the printed names; with neither email nor phone she cannot be added.",
        ],
        data_rows=len(people) + 1,
        people=people,
        invalid=invalid,
    )


# --- a typed-up sign-in sheet: title, date and blank rows above the header ----------------


def typed_sign_in_sheet():
    name = "typed-sign-in-sheet.xlsx"
    people = [
        Person(
            "Robert",
            "Johnson Jr.",
            "rjohnson@example.org",
            "+15045550177;ext=401",
            "70112",
            "New Orleans Police Department",
            raw={"name": "Sgt. Robert Johnson Jr.", "phone": "504-555-0177 x401"},
        ),
        Person(
            "Ramón",
            "de la Cruz",
            "ramon.cruz@example.net",
            "+15045550178",
            "70119",
            "Mid-City Neighborhood Org",
            raw={"name": "Ramón de la Cruz", "phone": "(504) 555-0178"},
        ),
        Person(
            "Samuel",
            "Okafor",
            "",
            "+15045550179",
            "70117",
            "Bywater Business Alliance",
            raw={"name": "Okafor, Samuel", "phone": "504.555.0179"},
        ),
        Person(
            "",
            "Tremé",
            "treme.drums@example.org",
            "+15045550180",
            "70116",
            "Tremé Youth Drumline",
            raw={"name": "Tremé", "phone": "5045550180"},
        ),
        Person(
            "Anne-Marie",
            "Boudreaux",
            "amboudreaux@example.org",
            "",
            "70130",
            "St. Louis Cathedral",
            raw={"name": "Anne-Marie Boudreaux", "phone": ""},
        ),
        Person(
            "Duc",
            "Nguyen",
            "duc.nguyen@example.net",
            "+15045550182",
            "70129",
            "Village de l'Est Association",
            raw={"name": "Duc Nguyen", "phone": "(504) 555-0182"},
        ),
        Person(
            "Keyana",
            "Batiste",
            "keyana.batiste@example.org",
            "+15045550183;ext=15",
            "70113",
            "Central City Renaissance Alliance",
            raw={"name": "Keyana Batiste", "phone": "504-555-0183 extension 15"},
        ),
        Person(
            "William",
            "Broussard",
            "will.broussard@example.net",
            "+15045550184",
            "70118",
            "Tulane University",
            raw={"name": "Dr. William Broussard", "phone": "(504) 555-0184"},
        ),
        Person(
            "Josephine",
            "Landry",
            "josephine.landry@example.org",
            "+15045550185",
            "70122",
            "Gentilly Civic Improvement",
            raw={"name": "Josephine Landry", "phone": "504 555 0185", "zip": 70122},
        ),
    ]
    invalid = [
        {
            "row": 14,
            "name": "Maria Lopez",
            "column": "Email",
            "value": "maria lopez@example.org",
            "reason": "an email address with spaces inside",
        },
    ]
    rows = [
        ["Community Listening Session: Sign-In"],
        ["Saturday, March 21, 2026"],
        [],
        ["Name", "Organization", "Phone", "Email", "ZIP"],
    ]
    for person in people:
        rows.append(
            [
                person.raw["name"],
                person.organisation,
                person.raw["phone"] or None,
                person.email or None,
                person.raw.get("zip", person.zip_code),
            ]
        )
    rows.append(
        [
            "Maria Lopez",
            "Lower Ninth Ward Center",
            "(504) 555-0186",
            "maria lopez@example.org",
            "70117",
        ]
    )
    write_xlsx(name, [("Sheet1", rows, {"A": 28, "B": 34, "C": 22, "D": 30})])
    write_expected(
        name,
        format="",
        sheet="Sheet1",
        header_row=4,
        data_rows=len(people) + 1,
        columns={
            "Name": "full_name",
            "Organization": "organisation",
            "Phone": "phone",
            "Email": "email",
            "ZIP": "zip_code",
        },
        names={person.raw["name"]: [person.first_name, person.last_name] for person in people},
        warnings=[{"name": "Tremé", "reason": "one-word name stored as the last name"}],
        notes=["The sheet has no status column: people are stored as registered."],
        people=people,
        invalid=invalid,
    )


# --- a workbook whose first sheet is instructions; question-style headers, day-first dates --


def instructions_first():
    name = "instructions-first-sheet.xlsx"
    header = [
        "Date you signed up (DD/MM/YYYY)",
        "Your first name",
        "Your last name",
        "What organization do you represent?",
        "Best phone number to reach you:",
        "Preferred email for updates",
        "ZIP code where you live:",
        "Are you attending as:",
    ]
    people = [
        Person(
            "Beatriz",
            "Solano",
            "beatriz.solano@example.org",
            "+16025550187",
            "85003",
            "Phoenix Indian Center",
            registered_on="2026-03-13",
            raw={"when": "13/03/2026", "phone": "(602) 555-0187", "role": "Participant"},
        ),
        Person(
            "Calvin",
            "Reyes",
            "calvin.reyes@example.net",
            "+16025550188",
            "85006",
            "Phoenix Police Department",
            registered_on="2026-03-14",
            raw={"when": "14/03/2026", "phone": "602-555-0188", "role": "Planning group"},
        ),
        Person(
            "Dolores",
            "Yazzie",
            "dolores.yazzie@example.org",
            "+16025550189",
            "85008",
            "Native American Connections",
            registered_on="2026-03-02",
            raw={"when": "02/03/2026", "phone": "602.555.0189", "role": "Participant"},
        ),
        Person(
            "Elliot",
            "Park",
            "elliot.park@example.org",
            "+16025550190;ext=88",
            "85004",
            "Arizona Asian Chamber of Commerce",
            registered_on="2026-03-20",
            raw={"when": "20/03/2026", "phone": "602-555-0190 ext 88", "role": "Facilitator"},
        ),
        Person(
            "Francesca",
            "Molina",
            "francesca.molina@example.net",
            "+16025550191",
            "85009",
            "Maryvale Revitalization Corp",
            registered_on="2026-03-25",
            raw={"when": "25/03/2026", "phone": "6025550191", "role": "Participant"},
        ),
        Person(
            "Gabriel",
            "Ochoa",
            "gabriel.ochoa@example.org",
            "+16025550192",
            "85035",
            "Cartwright School District",
            registered_on="2026-03-26",
            raw={"when": "26/03/2026", "phone": "(602) 555-0192", "role": "Observer"},
        ),
        Person(
            "Helen",
            "Tsosie",
            "helen.tsosie@example.org",
            "+16025550193",
            "85017",
            "Valley Interfaith Project",
            registered_on="2026-03-27",
            raw={"when": "27/03/2026", "phone": "602 555 0193", "role": "Participant"},
        ),
        Person(
            "Ivan",
            "Petrov",
            "ivan.petrov@example.net",
            "+16025550194",
            "85015",
            "International Rescue Committee Phoenix",
            registered_on="2026-03-30",
            raw={"when": "30/03/2026", "phone": "+1 602 555 0194", "role": "Participant"},
        ),
        Person(
            "Jada",
            "Freeman",
            "jada.freeman@example.org",
            "+16025550195",
            "85040",
            "South Mountain Youth Council",
            registered_on="2026-04-01",
            raw={"when": "01/04/2026", "phone": "(602) 555-0195", "role": "Participant"},
        ),
        Person(
            "Kenji",
            "Mori",
            "kenji.mori@example.org",
            "+16025550196",
            "85014",
            "",
            registered_on="2026-04-02",
            raw={"when": "02/04/2026", "phone": "602-555-0196", "role": "Participant"},
        ),
    ]
    instructions = [
        ["How to fill in the sign-up sheet"],
        [],
        ['1. Use the next sheet, "Sign-ups". Do not change the column titles.'],
        ["2. Write dates as day/month/year, for example 21/03/2026."],
        ["3. One person per row. Leave a cell blank if you do not know the answer."],
        ["4. Send the workbook back to the regional office by 3 April."],
    ]
    rows = [header]
    for person in people:
        rows.append(
            [
                person.raw["when"],
                person.first_name,
                person.last_name,
                person.organisation or None,
                person.raw["phone"],
                person.email,
                person.zip_code,
                person.raw["role"],
            ]
        )
    write_xlsx(
        name,
        [
            ("Instructions", instructions, {"A": 90}),
            ("Sign-ups", rows, {"A": 30, "D": 36, "E": 30, "F": 30}),
        ],
    )
    write_expected(
        name,
        format="",
        sheet="Sign-ups",
        data_rows=len(people),
        day_first=True,
        columns={
            "Date you signed up (DD/MM/YYYY)": "registered_on",
            "Your first name": "first_name",
            "Your last name": "last_name",
            "What organization do you represent?": "organisation",
            "Best phone number to reach you:": "phone",
            "Preferred email for updates": "email",
            "ZIP code where you live:": "zip_code",
            "Are you attending as:": "role",
        },
        people=people,
    )


# --- a sheet typed in Excel and saved as "CSV (Comma delimited)": Windows-1252 ------------


def question_style_cp1252():
    name = "question-style-headers-cp1252.csv"
    header = [
        "Name (first)",
        "Name (last)",
        "E-mail address:",
        "Telephone #",
        "Which agency or organization are you with?",
        "ZIP/Postal code",
        "Did they attend? (Y/N)",
        "Date of sign-up",
    ]
    people = [
        Person(
            "José",
            "Peña",
            "jose.pena@example.org",
            "+15125550197",
            "78702",
            "Austin Latino Coalition",
            "attended",
            "2026-02-17",
            raw={"phone": "(512) 555-0197", "attended": "Y", "when": "2/17/2026"},
        ),
        Person(
            "Zoë",
            "Côté",
            "zoe.cote@example.net",
            "+15125550198;ext=9",
            "78704",
            "Travis County Constable",
            "attended",
            "2026-02-17",
            raw={"phone": "512-555-0198 x9", "attended": "Y", "when": "2/17/2026"},
        ),
        Person(
            "Françoise",
            "Ngata",
            "francoise.ngata@example.org",
            "+15125550199",
            "78741",
            "Riverside Tenants Council",
            "no_show",
            "2026-02-18",
            raw={"phone": "512.555.0199", "attended": "N", "when": "2/18/2026"},
        ),
        Person(
            "Renée",
            "O'Brien",
            "renee.obrien@example.org",
            "+15125550100",
            "78751",
            "Hyde Park Neighborhood Association",
            "attended",
            "2026-02-19",
            raw={"phone": "5125550100", "attended": "Y", "when": "2/19/2026"},
        ),
        Person(
            "Andrés",
            "Muñoz",
            "andres.munoz@example.net",
            "+15125550101",
            "78744",
            "Dove Springs Proud",
            "attended",
            "2026-02-19",
            raw={
                "phone": "(512) 555-0101",
                "attended": "Y",
                "when": "2/19/2026",
                "zip": "78744-2213",
            },
        ),
        Person(
            "Siobhán",
            "Kelly",
            "siobhan.kelly@example.org",
            "+15125550102",
            "78705",
            "University of Texas Police",
            "no_show",
            "2026-02-20",
            raw={"phone": "512 555 0102", "attended": "N", "when": "2/20/2026"},
        ),
        Person(
            "Björn",
            "Larsen",
            "bjorn.larsen@example.org",
            "+15125550103",
            "78703",
            "Clarksville Community Development",
            "attended",
            "2026-02-21",
            raw={"phone": "512-555-0103", "attended": "Y", "when": "2/21/2026"},
        ),
        Person(
            "Inés",
            "Alvarado",
            "ines.alvarado@example.net",
            "+15125550104",
            "78745",
            "South Austin Youth Orchestra",
            "attended",
            "2026-02-21",
            raw={"phone": "(512) 555-0104", "attended": "Y", "when": "2/21/2026"},
        ),
        Person(
            "Amélie",
            "Durand",
            "amelie.durand@example.org",
            "+15125550105",
            "78723",
            "Windsor Park Library Friends",
            "attended",
            "2026-02-22",
            raw={"phone": "512.555.0105", "attended": "Y", "when": "2/22/2026"},
        ),
        Person(
            "Dónal",
            "Murphy",
            "donal.murphy@example.org",
            "+15125550106",
            "78758",
            "North Austin Muslim Community Center",
            "no_show",
            "2026-02-23",
            raw={"phone": "5125550106", "attended": "N", "when": "2/23/2026"},
        ),
    ]
    rows = [header]
    for person in people:
        rows.append(
            [
                person.first_name,
                person.last_name,
                person.email,
                person.raw["phone"],
                person.organisation,
                person.raw.get("zip", person.zip_code),
                person.raw["attended"],
                person.raw["when"],
            ]
        )
    write_csv(name, rows, encoding="cp1252")
    write_expected(
        name,
        format="",
        encoding="cp1252",
        data_rows=len(people),
        columns={
            "Name (first)": "first_name",
            "Name (last)": "last_name",
            "E-mail address:": "email",
            "Telephone #": "phone",
            "Which agency or organization are you with?": "organisation",
            "ZIP/Postal code": "zip_code",
            "Did they attend? (Y/N)": "status",
            "Date of sign-up": "registered_on",
        },
        values={"status": {"Y": "attended", "N": "no_show"}},
        people=people,
    )


# --- Google Sheets download of the responses sheet as XLSX --------------------------------


def google_sheets_xlsx():
    name = "google-forms-responses-sheet.xlsx"
    header = [
        "Timestamp",
        "Email Address",
        "Name",
        "Phone",
        "Organization",
        "Zip code",
        "How did you hear about this meeting?",
    ]
    people = [
        Person(
            "Lauren",
            "Mitchell",
            "lauren.mitchell@example.org",
            "+14145550107",
            "53204",
            "Walker's Point Association",
            registered_on="2026-02-24",
            raw={
                "when": datetime.datetime(2026, 2, 24, 8, 15, 2),
                "name": "Lauren Mitchell",
                "zip": 53204,
            },
        ),
        Person(
            "Marcus",
            "Oyelaran",
            "marcus.oyelaran@example.net",
            "+14145550108",
            "53206",
            "Milwaukee Police District 5",
            registered_on="2026-02-24",
            raw={
                "when": datetime.datetime(2026, 2, 24, 12, 1, 40),
                "name": "Marcus Oyelaran",
                "zip": 53206,
            },
        ),
        Person(
            "Nora",
            "Kaminski",
            "nora.kaminski@example.org",
            "+14145550109",
            "53207",
            "Bay View Neighborhood Association",
            registered_on="2026-02-25",
            raw={
                "when": datetime.datetime(2026, 2, 25, 17, 33, 19),
                "name": "Nora Kaminski",
                "zip": 53207,
            },
        ),
        Person(
            "Oscar",
            "Vega",
            "oscar.vega@example.org",
            "+14145550110",
            "53215",
            "Voces de la Frontera",
            registered_on="2026-02-26",
            raw={
                "when": datetime.datetime(2026, 2, 26, 9, 45, 0),
                "name": "Oscar Vega",
                "zip": 53215,
            },
        ),
        Person(
            "Pa",
            "Vang",
            "pa.vang@example.net",
            "+14145550111",
            "53209",
            "Hmong American Friendship Association",
            registered_on="2026-02-27",
            raw={
                "when": datetime.datetime(2026, 2, 27, 14, 22, 51),
                "name": "Pa Vang",
                "zip": 53209,
            },
        ),
        Person(
            "Quinn",
            "Abernathy",
            "quinn.abernathy@example.org",
            "+14145550112",
            "53202",
            "Milwaukee Downtown BID",
            registered_on="2026-02-28",
            raw={
                "when": datetime.datetime(2026, 2, 28, 10, 10, 10),
                "name": "Quinn Abernathy",
                "zip": 53202,
            },
        ),
        Person(
            "Rashida",
            "Holmes",
            "rashida.holmes@example.org",
            "+14145550113",
            "53212",
            "Harambee Great Neighborhood Initiative",
            registered_on="2026-03-01",
            raw={
                "when": datetime.datetime(2026, 3, 1, 19, 5, 5),
                "name": "Rashida Holmes",
                "zip": 53212,
            },
        ),
        Person(
            "Stefan",
            "Nowak",
            "stefan.nowak@example.net",
            "+14145550114",
            "53221",
            "St. Josaphat Basilica",
            registered_on="2026-03-02",
            raw={
                "when": datetime.datetime(2026, 3, 2, 7, 59, 59),
                "name": "Stefan Nowak",
                "zip": 53221,
            },
        ),
    ]
    phones = [
        "(414) 555-0107",
        "414-555-0108",
        4145550109,
        "414.555.0110",
        "(414) 555-0111",
        "414 555 0112",
        "+1 414-555-0113",
        "(414) 555-0114",
    ]
    rows = [header]
    for person, phone in zip(people, phones, strict=True):
        rows.append(
            [
                person.raw["when"],
                person.email,
                person.raw["name"],
                phone,
                person.organisation,
                person.raw["zip"],
                "A friend",
            ]
        )
    write_xlsx(name, [("Form Responses 1", rows, {"A": 20, "C": 22, "E": 38})])
    write_expected(
        name,
        format="Google Forms",
        sheet="Form Responses 1",
        data_rows=len(people),
        columns={
            "Timestamp": "registered_on",
            "Email Address": "email",
            "Name": "full_name",
            "Phone": "phone",
            "Organization": "organisation",
            "Zip code": "zip_code",
        },
        people=people,
    )


def main():
    for make in (
        eventbrite,
        google_forms,
        google_forms_day_first,
        google_sheets_xlsx,
        microsoft_forms,
        surveymonkey,
        mobilize,
        zoom,
        spcp_export,
        spcp_sign_in_sheet,
        typed_sign_in_sheet,
        instructions_first,
        question_style_cp1252,
    ):
        make()


if __name__ == "__main__":
    main()
