"""Editors' images on program, case study, region and home pages: renditions, srcset, alt text."""

import re

from django.core.exceptions import ValidationError
from django.template import Context, Template

import pytest

from spcp_demo.home.models import FeaturedProgram
from tests.utils import make_image
from wagtail_spcp.models import ProgramPage, Region

pytestmark = pytest.mark.django_db


def img_tags(html: str, css_class: str = "") -> list[dict]:
    """The attributes of each <img> (optionally inside an element of ``css_class``)."""
    if css_class:
        html = "".join(re.findall(rf'class="{css_class}".*?</div>', html, re.S))
    tags = re.findall(r"<img\b[^>]*>", html)
    return [dict(re.findall(r'([\w-]+)="([^"]*)"', tag)) for tag in tags]


def main_image(html: str, css_class: str) -> dict:
    found = [tag for tag in img_tags(html) if css_class in tag.get("class", "")]
    assert len(found) == 1, found
    return found[0]


def give_image(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


def test_program_page_image_has_srcset_size_and_the_editors_alt_text(client, public_site):
    image = make_image("Steps", description="Five steps rising to a flag")
    give_image(public_site.program, image=image, image_alt_text="People planning together")

    html = client.get("/programs/spcp/").content.decode()

    img = main_image(html, "spcp-page-image__img")
    assert img["alt"] == "People planning together"
    widths = [int(width) for width in re.findall(r" (\d+)w", img["srcset"])]
    assert widths == [480, 800, 1200]
    assert img["sizes"] and img["width"] == "480" and img["height"] == "270"
    assert img["loading"] == "eager"  # above the fold
    assert img["src"].startswith("/media/images/")


def test_blank_alt_text_falls_back_to_the_images_description(client, public_site):
    image = make_image("Steps", description="Five steps rising to a flag")
    give_image(public_site.program, image=image)

    html = client.get("/programs/spcp/").content.decode()

    assert main_image(html, "spcp-page-image__img")["alt"] == "Five steps rising to a flag"


def test_a_decorative_image_has_an_empty_alt(client, public_site):
    give_image(
        public_site.case_study,
        image=make_image("Texture", description="Blue texture"),
        image_is_decorative=True,
    )

    html = client.get("/programs/spcp/riverton/").content.decode()

    assert main_image(html, "spcp-page-image__img")["alt"] == ""


def test_a_decorative_image_may_not_also_have_alt_text(public_site):
    program = public_site.program
    program.image = make_image()
    program.image_is_decorative = True
    program.image_alt_text = "Something"
    with pytest.raises(ValidationError) as error:
        program.full_clean()
    assert "image_alt_text" in error.value.message_dict


def test_pages_without_an_image_render_no_img(client, public_site):
    for url in ("/programs/spcp/", "/programs/spcp/riverton/", "/offices/southwest/"):
        html = client.get(url).content.decode()
        assert "spcp-page-image" not in html, url


def test_cards_show_the_image_as_lazy_card_media(client, public_site):
    give_image(public_site.program, image=make_image("Steps", description="Five steps"))
    give_image(public_site.case_study, image=make_image("Town"), image_is_decorative=True)

    index = client.get("/programs/").content.decode()
    program = client.get("/programs/spcp/").content.decode()

    card = img_tags(index, "usa-card__img")
    assert len(card) == 1
    assert card[0]["alt"] == "Five steps" and card[0]["loading"] == "lazy"
    assert [int(w) for w in re.findall(r" (\d+)w", card[0]["srcset"])] == [400, 800]
    assert (card[0]["width"], card[0]["height"]) == ("400", "225")
    case_study_card = img_tags(program.split('id="case-studies-heading"', 1)[1], "usa-card__img")
    assert case_study_card[0]["alt"] == ""
    # The heading comes first in the markup (USWDS shows the media above it).
    assert index.index("usa-card__heading") < index.index("usa-card__media")


def test_region_page_shows_the_regions_image(client, public_site):
    region = Region.objects.get(slug="southwest")
    region.image = make_image("Hills", description="Red hills under a low sun")
    region.save()

    html = client.get("/offices/southwest/").content.decode()

    img = main_image(html, "spcp-page-image__img")
    assert img["alt"] == "Red hills under a low sun"
    assert "srcset" in img
    assert "spcp-page-image" not in client.get("/offices/northeast/").content.decode()


def test_home_page_hero_image_heading_and_ordered_featured_programs(client, public_site):
    second = ProgramPage(
        title="Protecting Places of Worship",
        slug="worship",
        summary="A half-day forum.",
        length="Half day",
        audience="Faith leaders",
    )
    public_site.programs.add_child(instance=second)
    draft = ProgramPage(title="Draft program", slug="draft", summary="-", length="-", audience="-")
    public_site.programs.add_child(instance=draft)
    draft.unpublish()
    home = public_site.home
    home.image = make_image("Hero", description="People around a table")
    home.hero_heading = "Build trust together"
    home.callout_heading = "How it works"
    home.callout_text = '<p>Ask your <a href="/offices/">regional office</a>.</p>'
    home.featured_programs = [
        FeaturedProgram(program=second, sort_order=0),
        FeaturedProgram(program=draft, sort_order=1),
        FeaturedProgram(program=public_site.program, sort_order=2),
    ]
    home.save_revision().publish()

    html = client.get("/").content.decode()

    hero = main_image(html, "spcp-hero__img")
    assert hero["alt"] == "People around a table"
    assert [int(w) for w in re.findall(r" (\d+)w", hero["srcset"])] == [640, 1280, 1600]
    assert 'usa-hero"' not in html and 'class="usa-hero ' not in html  # not USWDS's stock photo
    assert re.search(
        r'<h1 class="usa-hero__heading" id="home-heading">Build trust together</h1>', html
    )
    assert "Featured programs" in html
    titles = re.findall(r'class="usa-link spcp-card__link" href="[^"]+">([^<]+)</a>', html)
    assert titles == ["Protecting Places of Worship", public_site.program.title]
    assert '<a class="usa-link" href="/offices/">regional office</a>' in html
    assert "How it works" in html


def test_home_page_without_an_image_or_programs(client, public_site):
    html = client.get("/").content.decode()
    assert "spcp-hero__img" not in html
    assert "Featured program" not in html
    assert "<h1" in html and public_site.home.title in html


def test_usa_links_adds_the_link_class_only_where_there_is_none():
    template = Template("{% load wagtail_spcp_tags %}{{ html|usa_links }}")
    html = '<p><a href="/a/">A</a> <a class="keep" href="/b/">B</a> <abbr>C</abbr></p>'
    rendered = template.render(Context({"html": html}))
    assert rendered == (
        "&lt;p&gt;&lt;a href=&quot;/a/&quot;&gt;A&lt;/a&gt; &lt;a class=&quot;keep&quot; "
        "href=&quot;/b/&quot;&gt;B&lt;/a&gt; &lt;abbr&gt;C&lt;/abbr&gt;&lt;/p&gt;"
    ), "text that is not marked safe is escaped, never trusted"
    safe = Template("{% load wagtail_spcp_tags %}{{ html|safe|usa_links }}")
    assert safe.render(Context({"html": html})) == (
        '<p><a class="usa-link" href="/a/">A</a> '
        '<a class="keep" href="/b/">B</a> <abbr>C</abbr></p>'
    )


def test_header_has_a_small_site_search_box(client, public_site):
    html = client.get("/programs/").content.decode()
    header = html.split("<header", 1)[1].split("</header>", 1)[0]
    assert 'class="usa-search usa-search--small"' in header
    assert 'action="/search/"' in header and 'name="q"' in header
    assert 'for="header-search-q"' in header and 'id="header-search-q"' in header
    assert 'class="usa-search__submit-icon"' in header and 'alt="Search"' in header


def test_editors_find_the_image_fields_in_the_admin(client, public_site, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("editor", "e@example.org", "x"))
    region = Region.objects.get(slug="southwest")
    forms = [
        f"/admin/pages/{public_site.program.pk}/edit/",
        f"/admin/pages/{public_site.case_study.pk}/edit/",
        f"/admin/pages/{public_site.home.pk}/edit/",
        f"/admin/snippets/wagtail_spcp/region/edit/{region.pk}/",
    ]
    for url in forms:
        html = client.get(url).content.decode()
        for field in ("image", "image_alt_text", "image_is_decorative"):
            assert f'name="{field}"' in html, (url, field)
    home_form = client.get(forms[2]).content.decode()
    assert 'name="featured_programs-TOTAL_FORMS"' in home_form
