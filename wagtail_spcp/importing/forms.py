"""Forms of the import wizard: upload, then map columns."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..access import engagements_for_user
from ..choices import DuplicatePolicy, MatchKey
from ..models import ImportMapping
from .columns import COLUMNS, COLUMNS_BY_NAME
from .reading import CSV_SUFFIXES, XLSX_SUFFIXES, UnreadableFile, check_size
from .suggestions import MappingError, check_columns
from .values import choices_for

# How slashed dates read: the form's value -> ``ImportBatch.day_first``.
DAY_FIRST = {"": None, "month": False, "day": True}
DAY_FIRST_CHOICES = [
    ("", _("Decide from each date column (month first when it could be either)")),
    ("month", _("Month first: 03/04/2026 is March 4")),
    ("day", _("Day first: 03/04/2026 is April 3")),
]
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

    match_on = forms.ChoiceField(
        label=_("Match rows to people already in the database by"),
        choices=MatchKey.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    day_first = forms.ChoiceField(
        label=_("Dates such as 03/04/2026"),
        choices=DAY_FIRST_CHOICES,
        required=False,
        widget=forms.RadioSelect,
    )
    save_for = forms.ChoiceField(
        label=_("Save it for"),
        required=False,
        choices=[],
        widget=forms.RadioSelect,
        help_text=_("Shared mappings are offered to staff of every region."),
    )

    def __init__(
        self, *args, headers=(), suggested=(), samples=(), region=None, matches=(), **kwargs
    ):
        """``region``: the region a saved mapping belongs to; national staff may share it.

        ``matches``: each header's ``headers.HeaderMatch`` (its reason and candidates).
        """
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
                {
                    "header": header,
                    "field": name,
                    "samples": samples[index] if samples else [],
                    "match": matches[index] if index < len(matches) else None,
                }
            )

    def bound_rows(self):
        """Each column's row: header, samples, match, bound field and candidate labels."""
        for row in self.rows:
            match = row["match"]
            candidates = [
                COLUMNS_BY_NAME[candidate.column].label
                for candidate in (match.candidates if match else ())
                if candidate.column in COLUMNS_BY_NAME
            ]
            yield {**row, "bound": self[row["field"]], "candidates": candidates}

    def initial_columns(self):
        return [self.fields[row["field"]].initial for row in self.rows]

    def columns(self):
        return [self.cleaned_data.get(f"column_{i}", "") for i in range(len(self.headers))]

    def settings(self) -> dict:
        """The match key and day-first choice, as ``ImportBatch`` fields."""
        return {
            "match_on": self.cleaned_data.get("match_on") or "",
            "day_first": DAY_FIRST[self.cleaned_data.get("day_first") or ""],
        }

    def clean(self):
        cleaned = super().clean()
        try:
            check_columns(self.columns(), cleaned.get("match_on") or "")
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


class TableForm(forms.Form):
    """Another sheet or header row than the ones the import found."""

    sheet = forms.ChoiceField(label=_("Sheet"), required=False, choices=[])
    header_row = forms.IntegerField(
        label=_("Header row"),
        required=False,
        min_value=1,
        help_text=_("The number of the row that holds the column headers."),
    )

    def __init__(self, *args, sheet_names=(), **kwargs):
        super().__init__(*args, **kwargs)
        if len(sheet_names) > 1:
            self.fields["sheet"].choices = [(name, name) for name in sheet_names]
        else:
            del self.fields["sheet"]


class ValueMapForm(forms.Form):
    """One choice per unknown value of a choice column: what it stands for, or blank."""

    def __init__(self, *args, unknown=None, **kwargs):
        """``unknown``: ``{column: [(value, count), ...]}`` (``values.unknown_values``)."""
        super().__init__(*args, **kwargs)
        self.groups = []
        for column, values in (unknown or {}).items():
            rows = []
            for index, (value, count) in enumerate(values):
                name = f"{column}__{index}"
                self.fields[name] = forms.ChoiceField(
                    label=value,
                    required=False,
                    choices=[("", _("Leave blank")), *choices_for(column)],
                )
                rows.append({"value": value, "count": count, "field": name})
            self.groups.append({"column": COLUMNS_BY_NAME[column].label, "rows": rows})
        self.unknown = unknown or {}

    def bound_groups(self):
        for group in self.groups:
            rows = [{**row, "bound": self[row["field"]]} for row in group["rows"]]
            yield {**group, "rows": rows}

    def value_map(self) -> dict:
        """``{column: {value: choice or ""}}`` for every value offered."""
        return {
            column: {
                value: self.cleaned_data.get(f"{column}__{index}", "")
                for index, (value, _count) in enumerate(values)
            }
            for column, values in self.unknown.items()
        }
