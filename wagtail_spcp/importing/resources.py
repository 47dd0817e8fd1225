"""The participant and person resources: the columns every export writes.

django-import-export defines the columns (headers, attributes, widgets); the fields come
from the one column list in ``columns``. Imports go through the batched ``pipeline``, not
the resources' per-row import, and exports read plain values rather than instances.
"""

from django.utils.translation import override

from import_export import fields, resources

from ..models import Participation, Person
from .columns import COLUMNS_BY_NAME, PARTICIPATION_FIELDS, PERSON_FIELDS
from .widgets import column_widget

# Exported columns, in order: the person's fields, then their part in the engagement.
EXPORT_COLUMNS = (*PERSON_FIELDS, *PARTICIPATION_FIELDS)


def column_field(name, person_prefix=""):
    """The export field of column ``name``: its English label, attribute and widget."""
    attribute = name if name in PARTICIPATION_FIELDS else f"{person_prefix}{name}"
    with override("en"):
        label = str(COLUMNS_BY_NAME[name].label)
    return fields.Field(attribute=attribute, column_name=label, widget=column_widget(name))


class ColumnsResource(resources.ModelResource):
    """A resource whose fields are ``columns`` (names from ``columns.COLUMNS``)."""

    columns = ()
    person_prefix = ""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.fields = {name: column_field(name, self.person_prefix) for name in self.columns}

    def get_export_order(self):
        return self.columns

    def export_rows(self, queryset=None):
        """Rendered rows, read as plain values rather than one model instance per row."""
        queryset = self.get_queryset() if queryset is None else queryset
        export_fields = self.get_export_fields()
        paths = [f.attribute for f in export_fields]
        renderers = [f.widget.render for f in export_fields]
        for values in queryset.values_list(*paths).iterator(chunk_size=2000):
            yield [render(value) for render, value in zip(renderers, values, strict=True)]


class ParticipantResource(ColumnsResource):
    """The participants of one engagement: the person's columns, then their participation."""

    columns = EXPORT_COLUMNS
    person_prefix = "person__"

    class Meta:
        model = Participation
        fields = ()

    def __init__(self, engagement=None, **kwargs):
        self.engagement = engagement
        super().__init__(**kwargs)

    def get_queryset(self):
        queryset = Participation.objects.select_related("person")
        if self.engagement is not None:
            queryset = queryset.filter(engagement=self.engagement)
        return queryset.order_by("person__last_name", "person__first_name", "pk")


class PersonResource(ColumnsResource):
    """People (for example a filtered people listing) with the participants' person columns."""

    columns = PERSON_FIELDS

    class Meta:
        model = Person
        fields = ()
