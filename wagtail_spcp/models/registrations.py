"""Registration for a program day: the engagement's unlisted sign-up page and each sign-up.

The page lives at an unguessable address (``token``) and shows only the public fields below,
never the engagement's own title or details. Each sign-up is a participation (registered or
waitlisted) with a ``Registration`` holding what only the form asks.
"""

import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..choices import ParticipationStatus
from .people import Participation
from .scoping import RegionOwned

ACTIVE_STATUSES = (ParticipationStatus.REGISTERED, ParticipationStatus.ATTENDED)


def new_token() -> str:
    return secrets.token_urlsafe(24)


class EventRegistration(RegionOwned):
    """An engagement's registration page for its program day."""

    region_path = "engagement__office__region"

    engagement = models.OneToOneField(
        "wagtail_spcp.Engagement",
        on_delete=models.CASCADE,
        related_name="event_registration",
        verbose_name=_("engagement"),
    )
    token = models.CharField(
        _("address key"), max_length=64, unique=True, default=new_token, editable=False
    )
    is_open = models.BooleanField(
        _("accept registrations"),
        default=True,
        help_text=_("Off: the page says registration is closed, whatever the dates."),
    )
    public_title = models.CharField(
        _("public title"),
        max_length=200,
        help_text=_("Shown on the registration page and in emails, for example “Program day”."),
    )
    public_description = models.TextField(_("public description"), blank=True)
    location = models.TextField(_("location"), help_text=_("The address people come to."))
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    opens_at = models.DateTimeField(_("registration opens"), default=timezone.now)
    closes_at = models.DateTimeField(_("registration closes"))
    capacity = models.PositiveIntegerField(_("capacity"))
    waitlist = models.BooleanField(
        _("waitlist"), default=True, help_text=_("When full, later sign-ups join a waitlist.")
    )
    reminder_hours = models.PositiveIntegerField(
        _("reminder (hours before)"),
        default=48,
        help_text=_("Registered people get a reminder this long before the day. 0: none."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("registration page")
        verbose_name_plural = _("registration pages")

    def __str__(self):
        return self.public_title

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The day must end after it starts.")})
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("Registration must close after it opens.")})

    def accepting(self, now=None) -> bool:
        now = now or timezone.now()
        return self.is_open and self.opens_at <= now < self.closes_at

    def participations(self):
        return Participation.objects.filter(engagement_id=self.engagement_id)

    def registered_count(self) -> int:
        return self.participations().filter(status__in=ACTIVE_STATUSES).count()

    def waitlisted(self):
        """The waitlist, first come first served."""
        return (
            self.participations()
            .filter(status=ParticipationStatus.WAITLISTED)
            .order_by("registration__created_at", "pk")
        )


class Registration(RegionOwned):
    """What one sign-up on a registration page said beyond the person's record."""

    region_path = "participation__engagement__office__region"

    participation = models.OneToOneField(
        "wagtail_spcp.Participation",
        on_delete=models.CASCADE,
        related_name="registration",
        verbose_name=_("participation"),
    )
    event = models.ForeignKey(
        EventRegistration,
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("registration page"),
    )
    accessibility_needs = models.TextField(_("accessibility needs"), blank=True)
    language = models.CharField(_("language of the form"), max_length=10, blank=True)
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    cancelled_at = models.DateTimeField(_("canceled at"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")

    def __str__(self):
        return str(self.participation)
