"""The program report as a Word document (python-docx) that staff edit before issuing it.

Sections are headings ("Heading 1") in the order of the admin page; figures are tables
with a header row, so an edited copy keeps its structure.
"""

from io import BytesIO

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from docx import Document

from .build import ProgramReport

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _date(value) -> str:
    return date_format(value, "DATE_FORMAT") if value else "–"


def _table(document, headings, rows):
    table = document.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    for cell, heading in zip(table.rows[0].cells, headings, strict=True):
        cell.text = str(heading)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = str(value)
    return table


def _concerns(document, heading, concerns):
    if not concerns:
        return
    document.add_paragraph(heading, style="Heading 3")
    for concern in concerns:
        votes = ngettext("1 dot-vote", "%(counter)s dot-votes", concern.dot_votes) % {
            "counter": concern.dot_votes
        }
        document.add_paragraph(f"{concern.text} ({votes})", style="List Number")


def render_docx(report: ProgramReport) -> bytes:
    """The Word document of ``report``."""
    document = Document()
    document.core_properties.title = _("Program report: %(title)s") % {"title": report.title}
    document.add_heading(report.title, level=0)
    document.add_paragraph(
        _("Draft program report, built on %(date)s.") % {"date": _date(report.built_on)}
    )

    document.add_heading(_("Summary"), level=1)
    summary = [
        (_("Community"), report.community),
        (_("Law enforcement agency"), report.law_enforcement_agency or "–"),
        (_("Program"), report.program or "–"),
        (_("Office"), report.office),
        (_("Origin"), report.origin),
        (_("Program day"), _date(report.program_day)),
    ]
    _table(document, [_("Item"), _("Details")], summary)
    if report.incident_summary:
        document.add_paragraph(report.incident_summary)
    if report.milestones:
        document.add_heading(_("Dates"), level=2)
        _table(
            document,
            [_("Phase"), _("Date")],
            [(label, _date(date)) for label, date in report.milestones],
        )

    document.add_heading(_("Attendance by sector"), level=1)
    document.add_paragraph(
        _("%(attended)s attended, of whom %(walk_ins)s walk-ins; %(no_shows)s no-shows.")
        % {"attended": report.attended, "walk_ins": report.walk_ins, "no_shows": report.no_shows}
    )
    _table(
        document,
        [_("Sector"), _("Attended")],
        [(figure.label, figure.count) for figure in report.attendance]
        + [(_("Total"), report.attended)],
    )

    document.add_heading(_("Strengths and issues by group"), level=1)
    if not report.groups:
        document.add_paragraph(_("No strengths or issues recorded."))
    for group in report.groups:
        document.add_heading(group.name, level=2)
        if group.facilitator:
            document.add_paragraph(_("Facilitator: %(name)s") % {"name": group.facilitator})
        _concerns(document, _("Strengths"), group.strengths)
        _concerns(document, _("Issues"), group.issues)

    document.add_heading(_("Solutions"), level=1)
    if not report.solutions:
        document.add_paragraph(_("No solutions recorded."))
    for solution in report.solutions:
        heading = solution.issue
        if solution.rank:
            heading += " " + _("(issue ranked %(rank)s)") % {"rank": solution.rank}
        document.add_paragraph(heading, style="Heading 3")
        for action in solution.actions:
            document.add_paragraph(action, style="List Bullet")

    document.add_heading(_("Action plan"), level=1)
    if report.action_plan:
        _table(
            document,
            [_("Action item"), _("Owner"), _("Due date"), _("Status")],
            [
                (item.title, item.owner or "–", _date(item.due_date), item.status_label)
                for item in report.action_plan
            ],
        )
    else:
        document.add_paragraph(_("No action items yet."))

    document.add_heading(_("Council"), level=1)
    if not report.councils:
        document.add_paragraph(_("No council yet."))
    for council in report.councils:
        document.add_heading(council.name, level=2)
        document.add_paragraph(
            _("Status: %(status)s. Formed on %(date)s.")
            % {"status": council.status, "date": _date(council.formed_on)}
        )
        headings = [_("Role"), _("Seat")] + ([_("Name")] if report.include_names else [])
        rows = [
            (seat.role, seat.seat or "–") + ((seat.name,) if report.include_names else ())
            for seat in council.seats
        ]
        _table(document, headings, rows)
        if council.next_meeting:
            text = _("Next meeting: %(date)s.") % {"date": _date(council.next_meeting)}
        else:
            text = _("No meeting scheduled; the last was on %(date)s.") % {
                "date": _date(council.last_meeting)
            }
        document.add_paragraph(text)

    if report.include_names:
        document.add_heading(_("Participants"), level=1)
        _table(
            document,
            [_("Name"), _("Organization"), _("Sector")],
            [(a.name, a.organisation or "–", a.sector or "–") for a in report.attendees],
        )

    output = BytesIO()
    document.save(output)
    return output.getvalue()
