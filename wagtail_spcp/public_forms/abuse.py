"""Keeping automated and repeated submissions out, with no captcha and no third-party script.

Three checks: a honeypot field people never see, a signed timestamp of when the form was
shown (a form sent too quickly is refused) and a count of submissions per address in the
Django cache. Addresses are hashed in cache keys and never logged.
"""

import hashlib
import time

from django import forms
from django.core import signing
from django.core.cache import caches
from django.utils.translation import gettext_lazy as _

from .. import conf

SALT = "wagtail_spcp.public_forms.started"
HONEYPOT_FIELD = "website"

REFUSED = _(
    "We could not accept this form. Check your entries, wait a few seconds and send it again."
)
OVER_LIMIT = _(
    "You have sent this form several times in a short while. To protect the service we cannot "
    "accept more from your connection for now. Please try again in an hour, or call or email "
    "your regional office."
)


def sign_start(now: float | None = None) -> str:
    return signing.dumps(int(now if now is not None else time.time()), salt=SALT)


class ProtectedForm(forms.Form):
    """A form with a honeypot and a minimum fill time; ``is_automated`` after validation."""

    website = forms.CharField(label=_("Leave this field blank"), required=False)
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update(autocomplete="off", tabindex="-1")
        if not self.is_bound:
            self.initial["started"] = sign_start()
        self.is_automated = False

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(HONEYPOT_FIELD) or not self._filled_slowly(cleaned.get("started")):
            self.is_automated = True
            raise forms.ValidationError(REFUSED, code="refused")
        return cleaned

    @staticmethod
    def _filled_slowly(token) -> bool:
        try:
            started = signing.loads(token or "", salt=SALT, max_age=24 * 3600)
        except signing.BadSignature:
            return False
        return time.time() - int(started) >= conf.forms_min_seconds()

    use_required_attribute = False  # the server checks, and says why, in the error summary

    def decorate(self):
        """Add USWDS classes, ``aria-describedby`` and ``aria-invalid`` to the widgets."""
        for bound in self:
            widget = bound.field.widget
            classes = {
                forms.Textarea: "usa-textarea",
                forms.Select: "usa-select",
                forms.RadioSelect: "usa-radio__input",
                forms.CheckboxInput: "usa-checkbox__input",
            }
            css = next(
                (name for kind, name in classes.items() if isinstance(widget, kind)), "usa-input"
            )
            described = []
            if bound.help_text:
                described.append(f"{bound.auto_id}-hint")
            if bound.errors:
                described.append(f"{bound.auto_id}-error")
                widget.attrs["aria-invalid"] = "true"
                if css in ("usa-input", "usa-textarea", "usa-select"):
                    css += f" {css}--error"
            widget.attrs["class"] = css
            if described and not isinstance(widget, forms.RadioSelect):
                widget.attrs["aria-describedby"] = " ".join(described)
        return self

    def error_links(self):
        """(field id, message) for the error summary, in field order; form errors first."""
        links = [("", error) for error in self.non_field_errors()]
        for bound in self:
            for error in bound.errors:
                target = bound.auto_id
                if isinstance(bound.field.widget, forms.RadioSelect):
                    target = f"{bound.auto_id}_0"
                links.append((target, error))
        return links

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != HONEYPOT_FIELD]


def client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "")


def over_limit(request, scope: str) -> bool:
    """Count one submission from the request's address; whether it is over the limit."""
    limit = conf.forms_rate_limit()
    if limit <= 0:
        return False
    digest = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    key = f"spcp-forms:{scope}:{digest}"
    cache = caches[conf.forms_cache_alias()]
    cache.add(key, 0, timeout=conf.forms_rate_window())
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=conf.forms_rate_window())
        count = 1
    return count > limit
