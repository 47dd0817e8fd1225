"""Requests from ZIP codes and cities, territories and military mail, reach the right region."""

from django.core import mail

import pytest

from tests.utils import request_form_data
from wagtail_spcp.choices import EngagementStage
from wagtail_spcp.models import ProgramRequest

pytestmark = pytest.mark.django_db

ROUTES = [
    # community as typed, region slug (None: headquarters), city, state
    ("02110", "new-england", "Boston", "MA"),
    ("10001", "northeast", "New York", "NY"),
    ("19106", "mid-atlantic", "Philadelphia", "PA"),
    ("30303", "southeast", "Atlanta", "GA"),
    ("60604", "midwest", "Chicago", "IL"),
    ("77550", "southwest", "Galveston", "TX"),
    ("64106", "central", "Kansas City", "MO"),
    ("80204", "rocky-mountain", "Denver", "CO"),
    ("90017", "western", "Los Angeles", "CA"),
    ("98174", "northwest", "Seattle", "WA"),
    ("99501", "northwest", "Anchorage", "AK"),
    ("20530", "mid-atlantic", "Washington", "DC"),
    ("Galveston, TX", "southwest", "Galveston", "TX"),
    ("Santa Fe, New Mexico", "southwest", "Santa Fe", "NM"),
    ("St. Louis, MO", "central", "Saint Louis", "MO"),
    ("00901", "northeast", "San Juan", "PR"),
    ("Ponce, PR", "northeast", "Ponce", "PR"),
    ("00802", "northeast", "St Thomas", "VI"),
    ("Charlotte Amalie, VI", "northeast", "Charlotte Amalie", "VI"),
    ("96910", "western", "Hagatna", "GU"),
    ("96799", "western", "Pago Pago", "AS"),
    ("96950", "western", "Saipan", "MP"),
    ("Saipan, MP", "western", "Saipan", "MP"),
    ("APO AE 09012", None, "APO", "AE"),
    ("FPO AP 96601", None, "FPO", "AP"),
    ("DPO AA 34002", None, "DPO", "AA"),
]


@pytest.mark.parametrize("community,region,city,state", ROUTES)
def test_a_request_reaches_the_region_serving_its_community(
    client,
    public_site,
    settings,
    django_capture_on_commit_callbacks,
    community,
    region,
    city,
    state,
):
    settings.SPCP_FORMS_RATE_LIMIT = 0
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/request-a-program/", request_form_data(community=community, email="a@example.org")
        )

    assert response.status_code == 200, response.content.decode()[:2000]
    program_request = ProgramRequest.objects.select_related("engagement__office__region").get()
    engagement = program_request.engagement
    assert engagement.stage == EngagementStage.REQUESTED
    assert (engagement.office.region.slug if engagement.office.region else None) == region
    if region is None:
        assert engagement.office.kind == "headquarters"
    assert (engagement.community_city, engagement.community_state) == (city, state)
    assert program_request.requester.region == engagement.office.region
    engagement.full_clean()  # a military code is a valid community state
    assert [message.to for message in mail.outbox][-1] == ["a@example.org"]  # acknowledgement
