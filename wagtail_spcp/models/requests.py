"""Program requests sent from the public site, and the Privacy Act statement the forms show.

A request is stored as an engagement in stage "requested" with a ``ProgramRequest`` beside it
holding what the requester wrote (confidential, like the engagement and the person).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField

from ..choices import EngagementOrigin
from .scoping import RegionOwned


class RequestSource(models.TextChoices):
    PROGRAM_PAGE = "program_page", _("Program page")
    FINDER = "finder", _("Office finder")
    DIRECT = "direct", _("Request form")


class ProgramRequest(RegionOwned):
    """What a member of the public wrote when asking for a program (confidential)."""

    region_path = "engagement__office__region"

    engagement = models.OneToOneField(
        "wagtail_spcp.Engagement",
        on_delete=models.CASCADE,
        related_name="program_request",
        verbose_name=_("engagement"),
    )
    requester = models.ForeignKey(
        "wagtail_spcp.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="program_requests",
        verbose_name=_("requester"),
    )
    organisation = models.CharField(_("organization"), max_length=200)
    role = models.CharField(_("role"), max_length=150, blank=True)
    community = models.CharField(_("community as entered"), max_length=100)
    origin = models.CharField(
        _("why now"), max_length=20, choices=EngagementOrigin.choices, blank=True
    )
    incident_description = models.TextField(_("what happened"), blank=True)
    preferred_timing = models.CharField(_("preferred timing"), max_length=200, blank=True)
    message = models.TextField(_("anything else"), blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    source = models.CharField(
        _("source"), max_length=20, choices=RequestSource.choices, default=RequestSource.DIRECT
    )
    earlier_request = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("earlier request from the same community"),
        help_text=_("Set when the same community asked in the 90 days before."),
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decline_reason = models.TextField(_("reason for declining"), blank=True)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("program request")
        verbose_name_plural = _("program requests")

    def __str__(self):
        return str(self.engagement)


@register_setting(icon="doc-full")
class PublicFormSettings(BaseSiteSetting):
    """What the public request and registration forms show that editors maintain."""

    privacy_statement = RichTextField(
        _("Privacy Act statement"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_(
            "Shown on the request and registration forms. Blank: a general statement, "
            "translated for each language."
        ),
    )

    panels = [FieldPanel("privacy_statement")]

    class Meta:
        verbose_name = _("public forms")
