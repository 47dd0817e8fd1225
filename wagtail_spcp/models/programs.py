"""Program pages and case studies (public content edited in the page tree).

Page behaviour ships as abstract mixins so a site can build its own page
types on them; the concrete pages below are what the app registers.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.urls import NoReverseMatch, resolve, reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail.url_routing import RouteResult

from modelcluster.fields import ParentalKey

from ..blocks import BenefitBlock, ContentStreamBlock
from ..choices import DeliveryFormat
from ..states import validate_place_code
from .base import Page
from .case_study_form import CaseStudyPageForm
from .finder_page import OfficeFinderPage
from .images import CARD_RENDITIONS, ImageWithAltText, with_image_renditions
from .routing import PathRoutingMixin

SEARCH_QUERY_MAX_LENGTH = 100
REQUEST_SLUG = "request"
REQUEST_FORM_URL_NAME = "spcp_public_forms:request"
SEARCH_RESULTS_LIMIT = 20


def request_form_view():
    """The view of the public forms' request form, found by its URL name (the models sit
    below ``public_forms``); a 404 where the site has not mounted those URLs."""
    try:
        return resolve(reverse(REQUEST_FORM_URL_NAME)).func
    except NoReverseMatch as error:
        raise Http404 from error


class ProgramIndexPageMixin(models.Model):
    """Lists the live programs below it."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [FieldPanel("intro")]
    search_fields = [index.SearchField("intro")]

    class Meta:
        abstract = True

    def programs(self):
        programs = ProgramPage.objects.child_of(self).live().public().order_by("title")
        return with_image_renditions(programs, *CARD_RENDITIONS)

    def search_programs(self, query: str) -> list:
        """Live, public programs and case studies below this page matching ``query``.

        Only the words of the query are searched: quotes, operators and control
        characters would otherwise reach the database's full-text syntax.
        """
        words = " ".join(re.findall(r"\w+", query))
        if not words:
            return []
        results = []
        for model in (ProgramPage, CaseStudyPage):
            pages = model.objects.live().public().descendant_of(self)
            results.extend(pages.search(words)[:SEARCH_RESULTS_LIMIT])
        return results

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programs"] = self.programs()
        query = " ".join(request.GET.get("q", "").split())[:SEARCH_QUERY_MAX_LENGTH]
        if query:
            context["search_query"] = query
            context["search_results"] = self.search_programs(query)
        return context


class ProgramIndexPage(PathRoutingMixin, ProgramIndexPageMixin, Page):
    content_panels = Page.content_panels + ProgramIndexPageMixin.content_panels
    search_fields = Page.search_fields + ProgramIndexPageMixin.search_fields
    subpage_types = ["wagtail_spcp.ProgramPage"]
    template = "wagtail_spcp/pages/program_index_page.html"

    class Meta:
        verbose_name = _("program index page")
        verbose_name_plural = _("program index pages")


class ProgramPageMixin(ImageWithAltText):
    """A program an agency offers: what it is, who it is for, its steps and how to request it."""

    listing_label = _("Program")

    summary = models.TextField(_("summary"), help_text=_("One or two sentences shown in listings."))
    length = models.CharField(
        _("length"), max_length=100, help_text=_("For example “One day” or “Three hours”.")
    )
    delivery = models.CharField(
        _("delivery"),
        max_length=20,
        choices=DeliveryFormat.choices,
        default=DeliveryFormat.IN_PERSON,
    )
    audience = models.TextField(_("audience"), help_text=_("Who takes part."))
    benefits = StreamField([("benefit", BenefitBlock())], blank=True, verbose_name=_("benefits"))
    outcomes = RichTextField(_("outcomes"), blank=True, features=["bold", "italic", "link", "ul"])
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("body"))
    request_heading = models.CharField(
        _("request heading"), max_length=150, default=_("Request this program")
    )
    request_text = models.TextField(
        _("request text"),
        blank=True,
        help_text=_("Shown with the link to the office finder."),
    )
    finder_page = models.ForeignKey(
        "wagtail_spcp.OfficeFinderPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("office finder"),
        help_text=_("Where the “request this program” link leads."),
    )

    content_panels = [
        FieldPanel("summary"),
        *ImageWithAltText.image_panels,
        FieldRowPanel([FieldPanel("length"), FieldPanel("delivery")]),
        FieldPanel("audience"),
        FieldPanel("benefits"),
        FieldPanel("outcomes"),
        InlinePanel("steps", label=_("Steps"), heading=_("Steps")),
        FieldPanel("body"),
        InlinePanel("resources", label=_("Resources"), heading=_("Resources")),
        MultiFieldPanel(
            [FieldPanel("request_heading"), FieldPanel("request_text"), FieldPanel("finder_page")],
            heading=_("Call to action"),
        ),
    ]
    search_fields = [
        index.SearchField("summary"),
        index.SearchField("audience"),
        index.SearchField("body"),
        index.FilterField("delivery"),
    ]

    class Meta:
        abstract = True

    def case_studies(self):
        case_studies = CaseStudyPage.objects.child_of(self).live().public().order_by("-date")
        return with_image_renditions(case_studies, *CARD_RENDITIONS)

    def resource_list(self):
        """The program's documents, each with its document, in one query."""
        return self.resources.select_related("document")

    def request_page(self):
        """Where “request this program” leads: the chosen finder, else the first live one.

        Either in the language being shown when it has a live translation there.
        """
        if self.finder_page_id and self.finder_page.live:
            return self.finder_page.localized
        finder = OfficeFinderPage.objects.live().public().order_by("path").first()
        return finder.localized if finder else None

    def route_below(self, request, path_components):
        """``request/``: the form to request this program (``public_forms``)."""
        if path_components == [REQUEST_SLUG]:
            return RouteResult(self, kwargs={"spcp_form": REQUEST_SLUG})
        return None

    def serve(self, request, *args, **kwargs):
        if kwargs.pop("spcp_form", None) == REQUEST_SLUG:
            return request_form_view()(request, program=self)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Looked up only if the template's cached content fragment is missing.
        context["request_page"] = SimpleLazyObject(self.request_page)
        return context


class ProgramPage(PathRoutingMixin, ProgramPageMixin, Page):
    content_panels = Page.content_panels + ProgramPageMixin.content_panels
    search_fields = Page.search_fields + ProgramPageMixin.search_fields
    parent_page_types = ["wagtail_spcp.ProgramIndexPage"]
    subpage_types = ["wagtail_spcp.CaseStudyPage"]
    template = "wagtail_spcp/pages/program_page.html"

    class Meta:
        verbose_name = _("program page")
        verbose_name_plural = _("program pages")


class ProgramStep(Orderable):
    """One ordered step of a program, shown as a process list."""

    page = ParentalKey(ProgramPage, on_delete=models.CASCADE, related_name="steps")
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("title"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("step")
        verbose_name_plural = _("steps")

    def __str__(self):
        return self.title


class ProgramResource(Orderable):
    """A related document (a brochure, a guide) offered with a program."""

    page = ParentalKey(ProgramPage, on_delete=models.CASCADE, related_name="resources")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("document"),
    )
    title = models.CharField(
        _("title"), max_length=150, blank=True, help_text=_("Defaults to the document's title.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    @property
    def display_title(self):
        return self.title or self.document.title


class CaseStudyPageMixin(ImageWithAltText):
    """A published story of one engagement, written by an editor.

    It may point at the engagement it tells of only when the host community
    consented; the link is for staff and is never rendered on the page.
    """

    listing_label = _("Case study")
    base_form_class = CaseStudyPageForm

    community = models.CharField(_("community"), max_length=150)
    state = models.CharField(_("state"), max_length=2, validators=[validate_place_code])
    date = models.DateField(_("date"))
    narrative = RichTextField(_("narrative"))
    outcomes = RichTextField(_("outcomes"), blank=True, features=["bold", "italic", "link", "ul"])
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("more content"))
    host_consented = models.BooleanField(
        _("host consented"),
        default=False,
        help_text=_("The host community agreed to have this story linked to its engagement."),
    )
    engagement = models.ForeignKey(
        "wagtail_spcp.Engagement",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("engagement"),
        help_text=_("Only with the host's consent. Never shown to visitors."),
    )

    content_panels = [
        FieldRowPanel([FieldPanel("community"), FieldPanel("state"), FieldPanel("date")]),
        *ImageWithAltText.image_panels,
        FieldPanel("narrative"),
        FieldPanel("outcomes"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("host_consented"), FieldPanel("engagement")], heading=_("Engagement")
        ),
    ]
    search_fields = [
        index.SearchField("community"),
        index.SearchField("narrative"),
        index.SearchField("outcomes"),
        index.FilterField("state"),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.engagement_id and not self.host_consented:
            raise ValidationError(
                {"engagement": _("Link an engagement only when its host has consented.")}
            )


class CaseStudyPage(CaseStudyPageMixin, Page):
    content_panels = Page.content_panels + CaseStudyPageMixin.content_panels
    search_fields = Page.search_fields + CaseStudyPageMixin.search_fields
    parent_page_types = ["wagtail_spcp.ProgramPage"]
    subpage_types = []
    template = "wagtail_spcp/pages/case_study_page.html"

    class Meta:
        verbose_name = _("case study page")
        verbose_name_plural = _("case study pages")
