"""Staff compose the demo's mixed groups and move a person on a phone (390 px) and a laptop
(1280 px), then read the program report, tick "Include participant names" and download
the .docx; axe finds no WCAG 2.1 AA violation on either page."""

import io

import pytest
from docx import Document

from tests.browser.axe import assert_accessible
from wagtail_spcp.choices import BreakoutGroupKind, ParticipationStatus
from wagtail_spcp.models import Engagement

pytestmark = pytest.mark.browser


def assert_fits(page, width):
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("width", [390, 1280])
def test_staff_compose_mixed_groups_and_move_a_person(page, demo_site, editor_login, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(reduced_motion="reduce")
    editor_login(form=False)
    engagement = Engagement.objects.get(slug="port-alder-2026")

    page.goto(f"/admin/spcp/groups/{engagement.pk}/")
    assert_fits(page, width)
    assert page.locator(".spcp-groups__table").count() == 7
    assert_accessible(page, "groups")

    composer = page.get_by_role("region", name="Compose mixed groups")
    composer.get_by_label("Number of mixed groups").fill("5")
    composer.get_by_label("Those checked in (attended)").check()
    composer.get_by_role("button", name="Compose").click()
    page.get_by_text("5 mixed groups composed.").wait_for()
    assert_fits(page, width)

    attended = engagement.participations.filter(status=ParticipationStatus.ATTENDED)
    assert attended.filter(solution_group__isnull=True).count() == 0
    groups = list(engagement.breakout_groups.filter(kind=BreakoutGroupKind.MIXED).order_by("pk"))
    sizes = [group.solution_members.count() for group in groups[:5]]
    assert max(sizes) - min(sizes) <= 1
    assert all(group.solution_members.count() == 0 for group in groups[5:])

    # Move someone from the first group to the second with the form by their name.
    first, second = groups[:2]
    participation = first.solution_members.exclude(person_id=first.facilitator_id).first()
    name = participation.person.full_name
    page.get_by_label(f"Group for {name}").select_option(label=second.name)
    page.get_by_role("button", name=f"Move {name}").click()
    page.get_by_text(f"{name} moved to {second.name}.").wait_for()
    participation.refresh_from_db()
    assert participation.solution_group == second
    table = page.locator(f"#spcp-group-{second.pk}")
    assert table.locator("strong").get_by_text(name, exact=True).is_visible()
    assert_accessible(page, "after a move")

    # The printable table assignments list everyone seated.
    page.goto(f"/admin/spcp/groups/{engagement.pk}/print/?who=attended")
    assert page.locator(".spcp-table").count() == 5
    last, first_name = participation.person.last_name, participation.person.first_name
    row = page.get_by_role("row", name=f"{last}, {first_name} {second.name}")
    assert row.count() == 1


@pytest.mark.parametrize("width", [390, 1280])
def test_staff_read_the_report_and_download_it(page, demo_site, editor_login, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(reduced_motion="reduce")
    editor_login(form=False)
    engagement = Engagement.objects.get(slug="port-alder-2026")
    someone = engagement.participations.filter(status=ParticipationStatus.ATTENDED).first()

    page.goto(f"/admin/spcp/report/{engagement.pk}/")
    assert_fits(page, width)
    report = page.get_by_role("article", name="Port Alder SPCP 2026")
    assert report.get_by_role("heading", name="Attendance by sector").is_visible()
    assert report.get_by_role("heading", name="Action plan").is_visible()
    assert report.get_by_role("cell", name="Monthly youth and officer basketball nights").count()
    assert someone.person.full_name not in page.content()
    assert_accessible(page, "report")

    page.get_by_label("Include participant names").check()
    page.get_by_role("button", name="Build report").click()
    report.get_by_role("heading", name="Participants").wait_for()
    assert someone.person.full_name in page.content()
    assert_fits(page, width)
    assert_accessible(page, "report with names")

    with page.expect_download() as download:
        page.get_by_role("link", name="Download .docx").click()
    document = Document(io.BytesIO(download.value.path().read_bytes()))
    sections = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert sections[0] == "Summary" and sections[-1] == "Participants"
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert someone.person.full_name in cells

    # Printed, only the report itself shows.
    page.emulate_media(media="print")
    assert not page.locator("#wagtail-sidebar").is_visible()
    assert not page.get_by_role("link", name="Download .docx").is_visible()
    assert report.is_visible()
