"""Councils formed from engagements, their seats and meetings.

Confidential unless marked public; a public council or meeting shows only its public fields.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from ..choices import CouncilRole, CouncilStatus


class Council(ClusterableModel):
    """A standing group that advises local leaders and carries out the action plan."""

    engagement = models.ForeignKey(
        "wagtail_spcp.Engagement",
        on_delete=models.CASCADE,
        related_name="councils",
        verbose_name=_("engagement"),
    )
    name = models.CharField(_("name"), max_length=200)
    status = models.CharField(
        _("status"), max_length=20, choices=CouncilStatus.choices, default=CouncilStatus.FORMING
    )
    formed_on = models.DateField(_("formed on"), null=True, blank=True)
    rules_of_engagement = models.TextField(_("rules of engagement"), blank=True)
    is_public = models.BooleanField(
        _("public"),
        default=False,
        help_text=_("Show this council's public fields on the public site."),
    )
    public_summary = models.TextField(_("public summary"), blank=True)
    public_contact_name = models.CharField(_("public contact name"), max_length=150, blank=True)
    public_contact_email = models.EmailField(_("public contact email"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("council")
        verbose_name_plural = _("councils")

    def __str__(self):
        return self.name


class CouncilMembership(models.Model):
    """A seat on a council held by a person, with a role and dates."""

    council = ParentalKey(Council, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(
        "wagtail_spcp.Person",
        on_delete=models.CASCADE,
        related_name="council_memberships",
        verbose_name=_("person"),
    )
    seat = models.CharField(
        _("seat"), max_length=150, blank=True, help_text=_("For example “Faith community”.")
    )
    role = models.CharField(
        _("role"), max_length=20, choices=CouncilRole.choices, default=CouncilRole.MEMBER
    )
    started_on = models.DateField(_("start"), null=True, blank=True)
    ended_on = models.DateField(_("end"), null=True, blank=True)

    class Meta:
        ordering = ["role", "started_on"]
        verbose_name = _("council membership")
        verbose_name_plural = _("council memberships")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True)
                | models.Q(started_on__isnull=True)
                | models.Q(ended_on__gte=models.F("started_on")),
                name="spcp_membership_dates_ordered",
                violation_error_message=_("A membership cannot end before it starts."),
            )
        ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"


class CouncilMeeting(models.Model):
    """A dated council meeting with agenda and minutes; may be marked public."""

    council = ParentalKey(Council, on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField(_("date"))
    agenda = models.TextField(_("agenda"), blank=True)
    minutes = models.TextField(_("minutes"), blank=True)
    is_public = models.BooleanField(_("public"), default=False)

    class Meta:
        ordering = ["-date"]
        verbose_name = _("council meeting")
        verbose_name_plural = _("council meetings")

    def __str__(self):
        return f"{self.council}: {self.date:%Y-%m-%d}"
