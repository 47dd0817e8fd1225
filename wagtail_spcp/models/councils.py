"""Councils formed from engagements, their seats and meetings.

Confidential unless marked public; a public council or meeting shows only its public fields.
"""

from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from ..choices import ActionItemStatus, CouncilRole, CouncilStatus
from .people import check_person_region
from .scoping import RegionOwned, related_or_none


class PublicCouncils:
    """Reads the public face of councils: only public councils, and only their public fields.

    Queries load nothing but the columns named here, so a template given these values
    cannot reach a confidential field.
    """

    COUNCIL_FIELDS = (
        "pk",
        "name",
        "status",
        "formed_on",
        "public_summary",
        "public_contact_name",
        "public_contact_email",
        "shows_progress",
    )
    MEETING_FIELDS = ("pk", "date", "agenda", "minutes")

    @classmethod
    def in_region(cls, region) -> list[dict]:
        councils = Council.objects.filter(is_public=True, engagement__office__region=region)
        return [cls._with_label(values) for values in councils.values(*cls.COUNCIL_FIELDS)]

    @classmethod
    def pks_by_region(cls) -> dict[int, list[int]]:
        """The ids of every public council, by region id, in one query."""
        rows = Council.objects.filter(is_public=True).order_by("pk")
        by_region = {}
        for region_id, pk in rows.values_list("engagement__office__region_id", "pk"):
            by_region.setdefault(region_id, []).append(pk)
        return by_region

    @classmethod
    def get(cls, region, council_id) -> dict | None:
        """One public council of ``region`` with its public meetings, or None."""
        council = (
            Council.objects.filter(is_public=True, engagement__office__region=region, pk=council_id)
            .values(*cls.COUNCIL_FIELDS)
            .first()
        )
        if council is None:
            return None
        council = cls._with_label(council)
        council["meetings"] = list(
            CouncilMeeting.objects.filter(council_id=council_id, is_public=True)
            .order_by("-date")
            .values(*cls.MEETING_FIELDS)
        )
        council["progress"] = cls.progress(council_id) if council["shows_progress"] else None
        return council

    @staticmethod
    def progress(council_id) -> list[dict]:
        """How many of the council's action items are at each status: counts, nothing else."""
        counts = dict(
            Council.objects.filter(pk=council_id, action_items__isnull=False)
            .order_by()
            .values_list("action_items__status")
            .annotate(n=Count("action_items"))
            .values_list("action_items__status", "n")
        )
        return [
            {"status": status.value, "label": status.label, "count": counts.get(status.value, 0)}
            for status in ActionItemStatus
        ]

    @staticmethod
    def _with_label(values: dict) -> dict:
        values["status_label"] = CouncilStatus(values["status"]).label
        return values


class Council(RegionOwned, ClusterableModel):
    """A standing group that advises local leaders and carries out the action plan."""

    region_path = "engagement__office__region"

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
    shows_progress = models.BooleanField(
        _("show action-plan progress"),
        default=False,
        help_text=_(
            "On the public page, show how many of the council's action items are at each "
            "status (counts only: no item, owner or date)."
        ),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("council")
        verbose_name_plural = _("councils")

    def __str__(self):
        return self.name


class CouncilMembership(RegionOwned):
    """A seat on a council held by a person, with a role and dates."""

    region_path = "council__engagement__office__region"

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

    def clean(self):
        super().clean()
        council = related_or_none(self, "council")
        check_person_region(
            related_or_none(self, "person"),
            related_or_none(council, "engagement") if council else None,
            "person",
        )


class CouncilMeeting(RegionOwned):
    """A dated council meeting with agenda and minutes; may be marked public."""

    region_path = "council__engagement__office__region"

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
