"""Finding pages for a query: what is searched, what is promoted, and how a result reads."""

import html
import re
from dataclasses import dataclass

from django.apps import apps
from django.utils.html import strip_tags
from django.utils.text import Truncator, capfirst

from wagtail.blocks import StreamValue
from wagtail.models import Site
from wagtail.search.utils import normalise_query_string

from ..languages import home_page
from ..models.base import Page

QUERY_MAX_LENGTH = 100
SUMMARY_WORDS = 30
# Fields read, in order, for a result's summary when the page has no search description.
SUMMARY_FIELDS = ("summary", "intro", "narrative", "body")


def clean_query(raw: str) -> str:
    """The query as shown back to the visitor: spaces collapsed, at most 100 characters."""
    return " ".join(raw.replace("\x00", " ").split())[:QUERY_MAX_LENGTH]


def search_words(query: str) -> str:
    """Only the words of ``query``: quotes, operators and control characters never reach
    the search backend's full-text syntax."""
    return " ".join(re.findall(r"\w+", query))


def searchable_pages(site: Site | None, request=None):
    """Every page a visitor may find: live, without view restrictions, in ``site``'s tree.

    With Wagtail's i18n, the tree of the language being shown (the root page's translation).
    """
    if site is None:
        return Page.objects.none()
    root = home_page(request) if request is not None else site.root_page.localized
    return Page.objects.live().public().descendant_of(root, inclusive=True)


def promotions_installed() -> bool:
    return apps.is_installed("wagtail.contrib.search_promotions")


@dataclass
class Promotion:
    """An editor's pick for a query: a live, public page of the site or an external link."""

    title: str
    url: str
    description: str
    page: Page | None = None


def promoted_results(query: str, site: Site | None, request=None) -> list[Promotion]:
    """The editors' picks for ``query`` in their order, leaving out pages visitors may not see.

    Empty when ``wagtail.contrib.search_promotions`` is not installed.
    """
    if not query or not promotions_installed():
        return []
    from wagtail.contrib.search_promotions.models import SearchPromotion

    picks = SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
    picks = list(picks.order_by("sort_order", "pk"))
    if not picks:
        return []
    visible = {
        page.pk: page
        for page in searchable_pages(site, request)
        .filter(pk__in=[pick.page_id for pick in picks if pick.page_id])
        .specific()
    }
    promotions = []
    for pick in picks:
        if pick.page_id:
            page = visible.get(pick.page_id)
            if page is None:
                continue
            promotions.append(
                Promotion(
                    title=page.title,
                    url=page.get_url(request),
                    description=pick.description or page_summary(page),
                    page=page,
                )
            )
        elif pick.external_link_url:
            promotions.append(
                Promotion(
                    title=pick.external_link_text or pick.external_link_url,
                    url=pick.external_link_url,
                    description=pick.description,
                )
            )
    return promotions


def record_hit(query: str) -> None:
    """Count one search for ``query`` in Wagtail's search terms report (with promotions only)."""
    if query and promotions_installed():
        from wagtail.contrib.search_promotions.models import Query as SearchQuery

        SearchQuery.get(query).add_hit()


def page_type_label(page: Page) -> str:
    """What kind of page a result is: the page type's ``listing_label`` or its verbose name."""
    model = page.specific_class or type(page)
    label = getattr(model, "listing_label", None)
    return str(label) if label else capfirst(model._meta.verbose_name)


def page_summary(page: Page) -> str:
    """A few plain-text words about ``page``: its search description, else its first text."""
    text = page.search_description
    for name in SUMMARY_FIELDS:
        if text:
            break
        text = plain_text(getattr(page, name, None))
    return Truncator(" ".join(text.split())).words(SUMMARY_WORDS)


def plain_text(value) -> str:
    """The words of a text, rich text or StreamField value, without markup."""
    if not value:
        return ""
    if isinstance(value, StreamValue):
        value = " ".join(str(text) for text in value.stream_block.get_searchable_content(value))
    return html.unescape(strip_tags(str(value)))
