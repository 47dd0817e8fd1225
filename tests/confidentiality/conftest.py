"""Confidential records seeded with unique marker strings, so any leak can be spotted."""

import copy
import datetime
import itertools

import pytest

from wagtail_spcp.models import (
    ActionItem,
    BreakoutGroup,
    Concern,
    Council,
    CouncilMeeting,
    CouncilMembership,
    EngagementMilestone,
    ImportBatch,
    Participation,
    Person,
    Survey,
    SurveyAnswer,
    SurveyResponse,
)


class Markers:
    """Hands out unique marker strings and remembers every one."""

    def __init__(self):
        self._counter = itertools.count(1)
        self.all = []

    def __call__(self, label: str) -> str:
        marker = f"zqx{label}{next(self._counter):03d}qz"
        self.all.append(marker)
        return marker

    def found_in(self, text: str) -> list[str]:
        lowered = text.lower()
        return [marker for marker in self.all if marker.lower() in lowered]


@pytest.fixture(scope="module")
def shared_records(make_engagement):
    """One engagement with everything under it, each confidential field holding a marker.

    Built once for the test module; returns the markers handed out and the engagement.
    """
    markers = Markers()
    engagement = make_engagement(
        slug=markers("slug"),
        title=markers("engagementtitle"),
        community_city=markers("city"),
        law_enforcement_agency=markers("agency"),
        incident_summary=markers("incident"),
    )
    EngagementMilestone.objects.create(
        engagement=engagement, stage="planning", date=datetime.date(2026, 2, 1), note=markers("mn")
    )
    person = Person.objects.create(
        region=engagement.office.region,
        first_name=markers("first"),
        last_name=markers("last"),
        email=f"{markers('email')}@example.org",
        organisation=markers("org"),
    )
    group = BreakoutGroup.objects.create(
        engagement=engagement, name=markers("group"), facilitator=person
    )
    Participation.objects.create(person=person, engagement=engagement, breakout_group=group)
    concern = Concern.objects.create(
        engagement=engagement, breakout_group=group, text=markers("concern"), dot_votes=3
    )
    council = Council.objects.create(
        engagement=engagement,
        name=markers("council"),
        rules_of_engagement=markers("rules"),
        is_public=False,
    )
    CouncilMembership.objects.create(council=council, person=person, seat=markers("seat"))
    CouncilMeeting.objects.create(
        council=council,
        date=datetime.date(2026, 3, 1),
        agenda=markers("agenda"),
        minutes=markers("minutes"),
    )
    ActionItem.objects.create(
        engagement=engagement,
        title=markers("action"),
        owner=markers("owner"),
        concern=concern,
        council=council,
    )
    # A council marked public: its public page may show only its public fields and meetings,
    # and (opted in) how many of its action items are at each status.
    open_council = Council.objects.create(
        engagement=engagement,
        name="Open Partnership Council",
        status="active",
        is_public=True,
        shows_progress=True,
        public_summary="Meets monthly.",
        rules_of_engagement=markers("openrules"),
    )
    ActionItem.objects.create(
        engagement=engagement,
        council=open_council,
        status="done",
        title=markers("openaction"),
        description=markers("openactiondescription"),
        owner=markers("openowner"),
    )
    CouncilMembership.objects.create(council=open_council, person=person, seat=markers("openseat"))
    CouncilMeeting.objects.create(
        council=open_council, date=datetime.date(2026, 4, 1), agenda="Public agenda", is_public=True
    )
    CouncilMeeting.objects.create(
        council=open_council,
        date=datetime.date(2026, 5, 1),
        agenda=markers("privateagenda"),
        minutes=markers("privateminutes"),
    )
    ImportBatch.objects.create(
        engagement=engagement, file_name=f"{markers('file')}.xlsx", file_sha256="0" * 64
    )
    # A survey open today in both waves, with answers and comments that stay in the admin.
    today = datetime.date.today()
    survey = Survey.objects.create(
        engagement=engagement,
        public_title="Community pulse survey",
        before_opens_on=today - datetime.timedelta(days=1),
        after_opens_on=today - datetime.timedelta(days=1),
    )
    for wave in ("before", "after"):
        for _ in range(5):
            response = SurveyResponse.objects.create(
                survey=survey, wave=wave, comment=markers("surveycomment")
            )
            SurveyAnswer.objects.create(
                response=response, question=survey.questions.first(), score=4
            )
    return markers, engagement


@pytest.fixture
def markers(shared_records):
    """Every marker seeded in the confidential records."""
    return copy.deepcopy(shared_records[0])


@pytest.fixture
def confidential_records(shared_records):
    """The marked engagement (this test's own copy)."""
    return copy.deepcopy(shared_records[1])
