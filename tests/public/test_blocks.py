"""StreamField blocks and program resources render accessible markup."""

from django.core.files.base import ContentFile

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

import pytest

from wagtail_spcp.models import ProgramResource

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide():
    content = b"%PDF-1.4 guide"
    return Document.objects.create(
        title="Program guide", file=ContentFile(content, name="guide.pdf"), file_size=len(content)
    )


def test_figure_uses_the_required_alt_text(client, public_site):
    image = Image.objects.create(title="Photo", file=get_test_image_file())
    program = public_site.program
    program.body = [
        (
            "image",
            {"image": image, "alt_text": "Participants around a table", "caption": "Program day"},
        )
    ]
    program.save_revision().publish()
    html = client.get("/programs/spcp/").content.decode()
    assert 'alt="Participants around a table"' in html
    assert "<figcaption" in html and "Program day" in html


def test_document_list_and_resources_link_their_files(client, public_site, guide):
    program = public_site.program
    program.body = [("documents", {"heading": "Read more", "documents": [guide]})]
    program.resources = [ProgramResource(document=guide, title="Planning checklist")]
    program.save_revision().publish()
    html = client.get("/programs/spcp/").content.decode()
    assert "<h2>Read more</h2>" in html
    assert f'href="{guide.url}">Program guide</a>' in html
    assert f'href="{guide.url}">Planning checklist</a>' in html
    assert "(PDF, 14\xa0bytes)" in html
