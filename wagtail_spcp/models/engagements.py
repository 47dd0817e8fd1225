"""Engagements: a program delivered in one community, and what happens in it (confidential)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from ..choices import (
    ActionItemStatus,
    BreakoutGroupKind,
    ConcernKind,
    EngagementOrigin,
    EngagementStage,
    Sector,
)
from ..states import validate_community_code
from .councils import CouncilMembership
from .offices import Office
from .people import Participation, check_person_region
from .scoping import RegionOwned, related_or_none


class Engagement(RegionOwned, ClusterableModel):
    """A program delivered in one community, moving through the stages of ``EngagementStage``."""

    region_path = "office__region"

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("Used by the import and export commands."),
    )
    program = models.ForeignKey(
        "wagtail_spcp.ProgramPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="engagements",
        verbose_name=_("program"),
    )
    office = models.ForeignKey(
        "wagtail_spcp.Office",
        on_delete=models.PROTECT,
        related_name="engagements",
        verbose_name=_("owning office"),
    )
    community_city = models.CharField(_("city"), max_length=100)
    community_state = models.CharField(
        _("state"), max_length=2, validators=[validate_community_code]
    )
    law_enforcement_agency = models.CharField(
        _("law enforcement agency"), max_length=200, blank=True
    )
    origin = models.CharField(
        _("origin"),
        max_length=20,
        choices=EngagementOrigin.choices,
        default=EngagementOrigin.PROACTIVE,
    )
    incident_summary = models.TextField(
        _("incident summary"), blank=True, help_text=_("For engagements after a critical incident.")
    )
    stage = models.CharField(
        _("stage"),
        max_length=30,
        choices=EngagementStage.choices,
        default=EngagementStage.REQUESTED,
    )
    requested_on = models.DateField(_("requested on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-requested_on", "title"]
        verbose_name = _("engagement")
        verbose_name_plural = _("engagements")
        permissions = [("view_all_regions", _("Can see engagements of every region"))]
        indexes = [models.Index(fields=["stage"], name="spcp_engagement_stage_idx")]

    def __str__(self):
        return self.title

    @property
    def region(self):
        return self.office.region

    def clean(self):
        super().clean()
        if self.pk is None or self.office_id is None:
            return
        stored = (
            Engagement.objects.filter(pk=self.pk).values_list("office__region", flat=True).first()
        )
        region = Office.objects.filter(pk=self.office_id).values_list("region", flat=True).first()
        if stored != region and self.has_people():
            raise ValidationError(
                {
                    "office": _(
                        "People of this engagement belong to its region: it cannot move "
                        "to an office of another region."
                    )
                }
            )

    def has_people(self) -> bool:
        """Whether anyone takes part in, sits on a council of, or facilitates for it."""
        return (
            Participation.objects.filter(engagement_id=self.pk).exists()
            or CouncilMembership.objects.filter(council__engagement_id=self.pk).exists()
            or BreakoutGroup.objects.filter(
                engagement_id=self.pk, facilitator__isnull=False
            ).exists()
        )

    @property
    def community(self) -> str:
        return f"{self.community_city}, {self.community_state}"

    def rank_concerns(self) -> list:
        """Rank issues, and separately strengths, by dot-votes; returns the concerns changed.

        Equal votes share a rank and the next rank skips (1, 2, 2, 4), as on a wall of dots.
        """
        changed = []
        for kind in ConcernKind.values:
            concerns = self.concerns.filter(kind=kind).order_by("-dot_votes", "pk")
            previous_votes, rank = None, 0
            for position, concern in enumerate(concerns, start=1):
                if concern.dot_votes != previous_votes:
                    rank, previous_votes = position, concern.dot_votes
                if concern.rank != rank:
                    concern.rank = rank
                    changed.append(concern)
        Concern.objects.bulk_update(changed, ["rank"])
        return changed


class EngagementMilestone(RegionOwned):
    """The date an engagement reached (or is planned to reach) one stage."""

    region_path = "engagement__office__region"

    engagement = ParentalKey(Engagement, on_delete=models.CASCADE, related_name="milestones")
    stage = models.CharField(_("stage"), max_length=30, choices=EngagementStage.choices)
    date = models.DateField(_("date"))
    note = models.CharField(_("note"), max_length=250, blank=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        constraints = [
            models.UniqueConstraint(
                fields=["engagement", "stage"],
                name="spcp_milestone_one_per_stage",
                violation_error_message=_(
                    "This engagement already has a milestone for that stage."
                ),
            )
        ]

    def __str__(self):
        return f"{self.get_stage_display()}: {self.date:%Y-%m-%d}"


class BreakoutGroup(RegionOwned):
    """A sector group or a mixed solution group on program day."""

    region_path = "engagement__office__region"

    engagement = ParentalKey(Engagement, on_delete=models.CASCADE, related_name="breakout_groups")
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(
        _("kind"),
        max_length=10,
        choices=BreakoutGroupKind.choices,
        default=BreakoutGroupKind.SECTOR,
    )
    sector = models.CharField(_("sector"), max_length=30, choices=Sector.choices, blank=True)
    facilitator = models.ForeignKey(
        "wagtail_spcp.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="facilitated_groups",
        verbose_name=_("facilitator"),
    )

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("breakout group")
        verbose_name_plural = _("breakout groups")
        constraints = [
            models.UniqueConstraint(
                fields=["engagement", "name"], name="spcp_breakout_group_unique_name"
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        check_person_region(
            related_or_none(self, "facilitator"),
            related_or_none(self, "engagement"),
            "facilitator",
        )


class Concern(RegionOwned):
    """An issue or strength raised in a breakout group, ranked by dot-votes."""

    region_path = "engagement__office__region"

    engagement = ParentalKey(Engagement, on_delete=models.CASCADE, related_name="concerns")
    breakout_group = models.ForeignKey(
        BreakoutGroup,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="concerns",
        verbose_name=_("breakout group"),
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=ConcernKind.choices, default=ConcernKind.ISSUE
    )
    text = models.TextField(_("text"))
    dot_votes = models.PositiveIntegerField(_("dot-votes"), default=0)
    rank = models.PositiveIntegerField(_("rank"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["rank", "-dot_votes"]
        verbose_name = _("concern")
        verbose_name_plural = _("concerns")

    def __str__(self):
        return self.text[:80]


class ActionItem(RegionOwned):
    """A solution from the action plan, with an owner, a status and a due date."""

    region_path = "engagement__office__region"

    engagement = ParentalKey(Engagement, on_delete=models.CASCADE, related_name="action_items")
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    owner = models.CharField(_("owner"), max_length=150, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ActionItemStatus.choices,
        default=ActionItemStatus.PROPOSED,
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    concern = models.ForeignKey(
        Concern,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_items",
        verbose_name=_("concern"),
    )
    council = models.ForeignKey(
        "wagtail_spcp.Council",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_items",
        verbose_name=_("council"),
    )

    class Meta:
        ordering = ["due_date", "title"]
        verbose_name = _("action item")
        verbose_name_plural = _("action items")

    def __str__(self):
        return self.title
