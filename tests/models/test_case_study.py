"""A case study may point at its engagement only with the host's consent."""

import datetime

from django.core.exceptions import ValidationError

import pytest

from wagtail_spcp.models import CaseStudyPage


def make_case_study(**fields):
    fields.setdefault("state", "OH")
    return CaseStudyPage(
        title="Cedar Hollow",
        slug="cedar-hollow",
        community="Cedar Hollow",
        date=datetime.date(2025, 10, 4),
        narrative="<p>A story.</p>",
        **fields,
    )


def test_linking_an_engagement_without_consent_is_refused(make_engagement):
    page = make_case_study(engagement=make_engagement(), host_consented=False)
    with pytest.raises(ValidationError) as excinfo:
        page.clean()
    assert "engagement" in excinfo.value.message_dict


def test_linking_an_engagement_with_consent_is_allowed(make_engagement):
    page = make_case_study(engagement=make_engagement(), host_consented=True)
    page.clean()  # no error


def test_state_must_be_a_real_place_code(db):
    page = make_case_study(state="XX")
    with pytest.raises(ValidationError) as excinfo:
        page.clean_fields(exclude=["path", "depth", "content_type", "locale"])
    assert "state" in excinfo.value.message_dict
