"""The demo site's home page."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from modelcluster.fields import ParentalKey

from wagtail_spcp.models import PathRoutingMixin, ProgramPage
from wagtail_spcp.models.base import Page
from wagtail_spcp.models.images import CARD_RENDITIONS, ImageWithAltText, with_image_renditions


class HomePage(PathRoutingMixin, ImageWithAltText, Page):
    """The root of the demo site: a hero, the office finder, featured programs and a call-out."""

    hero_heading = models.CharField(
        _("hero heading"),
        max_length=150,
        blank=True,
        help_text=_("The page's main heading. Blank: the page title."),
    )
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    finder_page = models.ForeignKey(
        "wagtail_spcp.OfficeFinderPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("office finder"),
    )
    callout_heading = models.CharField(
        _("call-out heading"),
        max_length=150,
        blank=True,
        help_text=_("For example “How it works”. Blank: no call-out."),
    )
    callout_text = RichTextField(
        _("call-out text"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("intro"),
                FieldPanel("image", heading=_("hero image")),
                FieldPanel("image_alt_text"),
                FieldPanel("image_is_decorative"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("finder_page"),
        InlinePanel(
            "featured_programs",
            heading=_("Featured programs"),
            label=_("Featured program"),
            max_num=6,
        ),
        MultiFieldPanel(
            [FieldPanel("callout_heading"), FieldPanel("callout_text")], heading=_("Call-out")
        ),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def programs(self) -> list:
        """The live, public featured programs, in the editor's order."""
        # In the home page's language: a translated home page lists the chosen programs'
        # translations (programs with none in that language are left out).
        chosen = list(self.featured_programs.values_list("program__translation_key", flat=True))
        pages = ProgramPage.objects.filter(translation_key__in=chosen, locale_id=self.locale_id)
        pages = with_image_renditions(pages.live().public(), *CARD_RENDITIONS)
        by_key = {page.translation_key: page for page in pages}
        return [by_key[key] for key in chosen if key in by_key]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured_programs"] = self.programs()
        return context


class FeaturedProgram(Orderable):
    """One program shown on the home page, in the editor's order."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_programs")
    program = models.ForeignKey(
        "wagtail_spcp.ProgramPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("program"),
    )

    panels = [PageChooserPanel("program")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured program")
        verbose_name_plural = _("featured programs")
