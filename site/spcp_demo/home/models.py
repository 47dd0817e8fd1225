"""The demo site's home page."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from wagtail_spcp.models import PathRoutingMixin
from wagtail_spcp.models.base import Page


class HomePage(PathRoutingMixin, Page):
    """The root of the demo site: an introduction with links to programs and the office finder."""

    intro = RichTextField(_("introduction"), blank=True)
    featured_program = models.ForeignKey(
        "wagtail_spcp.ProgramPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    finder_page = models.ForeignKey(
        "wagtail_spcp.OfficeFinderPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("featured_program"),
        FieldPanel("finder_page"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
