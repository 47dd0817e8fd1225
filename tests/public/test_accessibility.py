"""Structural accessibility of every public page: landmarks, one h1, heading order,
unique ids, labelled inputs and named links."""

import re
from collections import Counter
from html.parser import HTMLParser

import pytest

from spcp_demo.home.models import FeaturedProgram

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/offices/",
    "/offices/?q=77550",
    "/offices/?q=Galveston",
    "/offices/?q=Xyzzyville",
    "/offices/?q=AE",
    "/offices/southwest/",
    "/programs/",
    "/programs/?q=council",
    "/programs/spcp/",
    "/programs/spcp/riverton/",
]


class Outline(HTMLParser):
    """Collects headings, ids, labels, inputs, links and landmarks of a page."""

    def __init__(self):
        super().__init__()
        self.headings, self.ids, self.labels, self.inputs, self.tags = [], Counter(), set(), [], []
        self.links = []  # (aria-label, text) for each link
        self._link = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if "id" in attrs:
            self.ids[attrs["id"]] += 1
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "label":
            self.labels.add(attrs.get("for"))
        if tag == "input" and attrs.get("type") != "hidden":
            self.inputs.append(attrs.get("id"))
        if tag == "a":
            self._link = [attrs.get("aria-label") or "", ""]

    def handle_data(self, data):
        if self._link is not None:
            self._link[1] += data.strip()

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None:
            self.links.append(tuple(self._link))
            self._link = None


@pytest.fixture
def outlines(client, public_site):
    public_site.home.finder_page = public_site.finder
    public_site.home.featured_programs = [FeaturedProgram(program=public_site.program)]
    public_site.home.save()
    result = {}
    for url in PAGES:
        response = client.get(url)
        assert response.status_code == 200, url
        outline = Outline()
        outline.feed(response.content.decode())
        result[url] = outline
    return result


def test_landmarks_and_a_single_h1(outlines):
    for url, outline in outlines.items():
        assert {"header", "main", "footer", "nav"} <= set(outline.tags), url
        assert outline.headings.count(1) == 1 and outline.headings[0] == 1, url


def test_headings_never_skip_a_level(outlines):
    for url, outline in outlines.items():
        levels = outline.headings
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False)), (url, levels)


def test_ids_are_unique_and_inputs_labelled(outlines):
    for url, outline in outlines.items():
        assert [i for i, n in outline.ids.items() if n > 1] == [], url
        assert all(i in outline.labels for i in outline.inputs), url


def test_every_link_has_an_accessible_name(outlines):
    for url, outline in outlines.items():
        assert all(label or text for label, text in outline.links), url
