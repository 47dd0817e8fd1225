"""The public request and registration forms: fields, cleaning and community resolution."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

import phonenumbers

from ..choices import EngagementOrigin, Sector
from ..finder import MatchKind, lookup
from ..importing.pipeline import split_full_name
from ..normalise import collapse_spaces, normalise_email, normalise_phone
from .abuse import ProtectedForm

OTHER_LANGUAGE = "other"


class ContactFieldsMixin:
    """Cleaning shared by both forms: a first and last name, an email, a phone number."""

    def clean_name(self):
        name = collapse_spaces(self.cleaned_data["name"])
        first, last = split_full_name(name)
        if not first or not last:
            raise forms.ValidationError(_("Enter your first and last name."))
        self.cleaned_data["first_name"], self.cleaned_data["last_name"] = first, last
        return name

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])

    def clean_phone(self):
        try:
            return normalise_phone(self.cleaned_data["phone"])
        except (ValueError, phonenumbers.NumberParseException):
            raise forms.ValidationError(
                _("Enter a phone number with its area code, for example 409-555-0190.")
            ) from None

    def person_values(self) -> dict:
        data = self.cleaned_data
        return {
            "first_name": data["first_name"],
            "last_name": data["last_name"],
            "email": data.get("email", ""),
            "phone": data.get("phone", ""),
            "organisation": collapse_spaces(data.get("organisation", "")),
            "consent_to_contact": bool(data.get("consent")),
        }


class ProgramRequestForm(ContactFieldsMixin, ProtectedForm):
    """Asking for a program for one community."""

    organisation = forms.CharField(label=_("Organization"), max_length=200)
    role = forms.CharField(
        label=_("Your role"),
        max_length=150,
        required=False,
        help_text=_("For example “Pastor”, “Police chief” or “School principal”."),
    )
    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(label=_("Email"), max_length=254)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    community = forms.CharField(
        label=_("Community"),
        max_length=100,
        help_text=_("A ZIP code, or a city and state, for example 77550 or Galveston, TX."),
    )
    origin = forms.ChoiceField(
        label=_("Why now?"),
        choices=[
            (EngagementOrigin.PROACTIVE, _("To prevent problems (proactive)")),
            (EngagementOrigin.CRITICAL_INCIDENT, _("After an incident")),
        ],
        widget=forms.RadioSelect,
    )
    incident_description = forms.CharField(
        label=_("What happened?"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("A short description. Required after an incident."),
    )
    preferred_timing = forms.CharField(
        label=_("Preferred timing"),
        max_length=200,
        required=False,
        help_text=_("For example “this fall” or “before the end of May”."),
    )
    message = forms.CharField(
        label=_("Anything else we should know"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    consent = forms.BooleanField(
        label=_("I agree that the agency may contact me about this request."),
        error_messages={"required": _("Check the box to agree to be contacted.")},
    )

    field_order = [
        "organisation",
        "role",
        "name",
        "email",
        "phone",
        "community",
        "origin",
        "incident_description",
        "preferred_timing",
        "message",
        "consent",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.finder_result = None

    def clean_community(self):
        text = collapse_spaces(self.cleaned_data["community"])
        result = lookup(text)
        if not result.found:
            raise forms.ValidationError(
                _(
                    "We could not find this community: %(reason)s Enter a five-digit ZIP code, "
                    "or a city and state. Your other entries are kept."
                )
                % {"reason": result.message or _("more than one place has this name.")}
            )
        if result.place is None or result.kind == MatchKind.STATE:
            raise forms.ValidationError(
                _("Enter a ZIP code, or a city and state, not only a state.")
            )
        if result.serving_office is None:
            raise forms.ValidationError(
                _("No office serves this community yet. Call or email headquarters.")
            )
        self.finder_result = result
        return text

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("origin") == EngagementOrigin.CRITICAL_INCIDENT and not cleaned.get(
            "incident_description"
        ):
            self.add_error(
                "incident_description", _("Describe briefly what happened in your community.")
            )
        return cleaned


def language_choices():
    return [*settings.LANGUAGES, (OTHER_LANGUAGE, _("Another language"))]


class RegistrationForm(ContactFieldsMixin, ProtectedForm):
    """Signing up for a program day."""

    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(label=_("Email"), max_length=254, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    organisation = forms.CharField(label=_("Organization"), max_length=200, required=False)
    sector = forms.ChoiceField(
        label=_("Sector"),
        choices=[("", _("Choose one")), *Sector.choices],
        required=False,
        help_text=_("The part of the community you come from."),
    )
    preferred_language = forms.ChoiceField(label=_("Preferred language"), choices=language_choices)
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Interpreters, seating, a quiet room, anything that helps you take part."),
    )
    consent = forms.BooleanField(
        label=_("I agree that the agency may contact me about this program day."),
        error_messages={"required": _("Check the box to agree to be contacted.")},
    )

    field_order = [
        "name",
        "email",
        "phone",
        "organisation",
        "sector",
        "preferred_language",
        "accessibility_needs",
        "consent",
    ]

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("email") and not cleaned.get("phone"):
            self.add_error("email", _("Enter an email address or a phone number."))
        return cleaned

    def person_values(self) -> dict:
        values = super().person_values()
        values["sector"] = self.cleaned_data.get("sector", "")
        language = self.cleaned_data.get("preferred_language", "")
        values["preferred_language"] = "" if language == OTHER_LANGUAGE else language
        return values
