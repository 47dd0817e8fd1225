"""Editors can preview every public page type."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["finder", "programs", "program", "case_study"])
def test_preview_renders(public_site, role):
    page = getattr(public_site, role)
    page.title = f"{page.title} (draft)"
    response = page.make_preview_request()
    assert response.status_code == 200
    assert f"{page.title}" in response.content.decode()
