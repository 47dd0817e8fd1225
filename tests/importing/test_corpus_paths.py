"""The corpus through the two ways staff import: the admin wizard and ``spcp_import``.

Each file goes through the wizard as staff would take it: upload, accept the suggested
columns (with the file's matching key), map the unknown values its expected results name
(leaving any other blank), preview, import. Then through the command line, with a saved
mapping holding the same value map. Both are checked person by person like
``test_corpus``.
"""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

import pytest

from tests.utils import staff_user
from wagtail_spcp.models import ImportBatch, ImportMapping

from .corpus import CORPUS, FILE_NAMES, corpus_bytes, expected
from .test_corpus import _case, differences


@pytest.fixture
def staff(django_user_model, reference_offices, client):
    user = staff_user(django_user_model, "sw", "southwest")
    client.force_login(user)
    return user


def _value_choices(form, values) -> dict:
    """The value step's form data: each offered value as the expected results map it."""
    data = {}
    for column, offered in form.unknown.items():
        known = values.get(column, {})
        for index, (value, _count) in enumerate(offered):
            data[f"{column}__{index}"] = known.get(value, "")
    return data


def _before(facts, run_import):
    if facts.get("after"):
        run_import(facts["after"], data=corpus_bytes(facts["after"]))


@pytest.mark.parametrize("name", [_case(name) for name in FILE_NAMES])
def test_corpus_file_through_the_wizard(name, client, staff, engagement, run_import):
    facts = expected(name)
    _before(facts, run_import)
    response = client.post(
        reverse("wagtail_spcp_importing:upload"),
        {
            "engagement": engagement.pk,
            "file": SimpleUploadedFile(name, corpus_bytes(name)),
            "duplicate_policy": "update",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    page = client.get(response.url)
    if facts["format"]:
        assert facts["format"] in page.context["known_format"].name
    form = page.context["form"]
    data = {f"column_{i}": column for i, column in enumerate(form.initial_columns())}
    data["match_on"] = facts.get("match_on", "")
    response = client.post(response.url, data)
    assert response.status_code == 302, response.context["form"].errors
    draft = ImportBatch.objects.filter(dry_run=True).latest("pk")
    if response.url == reverse("wagtail_spcp_importing:values", args=[draft.pk]):
        values_form = client.get(response.url).context["form"]
        response = client.post(response.url, _value_choices(values_form, facts.get("values", {})))
    assert response.url == reverse("wagtail_spcp_importing:preview", args=[draft.pk])
    assert client.get(response.url).status_code == 200
    client.post(reverse("wagtail_spcp_importing:confirm", args=[draft.pk]))
    batch = ImportBatch.objects.filter(dry_run=False).latest("pk")
    problems = differences(name, batch, engagement)
    assert not problems, f"{name}:\n" + "\n".join(problems)


@pytest.mark.parametrize("name", [_case(name) for name in FILE_NAMES])
def test_corpus_file_through_the_command_line(name, engagement, run_import):
    facts = expected(name)
    _before(facts, run_import)
    options = {"engagement": engagement.slug, "stdout": None}
    if facts.get("values") and not facts["format"]:
        ImportMapping.objects.create(name="corpus", columns={}, value_map=facts["values"])
        options["mapping"] = "corpus"
    if facts.get("match_on"):
        options["match_on"] = facts["match_on"]
    call_command("spcp_import", str(CORPUS / name), **options)
    batch = ImportBatch.objects.filter(dry_run=False).latest("pk")
    problems = differences(name, batch, engagement)
    assert not problems, f"{name}:\n" + "\n".join(problems)
