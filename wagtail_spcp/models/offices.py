"""Regions, the states and territories they serve, and offices (all public)."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.search import index

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from ..choices import OfficeKind
from ..states import place_name, validate_place_code
from .images import ImageWithAltText

zip_validator = RegexValidator(r"^\d{5}(-\d{4})?$", _("Enter a ZIP or ZIP+4 code."))


class Region(index.Indexed, ImageWithAltText, ClusterableModel):
    """A service region: a group of states and territories served by one regional office."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)
    staff_groups = models.ManyToManyField(
        "auth.Group",
        blank=True,
        related_name="spcp_regions",
        verbose_name=_("staff groups"),
        help_text=_("Members of these groups see and manage this region's engagements."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("sort_order"),
        FieldPanel("staff_groups"),
        *ImageWithAltText.image_panels,
        InlinePanel("states", label=_("States and territories served")),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self):
        return self.name

    @property
    def state_codes(self) -> list[str]:
        return [state.code for state in self.states.all()]


class RegionState(models.Model):
    """One state or territory served by a region. Each code belongs to exactly one region."""

    region = ParentalKey(
        Region, on_delete=models.CASCADE, related_name="states", verbose_name=_("region")
    )
    code = models.CharField(
        _("postal code"),
        max_length=2,
        unique=True,
        validators=[validate_place_code],
        help_text=_("Two-letter USPS code, for example “TX” or “PR”."),
        error_messages={"unique": _("This state or territory is already served by a region.")},
    )

    panels = [FieldPanel("code")]

    class Meta:
        ordering = ["code"]
        verbose_name = _("state or territory served")
        verbose_name_plural = _("states and territories served")

    def __str__(self):
        return f"{place_name(self.code)} ({self.code})"

    def save(self, *args, **kwargs):
        self.code = (self.code or "").upper()
        super().save(*args, **kwargs)

    @property
    def name(self) -> str:
        return place_name(self.code)


class Office(index.Indexed, models.Model):
    """A public office: headquarters, a regional office, or a field office in a region."""

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OfficeKind.choices)
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="offices",
        verbose_name=_("region"),
        help_text=_("Blank for headquarters, which serves the whole country."),
    )
    address_line1 = models.CharField(_("address"), max_length=200)
    address_line2 = models.CharField(_("address line 2"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100)
    state = models.CharField(_("state"), max_length=2, validators=[validate_place_code])
    zip_code = models.CharField(_("ZIP code"), max_length=10, validators=[zip_validator])
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    fax = models.CharField(_("fax"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)
    hours = models.CharField(_("hours"), max_length=200, blank=True)
    contact_title = models.CharField(
        _("contact title"),
        max_length=150,
        blank=True,
        help_text=_("The role to contact, for example “Regional Director”."),
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("region")]),
        MultiFieldPanel(
            [
                FieldPanel("address_line1"),
                FieldPanel("address_line2"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("state"), FieldPanel("zip_code")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Address"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_title"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("fax")]),
                FieldPanel("email"),
                FieldPanel("hours"),
            ],
            heading=_("Contact"),
        ),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("city"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["region__sort_order", "kind", "name"]
        verbose_name = _("office")
        verbose_name_plural = _("offices")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind=OfficeKind.HEADQUARTERS) | models.Q(region__isnull=False),
                name="spcp_office_region_required",
                violation_error_message=_("Regional and field offices belong to a region."),
            ),
        ]

    def __str__(self):
        return self.name
