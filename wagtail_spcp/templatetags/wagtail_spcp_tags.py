"""Template helpers for the public pages: place names, JSON-LD, the agency identity, USWDS,
and the links between a page's languages, and cached fragments."""

import re

from django import template
from django.templatetags.static import static
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from .. import conf, languages
from ..cache import cached_fragment
from ..models.identity import AgencyIdentity
from ..states import place_name as _place_name
from ..structured_data import agency, json_ld_script, office_json_ld

register = template.Library()


@register.filter
def place_name(code):
    """``{{ "TX"|place_name }}`` renders “Texas”."""
    return _place_name(code)


# An opening <a> tag that has no class attribute yet.
LINK_WITHOUT_CLASS = re.compile(r"<a(?=[\s>])(?![^>]*\sclass=)")


@register.filter
def usa_links(html):
    """Rendered rich text with USWDS's ``usa-link`` class on every link that has no class.

    ``{{ page.intro|richtext|usa_links }}``: editors' links get the design system's colors and
    its visited, hover and focus states instead of the browser's defaults.
    """
    html = conditional_escape(html)
    return mark_safe(LINK_WITHOUT_CLASS.sub('<a class="usa-link"', str(html)))  # noqa: S308


@register.simple_tag(takes_context=True)
def office_json_ld_script(context, office, state_codes=(), url=""):
    """A GovernmentOffice JSON-LD script; ``state_codes`` are codes or RegionState rows."""
    request = context.get("request")
    if url and request is not None:
        url = request.build_absolute_uri(url)
    codes = [getattr(state, "code", state) for state in state_codes or ()]
    organisation = agency(AgencyIdentity.for_public_request(request)) if request else None
    return json_ld_script(office_json_ld(office, codes, url, organisation))


@register.simple_tag(takes_context=True)
def spcp_identity(context):
    """The request's site's ``AgencyIdentity`` (unsaved defaults when none is saved)."""
    return AgencyIdentity.for_public_request(context.get("request"))


@register.simple_tag(takes_context=True)
def spcp_language_links(context):
    """The language switcher's links: this page (or sub-page) in each other language.

    ``{% spcp_language_links as links %}``; empty when the site has one language.
    """
    return languages.switcher_links(context.get("request"), context.get("page"))


@register.simple_tag(takes_context=True)
def spcp_home_page(context):
    """The site's home page in the language shown (its root page when not translated)."""
    return languages.home_page(context.get("request"), context.get("page"))


@register.simple_tag(takes_context=True)
def spcp_localized_url(context, url):
    """``url``, or, when it is the address of one of the site's pages, that page's address in
    the language shown (``{% spcp_localized_url link.url %}``)."""
    return languages.localized_url(context.get("request"), url)


@register.simple_tag(takes_context=True)
def spcp_alternate_links(context):
    """``(hreflang, URL)`` pairs for ``<link rel="alternate">``; empty for a one-language page."""
    return languages.alternate_links(context.get("request"), context.get("page"))


@register.simple_tag
def uswds_static(path):
    """The URL of a file in USWDS's ``dist`` folder, under ``SPCP_USWDS_STATIC``.

    ``{% uswds_static "img/us_flag_small.png" %}``
    """
    return static(f"{conf.uswds_static()}/{path}")


LOCK_PATH = (
    "M26 0c10.493 0 19 8.507 19 19v9h3a4 4 0 0 1 4 4v28a4 4 0 0 1-4 4H4a4 4 0 0 1-4-4V32"
    "a4 4 0 0 1 4-4h3v-9C7 8.507 15.507 0 26 0zm0 8c-5.979 0-10.843 4.77-10.996 10.712L15 19"
    "v9h22v-9c0-6.075-4.925-11-11-11z"
)


@register.simple_tag
def uswds_lock_icon():
    """The padlock of the USWDS banner's HTTPS guidance, as inline SVG with a translated name."""
    return format_html(
        '<span class="icon-lock"><svg xmlns="http://www.w3.org/2000/svg" width="52" height="64" '
        'viewBox="0 0 52 64" class="usa-banner__lock-image" role="img" '
        'aria-labelledby="banner-lock-description" focusable="false">'
        '<title id="banner-lock-title">{}</title><desc id="banner-lock-description">{}</desc>'
        '<path fill="#000000" fill-rule="evenodd" d="{}"/></svg></span>',
        gettext("Lock"),
        gettext("Locked padlock icon"),
        LOCK_PATH,
    )


class CachedFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        name = str(self.name.resolve(context))
        vary_on = [value.resolve(context) for value in self.vary_on]
        html = cached_fragment(
            context.get("request"), name, lambda: self.nodelist.render(context), *vary_on
        )
        return mark_safe(html)  # noqa: S308 (the template's own rendered, escaped output)


@register.tag("spcp_cache")
def spcp_cache(parser, token):
    """Cache a fragment every visitor sees the same, until content changes.

    ``{% spcp_cache "header" [vary_on ...] %}...{% endspcp_cache %}``: keyed on the name, the
    site, the language, the content version and the vary-on values (see ``wagtail_spcp.cache``).
    Only for public content: signed-in users and previews always render it afresh.
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a fragment name")
    nodelist = parser.parse(("endspcp_cache",))
    parser.delete_first_token()
    return CachedFragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]]
    )
