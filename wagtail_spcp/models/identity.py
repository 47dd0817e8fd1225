"""Who runs the public site: the agency, its logo, the U.S. government banner and footer links.

One ``AgencyIdentity`` per Wagtail site, edited under Settings in the admin. The header,
the banner (``includes/banner.html``) and the footer identifier (``includes/identifier.html``)
read it; a blank field falls back to a sensible default or is left out, never shown empty.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.images import get_image_model_string
from wagtail.models import Site

from .. import conf
from ..cache import cached_fragment


def validate_link(value: str) -> None:
    """A path on this site (``/about/``) or an ``http(s)://`` address; nothing else."""
    if value.startswith("/") and not value.startswith("//"):
        return
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        raise ValidationError(
            _("Enter a path on this site, such as /about/, or an address starting with https://.")
        ) from None


def link_field(verbose_name):
    return models.CharField(
        verbose_name,
        max_length=500,
        blank=True,
        validators=[validate_link],
        help_text=_(
            "A path on this site (/about/) or a full address. Blank: the link is not shown."
        ),
    )


@dataclass(frozen=True)
class RequiredLink:
    """One of the identifier's required links, with its label already translated."""

    label: str
    url: str


class TopLevelDomain(models.TextChoices):
    GOV = "gov", ".gov"
    MIL = "mil", ".mil"


@register_setting(icon="site")
class AgencyIdentity(BaseSiteSetting):
    """The agency behind a site: name, logo, the official-website banner and footer links."""

    show_government_banner = models.BooleanField(
        _("show the U.S. government banner"),
        default=False,
        help_text=_(
            "Shows “An official website of the United States government” above every page "
            "and the USA.gov line in the footer. Only for a U.S. federal government website."
        ),
    )
    top_level_domain = models.CharField(
        _("domain type"),
        max_length=3,
        choices=TopLevelDomain.choices,
        default=TopLevelDomain.GOV,
        help_text=_("Named in the banner’s “Here’s how you know” section."),
    )
    agency_name = models.CharField(
        _("agency name"),
        max_length=200,
        blank=True,
        help_text=_(
            "Without “the”, for example “Community Relations Service”. "
            "Blank: the agency in the WAGTAIL_SPCP_AGENCY setting, if any."
        ),
    )
    agency_url = models.URLField(
        _("agency website"), blank=True, help_text=_("The agency’s main website, if it has one.")
    )
    domain = models.CharField(
        _("domain shown in the footer"),
        max_length=100,
        blank=True,
        help_text=_("For example “justice.gov”. Blank: the site name."),
    )
    logo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in the header and the footer. Blank: the site name as text."),
    )
    logo_alt_text = models.CharField(
        _("logo alt text"),
        max_length=250,
        blank=True,
        help_text=_(
            "Describes the logo for people who cannot see it, for example “Community "
            "Relations Service seal”. Blank: the image’s description, else the agency name."
        ),
    )
    about_url = link_field(_("about the agency"))
    accessibility_url = link_field(_("accessibility statement"))
    foia_url = link_field(_("FOIA requests"))
    no_fear_act_url = link_field(_("No FEAR Act data"))
    inspector_general_url = link_field(_("Office of the Inspector General"))
    performance_reports_url = link_field(_("performance reports"))
    privacy_policy_url = link_field(_("privacy policy"))

    select_related = ["site", "logo"]

    panels = [
        MultiFieldPanel(
            [FieldPanel("show_government_banner"), FieldPanel("top_level_domain")],
            heading=_("U.S. government banner"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("agency_name"),
                FieldPanel("agency_url"),
                FieldPanel("domain"),
                FieldPanel("logo"),
                FieldPanel("logo_alt_text"),
            ],
            heading=_("Agency"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("about_url"),
                FieldPanel("accessibility_url"),
                FieldPanel("foia_url"),
                FieldPanel("no_fear_act_url"),
                FieldPanel("inspector_general_url"),
                FieldPanel("performance_reports_url"),
                FieldPanel("privacy_policy_url"),
            ],
            heading=_("Footer links"),
        ),
    ]

    class Meta:
        verbose_name = _("agency identity")
        verbose_name_plural = _("agency identities")

    @classmethod
    def for_public_request(cls, request) -> "AgencyIdentity":
        """The identity of the request's site, cached on the request and, for anonymous
        visitors, in the fragment cache until content changes (``wagtail_spcp.cache``).

        Unlike ``for_request`` it writes nothing: a site with no saved identity (or a
        request matching no site) gets an unsaved one holding the defaults.
        """
        cache_name = "_spcp_agency_identity"
        if request is not None and hasattr(request, cache_name):
            return getattr(request, cache_name)
        site = Site.find_for_request(request) if request is not None else None
        identity = cached_fragment(request, "agency-identity", lambda: cls.saved_or_default(site))
        if request is not None:
            setattr(request, cache_name, identity)
        return identity

    @classmethod
    def saved_or_default(cls, site) -> "AgencyIdentity":
        """``site``'s saved identity, with its site, root page and logo; else the defaults."""
        identity = None
        if site is not None:
            queryset = cls.base_queryset().select_related("site__root_page")
            identity = queryset.filter(site=site).first()
        return identity or cls(site=site)

    @property
    def site_name(self) -> str:
        """The Wagtail site's name; never its host name."""
        site = self.site if self.site_id else None
        return (site.site_name if site else "") or gettext("Community Partnerships")

    @property
    def display_agency_name(self) -> str:
        """The agency's name, else ``WAGTAIL_SPCP_AGENCY``'s; may be empty."""
        return self.agency_name or conf.agency().get("name", "")

    @property
    def display_agency_url(self) -> str:
        if self.agency_name:
            return self.agency_url
        return self.agency_url or conf.agency().get("url", "")

    @property
    def display_domain(self) -> str:
        return self.domain or self.site_name

    @property
    def logo_alt(self) -> str:
        """The logo's alt text: the setting's, the image's description, else the agency."""
        description = getattr(self.logo, "description", "") if self.logo_id else ""
        return self.logo_alt_text or description or self.display_agency_name or self.site_name

    @property
    def required_links(self) -> list[RequiredLink]:
        """The identifier's required links that have an address, in USWDS's order."""
        agency_name = self.display_agency_name
        about = (
            gettext("About %(agency)s") % {"agency": agency_name}
            if agency_name
            else gettext("About us")
        )
        links = [
            (about, self.about_url),
            (gettext("Accessibility statement"), self.accessibility_url),
            (gettext("FOIA requests"), self.foia_url),
            (gettext("No FEAR Act data"), self.no_fear_act_url),
            (gettext("Office of the Inspector General"), self.inspector_general_url),
            (gettext("Performance reports"), self.performance_reports_url),
            (gettext("Privacy policy"), self.privacy_policy_url),
        ]
        return [RequiredLink(label, url.strip()) for label, url in links if url and url.strip()]
