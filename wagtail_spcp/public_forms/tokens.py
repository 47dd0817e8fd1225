"""The signed token of a registration's cancel link."""

from django.core import signing

from ..models import Registration

CANCEL_SALT = "wagtail_spcp.public_forms.cancel"


def cancel_token(registration) -> str:
    return signing.dumps({"r": registration.pk}, salt=CANCEL_SALT)


def registration_for_token(token):
    """The registration a signed cancel link names, or None when tampered with."""
    try:
        data = signing.loads(token, salt=CANCEL_SALT)
    except signing.BadSignature:
        return None
    return (
        Registration.objects.select_related("event", "participation")
        .filter(pk=data.get("r"))
        .first()
    )
