"""People and their participation in engagements (confidential)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

import phonenumbers

from ..choices import BreakoutGroupKind, ParticipationRole, ParticipationStatus, Sector
from ..normalise import collapse_spaces, fold, normalise_email, normalise_phone, phone_digits
from .scoping import RegionOwned, RegionOwnedQuerySet, related_or_none

EMAIL_TAKEN = _("Another person of this region already has this email address.")

# The fields a person's search keys are built from.
SEARCHED_FIELDS = [
    "first_name",
    "last_name",
    "email",
    "organisation",
    "phone",
    "alternate_emails",
    "alternate_phones",
]


class PersonQuerySet(RegionOwnedQuerySet):
    def refresh_search_keys(self, chunk_size=2000):
        """Rebuild the search keys of these people (after ``bulk_create``, ``update``...)."""
        ids = list(self.values_list("pk", flat=True))
        for start in range(0, len(ids), chunk_size):
            people = list(
                Person.objects.filter(pk__in=ids[start : start + chunk_size]).only(
                    "pk", *SEARCHED_FIELDS
                )
            )
            for person in people:
                person.set_search_keys()
            Person.objects.bulk_update(people, ["search_text", "search_phone"])


class Person(RegionOwned):
    """Someone who takes part in engagements, owned by one region.

    The same human known to two regions is two records, one per region. Every
    engagement a person is linked to belongs to the person's region. The normalised
    email is the main duplicate key, unique within the owning region.
    """

    region_path = "region"

    objects = PersonQuerySet.as_manager()

    region = models.ForeignKey(
        "wagtail_spcp.Region",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="people",
        verbose_name=_("region"),
        help_text=_("The region that owns this record. Only its staff see and change it."),
    )

    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(
        _("phone"),
        max_length=32,
        blank=True,
        help_text=_('Stored in E.164 form, an extension after ";ext=".'),
    )
    organisation = models.CharField(_("organization"), max_length=200, blank=True)
    sector = models.CharField(_("sector"), max_length=30, choices=Sector.choices, blank=True)
    zip_code = models.CharField(_("ZIP code"), max_length=5, blank=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=35,
        blank=True,
        help_text=_("A language code, for example “es”."),
    )
    consent_to_contact = models.BooleanField(_("consents to contact"), default=False)
    alternate_emails = models.JSONField(
        _("other email addresses"),
        default=list,
        blank=True,
        editable=False,
        help_text=_("Kept from merged records; searched like the main address."),
    )
    alternate_phones = models.JSONField(
        _("other phone numbers"),
        default=list,
        blank=True,
        editable=False,
        help_text=_("Kept from merged records, in E.164 form; searched like the main number."),
    )
    # Search keys, rebuilt on save (see ``set_search_keys``): folded names, emails and
    # organization; the digits of every phone number. Never shown.
    search_text = models.TextField(editable=False, blank=True, default="")
    search_phone = models.TextField(editable=False, blank=True, default="")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        constraints = [
            models.UniqueConstraint(
                "region",
                Lower("email"),
                condition=models.Q(region__isnull=False) & ~models.Q(email=""),
                name="spcp_person_region_email_unique_ci",
                violation_error_message=EMAIL_TAKEN,
            ),
            models.UniqueConstraint(
                Lower("email"),
                condition=models.Q(region__isnull=True) & ~models.Q(email=""),
                name="spcp_person_no_region_email_unique_ci",
                violation_error_message=EMAIL_TAKEN,
            ),
        ]
        indexes = [
            models.Index(
                fields=["last_name", "first_name", "phone"], name="spcp_person_name_phone_idx"
            ),
            # the importer's second duplicate key: name and phone, looked up by phone
            models.Index(fields=["phone"], name="spcp_person_phone_idx"),
        ]

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        self.email = normalise_email(self.email)
        self.set_search_keys()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and set(update_fields) & set(SEARCHED_FIELDS):
            kwargs["update_fields"] = {*update_fields, "search_text", "search_phone"}
        super().save(*args, **kwargs)

    def set_search_keys(self):
        """Fill ``search_text`` and ``search_phone`` from the searched fields."""
        words = [self.first_name, self.last_name, self.email, self.organisation]
        words += list(self.alternate_emails or [])
        self.search_text = " ".join(fold(word) for word in words if word)
        phones = [self.phone, *(self.alternate_phones or [])]
        self.search_phone = " ".join(phone_digits(phone) for phone in phones if phone)

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def clean(self):
        super().clean()
        self.first_name = collapse_spaces(self.first_name)
        self.last_name = collapse_spaces(self.last_name)
        self.email = normalise_email(self.email)
        try:
            self.phone = normalise_phone(self.phone)
        except (ValueError, phonenumbers.NumberParseException):
            raise ValidationError(
                {
                    "phone": _(
                        "Enter a valid phone number; an extension may follow it "
                        "(409-555-0190 ext. 204)."
                    )
                }
            ) from None
        if self.pk and self.has_links():
            stored = Person.objects.filter(pk=self.pk).values_list("region_id", flat=True).first()
            if stored != self.region_id:
                raise ValidationError(
                    {
                        "region": _(
                            "This person takes part in engagements of their region; "
                            "the region cannot change while they do."
                        )
                    }
                )

    def has_links(self) -> bool:
        """Whether any engagement links to this person (participation, seat or group)."""
        return (
            self.participations.exists()
            or self.council_memberships.exists()
            or self.facilitated_groups.exists()
        )


def check_person_region(person, engagement, field):
    """Refuse linking ``person`` to ``engagement`` of another region than the person's."""
    if person is None or engagement is None or engagement.office_id is None:
        return
    if person.region_id != engagement.office.region_id:
        raise ValidationError({field: _("Choose a person of the engagement’s region.")})


class Participation(RegionOwned):
    """A person's part in one engagement: role, status, sector group and mixed group.

    ``breakout_group`` is the group a person starts the day in (a sector group);
    ``solution_group`` the mixed solution group the composer (``wagtail_spcp.groups``)
    seats them in afterwards.
    """

    region_path = "engagement__office__region"

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="participations", verbose_name=_("person")
    )
    engagement = models.ForeignKey(
        "wagtail_spcp.Engagement",
        on_delete=models.CASCADE,
        related_name="participations",
        verbose_name=_("engagement"),
    )
    role = models.CharField(
        _("role"),
        max_length=20,
        choices=ParticipationRole.choices,
        default=ParticipationRole.PARTICIPANT,
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ParticipationStatus.choices,
        default=ParticipationStatus.REGISTERED,
    )
    breakout_group = models.ForeignKey(
        "wagtail_spcp.BreakoutGroup",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="participations",
        verbose_name=_("breakout group"),
    )
    solution_group = models.ForeignKey(
        "wagtail_spcp.BreakoutGroup",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="solution_members",
        limit_choices_to={"kind": BreakoutGroupKind.MIXED},
        verbose_name=_("mixed solution group"),
        help_text=_("The table this person sits at when mixed groups write solutions."),
    )
    registered_on = models.DateField(_("registered on"), null=True, blank=True)
    walk_in = models.BooleanField(
        _("walk-in"),
        default=False,
        help_text=_("Came on program day without registering; added at check-in."),
    )
    external_id = models.CharField(
        _("external ID"),
        max_length=100,
        blank=True,
        help_text=_(
            "The sign-up's number in the tool it came from (an order, attendee or response "
            "number); a later import of the same event matches on it."
        ),
    )
    import_batch = models.ForeignKey(
        "wagtail_spcp.ImportBatch",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="participations",
        verbose_name=_("import batch"),
        editable=False,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["engagement", "person__last_name", "person__first_name"]
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        # Checked with Participation's permission policy as the actions "import" and "export".
        permissions = [
            ("import_participation", _("Can import participants")),
            ("export_participation", _("Can export participants")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "engagement"],
                name="spcp_participation_unique",
                violation_error_message=_("This person already takes part in this engagement."),
            ),
            models.UniqueConstraint(
                fields=["engagement", "external_id"],
                condition=~models.Q(external_id=""),
                name="spcp_participation_external_id_unique",
                violation_error_message=_(
                    "Another participant of this engagement has this external ID."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.engagement}"

    def clean(self):
        super().clean()
        check_person_region(
            related_or_none(self, "person"), related_or_none(self, "engagement"), "person"
        )


class NotDuplicate(models.Model):
    """Two people of one region that staff marked as different people.

    The duplicate scan stops proposing the pair. The pair is stored with the lower id
    first, so it is found whichever way round it is marked.
    """

    first = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="+", verbose_name=_("person")
    )
    second = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="+", verbose_name=_("other person")
    )
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("marked by"),
    )
    marked_at = models.DateTimeField(_("marked at"), auto_now_add=True)

    class Meta:
        verbose_name = _("pair marked as different people")
        verbose_name_plural = _("pairs marked as different people")
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="spcp_not_duplicate_unique"),
            models.CheckConstraint(
                condition=models.Q(first__lt=models.F("second")),
                name="spcp_not_duplicate_ordered",
            ),
        ]

    def __str__(self):
        return f"#{self.first_id} ≠ #{self.second_id}"

    @classmethod
    def mark(cls, person, other, user=None):
        """Remember that ``person`` and ``other`` are different people."""
        first, second = sorted([person.pk, other.pk])
        pair, _created = cls.objects.get_or_create(
            first_id=first, second_id=second, defaults={"marked_by": user}
        )
        return pair
