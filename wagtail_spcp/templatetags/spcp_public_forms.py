"""Links to the public forms, left out when the site has not mounted their URLs."""

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode

register = template.Library()


@register.simple_tag
def request_program_url(community="") -> str:
    """The request form with the finder's query as its community, or "" when not mounted."""
    try:
        url = reverse("spcp_public_forms:request")
    except NoReverseMatch:
        return ""
    return f"{url}?{urlencode({'community': community, 'source': 'finder'})}"
