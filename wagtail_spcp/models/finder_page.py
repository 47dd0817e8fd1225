"""The office finder page: one search box, results, and a page per region (public).

It sits above the finder (``wagtail_spcp.finder``), which reads the offices and regions of
``models.offices``; the finder never imports this module.
"""

from django.db import models
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from modelcluster.fields import ParentalKey

from .. import calendars
from ..choices import OfficeKind
from ..finder import lookup
from ..finder.tilemap import load_tile_map
from .base import Page
from .councils import PublicCouncils
from .images import PAGE_RENDITIONS, with_image_renditions
from .offices import Region


class OfficeFinderPageMixin(RoutablePageMixin, models.Model):
    """The public office finder: one search box, results, and a page per region."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    search_label = models.CharField(
        _("search label"), max_length=150, default=_("ZIP code, city or state")
    )

    content_panels = [FieldPanel("intro"), FieldPanel("search_label")]

    class Meta:
        abstract = True

    def tile_map(self, request=None):
        """The US tile-grid map; each tile links to this page's ``?q=`` result for its state."""
        base_url = self.get_url(request)
        return load_tile_map(lambda code: f"{base_url}?{urlencode({'q': code})}")

    @path("")
    def finder(self, request):
        """The search box, and the offices serving ``?q=`` when given."""
        context = {
            # Built only when the template's cached fragment is missing.
            "tile_map": SimpleLazyObject(lambda: self.tile_map(request)),
        }
        if "q" in request.GET:
            result = context["result"] = lookup(request.GET["q"])
            if result.region is not None:
                context["region_url"] = self.region_url(result.region, request)
        return self.render(request, context_overrides=context)

    @path("<slug:region_slug>/", name="region")
    def region_page(self, request, region_slug):
        """A region: the states it serves, its offices and contacts."""
        regions = with_image_renditions(
            Region.objects.prefetch_related("states", "offices"), *PAGE_RENDITIONS
        )
        region = get_object_or_404(regions, slug=region_slug)
        offices = sorted(
            region.offices.all(),
            key=lambda office: (office.kind != OfficeKind.REGIONAL, office.name),
        )
        councils = PublicCouncils.in_region(region)
        for council in councils:
            council["url"] = self.council_url(region, council["pk"], request)
        return self.render(
            request,
            template="wagtail_spcp/pages/office_region_page.html",
            context_overrides={
                "region": region,
                "region_introduction": self.region_introduction(region),
                "offices": offices,
                "councils": councils,
            },
        )

    def region_introduction(self, region):
        """The editor's introduction to ``region`` on this page (so in this page's language).

        A page type built on the mixin without ``region_introductions`` has none.
        """
        introductions = getattr(self, "region_introductions", None)
        if introductions is None:
            return ""
        introduction = introductions.filter(region=region).order_by("sort_order").first()
        return introduction.intro if introduction else ""

    @path("<slug:region_slug>/councils/<int:council_id>/", name="council")
    def council_page(self, request, region_slug, council_id):
        """A council marked public: its public fields and public meetings, nothing else."""
        region = get_object_or_404(Region, slug=region_slug)
        council = PublicCouncils.get(region, council_id)
        if council is None:
            raise Http404
        return self.render(
            request,
            template="wagtail_spcp/pages/public_council_page.html",
            context_overrides={
                "region": region,
                "region_url": self.region_url(region, request),
                "council": council,
                "calendar_url": self.council_calendar_url(region, council_id, request),
            },
        )

    @path("<slug:region_slug>/councils/<int:council_id>/calendar/", name="council_calendar")
    def council_meetings_feed(self, request, region_slug, council_id):
        """A public council's public meetings as an iCalendar feed, at a stable address.

        Wagtail routes page paths that end in "/" (with no dot), hence ``calendar/`` rather
        than a ``.ics`` name; calendar apps go by the ``text/calendar`` type.
        """
        region = get_object_or_404(Region, slug=region_slug)
        council = PublicCouncils.get(region, council_id)
        if council is None:
            raise Http404
        page_url = request.build_absolute_uri(self.council_url(region, council_id, request))
        body = calendars.council_calendar(council, page_url, request.get_host())
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="council-{council_id}.ics"'
        response["X-Robots-Tag"] = "noindex"
        return response

    def council_url(self, region, council_id, request=None) -> str:
        subpage = self.reverse_subpage(
            "council", kwargs={"region_slug": region.slug, "council_id": council_id}
        )
        return self.get_url(request) + subpage

    def council_calendar_url(self, region, council_id, request=None) -> str:
        subpage = self.reverse_subpage(
            "council_calendar", kwargs={"region_slug": region.slug, "council_id": council_id}
        )
        return self.get_url(request) + subpage

    def region_url(self, region, request=None) -> str:
        """The URL of ``region``'s page below this finder."""
        subpage = self.reverse_subpage("region", kwargs={"region_slug": region.slug})
        return self.get_url(request) + subpage

    def get_sitemap_urls(self, request=None):
        """The finder and one entry per region page."""
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        lastmod = urls[0].get("lastmod") if urls else None
        councils = PublicCouncils.pks_by_region()
        for region in Region.objects.order_by("sort_order", "name"):
            location = base + self.reverse_subpage("region", kwargs={"region_slug": region.slug})
            urls.append({"location": location, "lastmod": lastmod})
            for council_id in councils.get(region.pk, ()):
                subpage = self.reverse_subpage(
                    "council", kwargs={"region_slug": region.slug, "council_id": council_id}
                )
                urls.append({"location": base + subpage, "lastmod": lastmod})
        return urls


class OfficeFinderPage(OfficeFinderPageMixin, Page):
    content_panels = (
        Page.content_panels
        + OfficeFinderPageMixin.content_panels
        + [
            InlinePanel(
                "region_introductions",
                label=_("Region introduction"),
                heading=_("Region introductions"),
                help_text=_("Shown at the top of a region's page, below its heading."),
            )
        ]
    )
    subpage_types = []
    template = "wagtail_spcp/pages/office_finder_page.html"

    class Meta:
        verbose_name = _("office finder page")
        verbose_name_plural = _("office finder pages")


class RegionIntroduction(Orderable):
    """An editor's introduction to one region's page, kept with the finder page.

    Copied with the finder page when it is translated, so each language has its own.
    """

    page = ParentalKey(
        OfficeFinderPage, on_delete=models.CASCADE, related_name="region_introductions"
    )
    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="+", verbose_name=_("region")
    )
    intro = RichTextField(_("introduction"), features=["bold", "italic", "link", "ul"])

    panels = [FieldPanel("region"), FieldPanel("intro")]

    class Meta(Orderable.Meta):
        verbose_name = _("region introduction")
        verbose_name_plural = _("region introductions")

    def __str__(self):
        return str(self.region)
