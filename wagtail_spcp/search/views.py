"""The public search page: ``?q=`` for the words, ``?page=`` for the page of results."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.template.response import TemplateResponse

from wagtail.models import Site

from ..languages import home_page
from ..models import OfficeFinderPage, ProgramIndexPage
from ..models.base import Page
from .pages import (
    clean_query,
    page_summary,
    page_type_label,
    promoted_results,
    record_hit,
    search_words,
    searchable_pages,
)

RESULTS_PER_PAGE = 10


@dataclass
class SearchResult:
    """One page found: what the results list shows of it."""

    title: str
    url: str
    page_type: str
    summary: str


def search(request):
    """Live, public pages of the current site matching ``?q=``, the editors' picks first.

    The picks are shown on the first page of results; each first page counts as one hit
    for the query in Wagtail's search terms report.
    """
    query = clean_query(request.GET.get("q", ""))
    words = search_words(query)
    site = Site.find_for_request(request)

    promotions = promoted_results(query, site, request)
    if words:
        promoted_pages = [promotion.page.pk for promotion in promotions if promotion.page]
        found = searchable_pages(site, request).exclude(pk__in=promoted_pages).search(words)
    else:
        found = Page.objects.none()
    results_page = Paginator(found, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    first_page = results_page.number == 1
    if first_page:
        record_hit(query)

    context = {
        "query": query,
        "promotions": promotions if first_page else [],
        "results": _describe(results_page.object_list, request),
        "results_page": results_page,
        "page_numbers": _page_numbers(results_page),
        "total": results_page.paginator.count + len(promotions),
    }
    if query and not context["total"]:
        context["suggested_pages"] = _suggested_pages(home_page(request))
    response = TemplateResponse(request, "wagtail_spcp/search/search.html", context)
    response.headers["X-Robots-Tag"] = "noindex"
    return response


def _describe(pages, request) -> list[SearchResult]:
    """The results of one page of the listing, read from their specific page types."""
    ids = [page.pk for page in pages]
    specific = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    results = []
    for page_id in ids:
        page = specific.get(page_id)
        if page is None:
            continue
        results.append(
            SearchResult(
                title=page.title,
                url=page.get_url(request),
                page_type=page_type_label(page),
                summary=page_summary(page),
            )
        )
    return results


def _page_numbers(results_page) -> list[int | None]:
    """The page links to show: first, last and neighbors of the current one; None for a gap."""
    paginator = results_page.paginator
    if paginator.num_pages < 2:
        return []
    return [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(
            results_page.number, on_each_side=1, on_ends=1
        )
    ]


def _suggested_pages(home):
    """Where to go when nothing matched: the office finder and program index below ``home``."""
    pages = []
    for model in (OfficeFinderPage, ProgramIndexPage):
        page = (
            model.objects.live().public().descendant_of(home).order_by("path").first()
            if home
            else None
        )
        if page is not None:
            pages.append(page)
    return pages
