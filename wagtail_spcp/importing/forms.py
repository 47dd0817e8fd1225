"""Forms of the import wizard: upload, then map columns."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..access import engagements_for_user
from ..choices import DuplicatePolicy
from ..models import ImportMapping
from .columns import COLUMNS
from .reading import CSV_SUFFIXES, XLSX_SUFFIXES, UnreadableFile, check_size
from .suggestions import MappingError, check_columns

COLUMN_CHOICES = [("", _("Do not import"))] + [(c.name, c.label) for c in COLUMNS]


class UploadForm(forms.Form):
    engagement = forms.ModelChoiceField(queryset=None, label=_("Engagement"))
    file = forms.FileField(
        label=_("Spreadsheet"),
        help_text=_("An Excel workbook (.xlsx) or a CSV file (UTF-8 or Windows-1252)."),
    )
    duplicate_policy = forms.ChoiceField(
        label=_("When someone is already in the database"),
        choices=DuplicatePolicy.choices,
        initial=DuplicatePolicy.UPDATE,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["engagement"].queryset = engagements_for_user(user)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            check_size(upload.size)
        except UnreadableFile as error:
            raise forms.ValidationError(str(error)) from None
        if not upload.name.lower().endswith(XLSX_SUFFIXES + CSV_SUFFIXES):
            raise forms.ValidationError(_("Upload an Excel workbook (.xlsx) or a CSV file."))
        return upload


class MappingForm(forms.Form):
    """One choice per column of the file, plus an optional name to save the mapping under."""

    save_as = forms.CharField(
        label=_("Save this mapping as"),
        required=False,
        max_length=100,
        help_text=_("Optional: a name to reuse this mapping for similar files."),
    )

    save_for = forms.ChoiceField(
        label=_("Save it for"),
        required=False,
        choices=[],
        widget=forms.RadioSelect,
        help_text=_("Shared mappings are offered to staff of every region."),
    )

    def __init__(self, *args, headers=(), suggested=(), samples=(), region=None, **kwargs):
        """``region``: the region a saved mapping belongs to; national staff may share it."""
        shareable = kwargs.pop("shareable", False)
        super().__init__(*args, **kwargs)
        self.region = region
        choices = [("region", region.name)] if region is not None else []
        if shareable:
            choices.append(("shared", _("Every region (shared)")))
        if len(choices) > 1:
            self.fields["save_for"].choices = choices
            self.fields["save_for"].initial = "region"
        else:
            del self.fields["save_for"]
        self.headers = list(headers)
        self.rows = []
        for index, header in enumerate(self.headers):
            name = f"column_{index}"
            self.fields[name] = forms.ChoiceField(
                label=header or _("(no header)"),
                choices=COLUMN_CHOICES,
                required=False,
                initial=suggested[index] if index < len(suggested) else "",
            )
            self.rows.append(
                {"header": header, "field": name, "samples": samples[index] if samples else []}
            )

    def bound_rows(self):
        for row in self.rows:
            yield {**row, "bound": self[row["field"]]}

    def initial_columns(self):
        return [self.fields[row["field"]].initial for row in self.rows]

    def columns(self):
        return [self.cleaned_data.get(f"column_{i}", "") for i in range(len(self.headers))]

    def clean(self):
        cleaned = super().clean()
        try:
            check_columns(self.columns())
        except MappingError as error:
            raise forms.ValidationError(str(error)) from None
        return cleaned

    def clean_save_as(self):
        return self.cleaned_data["save_as"].strip()

    def save_region(self):
        """The region to save the mapping for (None: shared by every region)."""
        if self.cleaned_data.get("save_for") == "shared" or self.region is None:
            return None
        return self.region


class SavedMappingForm(forms.Form):
    mapping = forms.ModelChoiceField(
        queryset=ImportMapping.objects.none(), label=_("Use a saved mapping"), required=False
    )

    def __init__(self, *args, queryset=None, **kwargs):
        super().__init__(*args, **kwargs)
        if queryset is not None:
            self.fields["mapping"].queryset = queryset
